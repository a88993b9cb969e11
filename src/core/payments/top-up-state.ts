import type { AmountBoundViolation, AmountRejection } from '../money.js';
import type { KitError } from '../../model/errors.js';
import type { PaymentAction, TopUpResult } from '../../model/schemas/payments.js';

/** Why the typed top-up amount cannot be sent; the UI maps each to a message. */
export type TopUpAmountIssue = AmountRejection | AmountBoundViolation;

/** A top-up the backend opened, with the payment action the payer follows. */
export type OpenTopUp = TopUpResult;

/** A QR payment action: a code to scan before it expires. */
export type QrPaymentAction = Extract<PaymentAction, { kind: 'qr' }>;

/** A redirect payment action: a payment page to open. */
export type RedirectPaymentAction = Extract<PaymentAction, { kind: 'redirect' }>;

/** What `top-up-completed` tells: the top-up and the account balance it left. */
export interface CompletedTopUp {
  topUpId: string;
  amount: number;
  currency: string;
  /** The account balance after the top-up, in minor units. */
  balance: number;
}

/**
 * Every state of a top-up. The amount typed stays with each step that can lead back to the form,
 * so nothing the user typed is lost to a failure.
 */
export type TopUpState =
  | { step: 'idle' }
  | { step: 'load-failed'; error: KitError }
  /** `notDone`: a check of a lost answer found no top-up opened, so nothing was charged; said until the amount is edited. */
  | { step: 'editing'; amount: string; issue: TopUpAmountIssue | undefined; refusal: KitError | undefined; notDone: boolean }
  | { step: 'creating'; amount: string; minor: number; submission: Promise<void> }
  /** The top-up may or may not have been opened: frozen on this amount until a lookup or a retry settles it. */
  | { step: 'outcome-unknown'; amount: string; minor: number; error: KitError | undefined; checking: boolean; checked: boolean }
  /** Waiting for the payer; the status is polled and can be checked at once. */
  | { step: 'awaiting-payment'; amount: string; topUp: OpenTopUp; checking: boolean; polledAt: number; error: KitError | undefined }
  | { step: 'paid'; completed: CompletedTopUp }
  | { step: 'expired' | 'failed'; amount: string; topUp: OpenTopUp };
