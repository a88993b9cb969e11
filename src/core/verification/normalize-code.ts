// Kept apart from the zod schemas so the code dialog does not carry zod for one string function.
/**
 * Reduces whatever was typed or pasted into a code to its digits: `123 456`, `123-456` and
 * full-width `１２３４５６` all become `123456`. Anything past `length` digits is dropped.
 */
export function normalizeCode(input: string, length = 6): string {
  return input.slice(0, 200).normalize('NFKC').replace(/\D+/g, '').slice(0, length);
}
