/** The kinds of personal value the kit knows how to mask. */
export type MaskKind = 'mobile' | 'name' | 'email' | 'text';

const STAR = '*';

/** `0086-13912341234` → `0086-139****1234`; a bare `13912341234` → `139****1234`. */
export function maskMobile(value: string): string {
  const dash = value.lastIndexOf('-');
  const prefix = dash >= 0 ? value.slice(0, dash + 1) : '';
  const number = dash >= 0 ? value.slice(dash + 1) : value;
  if (number.length <= 4) return prefix + STAR.repeat(number.length);
  const keepHead = Math.min(3, number.length - 4);
  return prefix + number.slice(0, keepHead) + STAR.repeat(number.length - keepHead - 4) + number.slice(-4);
}

/**
 * The first character and always two stars, `张三丰` → `张**`, `Alice` → `A**`: the mask must not
 * tell how long the name is. Counts characters, not UTF-16 units.
 */
export function maskName(value: string): string {
  const first = Array.from(value)[0];
  return first === undefined ? '' : `${first}${STAR.repeat(2)}`;
}

/** `alice@example.com` → `a***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskText(value);
  return `${Array.from(value.slice(0, at))[0]}***${value.slice(at)}`;
}

/** Keeps the first and last character of anything else. */
export function maskText(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 2) return STAR.repeat(chars.length);
  return chars[0] + STAR.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Masks `value` the way its kind is shown in the partner console. */
export function mask(value: string, kind: MaskKind): string {
  switch (kind) {
    case 'mobile':
      return maskMobile(value);
    case 'name':
      return maskName(value);
    case 'email':
      return maskEmail(value);
    default:
      return maskText(value);
  }
}
