import type { KitError } from '../../model/errors.js';
import type { VerificationChannel, VerificationPolicy } from '../../model/schemas/verification.js';
import type { SentCode } from './code-clock.js';

/** One place a code can go, its destination masked. */
export type ChannelOption = VerificationPolicy['channels'][number];

/** What a flow asks to have confirmed. */
export interface ConfirmRequest {
  /** What is being confirmed, e.g. `withdraw`, `issue-coupon`, `reclaim-coupon`. */
  purpose: string;
  /** One line a person reads: "Confirm withdrawal of ¥1,200.00". */
  action?: string;
}

/** The confirmation being asked for, known in every step but `closed`. */
export interface Asked {
  purpose: string;
  action: string | undefined;
}

/** The code entry, known once the policy is read, in every step until the confirmation ends. */
export interface CodeDesk extends Asked {
  channels: readonly ChannelOption[];
  channel: VerificationChannel;
  /** The code last sent on `channel` for this purpose, also when sent before the dialog was reopened. */
  sent: SentCode | undefined;
  /** The digits typed so far. Held in memory only, gone when the confirmation ends. */
  code: string;
}

/** A send or a check that failed, and so what "retry" repeats. */
export interface CodeFailure {
  during: 'send' | 'check';
  error: KitError;
}

/**
 * Where a confirmation stands, one variant per step:
 * - `closed`: nothing to confirm;
 * - `loading`: reading the policy, `shown` when the dialog is already up (a purpose that always needs a code,
 *   a retry, or a confirmation that replaced another);
 * - `policy-failed`: the policy could not be read or offers no channel;
 * - `ready`: waiting for the user to choose a channel, get a code or type it;
 * - `sending` / `checking`: a call is in flight;
 * - `locked`: too many wrong codes, no code taken until `until` (epoch ms).
 */
export type VerificationState =
  | { step: 'closed' }
  | (Asked & { step: 'loading'; shown: boolean })
  | (Asked & { step: 'policy-failed'; error: KitError })
  | (CodeDesk & { step: 'ready'; failure: CodeFailure | undefined })
  | (CodeDesk & { step: 'sending' })
  | (CodeDesk & { step: 'checking' })
  | (CodeDesk & { step: 'locked'; until: number });

/** A step that holds the code entry. */
export type DeskState = Extract<VerificationState, CodeDesk>;

export const CLOSED: VerificationState = { step: 'closed' };

/** Whether a confirmation waits for the user, so its dialog is shown. */
export function isShown(state: VerificationState): boolean {
  return state.step !== 'closed' && (state.step !== 'loading' || state.shown);
}

/** The code entry of `state`, when it has one. */
export function deskOf(state: VerificationState): DeskState | undefined {
  return state.step === 'closed' || state.step === 'loading' || state.step === 'policy-failed' ? undefined : state;
}

/** Only the code entry's fields, to carry into another step without the old step's own data. */
export function desk({ purpose, action, channels, channel, sent, code }: CodeDesk): CodeDesk {
  return { purpose, action, channels, channel, sent, code };
}
