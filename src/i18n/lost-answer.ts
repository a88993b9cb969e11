import type { KitError, KitErrorCode } from '../model/errors.js';
import type { Locale } from './locale.js';
import { withSupportCode } from './error-messages.js';
import { lostAnswerMessages } from './messages/lost-answer.js';

/**
 * Why an outcome is unknown, with the backend's code where it gave one: the cause of a lost answer
 * (timeout, dropped connection, offline, a server failure, an unreadable answer), else the kit's
 * sentence for the error.
 */
export function lostCause(error: KitError, locale: Locale): string {
  const m = lostAnswerMessages(locale);
  const lost: Partial<Record<KitErrorCode, string>> = {
    timeout: m.lostTimeout,
    network: error.reason === 'offline' ? m.lostOffline : m.lostNetwork,
    server: m.lostServer,
    'malformed-response': m.lostMalformed,
  };
  return withSupportCode(error, locale, lost[error.code]);
}
