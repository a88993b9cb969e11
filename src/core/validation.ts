import * as z from 'zod/mini';
import { REMARK_MAX_LENGTH } from '../model/schemas/coupons.js';

/**
 * Rules for what people type, as zod schemas whose issue messages are stable reason codes the UI
 * localises. Every string schema caps its length first and aborts there (zod runs every check
 * otherwise), so hostile input (megabytes of text) is refused before any pattern runs; no pattern
 * can backtrack catastrophically.
 */

/** Reason codes a field can fail with. */
export type FieldRejection = 'required' | 'too-long' | 'format';

const capped = (max: number) =>
  z.string().check(
    z.minLength(1, { error: 'required', abort: true }),
    z.maxLength(max, { error: 'too-long', abort: true }),
  );

/**
 * Customer name (brief [21]): a letter, `_`, `-` or space first, then letters, digits, `_`, `-`
 * and spaces. The brief's regex `^([a-zA-Z\_\- ][0-9a-zA-Z\_\- ]*)+$` nests quantifiers and backtracks
 * exponentially on a long near-match; this one accepts exactly the same strings in linear time.
 */
export const CustomerName = capped(32).check(z.regex(/^[a-zA-Z_\- ][0-9a-zA-Z_\- ]*$/, { error: 'format' }));

/** Mobile (brief [21]): `country code-number`, both parts digits, 1–32 characters, e.g. `0086-13912345678`. */
export const Mobile = capped(32).check(z.regex(/^\d+-\d+$/, { error: 'format' }));

/** E-mail (console §15.5): letters, digits, `_ - .` before the `@`; at most 64 characters (API limit). */
export const Email = capped(64).check(
  z.regex(/^[A-Za-z0-9_.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/, { error: 'format' }),
);

/** Remark: free text only the issuing partner sees; no control characters. Markup is kept as text. */
export const Remark = z.string().check(
  z.maxLength(REMARK_MAX_LENGTH, { error: 'too-long', abort: true }),
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  z.regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { error: 'format' }),
);

/** The first reason `value` fails `schema` with, or `undefined` when it passes. */
export function firstRejection(schema: z.ZodMiniType, value: unknown): FieldRejection | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const message = result.error.issues[0]?.message;
  return (['required', 'too-long', 'format'] as const).find((reason) => reason === message) ?? 'format';
}
