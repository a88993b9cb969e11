import * as z from 'zod/mini';
import { CurrencyCode, Id, Instant, MinorUnits, PageRequest, pageOf } from './common.js';

export const AccountBalance = z.object({
  accountId: Id,
  type: z.enum(['cash', 'credit', 'reward', 'deposit', 'allocatable']),
  amount: MinorUnits,
  creditLimit: z.optional(MinorUnits),
  designatedAmount: z.optional(MinorUnits),
  currency: CurrencyCode,
});
export type AccountBalance = z.infer<typeof AccountBalance>;
export const AccountBalanceList = z.array(AccountBalance);

/** How money came in; it goes back the same way (原路提现). */
export const FlowChannel = z.enum([
  'bank-transfer',
  'online-banking',
  'alipay',
  'wechat',
  'unionpay',
  'transaction-mode-conversion',
  'incentive-refund',
]);
export type FlowChannel = z.infer<typeof FlowChannel>;

export const Branch = z.object({ code: Id, name: z.string(), bankCode: Id, city: z.optional(z.string()) });
export type Branch = z.infer<typeof Branch>;
export const BranchPage = pageOf(Branch);

export const Bank = z.object({ code: Id, name: z.string() });
export type Bank = z.infer<typeof Bank>;
export const BankList = z.array(Bank);

/** Where a flow's money returns to. A bank account may lack its opening branch until the first withdrawal. */
export const PayoutAccount = z.object({
  id: Id,
  type: z.enum(['bank', 'alipay', 'wechat']),
  holderName: z.string(),
  bankCode: z.optional(Id),
  bankName: z.optional(z.string()),
  /** Masked by the backend, e.g. `**** **** 6789`; the full number never reaches the browser. */
  maskedNumber: z.string(),
  branch: z.nullable(Branch),
});
export type PayoutAccount = z.infer<typeof PayoutAccount>;

export const RechargeFlow = z.object({
  id: Id,
  receivedAt: Instant,
  channel: FlowChannel,
  originalAmount: MinorUnits,
  withdrawableAmount: MinorUnits,
  accountId: Id,
});
export type RechargeFlow = z.infer<typeof RechargeFlow>;

export const WithdrawalOverview = z.object({
  currency: CurrencyCode,
  /** Cash minus outstanding, un-posted and sub-customer arrears, as the backend computes it. */
  withdrawable: MinorUnits,
  originalRouteAmount: MinorUnits,
  bankCardAmount: MinorUnits,
  bankCardAvailable: z.boolean(),
  /** The company's verified real name; some flows may only go to an account in exactly this name. */
  companyRealName: z.string(),
  flows: z.array(RechargeFlow),
  accounts: z.array(PayoutAccount),
});
export type WithdrawalOverview = z.infer<typeof WithdrawalOverview>;

export const SearchBranchesRequest = z.extend(PageRequest, {
  bankCode: Id,
  query: z.optional(z.string().check(z.maxLength(64))),
});
export type SearchBranchesRequest = z.infer<typeof SearchBranchesRequest>;

export const SaveAccountBranchRequest = z.object({ accountId: Id, branchCode: Id });
export type SaveAccountBranchRequest = z.infer<typeof SaveAccountBranchRequest>;

export const WithdrawRequest = z.discriminatedUnion('route', [
  z.object({
    route: z.literal('original'),
    amount: MinorUnits.check(z.gte(1)),
    /** Absent: the backend takes flows last-in-first-out. */
    flowIds: z.optional(z.array(Id).check(z.minLength(1))),
  }),
  z.object({
    route: z.literal('bank-card'),
    amount: MinorUnits.check(z.gte(1)),
    accountId: Id,
  }),
]);
export type WithdrawRequest = z.infer<typeof WithdrawRequest>;

const BusinessDays = z.int().check(z.gte(0), z.lte(365));

/** When the money is expected to arrive, in business days after submission; the kit words it in the user's language. */
export const ExpectedArrival = z
  .object({ minBusinessDays: BusinessDays, maxBusinessDays: BusinessDays })
  .check(z.refine((a) => a.minBusinessDays <= a.maxBusinessDays, 'minBusinessDays above maxBusinessDays'));
export type ExpectedArrival = z.infer<typeof ExpectedArrival>;

export const WithdrawResult = z.object({
  referenceId: Id,
  amount: MinorUnits,
  currency: CurrencyCode,
  flowIds: z.array(Id),
  submittedAt: Instant,
  arrival: ExpectedArrival,
});
export type WithdrawResult = z.infer<typeof WithdrawResult>;


