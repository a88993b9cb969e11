import { KitError } from '../../model/errors.js';
import { breaksNameMatch, lastInFirstOut, takeInOrder } from '../../model/rules/withdraw.js';
import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import type { Refusal } from './faults.js';
import { page } from './paging.js';
import { instant } from './prng.js';
import type { MemoryData } from './seed.js';
import type { TicketUse } from './verification-desk.js';

/**
 * Balances, payout accounts and recharge flows, with the console's withdrawal rules: recharges are
 * paid back newest first unless chosen, a bank account needs its opening branch, and some money may
 * only go to an account in the company's verified name.
 */
export class WithdrawalDesk {
  readonly #data: MemoryData;
  readonly #now: () => number;
  #nextId = 1;

  constructor(data: MemoryData, now: () => number) {
    this.#data = data;
    this.#now = now;
  }

  balances(): s.AccountBalance[] {
    return this.#data.balances;
  }

  overview(): s.WithdrawalOverview {
    const flows = this.#withdrawableFlows();
    const originalRouteAmount = sum(flows.map((f) => f.withdrawableAmount));
    const bankCardAmount = sum(flows.filter((f) => f.channel === 'transaction-mode-conversion').map((f) => f.withdrawableAmount));
    return {
      currency: 'CNY',
      withdrawable: originalRouteAmount,
      originalRouteAmount,
      bankCardAmount,
      bankCardAvailable: bankCardAmount > 0,
      companyRealName: this.#data.companyRealName,
      flows,
      accounts: this.#data.accounts,
    };
  }

  banks(): s.Bank[] {
    return this.#data.banks;
  }

  searchBranches(request: s.SearchBranchesRequest): Page<s.Branch> {
    const { bankCode, query, offset, limit } = parseRequest(s.SearchBranchesRequest, request);
    const needle = query?.trim() ?? '';
    return page(this.#data.branches.filter((b) => b.bankCode === bankCode && b.name.includes(needle)), offset, limit);
  }

  saveAccountBranch(request: s.SaveAccountBranchRequest): s.PayoutAccount {
    const { accountId, branchCode } = parseRequest(s.SaveAccountBranchRequest, request);
    const account = this.#data.accounts.find((a) => a.id === accountId);
    if (!account || account.type !== 'bank') throw backendError('KIT.NOT_FOUND', 'No such bank account.', { status: 404 });
    const branch = this.#data.branches.find((b) => b.code === branchCode && b.bankCode === account.bankCode);
    if (!branch) throw new KitError('validation', 'That branch does not belong to the account’s bank.', { reason: 'branch' });
    account.branch = branch;
    return account;
  }

  withdraw(request: s.WithdrawRequest, ticket: TicketUse, refusal: Refusal | undefined): s.WithdrawResult {
    const input = parseRequest(s.WithdrawRequest, request);
    ticket.guard();
    const available = this.#withdrawableFlows();
    const chosen =
      input.route === 'original'
        ? input.flowIds
          ? input.flowIds.map((id) => available.find((f) => f.id === id))
          : lastInFirstOut(available)
        : available.filter((f) => f.channel === 'transaction-mode-conversion');
    if (chosen.some((f) => f === undefined)) throw backendError('KIT.NOT_FOUND', 'A chosen flow cannot be withdrawn.', { status: 404 });
    const flows = chosen as s.RechargeFlow[];
    if (refusal === 'amount-over-available' || input.amount > sum(flows.map((f) => f.withdrawableAmount))) {
      throw backendError('KIT.AMOUNT_OVER_AVAILABLE', 'The amount exceeds what the chosen flows hold.');
    }
    const takes = takeInOrder(flows, input.amount);
    for (const { flow } of takes) {
      const account = this.#data.accounts.find((a) => a.id === (input.route === 'bank-card' ? input.accountId : flow.accountId));
      if (!account) throw backendError('KIT.NOT_FOUND', 'No such account.', { status: 404 });
      if (account.type === 'bank' && (refusal === 'branch-required' || !account.branch)) {
        throw backendError('KIT.BRANCH_REQUIRED', 'The opening branch of the bank account is required.', { details: { accountId: account.id } });
      }
      if (refusal === 'name-mismatch' || breaksNameMatch(flow, account, this.#data.companyRealName, input.route)) {
        throw backendError('KIT.NAME_MISMATCH', 'The account holder must be the verified company name.', { details: { flowId: flow.id, accountId: account.id } });
      }
    }
    ticket.spend();
    for (const { flow, amount } of takes) flow.withdrawableAmount -= amount;
    const cash = this.#data.balances.find((b) => b.type === 'cash');
    if (cash) cash.amount = Math.max(0, cash.amount - input.amount);
    const submittedAt = instant(this.#now());
    return {
      referenceId: `WD${submittedAt.slice(0, 10).replaceAll('-', '')}${String(this.#nextId++).padStart(5, '0')}`,
      amount: input.amount,
      currency: 'CNY',
      flowIds: takes.map((t) => t.flow.id),
      submittedAt,
      arrival: { minBusinessDays: 1, maxBusinessDays: 3 },
    };
  }

  #withdrawableFlows(): s.RechargeFlow[] {
    return this.#data.flows.filter((f) => f.withdrawableAmount > 0);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
