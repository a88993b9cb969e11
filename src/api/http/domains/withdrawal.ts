import type { CallOptions, IntentCallOptions } from '../../adapter.js';
import type { Page } from '../../../model/schemas/common.js';
import * as s from '../../../model/schemas/withdrawal.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../wire/withdrawal.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { read, readRecorded, type RecordedShapes } from './read.js';

export async function getBalances(send: Send, options?: CallOptions): Promise<s.AccountBalance[]> {
  const list = await read(send, w.BalancesWire, { operation: 'getBalances', method: 'GET', path: '/v2/accounts/partner-accounts/balances', options });
  return parseResponse(s.AccountBalanceList, list, 'getBalances');
}

export async function getWithdrawalOverview(send: Send, options?: CallOptions): Promise<s.WithdrawalOverview> {
  const overview = await read(send, w.OverviewWire, { operation: 'getWithdrawalOverview', method: 'GET', path: '/kit/v1/withdrawals/overview', options });
  return parseResponse(s.WithdrawalOverview, overview, 'getWithdrawalOverview');
}

export async function listBanks(send: Send, options?: CallOptions): Promise<s.Bank[]> {
  const banks = await read(send, w.BanksWire, { operation: 'listBanks', method: 'GET', path: '/kit/v1/banks', options });
  return parseResponse(s.BankList, banks, 'listBanks');
}

export async function searchBranches(send: Send, request: s.SearchBranchesRequest, options?: CallOptions): Promise<Page<s.Branch>> {
  const r = parseRequest(s.SearchBranchesRequest, request);
  const query = { keyword: r.query?.trim() || undefined, offset: r.offset, limit: r.limit };
  const page = await read(send, w.BranchPageWire, { operation: 'searchBranches', method: 'GET', path: `/kit/v1/banks/${encodeURIComponent(r.bankCode)}/branches`, query, options });
  return parseResponse(s.BranchPage, page, 'searchBranches');
}

export async function saveAccountBranch(send: Send, request: s.SaveAccountBranchRequest, options?: CallOptions): Promise<s.PayoutAccount> {
  const r = parseRequest(s.SaveAccountBranchRequest, request);
  const body = jsonBody({ branch_code: r.branchCode });
  const account = await read(send, w.AccountWireSchema, { operation: 'saveAccountBranch', method: 'PUT', path: `/kit/v1/bank-accounts/${encodeURIComponent(r.accountId)}/branch`, body, options });
  return parseResponse(s.PayoutAccount, account, 'saveAccountBranch');
}

export async function withdraw(send: Send, request: s.WithdrawRequest, options: IntentCallOptions): Promise<s.WithdrawResult> {
  const r = parseRequest(s.WithdrawRequest, request);
  const body = jsonBody(
    r.route === 'original'
      ? { route: 'original', amount: r.amount, ...(r.flowIds ? { flow_ids: r.flowIds } : {}) }
      : { route: 'bank-card', amount: r.amount, account_id: r.accountId },
    ['amount'],
  );
  const result = await read(send, w.WithdrawResultWire, { operation: 'withdraw', method: 'POST', path: '/kit/v1/withdrawals', body, options });
  return parseResponse(s.WithdrawResult, result, 'withdraw');
}

const RECORDED: RecordedShapes = {
  withdraw: [w.WithdrawResultWire, s.WithdrawResult],
};

/** A result the backend recorded for one of this domain's keyed calls, as the call itself resolves with it. */
export function recorded(operation: IntentOperation, raw: unknown): unknown {
  return readRecorded(RECORDED, operation, raw);
}
