/**
 * What a partner may type when creating a customer account (API §10–11, brief [21]). Every check
 * caps the length before any pattern looks at the text, so a hostile 100,000-character value is
 * refused at once, and every pattern is linear: no nested quantifier, no two quantified parts that
 * can match the same character. Shared by the form and the in-memory backend.
 */

/** Why a field was refused; the UI words each one. */
export type AccountFieldIssue =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'format'
  | 'first-character'
  | 'all-digits'
  | 'reserved-prefix'
  | 'classes'
  | 'equals-account-name'
  | 'contains-mobile';

/** The outcome of a field check: the value as it will be sent, or why not. */
export type AccountFieldCheck = { ok: true; value: string } | { ok: false; issue: AccountFieldIssue };

export const ACCOUNT_NAME_MIN = 5;
export const ACCOUNT_NAME_MAX = 32;
export const DISPLAY_NAME_MAX = 32;
export const MOBILE_MAX = 32;
export const EMAIL_MAX = 64;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 32;

const ACCOUNT_FIRST = /^[A-Za-z_-]/;
const ACCOUNT_CHARS = /^[A-Za-z0-9_-]+$/;
const ALL_DIGITS = /^\d+$/;
/**
 * The source's rule `^([a-zA-Z\_\- ][0-9a-zA-Z\_\- ]*)+$` matches exactly the strings whose first
 * character is in the first class and whose others are in the second: one group always suffices.
 * Written that way it cannot backtrack.
 */
const DISPLAY_NAME = /^[A-Za-z_ -][0-9A-Za-z_ -]*$/;
const MOBILE = /^\d{1,8}-\d{1,30}$/;
/** The dot is outside the label classes, so the repeated group cannot overlap itself. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const CODE = /^\d{6}$/;
const CLASSES = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/] as const;
const WHITESPACE_OR_CONTROL = /[\s\p{Cc}]/u;

const ok = (value: string): AccountFieldCheck => ({ ok: true, value });
const no = (issue: AccountFieldIssue): AccountFieldCheck => ({ ok: false, issue });

/** The Huawei Cloud account name: 5–32 of `A–Z a–z 0–9 _ -`, a letter, `_` or `-` first, not all digits, not `op_…`/`shadow_…`. */
export function checkAccountName(text: string): AccountFieldCheck {
  if (text.length > ACCOUNT_NAME_MAX) return no('too-long');
  if (text === '') return no('required');
  if (text.length < ACCOUNT_NAME_MIN) return no('too-short');
  if (!ACCOUNT_CHARS.test(text)) return no('format');
  if (ALL_DIGITS.test(text)) return no('all-digits');
  if (!ACCOUNT_FIRST.test(text)) return no('first-character');
  const lower = text.toLowerCase();
  if (lower.startsWith('op_') || lower.startsWith('shadow_')) return no('reserved-prefix');
  return ok(text);
}

/** The customer's display name (brief [21]): a letter, `_`, `-` or space first, then letters, digits, `_`, `-`, spaces. */
export function checkDisplayName(text: string): AccountFieldCheck {
  if (text.length > DISPLAY_NAME_MAX) return no('too-long');
  if (text.trim() === '') return no('required');
  return DISPLAY_NAME.test(text) ? ok(text) : no('format');
}

/** `country code-number`, both parts digits, 1–32 characters in all, e.g. `0086-13912345678`. */
export function checkMobile(text: string): AccountFieldCheck {
  if (text.length > MOBILE_MAX) return no('too-long');
  if (text === '') return no('required');
  return MOBILE.test(text) ? ok(text) : no('format');
}

/** An e-mail address, at most 64 characters. */
export function checkEmail(text: string): AccountFieldCheck {
  if (text.length > EMAIL_MAX) return no('too-long');
  if (text === '') return no('required');
  return EMAIL.test(text) ? ok(text) : no('format');
}

/** The six-digit code sent to the customer's mobile. */
export function checkRegistrationCode(text: string): AccountFieldCheck {
  if (text.length > 6) return no('too-long');
  if (text === '') return no('required');
  return CODE.test(text) ? ok(text) : no('format');
}

/**
 * The initial password: 8–32 characters of at least two of upper case, lower case, digits and
 * others; never the account name or its reverse, never containing the mobile's number.
 */
export function checkPassword(text: string, context: { accountName: string; mobile?: string | undefined }): AccountFieldCheck {
  if (text.length > PASSWORD_MAX) return no('too-long');
  if (text === '') return no('required');
  if (text.length < PASSWORD_MIN) return no('too-short');
  if (WHITESPACE_OR_CONTROL.test(text)) return no('format');
  if (CLASSES.filter((c) => c.test(text)).length < 2) return no('classes');
  const name = context.accountName;
  if (name !== '' && (text === name || text === [...name].reverse().join(''))) return no('equals-account-name');
  const number = context.mobile?.slice(context.mobile.indexOf('-') + 1) ?? '';
  if (number !== '' && text.includes(number)) return no('contains-mobile');
  return ok(text);
}
