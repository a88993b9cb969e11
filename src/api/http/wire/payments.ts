import * as z from 'zod/mini';
import { OptStr, Str, Yuan, present } from './common.js';

/** The kit contract's payments on the wire: orders paid on a customer's behalf, top-ups, online payments. */

/** A payment action as sent: where the payer goes next. */
const PaymentActionWire = z.pipe(
  z.object({ kind: Str, payment_id: Str, url: OptStr, payload: OptStr, expires_at: OptStr }),
  z.transform((w) => ({ kind: w.kind, paymentId: w.payment_id, ...present('url', w.url), ...present('payload', w.payload), ...present('expiresAt', w.expires_at) })),
);

/** `GET /kit/v1/order-payments`: the pending orders and both balances, amounts in yuan. */
export const OrderPaymentOverviewWire = z.pipe(
  z.object({
    currency: Str,
    account_balance: Yuan,
    allocatable_balance: Yuan,
    orders: z.array(
      z.object({
        order_id: Str,
        customer_id: Str,
        masked_customer: Str,
        product: Str,
        amount: Yuan,
        currency: Str,
        service_start_time: Str,
        payment_deadline: Str,
        marketplace_goods: z.boolean(),
        online_channels: z.array(Str),
        estimated_rebate: Yuan,
      }),
    ),
  }),
  z.transform((w) => ({
    currency: w.currency,
    accountBalance: w.account_balance,
    allocatableBalance: w.allocatable_balance,
    orders: w.orders.map((o) => ({
      id: o.order_id,
      customerId: o.customer_id,
      maskedCustomer: o.masked_customer,
      product: o.product,
      amount: o.amount,
      currency: o.currency,
      serviceStartAt: o.service_start_time,
      paymentDeadline: o.payment_deadline,
      marketplaceGoods: o.marketplace_goods,
      onlineChannels: o.online_channels,
      estimatedRebate: o.estimated_rebate,
    })),
  })),
);

/** `POST /kit/v1/order-payments/{id}/pay`: paid at once, or a payment action for the payer. */
export const PayOrderWire = z.pipe(
  z.object({ status: Str, order_id: Str, amount: z.optional(Yuan), currency: OptStr, paid_at: OptStr, action: z.optional(PaymentActionWire) }),
  z.transform((w) => ({
    status: w.status,
    orderId: w.order_id,
    ...present('amount', w.amount),
    ...present('currency', w.currency),
    ...present('paidAt', w.paid_at),
    ...present('action', w.action),
  })),
);

/** `POST /kit/v1/order-payments/{id}/reject`. */
export const RejectOrderWire = z.pipe(
  z.object({ order_id: Str, rejected_at: Str }),
  z.transform((w) => ({ orderId: w.order_id, rejectedAt: w.rejected_at })),
);

/** `POST /kit/v1/order-payments/{id}/notify-customer`. */
export const NotifyCustomerWire = z.pipe(
  z.object({ order_id: Str, notified_at: Str }),
  z.transform((w) => ({ orderId: w.order_id, notifiedAt: w.notified_at })),
);

/** `POST /kit/v1/top-ups`: the top-up and where the payer goes. */
export const TopUpWire = z.pipe(
  z.object({ top_up_id: Str, amount: Yuan, currency: Str, action: PaymentActionWire }),
  z.transform((w) => ({ topUpId: w.top_up_id, amount: w.amount, currency: w.currency, action: w.action })),
);

/** `GET /kit/v1/payments/{id}`: where an online payment stands; the balance once paid. */
export const PaymentStatusWire = z.pipe(
  z.object({ payment_id: Str, status: Str, balance: z.optional(Yuan), currency: OptStr }),
  z.transform((w) => ({ paymentId: w.payment_id, status: w.status, ...present('balance', w.balance), ...present('currency', w.currency) })),
);
