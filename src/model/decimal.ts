/**
 * Exact conversion between decimal strings (what the partner API speaks: yuan with at most two
 * decimals) and integer minor units (what the kit computes with). No floating point is involved:
 * digits are moved as text.
 */

/** The largest amount in minor units the kit accepts (keeps every sum a safe integer). */
export const MAX_MINOR = 1e15;

/**
 * Parses a plain decimal such as `1234.5` into minor units with `digits` decimals.
 * Returns `undefined` for anything that is not a plain non-negative decimal within range.
 */
export function decimalToMinor(text: string, digits = 2): number | undefined {
  const match = /^(\d{1,16})(?:\.(\d*))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = Number(match[1] + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) && minor <= MAX_MINOR ? minor : undefined;
}

/** Writes minor units as a decimal string with exactly `digits` decimals: `10050` → `"100.50"`. */
export function minorToDecimal(minor: number, digits = 2): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError('Amounts must be integer minor units.');
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Reads an amount the backend sent, as a JSON number (`100.5`) or a decimal string (`"100.50"`).
 * A JSON number is read through its shortest decimal text, which is exactly what was written.
 */
export function apiAmountToMinor(value: number | string, digits = 2): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const text = String(value);
    return /e/i.test(text) ? undefined : decimalToMinor(text, digits);
  }
  return decimalToMinor(value.trim(), digits);
}
