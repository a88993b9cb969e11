import type { KitError } from '../model/errors.js';
import { defineMessages, type Locale } from './locale.js';
import { wholeSeconds } from './message-parts.js';
import { notifyMessagesChanged } from './store.js';

/** The kit's sentence for each kind of `KitError`, and how a backend code joins a sentence. */
export const errorMessages = defineMessages({
  'en-US': {
    validation: 'Some details are not valid.',
    'verification-required': 'A verification code is required.',
    'rate-limited': (ms: number | undefined) => `Too many requests. Try again in ${wholeSeconds(ms)} s.`,
    'rate-limited:over': 'You can try again now.',
    configuration: 'The partner API is not set up for this account. Contact your administrator.',
    'configuration:tenant-mismatch': 'The sign-in token is for another tenant. Contact your administrator.',
    'configuration:api-required': 'This page is not connected to the partner API yet, so nothing can be shown. Contact your administrator.',
    permission: 'You do not have permission for this.',
    conflict: 'Already done, or no longer possible.',
    'not-found': 'It no longer exists.',
    'insufficient-funds': 'The balance is too low.',
    network: 'Cannot reach the server. Try again.',
    'network:offline': 'You are offline. Reconnect and try again.',
    timeout: 'The server did not answer in time. Try again.',
    server: 'Server error. Try again shortly.',
    'malformed-response': 'Unexpected answer from the server. Try again.',
    cancelled: 'Cancelled.',
    withCode: (text: string, code: string) => `${text} (Code ${code})`,
  },
  'zh-CN': () => import('./zh-CN/error-messages.js'),
}, 'errors');

/** A sentence for `error` in `locale`; flows with their own wording for a reason check that first. */
export function errorMessage(error: KitError, locale: Locale): string {
  const m = errorMessages(locale);
  if (error.code === 'rate-limited') {
    const left = waitLeft(error);
    return left > 0 ? m['rate-limited'](left) : m['rate-limited:over'];
  }
  const specific = `${error.code}:${error.reason ?? ''}` as keyof typeof m;
  const text = m[specific] ?? m[error.code];
  return typeof text === 'string' ? text : m.server;
}

/**
 * `text` (by default the generic sentence for `error`) with the backend's code where it gave one,
 * as the locale writes it: support needs the code.
 */
export function withSupportCode(error: KitError, locale: Locale, text = errorMessage(error, locale)): string {
  return withCode(text, error.backendCode, locale);
}

/**
 * `text` followed by a backend `code` where there is one: "The quota balance ran out. (Code
 * CBC.99000013)" / "额度余额不足（错误码 CBC.99000013）". For per-item failures that carry a code
 * but are not a `KitError`.
 */
export function withCode(text: string, code: string | undefined, locale: Locale): string {
  return code ? errorMessages(locale).withCode(text, code) : text;
}

/** Milliseconds a rate-limited `error` still asks to wait, counted from when it was first shown; 0 for any other error. */
export function rateLimitWait(error: KitError): number {
  return error.code === 'rate-limited' ? Math.max(0, waitLeft(error)) : 0;
}

/** When each rate-limit error was first shown: its wait counts from then. */
const shownAt = new WeakMap<KitError, number>();

/**
 * What is left of the wait a rate-limit error asked for. The first time one is shown, every element
 * draws again once the wait is over, so "Try again in 4 s" never outlives the 4 s.
 */
function waitLeft(error: KitError): number {
  const now = Date.now();
  const wait = error.retryAfterMs ?? 1000;
  const since = shownAt.get(error);
  if (since === undefined) {
    shownAt.set(error, now);
    setTimeout(notifyMessagesChanged, wait);
    return wait;
  }
  return wait - (now - since);
}
