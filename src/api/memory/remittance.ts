import * as z from 'zod/mini';
import type { Page } from '../../model/schemas/common.js';
import { MAX_PAYER_NAME_LENGTH, findPayerIssue, type PayerNameIssue } from '../../model/rules/remittance.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import { describeVoucher, voucherProblem, type VoucherDescription } from '../remittance-voucher.js';
import type { Refusal } from './faults.js';
import { page } from './paging.js';
import { instant } from './prng.js';
import { proofPdf } from './proof-pdf.js';
import { REMITTANCE_ACCOUNT, maskAccount, seedDedicatedTransfers, seedUnclaimedTransfers, type DedicatedTransferRow, type TransferRow } from './remittance-seed.js';
import type { TicketUse } from './verification-desk.js';

/** A claim as it reaches the backend: the voucher described by its name, type and size (what a multipart upload carries). */
export interface ClaimInput {
  remittanceId: unknown;
  amount: unknown;
  voucher: VoucherDescription | undefined;
}

const ClaimInputSchema = z.object({
  remittanceId: s.Id,
  amount: s.MinorUnits.check(z.gte(1)),
  voucher: z.object({ fileName: z.string().check(z.minLength(1), z.maxLength(200)), contentType: z.string(), size: z.int() }),
});

/** Reads a claim request the way the backend would receive it; never throws, the desk judges what it got. */
export function claimInput(request: s.ClaimRemittanceRequest): ClaimInput {
  const { remittanceId, amount, voucher } = (request ?? {}) as Partial<s.ClaimRemittanceRequest>;
  return { remittanceId, amount, voucher: describeVoucher(voucher) };
}

/** What a remittance desk needs from the rest of the backend. */
export interface RemittanceDeskDeps {
  now: () => number;
  /** Texts a message to the partner's own mobile; answers where it went. */
  text: (body: string) => string;
  /** Credits the partner account with an approved claim. */
  credit: (amount: number) => void;
}

interface Enabled {
  account: s.RemittanceAccount;
  accountNumber: string;
}

/**
 * The dedicated remittance account (转账汇款) and offline remittance claims (线下汇款认领), with the
 * console's rules: enabling is always guarded by a code and happens once, the account's extras
 * need it enabled, at most five distinct payer names, a search needs a criterion, a remittance is
 * claimed once for at most its amount with a voucher of an accepted type and size, and a claim
 * is reviewed before the money counts.
 */
export class RemittanceDesk {
  readonly #deps: RemittanceDeskDeps;
  readonly #dedicated: DedicatedTransferRow[];
  readonly #offline: TransferRow[];
  readonly #claims: s.RemittanceClaim[] = [];
  #enabled: Enabled | undefined;
  #nextClaim = 1;

  constructor(deps: RemittanceDeskDeps) {
    this.#deps = deps;
    const today = deps.now();
    this.#dedicated = seedDedicatedTransfers(today);
    this.#offline = seedUnclaimedTransfers(today);
  }

  account(): s.RemittanceAccountState {
    return this.#enabled ? { status: 'enabled', account: this.#enabled.account } : { status: 'not-enabled' };
  }

