import { CUSTOMER_NOTICES } from '../../../src/api/memory/customer-outbox.js';
import { DEFAULT_PAYMENT_RULES } from '../../../src/api/memory/payments.js';
import { paymentBlock, type Funds, type PaymentBlock } from '../../../src/model/rules/payments.js';
import type * as s from '../../../src/model/schemas/index.js';
import type { Db, Query } from '../db.js';
import { ApiError, notFound, type ErrorFields } from '../errors.js';
import { DAY, instant } from '../time.js';
import { nextId, type OperationContext } from './context.js';
import { tellCustomer } from './customer-notices.js';
import { redeemTicket, requireTicket } from './verification.js';
import { orderWire, paymentActionWire, yuan, type OrderRow, type PaymentActionRow } from './wire-out.js';

/**
 * Orders customers asked the partner to pay (代支付) and online payments, by the in-memory
 * backend's rules (`PaymentDesk`): an order whose service start passed cannot be paid, nor one past
 * its deadline; a balance payment needs the account and the allocatable balance to cover it; only
 * the order's named channels pay it online; at most `payBurst` pay calls per order in 10 s and
 * `dailyCap` paid from the balance per day; an order is paid or rejected once, and not paid again
 * while an online payment for it is open.
 */

const BURST_WINDOW = 10_000;
const PAYMENT_LIFETIME = 15 * 60_000;

/** A pay refusal names its order, so a batch of payments reads which one each answer concerns. */
class OrderRefusal extends ApiError {
  constructor(orderId: string, errorCode: string, message: string, status = 400, fields: ErrorFields = {}) {
    super(errorCode, message, status, undefined, { ...fields, order_id: orderId });
  }
}

const REFUSAL: Record<PaymentBlock, readonly [string, string]> = {
  'start-passed': ['CBC.99003162', 'The order cannot be paid after its service start time.'],
  'deadline-passed': ['CBC.99003110', 'The payment deadline has passed.'],
  'method-not-allowed': ['CBC.0100', 'This payment method is not available for the order.'],
  'balance-insufficient': ['CBC.99005003', 'The balance is insufficient.'],
  'allocatable-insufficient': ['CBC.99005003', 'The allocatable balance is insufficient.'],
};

const toOrder = (o: OrderRow): s.PendingOrder => ({
  id: o.order_id, customerId: o.customer_id, maskedCustomer: o.masked_customer, product: o.product, amount: o.amount, currency: o.currency,
  serviceStartAt: instant(o.service_start_at), paymentDeadline: instant(o.payment_deadline), marketplaceGoods: o.marketplace_goods,
  onlineChannels: o.online_channels, estimatedRebate: o.estimated_rebate,
});

