import '../../../src/customer-create-form.js';
import type { CustomerCreateForm } from '../../../src/customer-create-form.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { backend, createCustomer, fillCustomer, mount } from '../support/flows.js';
import { screenshotSuite } from './shots.js';

function formOn(stage: HTMLElement, locale: Locale) {
  const api = backend();
  return { api, form: mount<CustomerCreateForm>(stage, 'customer-create-form', api, locale) };
}

screenshotSuite(
  'customer-create-form',
  {
    idle: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await waitFor(() => $(form, '#accountName'), 'no form');
    },
    loading: async (stage, locale) => {
      const { api, form } = formOn(stage, locale);
      await fillCustomer(form);
      // Wait for the availability check first, so the busy button is the only thing in flight.
      await waitFor(() => $(form, '#accountName-status .ok'), 'the account name was not checked');
      api.latencyMs = 600_000;
      $<HTMLButtonElement>(form, '[part=submit]')!.click();
      await waitFor(() => $(form, '[part=submit][aria-busy=true]'), 'not submitting');
    },
    error: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      (await waitFor(() => $<HTMLButtonElement>(form, '[part=submit]'), 'no submit button')).click();
      await waitFor(() => $(form, '#accountName-error')?.textContent?.trim(), 'no field error shown');
    },
    result: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await fillCustomer(form);
      await createCustomer(form);
    },
  },
  ['idle'],
);
