import type { KitError } from '../../model/errors.js';
import type { RemittanceAccount } from '../../model/schemas/remittance.js';

/** Why a typed payer-on-behalf name cannot be saved; the UI maps each to a message at its field. */
export type PayerIssue = 'empty' | 'too-long' | 'duplicate';

/** Sending the account details by SMS: once per press, then a short wait before the next. */
export type DetailsSms =
  /** `error`: why the last press failed; after a lost answer the next press repeats it under the same key. */
  | { status: 'ready'; error: KitError | undefined }
  | { status: 'sending' }
  /** Sent to `destination`; the next press waits until `cooldownUntil` (ms since the epoch). */
  | { status: 'sent'; destination: string; cooldownUntil: number };

/** Fetching the account proof file; `fetched` once a file was handed over. */
export type ProofDownload = { status: 'ready'; error: KitError | undefined; fetched: boolean } | { status: 'loading' };

/**
 * The payer-on-behalf names as typed, beside the ones the backend keeps. What was typed stays
 * through a refused or failed save.
 */
export interface PayerDraft {
  names: readonly string[];
  saved: readonly string[];
  /** Every name that cannot be saved, and why, in the order typed; empty when all can. */
  issues: readonly { index: number; reason: PayerIssue }[];
  status: 'editing' | 'saving' | 'saved';
  error: KitError | undefined;
}

/**
 * Every state of the dedicated remittance account (转账汇款). Enabling is a keyed intent behind a
 * code: a lost answer freezes it until a lookup or the same request again settles it.
 */
export type RemittanceAccountState =
  | { step: 'idle' }
  | { step: 'loading' }
  | { step: 'load-failed'; error: KitError }
  | { step: 'not-enabled'; phase: 'ready' | 'verifying' | 'submitting'; refusal: KitError | undefined }
  /** The enable may or may not have happened: frozen until a lookup (`checking`) or the same request again (`retrying`) settles it. */
  | { step: 'enable-unknown'; error: KitError | undefined; checking: boolean; retrying: boolean; checked: boolean }
  | { step: 'enabled'; account: RemittanceAccount; sms: DetailsSms; proof: ProofDownload; payers: PayerDraft };

/** The enabled account's state. */
export type EnabledRemittanceAccount = Extract<RemittanceAccountState, { step: 'enabled' }>;
