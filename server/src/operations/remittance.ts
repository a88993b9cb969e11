import { createHash } from 'node:crypto';
import { proofPdf } from '../../../src/api/memory/proof-pdf.js';
import { PAYER_REFUSAL } from '../../../src/api/memory/remittance.js';
import { REMITTANCE_ACCOUNT, maskAccount, seedDedicatedTransfers, seedUnclaimedTransfers } from '../../../src/api/memory/remittance-seed.js';
import { voucherProblem } from '../../../src/api/remittance-voucher.js';
import { findPayerIssue } from '../../../src/model/rules/remittance.js';
import * as s from '../../../src/model/schemas/index.js';
import type { Db, Query } from '../db.js';
import { ApiError, notFound } from '../errors.js';
import { instant } from '../time.js';
import { nextId, page, type OperationContext } from './context.js';
import { DESTINATIONS, redeemTicket, requireTicket } from './verification.js';
import { yuan } from './wire-out.js';

/**
 * The dedicated remittance account (转账汇款) and offline remittance claims (线下汇款认领), by the
 * in-memory backend's rules (`RemittanceDesk`): enabling always needs a `remittance-account` code
 * and happens once; the account's extras need it enabled; at most five distinct payer names; a
 * search needs a criterion; a remittance is claimed once (a rejected claim frees it) for at most its
 * amount, with a voucher of an accepted type and size; a claim is reviewed before the money counts.
 */

const PURPOSE = 'remittance-account';

interface AccountRow {
  account_id: string; beneficiary: string; bank_name: string; account_number: string; reference: string;
  currency: string; payer_names: string[]; enabled_at: number;
}

const accountWire = (a: AccountRow) => ({
  account_id: a.account_id,
  beneficiary: a.beneficiary,
  bank_name: a.bank_name,
  masked_account_number: maskAccount(a.account_number),
  reference: a.reference,
  currency: a.currency,
  payer_names: a.payer_names,
  enabled_at: instant(a.enabled_at),
});

interface TransferRow {
  remittance_id: string; remitter_name: string; remitter_account: string; amount: number; received_at: number; matched_at: number | null;
}

const transferWire = (r: TransferRow) => ({
  remittance_id: r.remittance_id,
  remitter_name: r.remitter_name,
  masked_remitter_account: maskAccount(r.remitter_account),
  amount: yuan(r.amount),
  currency: 'CNY',
  received_at: instant(r.received_at),
});

const dedicatedWire = (r: TransferRow) => ({
  ...transferWire(r),
  status: r.matched_at === null ? 'pending' : 'matched',
  ...(r.matched_at === null ? {} : { matched_at: instant(r.matched_at) }),
});

interface ClaimRow {
  claim_id: string; remittance_id: string; remitter_name: string; amount: number; claimed_at: number;
  voucher_name: string; voucher_type: string; voucher_size: number; status: string; reviewed_at: number | null; reject_reason: string | null;
}

const claimWire = (c: ClaimRow) => ({
  claim_id: c.claim_id,
  remittance_id: c.remittance_id,
  remitter_name: c.remitter_name,
  amount: yuan(c.amount),
  currency: 'CNY',
  claimed_at: instant(c.claimed_at),
  voucher: { file_name: c.voucher_name, content_type: c.voucher_type, size: c.voucher_size },
  status: c.status,
  ...(c.reviewed_at === null ? {} : { reviewed_at: instant(c.reviewed_at) }),
  ...(c.reject_reason === null ? {} : { reject_reason: c.reject_reason }),
});

const CLAIM_COLUMNS = `c.claim_id, c.remittance_id, r.remitter_name, c.amount, c.claimed_at, c.voucher_name, c.voucher_type, c.voucher_size,
  c.status, c.reviewed_at, c.reject_reason`;

const findAccount = async (ctx: OperationContext) =>
  (await ctx.query<AccountRow>('SELECT * FROM remittance_accounts WHERE tenant_id = $1', [ctx.tenant.tenantId]))[0];

