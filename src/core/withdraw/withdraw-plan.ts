import type { PayoutAccount, RechargeFlow, WithdrawalOverview, WithdrawRequest } from '../../model/schemas/withdrawal.js';
import { breaksNameMatch, takeInOrder, type FlowTake } from '../../model/rules/withdraw.js';
import { checkAmountBounds, parseAmount } from '../money.js';
import type { AmountIssue, WithdrawEntries } from './withdraw-state.js';

/** One flow in a withdrawal: what it gives, where it goes, and whether the name-match rule blocks it. */
export interface PlannedTake extends FlowTake {
  account: PayoutAccount | undefined;
  blocked: boolean;
}

/** The entries of a withdrawal that was just opened. */
export function freshEntries(overview: WithdrawalOverview): WithdrawEntries {
  return { route: 'original', mode: 'lifo', picked: [], amountText: '', cardAccountId: cardAccounts(overview)[0]?.id, rejectedFlowId: undefined };
}

/** The bank accounts a bank-card withdrawal may go to: only those in the company's verified name. */
export function cardAccounts(overview: WithdrawalOverview): PayoutAccount[] {
  return overview.accounts.filter((a) => a.type === 'bank' && a.holderName === overview.companyRealName);
}

/** The flows money may come from, in the order it is taken. */
export function sourceFlows(overview: WithdrawalOverview, entries: WithdrawEntries): RechargeFlow[] {
  if (entries.route === 'bank-card') return overview.flows.filter((f) => f.channel === 'transaction-mode-conversion');
  return entries.mode === 'pick' ? overview.flows.filter((f) => entries.picked.includes(f.id)) : overview.flows;
}

/** The most the route and flow choice allow, in minor units. */
export function maximumOf(overview: WithdrawalOverview, entries: WithdrawEntries): number {
  if (entries.route === 'bank-card') return overview.bankCardAmount;
  return sourceFlows(overview, entries).reduce((total, f) => total + f.withdrawableAmount, 0);
}

/**
 * The most "Withdraw all" may fill in: the flows in the order they are taken, up to the first one
 * the name-match rule blocks, since any amount reaching that flow would be refused.
 */
export function allowedMaximumOf(overview: WithdrawalOverview, entries: WithdrawEntries): number {
  let total = 0;
  for (const take of planOf(overview, entries, maximumOf(overview, entries))) {
    if (take.blocked) break;
    total += take.amount;
  }
  return total;
}

/** Which flows give how much of `amount`, and to which account. */
export function planOf(overview: WithdrawalOverview, entries: WithdrawEntries, amount: number): PlannedTake[] {
  const { route, cardAccountId, rejectedFlowId } = entries;
  const cardAccount = overview.accounts.find((a) => a.id === cardAccountId);
  return takeInOrder(sourceFlows(overview, entries), amount).map((take) => {
    const account = route === 'bank-card' ? cardAccount : overview.accounts.find((a) => a.id === take.flow.accountId);
    const blocked = account !== undefined && (breaksNameMatch(take.flow, account, overview.companyRealName, route) || take.flow.id === rejectedFlowId);
    return { ...take, account, blocked };
  });
}

/** The request the entries make, or why they cannot be withdrawn. */
export function checkEntries(overview: WithdrawalOverview, entries: WithdrawEntries): { request: WithdrawRequest } | { issue: AmountIssue } {
  const parsed = parseAmount(entries.amountText, overview.currency);
  if (!parsed.ok) return { issue: parsed.reason };
  const amount = parsed.minor;
  let request: WithdrawRequest;
  if (entries.route === 'bank-card') {
    if (!entries.cardAccountId) return { issue: 'no-account' };
    request = { route: 'bank-card', amount, accountId: entries.cardAccountId };
  } else {
    const flows = sourceFlows(overview, entries);
    if (flows.length === 0) return { issue: 'no-flows' };
    request = entries.mode === 'pick' ? { route: 'original', amount, flowIds: flows.map((f) => f.id) } : { route: 'original', amount };
  }
  const bound = checkAmountBounds(amount, { max: maximumOf(overview, entries) });
  if (bound) return { issue: bound };
  if (planOf(overview, entries, amount).some((take) => take.blocked)) return { issue: 'name-mismatch' };
  return { request };
}

/** The next bank account in use that lacks its opening branch, asked before anything else continues. */
export function accountMissingBranch(overview: WithdrawalOverview, entries: WithdrawEntries): PayoutAccount | undefined {
  const inUse = new Set(entries.route === 'bank-card' ? [entries.cardAccountId] : overview.flows.map((f) => f.accountId));
  return overview.accounts.find((a) => inUse.has(a.id) && a.type === 'bank' && a.branch === null);
}
