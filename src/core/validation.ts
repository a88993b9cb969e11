import { REMARK_MAX_LENGTH } from '../model/values/coupons.js';

/**
 * Rules for what people type, as checks answering a stable reason code the UI localises. Each
 * caps the length first, so hostile input (megabytes of text) is refused before any pattern runs;
 * no pattern nests quantifiers, so none can backtrack catastrophically.
 */

/** Reason codes a field can fail with. */
export type FieldRejection = 'required' | 'too-long' | 'format';

/** A rule for one field: the first reason `value` fails it with, or `undefined` when it passes. */
export type FieldCheck = (value: unknown) => FieldRejection | undefined;

/** Text of at most `max` characters matching `pattern`; empty text is `required` unless `optional`. */
const text =
  (max: number, pattern: RegExp, optional = false): FieldCheck =>
  (value) => {
    if (typeof value !== 'string') return 'format';
    if (value === '' && !optional) return 'required';
    if (value.length > max) return 'too-long';
    return pattern.test(value) ? undefined : 'format';
  };

/**
 * Customer name (brief [21]): a letter, `_`, `-` or space first, then letters, digits, `_`, `-`
 * and spaces. The brief's regex `^([a-zA-Z\_\- ][0-9a-zA-Z\_\- ]*)+$` nests quantifiers and backtracks
 * exponentially on a long near-match; this one accepts exactly the same strings in linear time.
 */
export const CustomerName: FieldCheck = text(32, /^[a-zA-Z_\- ][0-9a-zA-Z_\- ]*$/);

/** Mobile (brief [21]): `country code-number`, both parts digits, 1–32 characters, e.g. `0086-13912345678`. */
export const Mobile: FieldCheck = text(32, /^\d+-\d+$/);

/** E-mail (console §15.5): letters, digits, `_ - .` before the `@`; at most 64 characters (API limit). */
export const Email: FieldCheck = text(64, /^[A-Za-z0-9_.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/);

/** Remark: free text only the issuing partner sees, may be empty; no control characters. Markup is kept as text. */
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
export const Remark: FieldCheck = text(REMARK_MAX_LENGTH, /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, true);

/** The first reason `value` fails `check` with, or `undefined` when it passes. */
export function firstRejection(check: FieldCheck, value: unknown): FieldRejection | undefined {
  return check(value);
}
