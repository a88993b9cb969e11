import { paymentBlock, type PaymentBlock } from '../../model/rules/payments.js';
import type { KitError } from '../../model/errors.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import { CUSTOMER_NOTICES, type CustomerOutbox } from './customer-outbox.js';
import { DAY, instant } from './prng.js';
import type { TicketUse } from './verification-desk.js';

const HOUR = 3_600_000;

/** The partner center's answer to each rule a payment breaks. */
const REFUSAL: Record<PaymentBlock, () => KitError> = {
  'start-passed': () => backendError('CBC.99003162', 'The order cannot be paid after its service start time.'),
  'deadline-passed': () => backendError('CBC.99003110', 'The payment deadline has passed.'),
  'method-not-allowed': () => backendError('CBC.0100', 'This payment method is not available for the order.'),
  'balance-insufficient': () => backendError('CBC.99005003', 'The balance is insufficient.'),
  'allocatable-insufficient': () => backendError('CBC.99005003', 'The allocatable balance is insufficient.'),
};

/** The desk's rules, changeable by tests and the demo. */
export interface PaymentRules {
  /** Pay calls per order within 10 s before CBC.99008040. */
  payBurst: number;
  /** Most paid per day, in minor units, before CBC.99008056. */
  dailyCap: number;
}

export const DEFAULT_PAYMENT_RULES: PaymentRules = { payBurst: 3, dailyCap: 50_000_000 };

/** An online payment the backend opened, waiting for the payer. */
interface OpenPayment {
  id: string;
  status: 'pending' | 'paid' | 'expired' | 'failed';
  amount: number;
  expiresAt: number;
  /** What a paid payment settles: a top-up adds to the balance, an order is marked paid. */
  settles: { kind: 'top-up' } | { kind: 'order'; orderId: string };
}

/**
 * Orders customers asked the partner to pay (代支付) and top-ups, with the console's rules: an order
 * whose service start time has passed cannot be paid, a balance payment needs both the account and
 * the allocatable balance to cover it, marketplace general-goods orders take only their named
 * channels, an order is paid or rejected once, and an order with an online payment open is not paid again.
 */
export class PaymentDesk {
  readonly #now: () => number;
  readonly #outbox: CustomerOutbox;
  readonly #orders: s.PendingOrder[];
  readonly #payments = new Map<string, OpenPayment>();
  readonly #recentPays = new Map<string, number[]>();
  readonly #paidOn = new Map<string, number>();
  rules: PaymentRules;
  accountBalance = 3_985_000;
  allocatableBalance = 2_500_000;
  #nextId = 1;

  constructor(now: () => number, outbox: CustomerOutbox, rules: PaymentRules = DEFAULT_PAYMENT_RULES) {
    this.#now = now;
    this.#outbox = outbox;
    this.rules = rules;
    this.#orders = seedOrders(now());
  }