/** The account and allocatable balances (locked with `forUpdate`, for a payment about to move them). */
async function funds(query: Query, tenantId: string, forUpdate = false): Promise<Funds> {
  const rows = await query<{ type: string; amount: number }>(
    `SELECT type, amount FROM balances WHERE tenant_id = $1 AND type IN ('cash', 'allocatable') ORDER BY account_id${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId],
  );
  const of = (type: string) => rows.find((r) => r.type === type)?.amount ?? 0;
  return { accountBalance: of('cash'), allocatableBalance: of('allocatable') };
}

/** Adds `delta` to both balances a payment stands on. */
const moveFunds = (query: Query, tenantId: string, delta: number) =>
  query("UPDATE balances SET amount = amount + $2 WHERE tenant_id = $1 AND type IN ('cash', 'allocatable')", [tenantId, delta]);

/** The order, locked, if it still waits for the partner; paid, rejected or never there is "status changed". */
async function pendingOrder(ctx: OperationContext, orderId: string): Promise<OrderRow> {
  const [order] = await ctx.query<OrderRow & { status: string }>('SELECT * FROM payment_orders WHERE tenant_id = $1 AND order_id = $2 FOR UPDATE', [ctx.tenant.tenantId, orderId]);
  if (!order || order.status !== 'pending') throw new OrderRefusal(orderId, 'CBC.99003106', 'The order status has changed.', 409);
  return order;
}

/**
 * This call and the order's pay calls of the last 10 s, against the burst. The call is counted
 * past a refusal's rollback, whatever refuses it, as the in-memory desk counts it.
 */
async function throttle(ctx: OperationContext, orderId: string): Promise<void> {
  const { tenantId } = ctx.tenant;
  const [recent] = await ctx.query<{ n: number }>('SELECT count(*)::int AS n FROM pay_attempts WHERE tenant_id = $1 AND order_id = $2 AND attempted_at > $3', [
    tenantId, orderId, ctx.now - BURST_WINDOW,
  ]);
  ctx.keep('INSERT INTO pay_attempts (tenant_id, order_id, attempted_at) VALUES ($1, $2, $3)', [tenantId, orderId, ctx.now]);
  if ((recent?.n ?? 0) + 1 > DEFAULT_PAYMENT_RULES.payBurst) throw new OrderRefusal(orderId, 'CBC.99008040', 'Operations are too frequent.');
}

/** Marks the order's lapsed online payments expired and refuses while one is still open. */
async function refuseWhileOpen(ctx: OperationContext, orderId: string): Promise<void> {
  const { tenantId } = ctx.tenant;
  await ctx.query("UPDATE online_payments SET status = 'expired' WHERE tenant_id = $1 AND order_id = $2 AND status = 'pending' AND expires_at <= $3", [tenantId, orderId, ctx.now]);
  const [open] = await ctx.query<{ payment_id: string }>("SELECT payment_id FROM online_payments WHERE tenant_id = $1 AND order_id = $2 AND status = 'pending'", [tenantId, orderId]);
  // The payment's id lets the client poll the payment already under way instead of opening another.
  if (open) throw new OrderRefusal(orderId, 'CBC.99003106', 'The order has an online payment in progress.', 409, { payment_id: open.payment_id });
}

/** What the day (UTC, as the memory desk counts it) has paid from the balance. */
async function paidToday(ctx: OperationContext): Promise<number> {
  const dayStart = ctx.now - (ctx.now % DAY);
  const [row] = await ctx.query<{ total: number }>(
    "SELECT coalesce(sum(amount), 0)::bigint AS total FROM payment_orders WHERE tenant_id = $1 AND paid_by = 'balance' AND paid_at >= $2",
    [ctx.tenant.tenantId, dayStart],
  );
  return row?.total ?? 0;
}

async function openPayment(ctx: OperationContext, amount: number, purpose: PaymentActionRow['purpose'], order?: { orderId: string; channel: string }) {
  const row: PaymentActionRow = { payment_id: `PAY${String(await nextId(ctx, 'payments')).padStart(6, '0')}`, purpose, expires_at: ctx.now + PAYMENT_LIFETIME };
  await ctx.query(
    'INSERT INTO online_payments (tenant_id, payment_id, purpose, order_id, channel, amount, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [ctx.tenant.tenantId, row.payment_id, purpose, order?.orderId ?? null, order?.channel ?? null, amount, ctx.now, row.expires_at],
  );
  return paymentActionWire(row);
}

export async function getOrderPaymentOverview(ctx: OperationContext) {
  const { accountBalance, allocatableBalance } = await funds(ctx.query, ctx.tenant.tenantId);
  const orders = await ctx.query<OrderRow>("SELECT * FROM payment_orders WHERE tenant_id = $1 AND status = 'pending' ORDER BY seq", [ctx.tenant.tenantId]);
  return { currency: 'CNY', account_balance: yuan(accountBalance), allocatable_balance: yuan(allocatableBalance), orders: orders.map(orderWire) };
}

/** Pays one order from the balance at once, or opens its online payment; the `pay-order` ticket is spent only by a payment that goes ahead. */
export async function payOrder(ctx: OperationContext, { orderId, method }: s.PayOrderRequest) {
  const { tenantId } = ctx.tenant;
  await requireTicket(ctx, 'pay-order');
  const order = await pendingOrder(ctx, orderId);
  await throttle(ctx, orderId);
  await refuseWhileOpen(ctx, orderId);
  const block = paymentBlock(toOrder(order), method, await funds(ctx.query, tenantId, true), ctx.now);
  if (block) throw new OrderRefusal(orderId, ...REFUSAL[block]);
  if (method.type === 'balance' && (await paidToday(ctx)) + order.amount > DEFAULT_PAYMENT_RULES.dailyCap) {
    throw new OrderRefusal(orderId, 'CBC.99008056', 'The daily transaction cap is reached.');
  }
  await redeemTicket(ctx, 'pay-order');
  if (method.type === 'online') {
    return { status: 'action-required', order_id: orderId, action: await openPayment(ctx, order.amount, 'order', { orderId, channel: method.channel }) };
  }
  await moveFunds(ctx.query, tenantId, -order.amount);
  await ctx.query("UPDATE payment_orders SET status = 'paid', paid_by = 'balance', paid_at = $3 WHERE tenant_id = $1 AND order_id = $2", [tenantId, orderId, ctx.now]);
  await tellCustomer(ctx.query, tenantId, order.customer_id, CUSTOMER_NOTICES.orderPaid(orderId), ctx.now);
  return { status: 'paid', order_id: orderId, amount: yuan(order.amount), currency: order.currency, paid_at: instant(ctx.now) };
}

/** Turns the request down: the order goes back to the customer. */
export async function rejectOrder(ctx: OperationContext, { orderId, reason }: s.RejectOrderRequest) {
  await pendingOrder(ctx, orderId);
  await ctx.query("UPDATE payment_orders SET status = 'rejected', reject_reason = $3, rejected_at = $4 WHERE tenant_id = $1 AND order_id = $2", [
    ctx.tenant.tenantId, orderId, reason, ctx.now,
  ]);
  return { order_id: orderId, rejected_at: instant(ctx.now) };
}

/** Tells the customer the order must be placed again (the message itself is the gateway's job). */
export async function notifyOrderCustomer(ctx: OperationContext, { orderId }: s.NotifyOrderCustomerRequest) {
  const order = await pendingOrder(ctx, orderId);
  await ctx.query('INSERT INTO order_notifications (tenant_id, order_id, notified_at) VALUES ($1, $2, $3)', [ctx.tenant.tenantId, orderId, ctx.now]);
  await tellCustomer(ctx.query, ctx.tenant.tenantId, order.customer_id, CUSTOMER_NOTICES.orderAgain(orderId), ctx.now);
  return { order_id: orderId, notified_at: instant(ctx.now) };
}

/** Opens an online top-up: a code to scan before it expires. */
export async function createTopUp(ctx: OperationContext, { amount }: s.CreateTopUpRequest) {
  const action = await openPayment(ctx, amount, 'top-up');
  return { top_up_id: action.payment_id, amount: yuan(amount), currency: 'CNY', action };
}

/** Where an online payment stands; a lapsed one is written expired on this look. */
export async function getPaymentStatus(ctx: OperationContext, { paymentId }: s.PaymentStatusRequest) {
  const { tenantId } = ctx.tenant;
  const [payment] = await ctx.query<{ status: string }>(
    `UPDATE online_payments SET status = CASE WHEN status = 'pending' AND expires_at <= $3 THEN 'expired' ELSE status END
     WHERE tenant_id = $1 AND payment_id = $2 RETURNING status`,
    [tenantId, paymentId, ctx.now],
  );
  if (!payment) throw notFound('No such payment.');
  if (payment.status !== 'paid') return { payment_id: paymentId, status: payment.status };
  const { accountBalance } = await funds(ctx.query, tenantId);
  return { payment_id: paymentId, status: 'paid', balance: yuan(accountBalance), currency: 'CNY' };
}

/**
 * What the payment provider reports when the payer finished (`paid`) or gave up (`failed`): a paid
 * top-up adds to both balances, a paid order is paid. Only an open, unexpired payment settles, once.
 * Not a route: the provider's callback is each deployment's own; tests and demos call this.
 * Resolves whether the payment settled.
 */
export async function settlePayment(db: Db, tenantId: string, paymentId: string, outcome: 'paid' | 'failed', now: number): Promise<boolean> {
  return db.transaction(async (query) => {
    const [payment] = await query<{ purpose: string; order_id: string | null; amount: number }>(
      `UPDATE online_payments SET status = $3, settled_at = $4
       WHERE tenant_id = $1 AND payment_id = $2 AND status = 'pending' AND expires_at > $4 RETURNING purpose, order_id, amount`,
      [tenantId, paymentId, outcome, now],
    );
    if (!payment) return false;
    if (outcome === 'failed') return true;
    if (payment.purpose === 'top-up') {
      await moveFunds(query, tenantId, payment.amount);
      return true;
    }
    const [order] = await query<{ order_id: string; customer_id: string }>(
      "UPDATE payment_orders SET status = 'paid', paid_by = 'online', paid_at = $3 WHERE tenant_id = $1 AND order_id = $2 AND status = 'pending' RETURNING order_id, customer_id",
      [tenantId, payment.order_id, now],
    );
    if (order) await tellCustomer(query, tenantId, order.customer_id, CUSTOMER_NOTICES.orderPaid(order.order_id), now);
    return true;
  });
}
