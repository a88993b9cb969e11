import '../../../src/top-up-form.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { TWENTY_DIGITS } from '../geometry/geometry.js';
import type { TopUpForm } from '../../../src/top-up-form.js';
import { backend, enterTopUp, mount, payTopUp, toTopUpQr, topUpReady } from '../support/flows.js';
import { chooseVoucher, confirmClaim, enableRemittance, openTopUpView, remittanceVerifier, toClaimForm } from '../support/top-up-flows.js';
import { screenshotSuite } from './shots.js';

// The QR step counts down its expiry each second: a clock standing still shows it whole (15:00) and never polls.
const frozen = Date.now();
Date.now = () => frozen;

function formOn(stage: HTMLElement, locale: Locale) {
  const api = backend();
  return { api, form: mount<TopUpForm>(stage, 'top-up-form', api, locale, (el) => (el.verifier = remittanceVerifier(api))) };
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
    'transfer-enable': async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await openTopUpView(form, 'transfer');
      await waitFor(() => $(form, '[part=enable] button'), 'no "Verify and enable"');
    },
    transfer: async (stage, locale) => enableRemittance(formOn(stage, locale).form, locale),
    claim: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await toClaimForm(form);
      chooseVoucher(form, new File([new Uint8Array(10)], 'voucher.gif', { type: 'image/gif' }));
      await waitFor(() => $(form, '#voucher-error')?.textContent?.trim(), 'the GIF was not refused');
    },
    'claim-records': async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await toClaimForm(form);
      chooseVoucher(form);
      await confirmClaim(form, locale);
    },
  },
  ['qr', 'transfer', 'claim', 'claim-records'],
);
