import '../../../src/unbind-requests.js';
import type { UnbindRequests } from '../../../src/unbind-requests.js';
import { backend, mount, outboxVerifier } from '../support/flows.js';
import { openDecision, requestsReady, writeReason } from '../support/customer-flows.js';
import { LONG_NAME, WIDTHS, expectColumnsAligned, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

/** Every request with a 3,000-character account and reason: what a hostile or careless backend could send. */
function longContentBackend() {
  const api = backend();
  const list = api.listUnbindRequests.bind(api);
  api.listUnbindRequests = async (request, options) => {
    const page = await list(request, options);
    return { ...page, items: page.items.map((r) => ({ ...r, accountName: LONG_NAME, reason: LONG_NAME })) };
  };
  return api;
}

function requestsOn(stage: HTMLElement) {
  const api = longContentBackend();
  return mount<UnbindRequests>(stage, 'unbind-requests', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
}

describe('<unbind-requests> in a host page', () => {
  for (const width of WIDTHS) {
    it(`lines headers up with cells and keeps 3,000-character accounts and reasons inside a ${width}px page`, async () => {
      const list = requestsOn(await hostPage(width));
      await requestsReady(list);
      await expectNoSidewaysScroll(`${width}px`);
      await expectColumnsAligned(list, `${width}px`);
    });
  }

  for (const kind of ['approve', 'reject'] as const) {
    it(`fits the ${kind} question, with a 3,000-character account and reason, in a 360×640 phone with its actions in view`, async () => {
      const list = requestsOn(await phonePage());
      await requestsReady(list);
      await openDecision(list, kind, 'zh-CN');
      if (kind === 'reject') writeReason(list, LONG_NAME.slice(0, 200));
      await expectDialogFits(list, kind);
      await expectNoSidewaysScroll(`${kind} question`);
    });
  }
});