  overview(): s.OrderPaymentOverview {
    return { currency: 'CNY', accountBalance: this.accountBalance, allocatableBalance: this.allocatableBalance, orders: this.#orders };
  }

  pay(request: s.PayOrderRequest, ticket: TicketUse): s.PayOrderResult {
    const { orderId, method } = parseRequest(s.PayOrderRequest, request);
    ticket.guard();
    const order = this.#pending(orderId);
    this.#throttle(orderId);
    const now = this.#now();
    // One payment at a time: a second would charge the order twice once both are paid.
    const open = [...this.#payments.values()].find((p) => p.settles.kind === 'order' && p.settles.orderId === orderId && p.status === 'pending' && p.expiresAt > now);
    if (open) throw backendError('CBC.99003106', 'The order has an online payment in progress.', { status: 409, details: { paymentId: open.id } });
    const block = paymentBlock(order, method, this, now);
    if (block) throw REFUSAL[block]();
    const day = instant(now).slice(0, 10);
    if (method.type === 'balance' && (this.#paidOn.get(day) ?? 0) + order.amount > this.rules.dailyCap) {
      throw backendError('CBC.99008056', 'The daily transaction cap is reached.');
    }
    ticket.spend();
    if (method.type === 'online') return { status: 'action-required', orderId, action: this.#open(order.amount, { kind: 'order', orderId }, 'redirect') };
    this.#paidOn.set(day, (this.#paidOn.get(day) ?? 0) + order.amount);
    this.accountBalance -= order.amount;
    this.allocatableBalance -= order.amount;
    this.#paid(order);
    return { status: 'paid', orderId, amount: order.amount, currency: 'CNY', paidAt: instant(now) };
  }

  reject(request: s.RejectOrderRequest): s.RejectOrderResult {
    const { orderId } = parseRequest(s.RejectOrderRequest, request);
    this.#pending(orderId);
    this.#remove(orderId);
    return { orderId, rejectedAt: instant(this.#now()) };
  }

  notify(request: s.NotifyOrderCustomerRequest): s.NotifyOrderCustomerResult {
    const { orderId } = parseRequest(s.NotifyOrderCustomerRequest, request);
    const order = this.#pending(orderId);
    this.#outbox.notify(order.customerId, CUSTOMER_NOTICES.orderAgain(orderId));
    return { orderId, notifiedAt: instant(this.#now()) };
  }

  topUp(request: s.CreateTopUpRequest): s.TopUpResult {
    const { amount } = parseRequest(s.CreateTopUpRequest, request);
    const action = this.#open(amount, { kind: 'top-up' }, 'qr');
    return { topUpId: action.paymentId, amount, currency: 'CNY', action };
  }

  status(request: s.PaymentStatusRequest): s.PaymentStatus {
    const { paymentId } = parseRequest(s.PaymentStatusRequest, request);
    const payment = this.#payments.get(paymentId);
    if (!payment) throw backendError('KIT.NOT_FOUND', 'No such payment.', { status: 404 });
    if (payment.status === 'pending' && payment.expiresAt <= this.#now()) payment.status = 'expired';
    if (payment.status === 'paid') return { status: 'paid', paymentId, balance: this.accountBalance, currency: 'CNY' };
    return { status: payment.status, paymentId };
  }

  /**
   * The payer finished (or abandoned) an online payment: what the payment provider tells the
   * backend. Only an open payment settles, once: one past its expiry has lapsed, as a poll reports it.
   */
  settle(paymentId: string, outcome: 'paid' | 'failed'): void {
    const payment = this.#payments.get(paymentId);
    if (!payment || payment.status !== 'pending') return;
    if (payment.expiresAt <= this.#now()) {
      payment.status = 'expired';
      return;
    }
    payment.status = outcome;
    if (outcome !== 'paid') return;
    if (payment.settles.kind === 'top-up') {
      this.accountBalance += payment.amount;
      this.allocatableBalance += payment.amount;
    } else {
      const { orderId } = payment.settles;
      const order = this.#orders.find((o) => o.id === orderId);
      if (order) this.#paid(order);
    }
  }

  /** The payment opened last, for the demo's "pay it" switch. */
  lastPaymentId(): string | undefined {
    return [...this.#payments.keys()].at(-1);
  }

  #open(amount: number, settles: OpenPayment['settles'], kind: 'qr' | 'redirect'): s.PaymentAction {
    const id = `PAY${String(this.#nextId++).padStart(6, '0')}`;
    const expiresAt = this.#now() + 15 * 60_000;
    this.#payments.set(id, { id, status: 'pending', amount, expiresAt, settles });
    return kind === 'qr'
      ? { kind: 'qr', paymentId: id, payload: `https://pay.example.com/q/${id}`, expiresAt: instant(expiresAt) }
      : { kind: 'redirect', paymentId: id, url: `https://pay.example.com/checkout/${id}` };
  }

  #pending(orderId: string): s.PendingOrder {
    const order = this.#orders.find((o) => o.id === orderId);
    // Paid, rejected or never there: the order is no longer waiting for the partner.
    if (!order) throw backendError('CBC.99003106', 'The order status has changed.');
    return order;
  }

  /** The order is paid: it leaves the list, and its customer is told by e-mail and SMS. */
  #paid(order: s.PendingOrder): void {
    this.#remove(order.id);
    this.#outbox.notify(order.customerId, CUSTOMER_NOTICES.orderPaid(order.id));
  }

  #remove(orderId: string): void {
    const index = this.#orders.findIndex((o) => o.id === orderId);
    if (index >= 0) this.#orders.splice(index, 1);
  }

  #throttle(orderId: string): void {
    const now = this.#now();
    const recent = (this.#recentPays.get(orderId) ?? []).filter((t) => t > now - 10_000);
    recent.push(now);
    this.#recentPays.set(orderId, recent);
    if (recent.length > this.rules.payBurst) throw backendError('CBC.99008040', 'Operations are too frequent.');
  }
}

const PRODUCTS = ['ECS c7.large.2 × 1, 1 month', 'RDS for MySQL 2 vCPUs 4 GB, 1 year', 'OBS standard 1 TB, 1 year', 'CDN traffic package 10 TB', 'WAF professional edition, 1 month', 'Marketplace: SSL certificate DV, 1 year'];

function seedOrders(now: number): s.PendingOrder[] {
  const names = ['张**', '李*明', 'w***g@example.com', '王**', '赵*', 'Acme***Ltd'];
  const amounts = [128_000, 542_300, 1_200_000, 86_000, 3_600_000, 45_000];
  return PRODUCTS.map((product, i) => {
    const marketplace = product.startsWith('Marketplace');
    return {
      id: `CS2605${String(1001 + i)}`,
      customerId: `c-${String(i + 1).padStart(4, '0')}`,
      maskedCustomer: names[i] ?? '***',
      product,
      amount: amounts[i] ?? 10_000,
      currency: 'CNY',
      // The fourth order's service has already started: it shows how the console refuses it.
      serviceStartAt: instant(i === 3 ? now - 2 * HOUR : now + (i + 1) * DAY),
      paymentDeadline: instant(now + (i + 1) * DAY - HOUR),
      marketplaceGoods: marketplace,
      onlineChannels: marketplace ? ['petal'] : ['alipay', 'wechat', 'petal'],
      estimatedRebate: Math.round((amounts[i] ?? 0) * 0.05),
    };
  });
}
