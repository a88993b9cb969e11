import type { PartnerApi } from '../api/adapter.js';
import { fundsShortfall, startTimePassed } from '../model/rules/payments.js';
import * as s from '../model/schemas/index.js';
import { ensure, equal, rejects, shaped } from './assertions.js';
import { newKey, ticketFor } from './fixtures.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

/** Orders that are still open to payment at `now`: service start and deadline both ahead. */
const open = (overview: s.OrderPaymentOverview, now: number) =>
  overview.orders.filter((o) => !startTimePassed(o, now) && Date.parse(o.paymentDeadline) > now);

/** An order the balances cover (a balance payment goes through). */
function affordable(overview: s.OrderPaymentOverview, now: number): s.PendingOrder {
  const order = open(overview, now).find((o) => o.amount > 0 && fundsShortfall(overview, o.amount) === undefined);
  ensure(order, 'the backend needs an order open to payment that the account and allocatable balances cover');
  return order;
}

/**
 * Orders paid on a customer's behalf and online payments: an order is paid once whatever the keys,
 * the console's refusals, reject and notify, top-ups with a payment action, status polling.
 */
export function paymentCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  const { it } = t;
  const now = options.now ?? (() => Date.now());
  const withCodes = options.readCode ? it : undefined;
  const withSettle = options.settlePayment ? it : undefined;
  const withBoth = options.readCode && options.settlePayment ? it : undefined;
  const settle = async (api: PartnerApi, paymentId: string, outcome: 'paid' | 'failed') => {
    ensure(options.settlePayment, 'settlePayment');
    await options.settlePayment(api, paymentId, outcome);
  };
  /** Pays with a fresh ticket for `pay-order` (where the backend's policy guards it, a code check first). */
  const pay = async (api: PartnerApi, request: s.PayOrderRequest, idempotencyKey = newKey('pay')) =>
    api.payOrder(request, { idempotencyKey, verificationTicket: await ticketFor(api, 'pay-order', options) });

  it('answers the pending orders with both balances', async () => {
    const api = await makeApi();
    const overview = shaped(s.OrderPaymentOverview, await api.getOrderPaymentOverview(), 'getOrderPaymentOverview');
    ensure(overview.orders.length > 0, 'the backend needs pending orders');
    equal(new Set(overview.orders.map((o) => o.id)).size, overview.orders.length, 'distinct order ids');
    ensure(
      overview.orders.every((o) => o.onlineChannels.length > 0 && o.estimatedRebate <= o.amount),
      'every order names its online channels and an estimated rebate within its amount',
    );
  });

  withCodes?.('pays an order from the balance once: a repeat of the key answers the first result, a second key is refused', async () => {
    const api = await makeApi();
    const before = await api.getOrderPaymentOverview();
    const order = affordable(before, now());
    const key = newKey('pay');
    const request = { orderId: order.id, method: { type: 'balance' as const } };
    const verificationTicket = await ticketFor(api, 'pay-order', options);
    const first = shaped(s.PayOrderResult, await api.payOrder(request, { idempotencyKey: key, verificationTicket }), 'payOrder');
    ensure(first.status === 'paid' && first.amount === order.amount, `paid the order's amount, got ${JSON.stringify(first)}`);
    // The ticket is spent: only the recorded answer can satisfy the repeat.
    equal(await api.payOrder(request, { idempotencyKey: key, verificationTicket }), first, 'the repeat answers the first result');
    await rejects(pay(api, request), 'conflict', 'order-status-changed');
    const after = await api.getOrderPaymentOverview();
    equal([after.accountBalance, after.allocatableBalance], [before.accountBalance - order.amount, before.allocatableBalance - order.amount], 'both balances fell once');
    ensure(!after.orders.some((o) => o.id === order.id), 'the paid order is no longer pending');
  });

  withCodes?.('refuses to pay an order whose service start passed', async () => {
    const api = await makeApi();
    const overview = await api.getOrderPaymentOverview();
    const started = overview.orders.find((o) => startTimePassed(o, now()));
    ensure(started, 'the backend needs a pending order whose service start passed');
    await rejects(pay(api, { orderId: started.id, method: { type: 'balance' } }), 'conflict', 'start-time-passed');
    equal((await api.getOrderPaymentOverview()).accountBalance, overview.accountBalance, 'nothing paid');
  });

  withCodes?.('refuses a balance payment the balances do not cover', async () => {
    const api = await makeApi();
    const overview = await api.getOrderPaymentOverview();
    const order = open(overview, now()).find((o) => fundsShortfall(overview, o.amount) !== undefined);
    ensure(order, 'the backend needs an order open to payment that the account or allocatable balance does not cover');
    await rejects(pay(api, { orderId: order.id, method: { type: 'balance' } }), 'insufficient-funds');
    const after = await api.getOrderPaymentOverview();
    equal([after.accountBalance, after.allocatableBalance], [overview.accountBalance, overview.allocatableBalance], 'both balances unchanged');
    ensure(after.orders.some((o) => o.id === order.id), 'the order is still pending');
  });

  it('rejects a request with its reason: the order goes back to the customer, once', async () => {
    const api = await makeApi();
    const order = (await api.getOrderPaymentOverview()).orders[0];
    ensure(order, 'the backend needs a pending order');
    const key = newKey('reject');
    const request = { orderId: order.id, reason: 'The customer will pay it themselves.' };
    const result = shaped(s.RejectOrderResult, await api.rejectOrder(request, { idempotencyKey: key }), 'rejectOrder');
    equal(result.orderId, order.id, 'the rejected order');
    equal(await api.rejectOrder(request, { idempotencyKey: key }), result, 'the repeat answers the first result');
    ensure(!(await api.getOrderPaymentOverview()).orders.some((o) => o.id === order.id), 'the rejected order is no longer pending');
    await rejects(api.rejectOrder(request, { idempotencyKey: newKey('reject') }), 'conflict', 'order-status-changed');
  });

  it('tells the customer of an order that can no longer be paid, once per key', async () => {
    const api = await makeApi();
    const overview = await api.getOrderPaymentOverview();
    const started = overview.orders.find((o) => startTimePassed(o, now()));
    ensure(started, 'the backend needs a pending order whose service start passed');
    const key = newKey('notify');
    const result = shaped(s.NotifyOrderCustomerResult, await api.notifyOrderCustomer({ orderId: started.id }, { idempotencyKey: key }), 'notifyOrderCustomer');
    equal(result.orderId, started.id, 'the order whose customer was told');
    equal(await api.notifyOrderCustomer({ orderId: started.id }, { idempotencyKey: key }), result, 'the repeat answers the first result');
    await rejects(api.notifyOrderCustomer({ orderId: 'no-such-order' }, { idempotencyKey: newKey('notify') }), 'conflict', 'order-status-changed');
  });

  it('opens a top-up with a payment action to follow, once per key', async () => {
    const api = await makeApi();
    const key = newKey('topup');
    const topUp = shaped(s.TopUpResult, await api.createTopUp({ amount: 12_345 }, { idempotencyKey: key }), 'createTopUp');
    equal(topUp.amount, 12_345, 'the top-up amount');
    if (topUp.action.kind === 'qr') ensure(Date.parse(topUp.action.expiresAt) > now(), 'the code expires in the future');
    equal(await api.createTopUp({ amount: 12_345 }, { idempotencyKey: key }), topUp, 'the repeat answers the first top-up');
    equal(await api.getPaymentStatus({ paymentId: topUp.action.paymentId }), { status: 'pending', paymentId: topUp.action.paymentId }, 'waiting for the payer');
    await rejects(api.getPaymentStatus({ paymentId: 'PAY-no-such' }), 'not-found');
  });

  withSettle?.('polls a top-up until it is paid; the balance rises once', async () => {
    const api = await makeApi();
    const before = (await api.getOrderPaymentOverview()).accountBalance;
    const { action } = await api.createTopUp({ amount: 50_000 }, { idempotencyKey: newKey('topup') });
    equal((await api.getPaymentStatus({ paymentId: action.paymentId })).status, 'pending', 'before the payer paid');
    await settle(api, action.paymentId, 'paid');
    const paid = { status: 'paid' as const, paymentId: action.paymentId, balance: before + 50_000, currency: 'CNY' };
    equal(await api.getPaymentStatus({ paymentId: action.paymentId }), paid, 'paid, with the new balance');
    await settle(api, action.paymentId, 'paid');
    equal(await api.getPaymentStatus({ paymentId: action.paymentId }), paid, 'polled again, the balance rose once');
    equal((await api.getOrderPaymentOverview()).accountBalance, before + 50_000, 'the overview has the new balance');
  });

  withSettle?.('reports a payment the payer gave up as failed, and a lapsed one as expired', async () => {
    const api = await makeApi();
    const before = (await api.getOrderPaymentOverview()).accountBalance;
    const failed = await api.createTopUp({ amount: 1_000 }, { idempotencyKey: newKey('topup') });
    await settle(api, failed.action.paymentId, 'failed');
    equal((await api.getPaymentStatus({ paymentId: failed.action.paymentId })).status, 'failed', 'the abandoned payment');
    if (options.advanceClock) {
      const lapsed = await api.createTopUp({ amount: 1_000 }, { idempotencyKey: newKey('topup') });
      await options.advanceClock(16 * 60_000);
      equal((await api.getPaymentStatus({ paymentId: lapsed.action.paymentId })).status, 'expired', 'the payment past its expiry');
    }
    equal((await api.getOrderPaymentOverview()).accountBalance, before, 'no money arrived');
  });

  withBoth?.('pays an order online: a payment action, no second payment while it is open, the order paid once settled', async () => {
    const api = await makeApi();
    const before = await api.getOrderPaymentOverview();
    const order = open(before, now())[0];
    const channel = order?.onlineChannels[0];
    ensure(order && channel, 'the backend needs an order open to payment with an online channel');
    const result = await pay(api, { orderId: order.id, method: { type: 'online', channel } });
    ensure(result.status === 'action-required', `an online payment waits for the payer, got ${JSON.stringify(result)}`);
    await rejects(pay(api, { orderId: order.id, method: { type: 'balance' } }), 'conflict', 'order-status-changed');
    await settle(api, result.action.paymentId, 'paid');
    equal((await api.getPaymentStatus({ paymentId: result.action.paymentId })).status, 'paid', 'the online payment');
    const after = await api.getOrderPaymentOverview();
    ensure(!after.orders.some((o) => o.id === order.id), 'the order paid online is no longer pending');
    equal(after.accountBalance, before.accountBalance, 'the balance paid nothing');
  });

  withCodes?.('looks a payment whose answer was lost up: done with its result; an unused key is not done, then refused for good', async () => {
    const api = await makeApi();
    const order = affordable(await api.getOrderPaymentOverview(), now());
    const key = newKey('pay');
    const lost = await pay(api, { orderId: order.id, method: { type: 'balance' } }, key);
    equal(await api.lookupIntent({ operation: 'payOrder', idempotencyKey: key }), { status: 'done', result: lost }, 'the lookup of the payment');
    const unused = newKey('pay');
    equal(await api.lookupIntent({ operation: 'payOrder', idempotencyKey: unused }), { status: 'not-done' }, 'the lookup of an unused key');
    await rejects(pay(api, { orderId: order.id, method: { type: 'balance' } }, unused), 'conflict', 'intent-abandoned');
  });
}
