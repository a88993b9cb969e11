import '../../../src/customer-list.js';
import type { CustomerList } from '../../../src/customer-list.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { backend, confirmUnbind, customersReady, mount, openUnbind, outboxVerifier } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

function listOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) {
  const api = backend(options);
  return { api, list: mount<CustomerList>(stage, 'customer-list', api, locale, (el) => (el.verifier = outboxVerifier(api))) };
}

screenshotSuite(
  'customer-list',
  {
    loading: async (stage, locale) => {
      const { list } = listOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => $(list, '.skeleton'), 'no skeleton');
    },
    idle: async (stage, locale) => customersReady(listOn(stage, locale).list),
    empty: async (stage, locale) => {
      const api = backend();
      api.data.customers.length = 0;
      const list = mount(stage, 'customer-list', api, locale);
      await waitFor(() => $(list, '.empty'), 'no empty state');
    },
    error: async (stage, locale) => {
      const { list } = listOn(stage, locale, { faults: { listSubCustomers: { kind: 'server', times: 0 } } });
      await waitFor(() => $(list, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
    'dialog-open': async (stage, locale) => {
      const { list } = listOn(stage, locale);
      await customersReady(list);
      await openUnbind(list, locale);
      return openDialog(list);
    },
    result: async (stage, locale) => {
      const { list } = listOn(stage, locale);
      await customersReady(list);
      await openUnbind(list, locale);
      await confirmUnbind(list, locale);
      return openDialog(list);
    },
    // The next page failed: the page shown stays, the error and its retry under the pager.
    'page-failed': async (stage, locale) => {
      const { api, list } = listOn(stage, locale);
      await customersReady(list);
      api.setFaults({ listSubCustomers: { kind: 'server', times: 0 } });
      $<HTMLButtonElement>(list, '.pager button:last-of-type')!.click();
      await waitFor(() => $(list, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
  },
  ['idle', 'dialog-open', 'page-failed'],
);
