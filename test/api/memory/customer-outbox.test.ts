import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type { KitError } from '../../../src/model/errors.js';
import { ticketFor } from './tickets.js';

const START = Date.parse('2026-11-24T08:00:00Z');

const adapter = () => createMemoryAdapter({ now: () => START, invitationCount: 10 });

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a refusal'), (error: unknown) => error as KitError);

/** What each customer was told, as `purpose channel → destination`. */
const told = (api: MemoryPartnerApi) => api.customerOutbox.map((m) => `${m.purpose} ${m.channel} → ${m.destination}`);

async function payableOrder(api: MemoryPartnerApi) {
  const order = (await api.getOrderPaymentOverview()).orders.find((o) => Date.parse(o.serviceStartAt) > START && !o.marketplaceGoods);
  if (!order) throw new Error('no payable order seeded');
  return order;
}

describe('memory backend: what customers are told', () => {
  it('texts a registration code to the new customer’s mobile, never to the partner', async () => {
    const api = adapter();
    const partnerBefore = api.outbox.length;
    await api.sendRegistrationCode({ mobile: '0086-13712345678', lang: 'en-us' });
    expect(told(api)).to.deep.equal(['registration sms → 0086-13712345678']);
    expect(api.customerOutbox[0]?.code).to.match(/^\d{6}$/);
    expect(api.registrationCodes).to.deep.equal([{ mobile: '0086-13712345678', code: api.customerOutbox[0]?.code, sentAt: '2026-11-24T08:00:00Z' }]);
    expect(api.outbox).to.have.length(partnerBefore);
  });

  it('tells the customer by e-mail and SMS that its order was paid, once however often the answer is replayed', async () => {
    const api = adapter();
    const heard: number[] = [];
    api.onCustomerOutbox((messages) => heard.push(messages.length));
    const order = await payableOrder(api);
    const options = { idempotencyKey: 'pay-1', verificationTicket: await ticketFor(api, 'pay-order') };
    await api.payOrder({ orderId: order.id, method: { type: 'balance' } }, options);
    await api.payOrder({ orderId: order.id, method: { type: 'balance' } }, options);
    expect(told(api)).to.deep.equal([`order-paid email → ${order.customerId}`, `order-paid sms → ${order.customerId}`]);
    expect(api.customerOutbox[0]?.text).to.include(order.id);
    expect(heard).to.deep.equal([1, 2]);
  });

  it('records the notice when the backend acted even though the answer was lost, and not again on the retry', async () => {
    const api = adapter();
    const order = (await api.getOrderPaymentOverview()).orders.find((o) => Date.parse(o.serviceStartAt) <= START);
    if (!order) throw new Error('no order past its service start seeded');
    api.setFaults({ notifyOrderCustomer: { kind: 'timeout', afterEffect: true, times: 1 } });
    expect((await failure(api.notifyOrderCustomer({ orderId: order.id }, { idempotencyKey: 'notify-1' }))).code).to.equal('timeout');
    expect(told(api)).to.deep.equal([`order-again sms → ${order.customerId}`]);
    await api.notifyOrderCustomer({ orderId: order.id }, { idempotencyKey: 'notify-1' });
    expect(told(api)).to.have.length(1);
  });

  it('tells a customer paid online only once the payer finished', async () => {
    const api = adapter();
    const order = await payableOrder(api);
    const paid = await api.payOrder(
      { orderId: order.id, method: { type: 'online', channel: order.onlineChannels[0] ?? 'alipay' } },
      { idempotencyKey: 'pay-online', verificationTicket: await ticketFor(api, 'pay-order') },
    );
    if (paid.status !== 'action-required') throw new Error('expected a payment action');
    expect(told(api)).to.deep.equal([]);
    api.settlePayment(paid.action.paymentId, 'paid');
    expect(told(api)).to.deep.equal([`order-paid email → ${order.customerId}`, `order-paid sms → ${order.customerId}`]);
  });

  it('tells the customer its unbind request was approved, or rejected with the partner’s reason', async () => {
    const api = adapter();
    const [first, second] = (await api.listUnbindRequests({ status: 'pending', offset: 0, limit: 2 })).items;
    if (!first || !second) throw new Error('two pending unbind requests seeded');
    await api.approveUnbindRequest({ requestId: first.id }, { idempotencyKey: 'approve-1', verificationTicket: await ticketFor(api, 'unbind-request') });
    const refused = await failure(api.rejectUnbindRequest({ requestId: second.id, reason: 'Contract term' }, { idempotencyKey: 'reject-1' }));
    expect(refused.code).to.equal('verification-required');
    await api.rejectUnbindRequest({ requestId: second.id, reason: 'Contract term' }, { idempotencyKey: 'reject-1', verificationTicket: await ticketFor(api, 'unbind-request') });
    expect(told(api)).to.deep.equal([`unbind-approved sms → ${first.customerId}`, `unbind-rejected sms → ${second.customerId}`]);
    expect(api.customerOutbox[1]?.text).to.include('Contract term');
  });
});
