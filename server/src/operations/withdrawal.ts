import { breaksNameMatch, lastInFirstOut, takeInOrder } from '../../../src/model/rules/withdraw.js';
import type * as s from '../../../src/model/schemas/index.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { instant } from '../time.js';
import { nextId, page, type OperationContext } from './context.js';
import { redeemTicket, requireTicket } from './verification.js';
import { ACCOUNT_SELECT, yuan, accountWire, branchWire, flowWire, type AccountRow, type BranchRow, type FlowRow } from './wire-out.js';

const toFlow = (f: FlowRow): s.RechargeFlow => ({
  id: f.flow_id, receivedAt: instant(f.received_at), channel: f.channel as s.FlowChannel,
  originalAmount: f.original_amount, withdrawableAmount: f.withdrawable_amount, accountId: f.account_id,
});
const toAccount = (a: AccountRow): s.PayoutAccount => ({
  id: a.account_id, type: a.type, holderName: a.holder_name, maskedNumber: a.masked_number, branch: null,
});
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

async function accounts(ctx: OperationContext): Promise<AccountRow[]> {
  return ctx.query<AccountRow>(`${ACCOUNT_SELECT} WHERE a.tenant_id = $1 ORDER BY a.seq`, [ctx.tenant.tenantId]);
}

export async function getOverview(ctx: OperationContext) {
  const flows = await ctx.query<FlowRow>('SELECT * FROM recharge_flows WHERE tenant_id = $1 AND withdrawable_amount > 0 ORDER BY received_at DESC', [ctx.tenant.tenantId]);
  const original = sum(flows.map((f) => f.withdrawable_amount));
  const bankCard = sum(flows.filter((f) => f.channel === 'transaction-mode-conversion').map((f) => f.withdrawable_amount));
  return {
    currency: 'CNY',
    withdrawable_amount: yuan(original),
    original_route_amount: yuan(original),
    bank_card_amount: yuan(bankCard),
    bank_card_available: bankCard > 0,
    company_real_name: ctx.tenant.companyRealName,
    flows: flows.map(flowWire),
    accounts: (await accounts(ctx)).map(accountWire),
  };
}

export async function listBanks(ctx: OperationContext) {
  const rows = await ctx.query<{ bank_code: string; bank_name: string }>('SELECT bank_code, bank_name FROM banks ORDER BY seq');
  return { banks: rows };
}

export async function searchBranches(ctx: OperationContext, r: s.SearchBranchesRequest) {
  const params = [r.bankCode, r.query?.trim() ?? ''];
  const where = 'bank_code = $1 AND position($2 in branch_name) > 0';
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM branches WHERE ${where}`, params);
  const rows = await ctx.query<BranchRow>(`SELECT * FROM branches WHERE ${where} ORDER BY seq OFFSET $3 LIMIT $4`, [...params, r.offset, r.limit]);
  return page('branches', rows.map(branchWire), count?.n ?? 0);
}

export async function saveAccountBranch(ctx: OperationContext, r: s.SaveAccountBranchRequest) {
  const { tenantId } = ctx.tenant;
  const [account] = await ctx.query<AccountRow>(`${ACCOUNT_SELECT} WHERE a.tenant_id = $1 AND a.account_id = $2`, [tenantId, r.accountId]);
  if (!account || account.type !== 'bank') throw notFound('No such bank account.');
  const [branch] = await ctx.query('SELECT 1 FROM branches WHERE branch_code = $1 AND bank_code = $2', [r.branchCode, account.bank_code]);
  if (!branch) throw badRequest('That branch does not belong to the account’s bank.');
  await ctx.query('UPDATE payout_accounts SET branch_code = $3 WHERE tenant_id = $1 AND account_id = $2', [tenantId, r.accountId, r.branchCode]);
  const [saved] = await ctx.query<AccountRow>(`${ACCOUNT_SELECT} WHERE a.tenant_id = $1 AND a.account_id = $2`, [tenantId, r.accountId]);
  return accountWire(saved as AccountRow);
}

export async function withdraw(ctx: OperationContext, input: s.WithdrawRequest) {
  const { tenantId } = ctx.tenant;
  await requireTicket(ctx, 'withdraw');
  // Locked for the transaction: two withdrawals under different keys cannot both spend one flow.
  const available = (await ctx.query<FlowRow>('SELECT * FROM recharge_flows WHERE tenant_id = $1 AND withdrawable_amount > 0 ORDER BY received_at DESC FOR UPDATE', [tenantId])).map(toFlow);
  const chosen =
    input.route === 'original'
      ? input.flowIds
        ? input.flowIds.map((id) => available.find((f) => f.id === id))
        : lastInFirstOut(available)
      : available.filter((f) => f.channel === 'transaction-mode-conversion');
  if (chosen.some((f) => f === undefined)) throw notFound('A chosen flow cannot be withdrawn.');
  const flows = chosen as s.RechargeFlow[];
  if (input.amount > sum(flows.map((f) => f.withdrawableAmount))) throw new ApiError('KIT.AMOUNT_OVER_AVAILABLE', 'The amount exceeds what the chosen flows hold.');
  const rows = await accounts(ctx);
  const takes = takeInOrder(flows, input.amount);
  for (const { flow } of takes) {
    const account = rows.find((a) => a.account_id === (input.route === 'bank-card' ? input.accountId : flow.accountId));
    if (!account) throw notFound('No such account.');
    if (account.type === 'bank' && account.branch_code === null) throw new ApiError('KIT.BRANCH_REQUIRED', 'The opening branch of the bank account is required.');
    if (breaksNameMatch(flow, toAccount(account), ctx.tenant.companyRealName, input.route)) {
      throw new ApiError('KIT.NAME_MISMATCH', 'The account holder must be the verified company name.');
    }
  }
  await redeemTicket(ctx, 'withdraw');
  for (const { flow, amount } of takes) {
    await ctx.query('UPDATE recharge_flows SET withdrawable_amount = withdrawable_amount - $3 WHERE tenant_id = $1 AND flow_id = $2', [tenantId, flow.id, amount]);
  }
  await ctx.query("UPDATE balances SET amount = greatest(0, amount - $2) WHERE tenant_id = $1 AND type = 'cash'", [tenantId, input.amount]);
  const referenceId = `WD${instant(ctx.now).slice(0, 10).replaceAll('-', '')}${String(await nextId(ctx)).padStart(5, '0')}`;
  const flowIds = takes.map((t) => t.flow.id);
  await ctx.query('INSERT INTO withdrawals (tenant_id, reference_id, route, amount, flow_ids, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    tenantId, referenceId, input.route, input.amount, flowIds, ctx.now,
  ]);
  return {
    reference_id: referenceId,
    amount: yuan(input.amount),
    currency: 'CNY',
    flow_ids: flowIds,
    submitted_at: instant(ctx.now),
    arrival: { min_business_days: 1, max_business_days: 3 },
  };
}
