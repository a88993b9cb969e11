import type { KitError } from '../../model/errors.js';
import type { PaymentBlock } from '../../model/rules/payments.js';
import type { OrderPaymentOverview, PaymentAction, PaymentMethod, PayOrderResult } from '../../model/schemas/payments.js';

/** A paid order, as the flow reports it. */
export type PaidOrder = Extract<PayOrderResult, { status: 'paid' }>;

/** The one order being acted on, phase by phase. */
export type OrderTask =
  | { phase: 'choosing'; orderId: string; method: PaymentMethod; block: PaymentBlock | undefined; refusal: KitError | undefined }
  | { phase: 'verifying' | 'submitting'; orderId: string; method: PaymentMethod; submission: Promise<void> }
  | { phase: 'outcome-unknown'; orderId: string; method: PaymentMethod; error: KitError | undefined; checking: boolean; checked: boolean }
  | { phase: 'paid'; orderId: string; result: PaidOrder; recovered: boolean }
  | { phase: 'action'; orderId: string; action: PaymentAction }
  | { phase: 'start-passed'; orderId: string; notifying: boolean; notified: boolean; error: KitError | undefined }
  | { phase: 'rejecting'; orderId: string; reason: string; busy: boolean; error: KitError | undefined }
  | { phase: 'rejected'; orderId: string };

/** How one order of a pay-many job ended. */
export type JobOutcome = { status: 'waiting' | 'running' } | { status: 'paid'; result: PaidOrder } | { status: 'failed' | 'unknown'; error: KitError };

/** A pay-many job: every selected order with its outcome so far. */
export interface PayJob {
  running: boolean;
  outcomes: ReadonlyMap<string, JobOutcome>;
}

/** Every state of `<order-payment>`'s flow. */
export type OrderPaymentState =
  | { step: 'idle' }
  | { step: 'loading' }
  | { step: 'load-failed'; error: KitError }
  | { step: 'ready'; overview: OrderPaymentOverview; selected: readonly string[]; task: OrderTask | undefined; job: PayJob | undefined };

export type OrderPaymentReady = Extract<OrderPaymentState, { step: 'ready' }>;
