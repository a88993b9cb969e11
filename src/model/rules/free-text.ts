/**
 * Text a user types that someone else reads (a customer's name, a reason sent to a customer): its
 * length capped before anything else looks at it, so ten thousand characters are refused at once,
 * and no invisible characters in it.
 */

/** Why a field was refused; the UI words each one. */
export type ReportFieldRejection = 'required' | 'too-long' | 'hidden-characters' | 'format';

/** The outcome of a field check: the value as it will be sent, or why not. */
export type FieldCheck = { ok: true; value: string } | { ok: false; reason: ReportFieldRejection };

/** Why free text was refused: any text but its format, which only a field's own rule knows. */
export type TextRefusal = { ok: false; reason: Exclude<ReportFieldRejection, 'format'> };

/**
 * Control characters and the invisible direction marks, overrides and isolates: an RTL override
 * inside a name, label or reason would make what one person reads differ from what is stored and sent.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** Line breaks and tabs, which a multi-line text (pasted from a document or a sheet) may hold. */
const BREAKS = /\r\n?|\n|\t/g;

/**
 * Refuses `text` when it is empty, longer than `max` characters (code points) or holds invisible
 * or control characters (line breaks and tabs too, unless `multiline`); else `undefined`.
 */
export function refuseText(text: string, max: number, options: { multiline?: boolean } = {}): TextRefusal | undefined {
  // Measured in UTF-16 units first: a cheap bound that never lets a huge string reach a pattern.
  if (text.length > max * 2) return { ok: false, reason: 'too-long' };
  if (HIDDEN.test(options.multiline ? text.replace(BREAKS, ' ') : text)) return { ok: false, reason: 'hidden-characters' };
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'required' };
  if (Array.from(value).length > max) return { ok: false, reason: 'too-long' };
  return undefined;
}

/** Free text of at most `max` characters, trimmed: the value to send, or why not. */
export function checkFreeText(text: string, max: number, options: { multiline?: boolean } = {}): { ok: true; value: string } | TextRefusal {
  return refuseText(text, max, options) ?? { ok: true, value: text.trim() };
}
