import * as z from 'zod/mini';
import type * as s from '../../model/schemas/index.js';
import { Count, OptStr, Str, Yuan, page, present, rows } from './wire/common.js';

/**
 * The kit contract's wire format for the remittance account (转账汇款) and offline remittance
 * claims (线下汇款认领), console-only flows with no public API: snake_case, amounts in yuan.
 */

/** The dedicated account as sent; its number only masked. */
const AccountRow = z.object({
  account_id: Str,
  beneficiary: Str,
  bank_name: Str,
  masked_account_number: Str,
  reference: Str,
  currency: Str,
  payer_names: z.array(Str),
  enabled_at: Str,
});

const toAccount = (a: z.output<typeof AccountRow>) => ({
  id: a.account_id,
  beneficiary: a.beneficiary,
  bank: a.bank_name,
  maskedAccountNumber: a.masked_account_number,
  reference: a.reference,
  currency: a.currency,
  payerNames: a.payer_names,
  enabledAt: a.enabled_at,
});

/** `POST /kit/v1/remittance-account/enable` and `PUT /kit/v1/remittance-account/payers`: the account. */
export const RemittanceAccountWire = z.pipe(AccountRow, z.transform(toAccount));

/** `GET /kit/v1/remittance-account`: not enabled yet, or enabled with the account. */
export const RemittanceAccountStateWire = z.pipe(
  z.object({ status: z.enum(['not-enabled', 'enabled']), account: z.optional(AccountRow) }),
  z.transform((w) => (w.status === 'enabled' && w.account ? { status: w.status, account: toAccount(w.account) } : { status: w.status })),
);

/** `POST /kit/v1/remittance-account/send-details`: where the text went. */
export const SendRemittanceDetailsWire = z.pipe(
  z.object({ destination: Str, sent_at: Str }),
  z.transform((w) => ({ destination: w.destination, sentAt: w.sent_at })),
);

/** `GET /kit/v1/remittance-account/proof`: the proof file, base64. */
export const RemittanceProofWire = z.pipe(
  z.object({ file_name: Str, content_type: Str, content_base64: Str }),
  z.transform((w) => ({ fileName: w.file_name, contentType: w.content_type, base64: w.content_base64 })),
);

const TransferRow = z.object({
  remittance_id: Str,
  remitter_name: Str,
  masked_remitter_account: Str,
  amount: Yuan,
  currency: OptStr,
  received_at: Str,
});

const toTransfer = (r: z.output<typeof TransferRow>): s.UnclaimedRemittance => ({
  id: r.remittance_id,
  remitterName: r.remitter_name,
  maskedRemitterAccount: r.masked_remitter_account,
  amount: r.amount,
  currency: r.currency ?? 'CNY',
  receivedAt: r.received_at,
});

const REMITTANCE_STATUSES: readonly string[] = ['pending', 'matched'];

const DedicatedRow = z.extend(TransferRow, { status: Str, matched_at: OptStr });

/** A transfer of a status the kit does not know is left out, never shown as matched. */
function toRemittance(r: z.output<typeof DedicatedRow>): s.Remittance | undefined {
  if (!REMITTANCE_STATUSES.includes(r.status)) return undefined;
  return { ...toTransfer(r), status: r.status as s.Remittance['status'], ...present('matchedAt', r.matched_at) };
}

/** `GET /kit/v1/remittances`: transfers to the dedicated account, newest first. */
export const RemittancePageWire = z.pipe(
  z.object({ total_count: Count, remittances: rows(DedicatedRow, toRemittance) }),
  z.transform((w) => page(w.total_count, w.remittances)),
);

/** `POST /kit/v1/unclaimed-remittances/search`: offline transfers no one has claimed. */
export const UnclaimedRemittancePageWire = z.pipe(
  z.object({ total_count: Count, remittances: rows(TransferRow, toTransfer) }),
  z.transform((w) => page(w.total_count, w.remittances)),
);

const CLAIM_STATUSES: readonly string[] = ['reviewing', 'approved', 'rejected'];

const ClaimRow = z.object({
  claim_id: Str,
  remittance_id: Str,
  remitter_name: Str,
  amount: Yuan,
  currency: OptStr,
  claimed_at: Str,
  voucher: z.object({ file_name: Str, content_type: Str, size: Count }),
  status: Str,
  reviewed_at: OptStr,
  reject_reason: OptStr,
});

const claimFields = (c: z.output<typeof ClaimRow>) => ({
  id: c.claim_id,
  remittanceId: c.remittance_id,
  remitterName: c.remitter_name,
  amount: c.amount,
  currency: c.currency ?? 'CNY',
  claimedAt: c.claimed_at,
  voucher: { fileName: c.voucher.file_name, contentType: c.voucher.content_type, size: c.voucher.size },
  status: c.status,
  ...present('reviewedAt', c.reviewed_at),
  ...present('rejectReason', c.reject_reason),
});

/** A claim of a review status the kit does not know is left out of a list, never shown as approved. */
const toClaim = (c: z.output<typeof ClaimRow>) => (CLAIM_STATUSES.includes(c.status) ? claimFields(c) : undefined);

/** `POST /kit/v1/remittance-claims`: the claim, under review. */
export const RemittanceClaimWire = z.pipe(ClaimRow, z.transform(claimFields));

/** `GET /kit/v1/remittance-claims`: the claim records, newest first. */
export const RemittanceClaimPageWire = z.pipe(
  z.object({ total_count: Count, claims: rows(ClaimRow, toClaim) }),
  z.transform((w) => page(w.total_count, w.claims)),
);