/** The account, or the refusal every extra of a not-yet-enabled account gets. */
async function requiredAccount(ctx: OperationContext, forUpdate = false): Promise<AccountRow> {
  const [account] = await ctx.query<AccountRow>(`SELECT * FROM remittance_accounts WHERE tenant_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [ctx.tenant.tenantId]);
  if (!account) throw new ApiError('KIT.REMITTANCE_NOT_ENABLED', 'The remittance account is not enabled yet.', 409);
  return account;
}

export async function getAccount(ctx: OperationContext) {
  const account = await findAccount(ctx);
  return account ? { status: 'enabled', account: accountWire(account) } : { status: 'not-enabled' };
}

/** Opens the account on the first call; every later one (with its own code) answers the same account. */
export async function enableAccount(ctx: OperationContext) {
  await requireTicket(ctx, PURPOSE);
  const { id, beneficiary, bank, accountNumber, reference } = REMITTANCE_ACCOUNT;
  await ctx.query(
    `INSERT INTO remittance_accounts (tenant_id, account_id, beneficiary, bank_name, account_number, reference, currency, enabled_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'CNY', $7) ON CONFLICT (tenant_id) DO NOTHING`,
    [ctx.tenant.tenantId, id, beneficiary, bank, accountNumber, reference, ctx.now],
  );
  await redeemTicket(ctx, PURPOSE);
  return accountWire(await requiredAccount(ctx));
}

/** Texts the account details, number in full, to the partner's own mobile (the one codes go to). */
export async function sendDetails(ctx: OperationContext) {
  const a = await requiredAccount(ctx);
  const text = `Beneficiary ${a.beneficiary}, bank ${a.bank_name}, account ${a.account_number}, reference ${a.reference}.`;
  await ctx.query("INSERT INTO outbox (tenant_id, purpose, channel, destination, code, text, sent_at) VALUES ($1, 'remittance-details', 'sms', $2, '', $3, $4)", [
    ctx.tenant.tenantId, DESTINATIONS.sms, text, ctx.now,
  ]);
  return { destination: DESTINATIONS.sms, sent_at: instant(ctx.now) };
}

/** The account proof: a one-page PDF. */
export async function getProof(ctx: OperationContext) {
  const a = await requiredAccount(ctx);
  const content = proofPdf([
    'Dedicated remittance account proof',
    `Account number: ${a.account_number}`,
    `Reference: ${a.reference}`,
    `Currency: ${a.currency}`,
    `Enabled at: ${instant(a.enabled_at)}`,
  ]);
  return { file_name: `remittance-account-${a.reference}.pdf`, content_type: 'application/pdf', content_base64: content };
}

/**
 * The payer-on-behalf list as it is kept: trimmed, at most five, each passing the shared payer-name
 * rule. Refuses the first name that breaks it, naming its field.
 */
function payerNameRule(names: readonly string[]): string[] {
  if (names.length > s.MAX_PAYER_NAMES) {
    throw new ApiError('KIT.PAYER_LIMIT', `At most ${s.MAX_PAYER_NAMES} payer names.`, 400, undefined, { field: 'payer_names', max: s.MAX_PAYER_NAMES });
  }
  const issue = findPayerIssue(names);
  if (issue) {
    const [code, message, extra] = PAYER_REFUSAL[issue.reason];
    throw new ApiError(code, message, 400, undefined, { field: `payer_names.${issue.index}`, ...extra });
  }
  return names.map((name) => name.trim());
}

/** Replaces the payer names: the list sent is the list kept. */
export async function savePayers(ctx: OperationContext, { payerNames }: { payerNames: string[] }) {
  await requiredAccount(ctx, true);
  const [account] = await ctx.query<AccountRow>('UPDATE remittance_accounts SET payer_names = $2 WHERE tenant_id = $1 RETURNING *', [
    ctx.tenant.tenantId, payerNameRule(payerNames),
  ]);
  return accountWire(account as AccountRow);
}

/** Transfers to the dedicated account, newest first; none before it exists. */
export async function listRemittances(ctx: OperationContext, r: s.ListRemittancesRequest) {
  if (!(await findAccount(ctx))) return page('remittances', [], 0);
  const where = `tenant_id = $1 AND kind = 'dedicated' AND ($2::text IS NULL OR (matched_at IS NULL) = ($2 = 'pending'))`;
  const params = [ctx.tenant.tenantId, r.status ?? null];
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM remittances WHERE ${where}`, params);
  const rows = await ctx.query<TransferRow>(`SELECT * FROM remittances WHERE ${where} ORDER BY received_at DESC, remittance_id OFFSET $3 LIMIT $4`, [...params, r.offset, r.limit]);
  return page('remittances', rows.map(dedicatedWire), count?.n ?? 0);
}

