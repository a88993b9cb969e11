import type { KitError } from '../model/errors.js';
import { defineMessages, type Locale } from './locale.js';
import { wholeSeconds } from './message-parts.js';

/** The kit's sentence for each kind of `KitError`, and how a backend code joins a sentence. */
export const errorMessages = defineMessages({
  'en-US': {
    validation: 'Some details are not valid.',
    'verification-required': 'A verification code is required.',
    'rate-limited': (ms: number | undefined) => `Too many requests. Try again in ${wholeSeconds(ms)} s.`,
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
  if (error.code === 'rate-limited') return m['rate-limited'](error.retryAfterMs);
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
