import { expect } from '@open-wc/testing';
import '../../../src/order-payment.js';
import type { OrderPayment } from '../../../src/order-payment.js';
import { $, bodyRows, frames } from '../support/drive.js';
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

/** Every cell of every order lies inside the orders' box, and the box does not scroll sideways: nothing is cut off. */
async function expectEveryCellInView(payment: OrderPayment, what: string): Promise<void> {
  await frames();
  const table = $(payment, '[part=table]')!;
  expect(table.scrollWidth, `${what}: the orders scroll sideways by ${table.scrollWidth - table.clientWidth}px`).to.be.at.most(table.clientWidth);
  const box = table.getBoundingClientRect();
  const rows = bodyRows(payment);
  expect(rows.length, `${what}: no orders`).to.be.greaterThan(0);
  for (const row of rows) {
    for (const cell of row.querySelectorAll<HTMLElement>('[role=cell]')) {
      const r = cell.getBoundingClientRect();
      expect(r.left >= box.left - 0.5 && r.right <= box.right + 0.5, `${what}: "${cell.dataset['label'] ?? 'actions'}" of ${row.dataset['key']} spans ${Math.round(r.left)}–${Math.round(r.right)}, the orders ${Math.round(box.left)}–${Math.round(box.right)}`).to.equal(true);
    }
  }
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

  it('shows each order as a card on a 360px phone, product, amount and actions in view and labelled', async () => {
    const api = longContentBackend();
    const payment = mount<OrderPayment>(await hostPage(360, 640), 'order-payment', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
    await ordersReady(payment);
    const header = $(payment, '.thead')!.getBoundingClientRect();
    expect(header.width * header.height, 'the column header is hidden under the cards').to.be.at.most(1);
    await expectEveryCellInView(payment, '360px');
    const amount = bodyRows(payment)[0]!.querySelector<HTMLElement>('.num')!;
    expect(getComputedStyle(amount, '::before').content).to.equal('"金额"');
  });

  it('shows every column of the seeded orders without sideways scrolling at 1280px', async () => {
    const api = backend();
    const payment = mount<OrderPayment>(await hostPage(1280), 'order-payment', api, 'en-US', (el) => (el.verifier = outboxVerifier(api)));
    await ordersReady(payment);
    await expectColumnsAligned(payment, '1280px');
    await expectEveryCellInView(payment, '1280px');
  });
});
