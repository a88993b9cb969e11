import '../../../src/voucher-records.js';
import type { MemoryAdapterOptions, MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { backend, filterRecords, listReady, mount } from '../support/flows.js';
import { screenshotSuite } from './shots.js';

function recordsOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}, edit: (api: MemoryPartnerApi) => void = () => undefined) {
  const api = backend(options);
  edit(api);
  return mount(stage, 'voucher-records', api, locale);
}

screenshotSuite(
  'voucher-records',
  {
    loading: async (stage, locale) => {
      const el = recordsOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => el.shadowRoot?.childElementCount, 'not rendered');
    },
    idle: async (stage, locale) => listReady(recordsOn(stage, locale)),
    filtered: async (stage, locale) => {
      const records = recordsOn(stage, locale);
      await listReady(records);
      await filterRecords(records, 'reclaim');
    },
    empty: async (stage, locale) => {
      const records = recordsOn(stage, locale, {}, (api) => api.data.records.splice(0));
      await waitFor(() => $(records, '.empty'), 'no empty state');
    },
    error: async (stage, locale) => {
      const records = recordsOn(stage, locale, { faults: { listCouponRecords: { kind: 'server', times: 0 } } });
      await waitFor(() => $(records, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
  },
  ['idle'],
);
