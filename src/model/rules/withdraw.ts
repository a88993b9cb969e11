import type { PayoutAccount, RechargeFlow } from '../schemas/withdrawal.js';

/** How much of one flow a withdrawal takes. */
export interface FlowTake {
  flow: RechargeFlow;
  amount: number;
}

/**
 * The console's default order: the newest recharge is paid back first (last in, first out); ties
 * keep the order given. Compared as times, not as text: an instant may be written with or without
 * seconds and fractions, and `08:00Z` sorts after `08:00:30Z` as text.
 */
export function lastInFirstOut(flows: readonly RechargeFlow[]): RechargeFlow[] {
  return [...flows].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}

/** Takes `amount` (minor units) from `flows` in the order given, each up to what it still holds. */
export function takeInOrder(flows: readonly RechargeFlow[], amount: number): FlowTake[] {
  const takes: FlowTake[] = [];
  let left = amount;
  for (const flow of flows) {
    if (left <= 0) break;
    const take = Math.min(left, flow.withdrawableAmount);
    if (take > 0) takes.push({ flow, amount: take });
    left -= take;
  }
  return takes;
}

/**
 * Console §15.4: money from a transaction-mode conversion or an incentive refund, and anything
 * withdrawn to a bank card, may only go to an account held by the company's verified real name.
 */
export function mustMatchCompanyName(flow: RechargeFlow, route: 'original' | 'bank-card'): boolean {
  return route === 'bank-card' || flow.channel === 'transaction-mode-conversion' || flow.channel === 'incentive-refund';
}

/** Whether taking from `flow` into `account` breaks the name-match rule. */
export function breaksNameMatch(flow: RechargeFlow, account: PayoutAccount, companyRealName: string, route: 'original' | 'bank-card'): boolean {
  return mustMatchCompanyName(flow, route) && account.holderName !== companyRealName;
}
