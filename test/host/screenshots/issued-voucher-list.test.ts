import '../../../src/issued-voucher-list.js';
import type { IssuedVoucherList } from '../../../src/issued-voucher-list.js';
import type { MemoryAdapterOptions, MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { reclaimPart } from '../../../src/elements/issued-voucher-list/reclaim-part.js';
import { $, waitFor } from '../support/drive.js';
import { backend, confirmReclaim, listReady, mount, openReclaim, outboxVerifier } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

function listOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}, edit: (api: MemoryPartnerApi) => void = () => undefined) {
  const api = backend({ verification: { enabled: false }, ...options });
  edit(api);
  return mount<IssuedVoucherList>(stage, 'issued-voucher-list', api, locale, (el) => (el.verifier = outboxVerifier(api)));
}

screenshotSuite(
  'issued-voucher-list',
  {
    loading: async (stage, locale) => {
      const el = listOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => el.shadowRoot?.childElementCount, 'not rendered');
    },
    idle: async (stage, locale) => listReady(listOn(stage, locale)),
    empty: async (stage, locale) => {
      const list = listOn(stage, locale, {}, (api) => api.data.coupons.splice(0));
      await waitFor(() => $(list, '.empty'), 'no empty state');
    },
    error: async (stage, locale) => {
      const list = listOn(stage, locale, { faults: { listIssuedCoupons: { kind: 'server', times: 0 } } });
      await waitFor(() => $(list, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
    // The reclaim dialog's code could not be fetched: the failure and its retry on a line below the pressed row.
    'reclaim-load-failed': async (stage, locale) => {
      const real = reclaimPart.load;
      reclaimPart.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      try {
        const list = listOn(stage, locale);
        await listReady(list);
        $<HTMLButtonElement>(list, '[part=reclaim]')!.click();
        await waitFor(() => $(list, '.row-note .error-state'), 'no failure in the row');
      } finally {
        reclaimPart.load = real;
      }
    },
    'dialog-open': async (stage, locale) => {
      const list = listOn(stage, locale);
      await listReady(list);
      await openReclaim(list);
      return openDialog(list);
    },
    result: async (stage, locale) => {
      const list = listOn(stage, locale);
      await listReady(list);
      await openReclaim(list);
      await confirmReclaim(list, locale);
      return openDialog(list);
    },
  },
  ['idle', 'dialog-open', 'reclaim-load-failed'],
);
