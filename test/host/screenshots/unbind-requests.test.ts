import '../../../src/unbind-requests.js';
import type { UnbindRequests } from '../../../src/unbind-requests.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { backend, mount, outboxVerifier } from '../support/flows.js';
import { confirmDecision, openDecision, requestsReady, writeReason } from '../support/customer-flows.js';
import { openDialog, screenshotSuite } from './shots.js';

function requestsOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) {
  const api = backend(options);
  return { api, list: mount<UnbindRequests>(stage, 'unbind-requests', api, locale, (el) => (el.verifier = outboxVerifier(api))) };
}

screenshotSuite(
  'unbind-requests',
  {
    loading: async (stage, locale) => {
      const { list } = requestsOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => $(list, '.skeleton'), 'no skeleton');
    },
    idle: async (stage, locale) => requestsReady(requestsOn(stage, locale).list),
    empty: async (stage, locale) => {
      const api = backend();
      const list = api.listUnbindRequests.bind(api);
      api.listUnbindRequests = async (request, options) => ({ ...(await list(request, options)), items: [], total: 0 });
      const el = mount(stage, 'unbind-requests', api, locale);
      await waitFor(() => $(el, '.empty'), 'no empty state');
    },
    error: async (stage, locale) => {
      const { list } = requestsOn(stage, locale, { faults: { listUnbindRequests: { kind: 'server', times: 0 } } });
      await waitFor(() => $(list, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
    'dialog-open': async (stage, locale) => {
      const { list } = requestsOn(stage, locale);
      await requestsReady(list);
      await openDecision(list, 'reject', locale);
      writeReason(list, locale === 'zh-CN' ? '合同期内，请到期后再申请。' : 'Your contract with us runs until June.');
      await list.updateComplete;
      return openDialog(list);
    },
    result: async (stage, locale) => {
      const { list } = requestsOn(stage, locale);
      await requestsReady(list);
      await openDecision(list, 'approve', locale);
      await confirmDecision(list, 'approve', locale);
      return openDialog(list);
    },
  },
  ['idle', 'dialog-open'],
);
