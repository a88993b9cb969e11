import type { KitError } from '../../model/errors.js';
import { spaceCjk } from '../cjk.js';
import { errorMessage, withSupportCode } from '../error-messages.js';
import { defineMessages, type Locale } from '../locale.js';
import { clock } from '../message-parts.js';

/**
 * The words of `<verification-code-modal>`'s code entry, fetched with it on first use; hosts
 * override them under `verification-code-modal`. The title, what is confirmed, Cancel, Try again
 * and the loading text are the shell's (`verificationMessages`).
 */
export const verificationDeskMessages = defineMessages({
  'en-US': {
    channels: 'Send the code by',
    sms: 'SMS',
    email: 'E-mail',
    goesTo: (destination: string) => `The code goes to ${destination}.`,
    sentTo: (destination: string) => `Code sent to ${destination}.`,
    codeLabel: 'Verification code',
    codeHint: '6 digits',
    getCode: 'Get code',
    resendIn: (seconds: number) => `Resend in ${seconds < 100 ? `${seconds} s` : clock(seconds)}`,
    resend: 'Resend code',
    sending: 'Sending…',
    checking: 'Checking…',
    verify: 'Verify',
    announceSent: (destination: string, seconds: number) =>
      `Code sent to ${destination}. You can ask for a new code in ${seconds} seconds.`,
    announceResendReady: 'You can ask for a new code now.',
    incomplete: 'Enter all 6 digits of the code.',
    incorrect: (left: number) => `The code is not correct. ${left === 1 ? '1 attempt' : `${left} attempts`} left.`,
    incorrectUncounted: 'The code is not correct. Check it and type it again.',
    repeated: 'You entered this code already; it was not correct.',
    expired: 'This code has expired. Get a new code.',
    gone: 'This code can no longer be used. Get a new code.',
    notSent: 'No code was sent for this action yet. Get a code first.',
    locked: (when: string) => `Too many wrong codes. You can try again ${when}.`,
    sendLimit: (when: string) => `You have asked for too many codes. You can ask again ${when}.`,
    resendTooSoon: 'A code was sent moments ago. Wait for the countdown to end.',
    noChannel: 'No phone number or e-mail address is set up to receive codes. Contact your administrator.',
    policyFailed: 'Could not load the verification settings.',
  },
  'zh-CN': () => import('../zh-CN/verification-code-modal-desk.js'),
}, 'verification-code-modal-desk', 'verification-code-modal');

/** "in 15 minutes" / "15 分钟后", rounded up to whole minutes (seconds under a minute). */
function inTime(ms: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return spaceCjk(seconds < 60 ? format.format(seconds, 'second') : format.format(Math.ceil(seconds / 60), 'minute'));
}

/**
 * The sentence shown at the code input for a failure, in the dialog's words where it has them, with
 * the backend's code for support. `resendInMs` is what the send countdown still runs.
 */
export function verificationFailure(error: KitError, locale: Locale, resendInMs: number): string {
  return withSupportCode(error, locale, failureSentence(error, locale, resendInMs));
}

function failureSentence(error: KitError, locale: Locale, resendInMs: number): string {
  const m = verificationDeskMessages(locale);
  switch (error.reason) {
    case 'code-incomplete':
      return m.incomplete;
    case 'code-incorrect':
      return incorrect(error, locale);
    case 'code-repeated':
      return m.repeated;
    case 'code-expired':
      return m.expired;
    case 'code-gone':
      return m.gone;
    case 'code-not-sent':
      return m.notSent;
    case 'attempts-exceeded':
      return lockedMessage(locale, error.retryAfterMs ?? 0);
    case 'send-limit':
      return m.sendLimit(inTime(resendInMs, locale));
    case 'resend-too-soon':
      return m.resendTooSoon;
    case 'no-channel':
      return m.noChannel;
    default:
      return errorMessage(error, locale);
  }
}

/**
 * A wrong code, with the attempts left only when the adapter knows them (`details.attemptsLeft`, as
 * the in-memory backend gives): the HTTP contract's error body has no such field, and a guess would mislead.
 */
function incorrect(error: KitError, locale: Locale): string {
  const m = verificationDeskMessages(locale);
  const left = error.details['attemptsLeft'];
  return typeof left === 'number' && Number.isInteger(left) && left > 0 ? m.incorrect(left) : m.incorrectUncounted;
}

/** Why no code is taken now, and for how long: after too many wrong codes. */
export function lockedMessage(locale: Locale, remainingMs: number): string {
  return verificationDeskMessages(locale).locked(inTime(remainingMs, locale));
}
