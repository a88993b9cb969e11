import * as z from 'zod/mini';
import { CurrencyCode, Id, Instant, MinorUnits } from './common.js';
import { REJECT_REASON_MAX } from '../rules/payments.js';

/** How an order is paid: from the partner's balance, or online through a channel the backend names (e.g. `petal`). */
export const PaymentMethod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('balance') }),
  z.object({ type: z.literal('online'), channel: z.string().check(z.minLength(1), z.maxLength(40)) }),
]);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** An order a customer asked the partner to pay (代支付). */
export const PendingOrder = z.object({
  id: Id,
  customerId: Id,
  /** The customer's name as the backend masks it; the full value only through a reveal. */
  maskedCustomer: z.string().check(z.maxLength(200)),
  product: z.string().check(z.maxLength(500)),
  amount: MinorUnits,
  currency: CurrencyCode,
  serviceStartAt: Instant,
  paymentDeadline: Instant,
  /** A marketplace (云商店) general-goods order: balance or the online channels named here only. */
  marketplaceGoods: z.boolean(),
  /** The online channels this order may be paid through. */
  onlineChannels: z.array(z.string().check(z.minLength(1), z.maxLength(40))),
  /** An estimate only: the actual rebate also depends on the customer's voucher use. */
  estimatedRebate: MinorUnits,
});
export type PendingOrder = z.infer<typeof PendingOrder>;

/** What paying orders stands on: the pending orders and both balances a balance payment must fit in. */
export const OrderPaymentOverview = z.object({
  currency: CurrencyCode,
  accountBalance: MinorUnits,
  allocatableBalance: MinorUnits,
  orders: z.array(PendingOrder),
});
export type OrderPaymentOverview = z.infer<typeof OrderPaymentOverview>;

/** Where the payer goes next for an online payment: a page to open, or a code to scan before it expires. */
export const PaymentAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('redirect'), paymentId: Id, url: z.string().check(z.maxLength(2048), z.regex(/^https:\/\/\S+$/)) }),
  z.object({ kind: z.literal('qr'), paymentId: Id, payload: z.string().check(z.minLength(1), z.maxLength(1000)), expiresAt: Instant }),
]);
export type PaymentAction = z.infer<typeof PaymentAction>;

export const PayOrderRequest = z.object({ orderId: Id, method: PaymentMethod });
export type PayOrderRequest = z.infer<typeof PayOrderRequest>;

/** A balance payment is done at once (the customer is told by e-mail and SMS); an online one waits for the payer. */
export const PayOrderResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('paid'), orderId: Id, amount: MinorUnits, currency: CurrencyCode, paidAt: Instant }),
  z.object({ status: z.literal('action-required'), orderId: Id, action: PaymentAction }),
]);
export type PayOrderResult = z.infer<typeof PayOrderResult>;

export const RejectOrderRequest = z.object({ orderId: Id, reason: z.string().check(z.minLength(1), z.maxLength(REJECT_REASON_MAX)) });
export type RejectOrderRequest = z.infer<typeof RejectOrderRequest>;

export const RejectOrderResult = z.object({ orderId: Id, rejectedAt: Instant });
export type RejectOrderResult = z.infer<typeof RejectOrderResult>;

export const NotifyOrderCustomerRequest = z.object({ orderId: Id });
export type NotifyOrderCustomerRequest = z.infer<typeof NotifyOrderCustomerRequest>;

export const NotifyOrderCustomerResult = z.object({ orderId: Id, notifiedAt: Instant });
export type NotifyOrderCustomerResult = z.infer<typeof NotifyOrderCustomerResult>;

export const CreateTopUpRequest = z.object({ amount: MinorUnits.check(z.gte(1)) });
export type CreateTopUpRequest = z.infer<typeof CreateTopUpRequest>;

export const TopUpResult = z.object({ topUpId: Id, amount: MinorUnits, currency: CurrencyCode, action: PaymentAction });
export type TopUpResult = z.infer<typeof TopUpResult>;

export const PaymentStatusRequest = z.object({ paymentId: Id });
export type PaymentStatusRequest = z.infer<typeof PaymentStatusRequest>;

/** Where an online payment stands; `balance` is the account balance once it is paid. */
export const PaymentStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), paymentId: Id }),
  z.object({ status: z.literal('paid'), paymentId: Id, balance: MinorUnits, currency: CurrencyCode }),
  z.object({ status: z.literal('expired'), paymentId: Id }),
  z.object({ status: z.literal('failed'), paymentId: Id }),
]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;
