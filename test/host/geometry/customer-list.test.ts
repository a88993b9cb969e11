import '../../../src/customer-list.js';
import type { CustomerList } from '../../../src/customer-list.js';
import { backend, customersReady, mount, openUnbind, outboxVerifier } from '../support/flows.js';
import { LONG_NAME, WIDTHS, expectColumnsAligned, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

function longContentBackend() {
  const api = backend();
  for (const customer of api.data.customers.slice(0, 40)) customer.accountName = LONG_NAME;
  return api;
}

describe('<customer-list> in a host page', () => {
  for (const width of WIDTHS) {
    it(`lines headers up with cells and keeps 3,000-character accounts inside a ${width}px page`, async () => {
      const api = longContentBackend();
      const list = mount<CustomerList>(await hostPage(width), 'customer-list', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
      await customersReady(list);
      await expectNoSidewaysScroll(`${width}px`);
      await expectColumnsAligned(list, `${width}px`);
    });
  }

  it('fits the unbind question, with a 3,000-character account, in a 360×640 phone with its actions in view', async () => {
    const api = longContentBackend();
    const list = mount<CustomerList>(await phonePage(), 'customer-list', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
    await customersReady(list);
    await openUnbind(list, 'zh-CN');
    await expectDialogFits(list, 'unbind');
  });
});
