/**
 * What a partner may type when reporting (报备) a customer or labelling an invitation link (console
 * §15.5). Each check caps the length before anything else looks at the text, so ten thousand
 * characters are refused at once, and every pattern is linear: no nested quantifier, no two
 * quantified parts that can match the same character. Shared by the form and the backend.
 */

/** Why a field was refused; the UI words each one. */
export type ReportFieldRejection = 'required' | 'too-long' | 'hidden-characters' | 'format';

/** The outcome of a field check: the value as it will be sent, or why not. */
export type FieldCheck = { ok: true; value: string } | { ok: false; reason: ReportFieldRejection };

export const REPORT_NAME_MAX = 64;
export const REPORT_MOBILE_MAX = 32;
export const REPORT_EMAIL_MAX = 64;
export const LINK_LABEL_MAX = 32;

/**
 * Control characters and the invisible direction marks, overrides and isolates: an RTL override
 * inside a name or label would make what the partner reads differ from what is stored and sent.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** Letters of any script, combining marks, digits, spaces and the punctuation of company names. */
const NAME = /^[\p{L}\p{M}\p{N} .·'’&()（）_-]+$/u;
const HAS_LETTER = /\p{L}/u;
/** `country code-number` as the partner center stores it, e.g. `0086-13912345678`. */
const MOBILE = /^00\d{1,4}-\d{4,20}$/;
/** Letters, digits, `_ - .` only (console §15.5), a dotted domain. */
const EMAIL = /^[A-Za-z0-9_.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const LABEL = /^[\p{L}\p{M}\p{N} ._@-]+$/u;

function capped(text: string, max: number): FieldCheck | undefined {
  // Measured in UTF-16 units first: a cheap bound that never lets a huge string reach a pattern.
  if (text.length > max * 2) return { ok: false, reason: 'too-long' };
  if (HIDDEN.test(text)) return { ok: false, reason: 'hidden-characters' };
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'required' };
  if (Array.from(value).length > max) return { ok: false, reason: 'too-long' };
  return undefined;
}

/** The customer's full name: a person's or a company's, in any script; spaces inside are kept. */
export function checkReportName(text: string): FieldCheck {
  const refused = capped(text, REPORT_NAME_MAX);
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
  const refused = capped(text, REPORT_MOBILE_MAX);
  if (refused) return refused;
  const compact = text.trim().replace(/[\s()]/g, '');
  const mainland = /^(?:(?:\+|00)86-?)?(1\d{10})$/.exec(compact);
  const value = mainland ? `0086-${mainland[1] ?? ''}` : compact.replace(/^\+(\d{1,4})-/, '00$1-');
  return MOBILE.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}

/** The e-mail the invitation goes to: letters, digits and `_ - .` only, no dot at either end of a part. */
export function checkReportEmail(text: string): FieldCheck {
  const refused = capped(text, REPORT_EMAIL_MAX);
  if (refused) return refused;
  const value = text.trim();
  const [local = '', domain = ''] = value.split('@');
  const dotsFine = !local.startsWith('.') && !local.endsWith('.') && !value.includes('..') && !domain.startsWith('-');
  return EMAIL.test(value) && dotsFine ? { ok: true, value } : { ok: false, reason: 'format' };
}

/** The label of a custom invitation link (by default the operator's account name). */
export function checkLinkLabel(text: string): FieldCheck {
  const refused = capped(text, LINK_LABEL_MAX);
  if (refused) return refused;
  const value = text.trim();
  return LABEL.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}
