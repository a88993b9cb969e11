/**
 * What a partner may type when reporting (报备) a customer or labelling an invitation link (console
 * §15.5). Each check caps the length before anything else looks at the text, so ten thousand
 * characters are refused at once, and every pattern is linear: no nested quantifier, no two
 * quantified parts that can match the same character. Shared by the form and the backend.
 */

import { refuseText, type FieldCheck } from './free-text.js';

export type { FieldCheck, ReportFieldRejection } from './free-text.js';

export const REPORT_NAME_MAX = 64;
export const REPORT_MOBILE_MAX = 32;
export const REPORT_EMAIL_MAX = 64;
export const LINK_LABEL_MAX = 32;

/** Letters of any script, combining marks, digits, spaces and the punctuation of company names. */
const NAME = /^[\p{L}\p{M}\p{N} .·'’&()（）_-]+$/u;
const HAS_LETTER = /\p{L}/u;
/** `country code-number` as the partner center stores it, e.g. `0086-13912345678`. */
const MOBILE = /^00\d{1,4}-\d{4,20}$/;
/** Letters, digits, `_ - .` only (console §15.5), a dotted domain. */
const EMAIL = /^[A-Za-z0-9_.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const LABEL = /^[\p{L}\p{M}\p{N} ._@-]+$/u;

/** The customer's full name: a person's or a company's, in any script; spaces inside are kept. */
export function checkReportName(text: string): FieldCheck {
  const refused = refuseText(text, REPORT_NAME_MAX);
  if (refused) return refused;
  const value = text.trim().replace(/ {2,}/g, ' ');
  return NAME.test(value) && HAS_LETTER.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}

/**
 * The mobile the customer's account was registered with, read as people write it (`139 1234 5678`,
 * `+86 13912345678`, `0086-13912345678`) and sent as `0086-13912345678`. An 11-digit number
 * starting with 1, bare or after 86, is a mainland one; any other needs its `country code-number`.
 */
export function checkReportMobile(text: string): FieldCheck {
  const refused = refuseText(text, REPORT_MOBILE_MAX);
  if (refused) return refused;
  const compact = text.trim().replace(/[\s()]/g, '');
  const mainland = /^(?:(?:\+|00)86-?)?(1\d{10})$/.exec(compact);
  const value = mainland ? `0086-${mainland[1] ?? ''}` : compact.replace(/^\+(\d{1,4})-/, '00$1-');
  return MOBILE.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}

/** The e-mail the invitation goes to: letters, digits and `_ - .` only, no dot at either end of a part. */
export function checkReportEmail(text: string): FieldCheck {
  const refused = refuseText(text, REPORT_EMAIL_MAX);
  if (refused) return refused;
  const value = text.trim();
  const [local = '', domain = ''] = value.split('@');
  const dotsFine = !local.startsWith('.') && !local.endsWith('.') && !value.includes('..') && !domain.startsWith('-');
  return EMAIL.test(value) && dotsFine ? { ok: true, value } : { ok: false, reason: 'format' };
}

/** The label of a custom invitation link (by default the operator's account name). */
export function checkLinkLabel(text: string): FieldCheck {
  const refused = refuseText(text, LINK_LABEL_MAX);
  if (refused) return refused;
  const value = text.trim();
  return LABEL.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}
