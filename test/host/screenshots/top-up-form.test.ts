import '../../../src/top-up-form.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { TWENTY_DIGITS } from '../geometry/geometry.js';
import { backend, enterTopUp, mount, payTopUp, toTopUpQr, topUpReady } from '../support/flows.js';
import { screenshotSuite } from './shots.js';

// The QR step counts down its expiry each second: a clock standing still shows it whole (15:00) and never polls.
const frozen = Date.now();
Date.now = () => frozen;

function formOn(stage: HTMLElement, locale: Locale) {
  const api = backend();
  return { api, form: mount(stage, 'top-up-form', api, locale) };
}

screenshotSuite(
  'top-up-form',
  {
    idle: async (stage, locale) => {
      await topUpReady(formOn(stage, locale).form);
    },
    loading: async (stage, locale) => {
      const { api, form } = formOn(stage, locale);
      await topUpReady(form);
      api.latencyMs = 600_000;
      await enterTopUp(form, '1200');
      await waitFor(() => $(form, 'button[aria-busy=true]'), 'not creating');
    },
    error: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await enterTopUp(form, TWENTY_DIGITS);
      await waitFor(() => $(form, '#amount-error')?.textContent?.trim(), 'no refusal shown');
    },
    qr: async (stage, locale) => toTopUpQr(formOn(stage, locale).form, '1200'),
    result: async (stage, locale) => {
      const { api, form } = formOn(stage, locale);
      await toTopUpQr(form, '1200');
      await payTopUp(form, api, locale);
    },
  },
  ['qr'],
);
