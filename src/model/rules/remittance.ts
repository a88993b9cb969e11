/**
 * The payer-on-behalf names of the dedicated remittance account (转账汇款): the one rule the form,
 * the in-memory backend and the reference server all apply, so a name the form lets through is a
 * name every backend keeps, and two names the form calls the same are the same to a backend.
 */

/** A payer name's longest length, trimmed, as the backend keeps it. */
export const MAX_PAYER_NAME_LENGTH = 100;

/** Why a payer name cannot be kept. */
export type PayerNameIssue = 'empty' | 'too-long' | 'duplicate';

/**
 * Two names are one payer when they differ only in letter case or in the width of their
 * characters (`Ａcme` is `acme`): the bank matches a transfer's remitter the same way.
 */
const folded = (name: string) => name.normalize('NFKC').toLowerCase();

/**
 * The first name that cannot be kept, checked as trimmed: empty, longer than
 * {@link MAX_PAYER_NAME_LENGTH}, or the same payer as a name before it. How many names an account
 * keeps (`MAX_PAYER_NAMES`, model/values/remittance.ts) is checked before this.
 */
export function findPayerIssue(names: readonly string[]): { index: number; reason: PayerNameIssue } | undefined {
  const seen = new Set<string>();
  for (const [index, typed] of names.entries()) {
    const name = typed.trim();
    if (name === '') return { index, reason: 'empty' };
    if (name.length > MAX_PAYER_NAME_LENGTH) return { index, reason: 'too-long' };
    const payer = folded(name);
    if (seen.has(payer)) return { index, reason: 'duplicate' };
    seen.add(payer);
  }
  return undefined;
}
