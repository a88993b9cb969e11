import { MAX_MINOR, decimalToMinor, minorToDecimal } from '../model/decimal.js';

/** Why a typed amount was refused; the UI maps each to a localised message. */
export type AmountRejection =
  | 'empty'
  | 'too-long'
  | 'format'
  | 'negative'
  | 'too-many-decimals'
  | 'too-large';

/** The outcome of {@link parseAmount}. */
export type AmountParse =
  | { ok: true; minor: number; normalized: string }
  | { ok: false; reason: AmountRejection };

/** Longer input than this is refused before any other work: nobody types a 40-character amount. */
const MAX_INPUT_LENGTH = 40;

/** Symbols and codes a person may put before an amount, per currency. */
const CURRENCY_MARKS: Readonly<Record<string, readonly string[]>> = {
  CNY: ['CN¥', 'RMB', 'CNY', '¥', '元'],
  USD: ['US$', 'USD', '$'],
  EUR: ['EUR', '€'],
};

/** How many decimals a currency's minor unit has (CNY 2, JPY 0), as `Intl` knows it. */
export function currencyDigits(currency: string): number {
  return numberFormat('en-US', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Parses what a person typed as an amount: grouping commas, surrounding spaces, full-width digits
 * and a leading currency symbol are accepted; exponents, hex, signs, `NaN`, `Infinity` and more
 * decimals than the currency has are refused with a reason. Never uses floating point.
 */
export function parseAmount(input: string, currency = 'CNY'): AmountParse {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, reason: 'too-long' };
  // NFKC folds full-width digits, "．", "，" and "￥" to their ASCII forms.
  let text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  text = stripCurrencyMark(text, currency);
  if (text.startsWith('-') || text.startsWith('−')) return { ok: false, reason: 'negative' };
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return { ok: false, reason: 'format' };
    text = text.replaceAll(',', '');
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const digits = currencyDigits(currency);
  if ((match[2] ?? '').length > digits) return { ok: false, reason: 'too-many-decimals' };
  const minor = decimalToMinor(text, digits);
  if (minor === undefined) return { ok: false, reason: 'too-large' };
  return { ok: true, minor, normalized: minorToDecimal(minor, digits) };
}

function stripCurrencyMark(text: string, currency: string): string {
  for (const mark of CURRENCY_MARKS[currency] ?? [currency]) {
    if (text.startsWith(mark)) return text.slice(mark.length).trim();
    if (text.endsWith(mark)) return text.slice(0, -mark.length).trim();
  }
  return text;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/**
 * Formats minor units for people: `formatMoney(120000, 'zh-CN', 'CNY')` → `¥1,200.00`.
 * The decimal string is handed to `Intl` as is, so no float rounding can creep in.
 */
export function formatMoney(minor: number, locale: string, currency = 'CNY'): string {
  const decimal = minorToDecimal(minor, currencyDigits(currency));
  return numberFormat(locale, currency).format(decimal as unknown as number);
}

/** Bounds check for an amount in minor units. */
export type AmountBoundViolation = 'not-positive' | 'below-min' | 'above-max';

/** Checks `minor` against optional inclusive bounds; amounts must always be above zero. */
export function checkAmountBounds(
  minor: number,
  bounds: { min?: number | undefined; max?: number | undefined } = {},
): AmountBoundViolation | undefined {
  if (minor <= 0) return 'not-positive';
  if (bounds.min !== undefined && minor < bounds.min) return 'below-min';
  if (bounds.max !== undefined && minor > bounds.max) return 'above-max';
  return undefined;
}

/**
 * `minor × count`, or `undefined` past {@link MAX_MINOR}: a total nobody can issue or pay, which
 * would also leave the range where integers are exact.
 */
export function multiplyMinor(minor: number, count: number): number | undefined {
  const product = minor * count;
  return Number.isSafeInteger(product) && product <= MAX_MINOR ? product : undefined;
}

export { MAX_MINOR };
