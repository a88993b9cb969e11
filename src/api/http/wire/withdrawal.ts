import * as z from 'zod/mini';
import type { Page } from '../../../model/schemas/common.js';
import type * as s from '../../../model/schemas/index.js';
import { Count, IntLike, OptStr, Str, Yuan, present, rows } from './common.js';

/** Balances on the partner API's wire, and the kit contract's withdrawal: overview, banks and branches, the withdrawal. */

const ACCOUNT_TYPE: Record<number, s.AccountBalance['type']> = { 1: 'cash', 2: 'credit', 5: 'reward', 7: 'deposit', 8: 'allocatable' };

const BalanceRow = z.object({
  account_id: Str,
  account_type: IntLike,
  amount: Yuan,
  credit_amount: z.optional(z.nullable(Yuan)),
  designated_amount: z.optional(z.nullable(Yuan)),
  currency: OptStr,
});

/** An account of a type the kit does not know is left out: never shown as cash. */
function toBalance(b: z.output<typeof BalanceRow>): s.AccountBalance | undefined {
  const type = ACCOUNT_TYPE[b.account_type];
  if (!type) return undefined;
  return {
    accountId: b.account_id,
    type,
    amount: b.amount,
    ...present('creditLimit', b.credit_amount),
    ...present('designatedAmount', b.designated_amount),
    currency: b.currency ?? 'CNY',
  };
}

export const BalancesWire = z.pipe(
  z.object({ account_balances: rows(BalanceRow, toBalance) }),
  z.transform((w): s.AccountBalance[] => w.account_balances.items),
);

const BranchWire = z.object({ branch_code: Str, branch_name: Str, bank_code: Str, city: OptStr });
const toBranch = (b: z.infer<typeof BranchWire>): s.Branch => ({ code: b.branch_code, name: b.branch_name, bankCode: b.bank_code, ...present('city', b.city) });

const AccountWire = z.object({
  account_id: Str,
  account_type: z.enum(['bank', 'alipay', 'wechat']),
  holder_name: Str,
  bank_code: OptStr,
  bank_name: OptStr,
  masked_number: Str,
  branch: z.nullable(BranchWire),
});
const toAccount = (a: z.infer<typeof AccountWire>): s.PayoutAccount => ({
  id: a.account_id,
  type: a.account_type,
  holderName: a.holder_name,
  ...present('bankCode', a.bank_code),
  ...present('bankName', a.bank_name),
  maskedNumber: a.masked_number,
  branch: a.branch ? toBranch(a.branch) : null,
});
export const AccountWireSchema = z.pipe(AccountWire, z.transform(toAccount));

export const OverviewWire = z.pipe(
  z.object({
    currency: Str,
    withdrawable_amount: Yuan,
    original_route_amount: Yuan,
    bank_card_amount: Yuan,
    bank_card_available: z.boolean(),
    company_real_name: Str,
    flows: z.array(
      z.object({
        flow_id: Str,
        received_at: Str,
        channel: Str,
        original_amount: Yuan,
        withdrawable_amount: Yuan,
        account_id: Str,
      }),
    ),
    accounts: z.array(AccountWire),
  }),
  z.transform((w) => ({
    currency: w.currency,
    withdrawable: w.withdrawable_amount,
    originalRouteAmount: w.original_route_amount,
    bankCardAmount: w.bank_card_amount,
    bankCardAvailable: w.bank_card_available,
    companyRealName: w.company_real_name,
    flows: w.flows.map((f) => ({
      id: f.flow_id,
      receivedAt: f.received_at,
      channel: f.channel,
      originalAmount: f.original_amount,
      withdrawableAmount: f.withdrawable_amount,
      accountId: f.account_id,
    })),
    accounts: w.accounts.map(toAccount),
  })),
);

export const BanksWire = z.pipe(
  z.object({ banks: z.array(z.object({ bank_code: Str, bank_name: Str })) }),
  z.transform((w): s.Bank[] => w.banks.map((b) => ({ code: b.bank_code, name: b.bank_name }))),
);

export const BranchPageWire = z.pipe(
  z.object({ total_count: Count, branches: z.array(BranchWire) }),
  z.transform((w): Page<s.Branch> => ({ total: w.total_count, items: w.branches.map(toBranch) })),
);

export const WithdrawResultWire = z.pipe(
  z.object({
    reference_id: Str,
    amount: Yuan,
    currency: Str,
    flow_ids: z.array(Str),
    submitted_at: Str,
    arrival: z.object({ min_business_days: z.int(), max_business_days: z.int() }),
  }),
  z.transform((w) => ({
    referenceId: w.reference_id,
    amount: w.amount,
    currency: w.currency,
    flowIds: w.flow_ids,
    submittedAt: w.submitted_at,
    arrival: { minBusinessDays: w.arrival.min_business_days, maxBusinessDays: w.arrival.max_business_days },
  })),
);