/** A claim under review or approved holds its remittance; a rejected one frees it. */
const LIVE_CLAIM = "EXISTS (SELECT 1 FROM remittance_claims c WHERE c.tenant_id = r.tenant_id AND c.remittance_id = r.remittance_id AND c.status <> 'rejected')";

/** Offline transfers nobody holds a claim on, by remitter (part of the name), remitting account (exact) and amount (exact). */
export async function searchUnclaimed(ctx: OperationContext, r: s.SearchRemittancesRequest) {
  const name = r.remitterName?.trim().toLowerCase() ?? '';
  if (!name && r.remitterAccount === undefined && r.amount === undefined) {
    throw new ApiError('KIT.SEARCH_CRITERION_REQUIRED', 'Search by remitter, remitting account or amount.');
  }
  const where = `r.tenant_id = $1 AND r.kind = 'offline' AND NOT ${LIVE_CLAIM}
    AND ($2 = '' OR position($2 in lower(r.remitter_name)) > 0) AND ($3::text IS NULL OR r.remitter_account = $3) AND ($4::bigint IS NULL OR r.amount = $4)`;
  const params = [ctx.tenant.tenantId, name, r.remitterAccount ?? null, r.amount ?? null];
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM remittances r WHERE ${where}`, params);
  const rows = await ctx.query<TransferRow>(`SELECT r.* FROM remittances r WHERE ${where} ORDER BY r.received_at DESC, r.remittance_id OFFSET $5 LIMIT $6`, [
    ...params, r.offset, r.limit,
  ]);
  return page('remittances', rows.map(transferWire), count?.n ?? 0);
}

/** A claim as the server received it: the multipart form's fields and the voucher file's bytes. */
export interface ClaimRequest {
  remittanceId: string;
  amount: number;
  voucher: { fileName: string; contentType: string; bytes: Uint8Array };
}

/**
 * Claims an offline remittance. The voucher is judged first, so a wrong file is refused before
 * anything is looked up or kept; the remittance's row lock makes two keys on one remittance run one
 * after the other, the second finding it claimed (the partial unique index is the last guard).
 */
export async function claimRemittance(ctx: OperationContext, { remittanceId, amount, voucher }: ClaimRequest) {
  const file = { fileName: voucher.fileName, contentType: voucher.contentType, size: voucher.bytes.byteLength };
  const problem = voucherProblem(file);
  if (problem === 'voucher-type') throw new ApiError('KIT.VOUCHER_TYPE', 'The voucher must be a JPEG, PNG or PDF file.');
  if (problem === 'voucher-size') throw new ApiError('KIT.VOUCHER_SIZE', 'The voucher file is empty or too large.', 400, undefined, { max_bytes: s.VOUCHER_FILE_MAX_BYTES });
  const { tenantId } = ctx.tenant;
  const [remittance] = await ctx.query<TransferRow & { claimed: boolean }>(
    `SELECT r.*, ${LIVE_CLAIM} AS claimed FROM remittances r WHERE r.tenant_id = $1 AND r.remittance_id = $2 AND r.kind = 'offline' FOR UPDATE`,
    [tenantId, remittanceId],
  );
  if (!remittance) throw notFound('No such remittance.');
  if (remittance.claimed) throw new ApiError('KIT.ALREADY_CLAIMED', 'This remittance has already been claimed.', 409);
  if (amount > remittance.amount) {
    throw new ApiError('KIT.CLAIM_OVER_REMITTANCE', 'The claimed amount is more than the remittance.', 400, undefined, { remittance_amount: yuan(remittance.amount) });
  }
  const seq = await nextId(ctx, 'remittance-claims');
  const claimId = `CL-${String(seq).padStart(6, '0')}`;
  await ctx.query(
    `INSERT INTO remittance_claims (tenant_id, claim_id, seq, remittance_id, amount, claimed_at, voucher_name, voucher_type, voucher_size, voucher_sha256, voucher)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [tenantId, claimId, seq, remittanceId, amount, ctx.now, file.fileName, file.contentType, file.size, createHash('sha256').update(voucher.bytes).digest('hex'), voucher.bytes],
  );
  return claimWire({
    claim_id: claimId, remittance_id: remittanceId, remitter_name: remittance.remitter_name, amount, claimed_at: ctx.now,
    voucher_name: file.fileName, voucher_type: file.contentType, voucher_size: file.size, status: 'reviewing', reviewed_at: null, reject_reason: null,
  });
}

