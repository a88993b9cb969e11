import '../../../src/issued-voucher-list.js';
import type { IssuedVoucherList } from '../../../src/issued-voucher-list.js';
import { backend, listReady, mount, openReclaim, outboxVerifier } from '../support/flows.js';
import { HUGE_AMOUNT, LONG_NAME, WIDTHS, expectColumnsAligned, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

function longContentBackend() {
  const api = backend();
  for (const coupon of api.data.coupons.slice(0, 40)) {
    coupon.customerName = LONG_NAME;
    coupon.faceValue = HUGE_AMOUNT;
  }
  return api;
}

describe('<issued-voucher-list> in a host page', () => {
  for (const width of WIDTHS) {
    it(`lines headers up with cells and keeps long names and amounts inside a ${width}px page`, async () => {
      const api = longContentBackend();
      const list = mount<IssuedVoucherList>(await hostPage(width), 'issued-voucher-list', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
      await listReady(list);
      await expectNoSidewaysScroll(`${width}px`);
      await expectColumnsAligned(list, `${width}px`);
    });
  }

  it('fits the reclaim dialog in a 360×640 phone with its actions in view', async () => {
    const api = longContentBackend();
    const list = mount<IssuedVoucherList>(await phonePage(), 'issued-voucher-list', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
    await listReady(list);
    await openReclaim(list);
    await expectDialogFits(list, 'reclaim');
  });
});
