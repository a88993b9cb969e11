import * as z from 'zod/mini';

/** The operations that move money or send something, and so carry an idempotency key. */
export const IntentOperation = z.enum(['issueCoupons', 'reclaimCoupon', 'withdraw', 'resendInvitation', 'reportCustomer', 'regenerateInvitationLink', 'revokeInvitationLink', 'payOrder', 'rejectOrder', 'notifyOrderCustomer', 'createTopUp', 'createCustomer', 'unbindCustomer', 'approveUnbindRequest', 'rejectUnbindRequest', 'enableRemittanceAccount', 'sendRemittanceDetails', 'claimRemittance']);
export type IntentOperation = z.infer<typeof IntentOperation>;

/** An idempotency key as the kit makes them (`createIntentKey`): long, random, printable. */
export const IdempotencyKey = z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[A-Za-z0-9._:-]+$/));

/** Asks the backend what became of one intent. */
export const LookupIntentRequest = z.object({ operation: IntentOperation, idempotencyKey: IdempotencyKey });
export type LookupIntentRequest = z.infer<typeof LookupIntentRequest>;

/** A definite refusal the backend recorded for a key, as the error it answered with. */
export const IntentRefusal = z.object({
  code: z.string().check(z.maxLength(40)),
  message: z.string().check(z.maxLength(500)),
  backendCode: z.optional(z.string().check(z.maxLength(40))),
  reason: z.optional(z.string().check(z.maxLength(60))),
});
export type IntentRefusal = z.infer<typeof IntentRefusal>;

/**
 * What the backend knows of a key:
 * - `done`: the intent took effect; `result` is what the call answered (the operation's result shape);
 * - `refused`: the backend turned the request down and did nothing;
 * - `pending`: a call with this key is being processed right now;
 * - `not-done`: the backend never acted on this key, and from this answer on it refuses the key for
 *   good, so a request still on its way cannot take effect after the user was told it did not.
 */
export const IntentLookup = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), result: z.unknown() }),
  z.object({ status: z.literal('refused'), error: IntentRefusal }),
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('not-done') }),
]);
/** An answer of the backend; `T` is the looked-up operation's result, as the adapter read it. */
export type IntentLookup<T = unknown> = Exclude<z.infer<typeof IntentLookup>, { status: 'done' }> | { status: 'done'; result: T };
