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
 * Every name that cannot be kept, checked as trimmed: empty, longer than
 * {@link MAX_PAYER_NAME_LENGTH}, or the same payer as a name before it that can be kept — so a form
 * shows them all at once. How many names an account keeps (`MAX_PAYER_NAMES`,
 * model/values/remittance.ts) is checked before this.
 */
export function findPayerIssues(names: readonly string[]): { index: number; reason: PayerNameIssue }[] {
  const seen = new Set<string>();
  const issues: { index: number; reason: PayerNameIssue }[] = [];
  for (const [index, typed] of names.entries()) {
    const name = typed.trim();
    const payer = folded(name);
    const reason = name === '' ? 'empty' : name.length > MAX_PAYER_NAME_LENGTH ? 'too-long' : seen.has(payer) ? 'duplicate' : undefined;
    if (reason) issues.push({ index, reason });
    else seen.add(payer);
  }
  return issues;
}

/** The first name that cannot be kept (see {@link findPayerIssues}): what a backend refuses a save for. */
export function findPayerIssue(names: readonly string[]): { index: number; reason: PayerNameIssue } | undefined {
  return findPayerIssues(names)[0];
}
