import * as z from 'zod/mini';
import { CurrencyCode, Id, Instant, MinorUnits, PageRequest, pageOf } from './common.js';
import { MAX_PAYER_NAMES, VOUCHER_FILE_MAX_BYTES, VOUCHER_FILE_TYPES } from '../values/remittance.js';

export { MAX_PAYER_NAMES, VOUCHER_FILE_MAX_BYTES, VOUCHER_FILE_TYPES };

/** A payer-on-behalf name: a person or company that may remit for the partner (at most five are active). */
export const PayerName = z.string().check(z.minLength(1), z.maxLength(100));

/** The partner's dedicated remittance account (转账汇款), once enabled; transfers to it are matched automatically. */
export const RemittanceAccount = z.object({
  /** What a reveal of the account number names (`resource: 'remittance-account'`, `field: 'accountNumber'`). */
  id: Id,
  beneficiary: z.string().check(z.minLength(1), z.maxLength(200)),
  bank: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The account number as the backend masks it; the full value only through a reveal (`remittance-account` resource). */
  maskedAccountNumber: z.string().check(z.minLength(1), z.maxLength(64)),
  /** What the payer quotes with a transfer so it is matched to the partner. */
  reference: z.string().check(z.minLength(1), z.maxLength(64)),
  currency: CurrencyCode,
  payerNames: z.array(PayerName).check(z.maxLength(MAX_PAYER_NAMES)),
  enabledAt: Instant,
});
export type RemittanceAccount = z.infer<typeof RemittanceAccount>;

/** Not enabled yet (its first use needs a verification code), or enabled with its details. */
export const RemittanceAccountState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not-enabled') }),
  z.object({ status: z.literal('enabled'), account: RemittanceAccount }),
]);
export type RemittanceAccountState = z.infer<typeof RemittanceAccountState>;

/** Enabling is guarded by a `remittance-account` code whatever the policy says; enabling twice answers the same account. */
export const EnableRemittanceAccountResult = RemittanceAccount;
export type EnableRemittanceAccountResult = RemittanceAccount;

/** Texts the account details to the partner's own mobile (the one codes go to). */
export const SendRemittanceDetailsResult = z.object({ destination: z.string().check(z.maxLength(64)), sentAt: Instant });
export type SendRemittanceDetailsResult = z.infer<typeof SendRemittanceDetailsResult>;

/** The account proof (a file the partner hands its bank or auditor). */
export const RemittanceProof = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  contentType: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The file's bytes, base64. */
  base64: z.string().check(z.maxLength(2_000_000)),
});
export type RemittanceProof = z.infer<typeof RemittanceProof>;

/** Replaces the payer-on-behalf names (idempotent: the list sent is the list kept). */
export const SaveRemittancePayersRequest = z.object({ payerNames: z.array(PayerName).check(z.maxLength(MAX_PAYER_NAMES)) });
export type SaveRemittancePayersRequest = z.infer<typeof SaveRemittancePayersRequest>;

/** An offline transfer (线下汇款) not matched to anyone: a partner who sent it claims it. */
export const UnclaimedRemittance = z.object({
  id: Id,
  remitterName: z.string().check(z.maxLength(200)),
  /** The remitting account as the backend masks it. */
  maskedRemitterAccount: z.string().check(z.maxLength(64)),
  amount: MinorUnits,
  currency: CurrencyCode,
  receivedAt: Instant,
});
export type UnclaimedRemittance = z.infer<typeof UnclaimedRemittance>;
export const UnclaimedRemittancePage = pageOf(UnclaimedRemittance);

/** A transfer to the dedicated account: matched to the partner automatically, or still being matched. */
export const Remittance = z.extend(UnclaimedRemittance, {
  status: z.enum(['pending', 'matched']),
  matchedAt: z.optional(Instant),
});
export type Remittance = z.infer<typeof Remittance>;
export const RemittancePage = pageOf(Remittance);

export const ListRemittancesRequest = z.extend(PageRequest, { status: z.optional(z.enum(['pending', 'matched'])) });
export type ListRemittancesRequest = z.infer<typeof ListRemittancesRequest>;

/** Search by remitter, remitting account (the full number, matched exactly), amount; at least one of them. */
export const SearchRemittancesRequest = z.extend(PageRequest, {
  remitterName: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  remitterAccount: z.optional(z.string().check(z.regex(/^[0-9]{6,34}$/))),
  amount: z.optional(MinorUnits.check(z.gte(1))),
});
export type SearchRemittancesRequest = z.infer<typeof SearchRemittancesRequest>;

/** The transfer voucher (转账凭证) uploaded with a claim. */
export const VoucherFile = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  contentType: z.enum(VOUCHER_FILE_TYPES),
  size: z.int().check(z.gte(1), z.lte(VOUCHER_FILE_MAX_BYTES)),
});
export type VoucherFile = z.infer<typeof VoucherFile>;

/**
 * Claims one offline remittance for the partner: the amount claimed (at most the remittance's) and
 * the voucher's bytes. A money intent: one claim per key.
 */
export interface ClaimRemittanceRequest {
  remittanceId: string;
  amount: number;
  voucher: Blob & { name?: string };
}

/** A claim (认领记录) and its review: usually decided within one working day. */
export const RemittanceClaim = z.object({
  id: Id,
  remittanceId: Id,
  remitterName: z.string().check(z.maxLength(200)),
  amount: MinorUnits,
  currency: CurrencyCode,
  claimedAt: Instant,
  voucher: VoucherFile,
  status: z.enum(['reviewing', 'approved', 'rejected']),
  reviewedAt: z.optional(Instant),
  /** Why the review turned it down. */
  rejectReason: z.optional(z.string().check(z.maxLength(500))),
});
export type RemittanceClaim = z.infer<typeof RemittanceClaim>;
export const RemittanceClaimPage = pageOf(RemittanceClaim);

export const ListRemittanceClaimsRequest = PageRequest;
export type ListRemittanceClaimsRequest = PageRequest;
