import '../../../src/order-payment.js';
import type { OrderPayment } from '../../../src/order-payment.js';
import { backend, mount, openPayment, ordersReady, outboxVerifier } from '../support/flows.js';
import { HUGE_AMOUNT, LONG_NAME, WIDTHS, expectColumnsAligned, expectNoSidewaysScroll, hostPage } from './geometry.js';

/** Orders carrying the longest product and masked customer the schema accepts, and the largest amounts. */
function longContentBackend() {
  const api = backend();
  for (const order of api.payments.overview().orders) {
    order.product = LONG_NAME.slice(0, 500);
    order.maskedCustomer = `${LONG_NAME.slice(0, 199)}*`;
    order.amount = HUGE_AMOUNT;
    order.estimatedRebate = HUGE_AMOUNT;
  }
  api.payments.accountBalance = HUGE_AMOUNT;
  api.payments.allocatableBalance = HUGE_AMOUNT;
  return api;
}

describe('<order-payment> in a host page', () => {
  for (const width of WIDTHS) {
    it(`lines headers up with cells and keeps long products and amounts inside a ${width}px page, with the payment open`, async () => {
      const api = longContentBackend();
      const payment = mount<OrderPayment>(await hostPage(width), 'order-payment', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
      await ordersReady(payment);
      await expectNoSidewaysScroll(`${width}px`);
      await expectColumnsAligned(payment, `${width}px`);
      await openPayment(payment, 'zh-CN');
      await expectNoSidewaysScroll(`${width}px, payment open`);
    });
  }
});