/** The claim records, newest first. */
export async function listClaims(ctx: OperationContext, r: s.ListRemittanceClaimsRequest) {
  const [count] = await ctx.query<{ n: number }>('SELECT count(*)::int AS n FROM remittance_claims WHERE tenant_id = $1', [ctx.tenant.tenantId]);
  const rows = await ctx.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM remittance_claims c JOIN remittances r USING (tenant_id, remittance_id)
     WHERE c.tenant_id = $1 ORDER BY c.seq DESC OFFSET $2 LIMIT $3`,
    [ctx.tenant.tenantId, r.offset, r.limit],
  );
  return page('claims', rows.map(claimWire), count?.n ?? 0);
}

/** The in-memory backend's seeded transfers (the same generator), dated from `now`. */
export async function seedRemittances(query: Query, tenantId: string, now: number): Promise<void> {
  const rows = [
    ...seedDedicatedTransfers(now).map((r) => ({ ...r, kind: 'dedicated' })),
    ...seedUnclaimedTransfers(now).map((r) => ({ ...r, kind: 'offline', matchedAt: undefined })),
  ];
  for (const r of rows) {
    await query(
      `INSERT INTO remittances (tenant_id, remittance_id, kind, remitter_name, remitter_account, amount, received_at, matched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, r.id, r.kind, r.remitterName, r.remitterAccount, r.amount, r.receivedAt, r.matchedAt ?? null],
    );
  }
}

/**
 * The review of a claim decides: approved, the amount reaches the account balance; rejected (with
 * why), the remittance can be claimed again. A decided claim stays decided. Not a route: reviewing
 * is the partner center's back office; tests and the dev server call this. Resolves whether it decided.
 */
export async function reviewClaim(db: Db, tenantId: string, claimId: string, outcome: 'approved' | 'rejected', now: number, reason?: string): Promise<boolean> {
  return db.transaction(async (query) => {
    const [claim] = await query<{ amount: number }>(
      "UPDATE remittance_claims SET status = $3, reviewed_at = $4, reject_reason = $5 WHERE tenant_id = $1 AND claim_id = $2 AND status = 'reviewing' RETURNING amount",
      [tenantId, claimId, outcome, now, outcome === 'rejected' ? (reason ?? 'The voucher does not match the remittance.') : null],
    );
    if (!claim) return false;
    if (outcome === 'approved') await query("UPDATE balances SET amount = amount + $2 WHERE tenant_id = $1 AND type = 'cash'", [tenantId, claim.amount]);
    return true;
  });
}

/** The bank's reconciliation matches a pending transfer to the dedicated account. Resolves whether it matched. */
export async function matchRemittance(db: Db, tenantId: string, remittanceId: string, now: number): Promise<boolean> {
  const rows = await db.query(
    "UPDATE remittances SET matched_at = $3 WHERE tenant_id = $1 AND remittance_id = $2 AND kind = 'dedicated' AND matched_at IS NULL RETURNING 1",
    [tenantId, remittanceId, now],
  );
  return rows.length > 0;
}
