import type { OrderPaymentOverview, PaymentMethod, PendingOrder } from '../schemas/payments.js';

/** The longest reason a rejection may give the customer (the console's limit). */
export const REJECT_REASON_MAX = 200;

/** Why an order cannot be paid as chosen, before anything is sent. */
export type PaymentBlock = 'start-passed' | 'deadline-passed' | 'method-not-allowed' | 'balance-insufficient' | 'allocatable-insufficient';

/** The two balances a balance payment must fit in. */
export type Funds = Pick<OrderPaymentOverview, 'accountBalance' | 'allocatableBalance'>;

/** Once the service start time has passed the order cannot be paid: the customer must order again. */
export function startTimePassed(order: Pick<PendingOrder, 'serviceStartAt'>, now: number): boolean {
  return Date.parse(order.serviceStartAt) <= now;
}

/** Whether the order's payment deadline has passed. */
export function deadlinePassed(order: Pick<PendingOrder, 'paymentDeadline'>, now: number): boolean {
  return Date.parse(order.paymentDeadline) <= now;
}

/**
 * Whether `method` may pay `order`: balance always; online only through a channel the backend
 * names for it (for marketplace general-goods orders that list is all there is).
 */
export function methodAllowed(order: Pick<PendingOrder, 'onlineChannels'>, method: PaymentMethod): boolean {
  return method.type === 'balance' || order.onlineChannels.includes(method.channel);
}

/** Which of the two balances falls short of `amount`, the account balance first; `undefined` when both cover it. */
export function fundsShortfall(funds: Funds, amount: number): 'balance-insufficient' | 'allocatable-insufficient' | undefined {
  if (funds.accountBalance < amount) return 'balance-insufficient';
  if (funds.allocatableBalance < amount) return 'allocatable-insufficient';
  return undefined;
}

/** The first rule that stops paying `amount` of `order` with `method` at `now`, or `undefined`. */
export function paymentBlock(order: PendingOrder, method: PaymentMethod, funds: Funds, now: number, amount = order.amount): PaymentBlock | undefined {
  if (startTimePassed(order, now)) return 'start-passed';
  if (deadlinePassed(order, now)) return 'deadline-passed';
  if (!methodAllowed(order, method)) return 'method-not-allowed';
  return method.type === 'balance' ? fundsShortfall(funds, amount) : undefined;
}