  enable(ticket: TicketUse): s.RemittanceAccount {
    ticket.guard();
    const { accountNumber, ...details } = REMITTANCE_ACCOUNT;
    this.#enabled ??= {
      accountNumber,
      account: { ...details, maskedAccountNumber: maskAccount(accountNumber), currency: 'CNY', payerNames: [], enabledAt: instant(this.#deps.now()) },
    };
    ticket.spend();
    return this.#enabled.account;
  }

  sendDetails(): s.SendRemittanceDetailsResult {
    const { account, accountNumber } = this.#required();
    const destination = this.#deps.text(
      `Beneficiary ${account.beneficiary}, bank ${account.bank}, account ${accountNumber}, reference ${account.reference}.`,
    );
    return { destination, sentAt: instant(this.#deps.now()) };
  }

  proof(): s.RemittanceProof {
    const { account, accountNumber } = this.#required();
    const base64 = proofPdf([
      'Dedicated remittance account proof',
      `Account number: ${accountNumber}`,
      `Reference: ${account.reference}`,
      `Currency: ${account.currency}`,
      `Enabled at: ${account.enabledAt}`,
    ]);
    return { fileName: `remittance-account-${account.reference}.pdf`, contentType: 'application/pdf', base64 };
  }

  savePayers(request: s.SaveRemittancePayersRequest): s.RemittanceAccount {
    const { payerNames } = parseRequest(z.object({ payerNames: z.array(z.string()) }), request);
    const enabled = this.#required();
    enabled.account.payerNames = payerNameRule(payerNames);
    return enabled.account;
  }

  /** The full account number, for an audited reveal; `undefined` for any other id. */
  accountNumber(id: string): string | undefined {
    return this.#enabled?.account.id === id ? this.#enabled.accountNumber : undefined;
  }

  listRemittances(request: s.ListRemittancesRequest): Page<s.Remittance> {
    const { status, offset, limit } = parseRequest(s.ListRemittancesRequest, request);
    // Transfers reach the dedicated account only once it exists.
    const rows = this.#enabled ? this.#dedicated.filter((r) => !status || remittanceStatus(r) === status) : [];
    return page(rows.map(dedicatedView), offset, limit);
  }

  search(request: s.SearchRemittancesRequest): Page<s.UnclaimedRemittance> {
    const r = parseRequest(s.SearchRemittancesRequest, request);
    const name = r.remitterName?.trim().toLowerCase() ?? '';
    if (!name && r.remitterAccount === undefined && r.amount === undefined) {
      throw backendError('KIT.SEARCH_CRITERION_REQUIRED', 'Search by remitter, remitting account or amount.');
    }
    const rows = this.#offline.filter(
      (row) =>
        !this.#claimed(row.id) &&
        (!name || row.remitterName.toLowerCase().includes(name)) &&
        (r.remitterAccount === undefined || row.remitterAccount === r.remitterAccount) &&
        (r.amount === undefined || row.amount === r.amount),
    );
    return page(rows.map(unclaimedView), r.offset, r.limit);
  }

  claim(input: ClaimInput, refusal: Refusal | undefined): s.RemittanceClaim {
    const { remittanceId, amount, voucher } = parseRequest(ClaimInputSchema, input);
    const problem = voucherProblem(voucher);
    if (problem === 'voucher-type') throw backendError('KIT.VOUCHER_TYPE', 'The voucher must be a JPEG, PNG or PDF file.');
    if (problem === 'voucher-size') throw backendError('KIT.VOUCHER_SIZE', 'The voucher file is empty or too large.', { details: { maxBytes: s.VOUCHER_FILE_MAX_BYTES } });
    const remittance = this.#offline.find((row) => row.id === remittanceId);
    if (!remittance) throw backendError('KIT.NOT_FOUND', 'No such remittance.', { status: 404 });
    if (refusal === 'already-claimed' || this.#claimed(remittanceId)) {
      throw backendError('KIT.ALREADY_CLAIMED', 'This remittance has already been claimed.', { status: 409 });
    }
    if (refusal === 'amount-over-remittance' || amount > remittance.amount) {
      throw backendError('KIT.CLAIM_OVER_REMITTANCE', 'The claimed amount is more than the remittance.', { details: { remittanceAmount: remittance.amount } });
    }
    const claim: s.RemittanceClaim = {
      id: `CL-${String(this.#nextClaim++).padStart(6, '0')}`,
      remittanceId,
      remitterName: remittance.remitterName,
      amount,
      currency: 'CNY',
      claimedAt: instant(this.#deps.now()),
      voucher: { fileName: voucher.fileName, contentType: voucher.contentType as s.VoucherFile['contentType'], size: voucher.size },
      status: 'reviewing',
    };
    this.#claims.unshift(claim);
    return claim;
  }

  listClaims(request: s.ListRemittanceClaimsRequest): Page<s.RemittanceClaim> {
    const { offset, limit } = parseRequest(s.ListRemittanceClaimsRequest, request);
    return page(this.#claims, offset, limit);
  }

  /**
   * The review of a claim decides (usually within a working day): approved, the amount reaches the
   * partner account; rejected, the remittance can be claimed again. A decided claim stays decided.
   */
  review(claimId: string, outcome: 'approved' | 'rejected', reason?: string): void {
    const claim = this.#claims.find((c) => c.id === claimId);
    if (!claim || claim.status !== 'reviewing') return;
    claim.status = outcome;
    claim.reviewedAt = instant(this.#deps.now());
    if (outcome === 'approved') this.#deps.credit(claim.amount);
    else claim.rejectReason = reason ?? 'The voucher does not match the remittance.';
  }

  /** A pending transfer to the dedicated account is matched (what the bank's reconciliation does). */
  match(remittanceId: string): void {
    const row = this.#dedicated.find((r) => r.id === remittanceId);
    if (row && row.matchedAt === undefined) row.matchedAt = this.#deps.now();
  }

  #required(): Enabled {
    if (!this.#enabled) throw backendError('KIT.REMITTANCE_NOT_ENABLED', 'The remittance account is not enabled yet.', { status: 409 });
    return this.#enabled;
  }

  /** Claimed while a claim of it is under review or approved; a rejected claim frees it. */
  #claimed(remittanceId: string): boolean {
    return this.#claims.some((c) => c.remittanceId === remittanceId && c.status !== 'rejected');
  }
}

/** How a backend refuses a payer name, by what the shared rule found: code, message, and what the field's details add. */
export const PAYER_REFUSAL: Record<PayerNameIssue, readonly [string, string, Record<string, number>]> = {
  empty: ['KIT.PAYER_EMPTY', 'A payer name is empty.', {}],
  'too-long': ['KIT.PAYER_TOO_LONG', `A payer name is longer than ${MAX_PAYER_NAME_LENGTH} characters.`, { max: MAX_PAYER_NAME_LENGTH }],
  duplicate: ['KIT.PAYER_DUPLICATE', 'A payer name appears twice.', {}],
};

/**
 * The payer-on-behalf list as the backend keeps it: trimmed, at most five, each passing the shared
 * payer-name rule. Refuses the first name that breaks it, naming its field.
 */
function payerNameRule(names: readonly string[]): string[] {
  if (names.length > s.MAX_PAYER_NAMES) {
    throw backendError('KIT.PAYER_LIMIT', `At most ${s.MAX_PAYER_NAMES} payer names.`, { details: { field: 'payerNames', max: s.MAX_PAYER_NAMES } });
  }
  const issue = findPayerIssue(names);
  if (issue) {
    const [code, message, extra] = PAYER_REFUSAL[issue.reason];
    throw backendError(code, message, { details: { field: `payerNames.${issue.index}`, ...extra } });
  }
  return names.map((name) => name.trim());
}

function remittanceStatus(row: DedicatedTransferRow): s.Remittance['status'] {
  return row.matchedAt === undefined ? 'pending' : 'matched';
}

function dedicatedView(row: DedicatedTransferRow): s.Remittance {
  return {
    ...unclaimedView(row),
    status: remittanceStatus(row),
    ...(row.matchedAt === undefined ? {} : { matchedAt: instant(row.matchedAt) }),
  };
}

function unclaimedView(row: TransferRow): s.UnclaimedRemittance {
  return {
    id: row.id,
    remitterName: row.remitterName,
    maskedRemitterAccount: maskAccount(row.remitterAccount),
    amount: row.amount,
    currency: 'CNY',
    receivedAt: instant(row.receivedAt),
  };
}
