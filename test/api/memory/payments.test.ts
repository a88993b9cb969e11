import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../../src/api/memory/index.js';
import { ticketFor } from './tickets.js';

const START = Date.parse('2026-11-24T08:00:00Z');
const MINUTE = 60_000;

function adapter() {
  let now = START;
  const api = createMemoryAdapter({ now: () => now, invitationCount: 10 });
  return { api, advance: (ms: number) => (now += ms) };
}

describe('memory payment desk: settling an online payment', () => {
  it('pays an open top-up once: the balance rises by its amount, a second report changes nothing', async () => {
    const { api } = adapter();
    const before = (await api.getOrderPaymentOverview()).accountBalance;
    const { action } = await api.createTopUp({ amount: 20_000 }, { idempotencyKey: 'top-up-1' });
    api.settlePayment(action.paymentId, 'paid');
    api.settlePayment(action.paymentId, 'paid');
    expect(await api.getPaymentStatus({ paymentId: action.paymentId })).to.deep.equal({ status: 'paid', paymentId: action.paymentId, balance: before + 20_000, currency: 'CNY' });
  });

  it('does not settle a payment past its expiry: it stays expired and no money arrives', async () => {
    const { api, advance } = adapter();
    const before = await api.getOrderPaymentOverview();
    const { action } = await api.createTopUp({ amount: 20_000 }, { idempotencyKey: 'top-up-1' });
    advance(15 * MINUTE);
    api.settlePayment(action.paymentId, 'paid');
    expect(await api.getPaymentStatus({ paymentId: action.paymentId })).to.deep.equal({ status: 'expired', paymentId: action.paymentId });
    const after = await api.getOrderPaymentOverview();
    expect([after.accountBalance, after.allocatableBalance]).to.deep.equal([before.accountBalance, before.allocatableBalance]);
  });

  it('leaves an order whose online payment lapsed unpaid and payable again', async () => {
    const { api, advance } = adapter();
    const overview = await api.getOrderPaymentOverview();
    const order = overview.orders.find((o) => Date.parse(o.serviceStartAt) > START + 20 * MINUTE);
    if (!order) throw new Error('no order open to payment seeded');
    const paid = await api.payOrder({ orderId: order.id, method: { type: 'online', channel: order.onlineChannels[0] ?? 'alipay' } }, {
      idempotencyKey: 'pay-1',
      verificationTicket: await ticketFor(api, 'pay-order'),
    });
    if (paid.status !== 'action-required') throw new Error('an online payment waits for the payer');
    advance(16 * MINUTE);
    api.settlePayment(paid.action.paymentId, 'paid');
    expect((await api.getOrderPaymentOverview()).orders.map((o) => o.id)).to.include(order.id);
  });
});
