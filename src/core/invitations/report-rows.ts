import type { KitError } from '../../model/errors.js';
import { checkReportEmail, checkReportMobile, checkReportName, type ReportFieldRejection } from '../../model/rules/report.js';
import type { CustomerAccount, ReportCustomerRequest, ReportCustomerResult } from '../../model/schemas/reporting.js';

/** A field of a report row the user fills or picks. */
export type RowField = 'name' | 'mobile' | 'email' | 'account';

/** What the backend knows of the accounts registered with the row's mobile. */
export type AccountLookup =
  | { status: 'idle' }
  | { status: 'loading'; mobile: string }
  | { status: 'found'; mobile: string; accounts: readonly CustomerAccount[] }
  | { status: 'none'; mobile: string }
  | { status: 'failed'; mobile: string; error: KitError };

/**
 * Where a row stands with the backend: still a draft, waiting or in flight in a job, reported, or
 * refused. `unknown`: the answer was lost, so the row may have been reported; it is locked and a
 * retry sends it under the same idempotency key, which the backend answers without a second report.
 */
export type RowOutcome =
  | { status: 'draft' }
  | { status: 'queued' }
  | { status: 'sending' }
  | { status: 'reported'; result: ReportCustomerResult }
  | { status: 'failed'; error: KitError }
  | { status: 'unknown'; error: KitError };

/** One customer to report. */
export interface ReportRow {
  readonly id: string;
  readonly name: string;
  readonly mobile: string;
  readonly email: string;
  /** The account the user picked when the mobile has several. */
  readonly chosenAccountId: string | undefined;
  readonly accounts: AccountLookup;
  /** Fields the user has left once: their errors show from then on. */
  readonly touched: readonly RowField[];
  readonly outcome: RowOutcome;
}

/** Why a row cannot be sent, per field. */
export type RowRejection = ReportFieldRejection | 'account-required' | 'no-account' | 'lookup-failed' | 'duplicate';
export type RowErrors = Partial<Record<RowField, RowRejection>>;

/** A row the user may still change: not in a job, not reported, not possibly reported. */
export function editable(row: ReportRow): boolean {
  return row.outcome.status === 'draft' || row.outcome.status === 'failed';
}

/** A row a submission sends: neither reported nor in flight. */
export function sendable(row: ReportRow): boolean {
  return editable(row) || row.outcome.status === 'unknown';
}

/** A row with nothing typed in it: left out of a submission rather than refused. */
export function blank(row: ReportRow): boolean {
  return row.name.trim() === '' && row.mobile.trim() === '' && row.email.trim() === '';
}

/** The mobile as it will be looked up and sent, or undefined while it is not valid. */
export function mobileOf(row: ReportRow): string | undefined {
  const check = checkReportMobile(row.mobile);
  return check.ok ? check.value : undefined;
}

/** The account a report of `row` names: the only one, or the one picked among several. */
export function accountOf(row: ReportRow): CustomerAccount | undefined {
  const lookup = row.accounts;
  if (lookup.status !== 'found' || lookup.mobile !== mobileOf(row)) return undefined;
  return lookup.accounts.length === 1 ? lookup.accounts[0] : lookup.accounts.find((a) => a.accountId === row.chosenAccountId);
}

/**
 * Every reason `row` cannot be sent now; the e-mail is required only when the invitation is sent.
 * A row the user may still change is refused a mobile that a row already sent (reported, in
 * flight, or of unknown outcome) or an earlier one has, wherever it is: the backend reports a
 * customer once, and would refuse the second as reported — or, while the other's outcome is
 * unknown, it is the same customer twice.
 */
export function rowErrors(row: ReportRow, sendInvitation: boolean, rows: readonly ReportRow[] = []): RowErrors {
  const errors: RowErrors = {};
  const name = checkReportName(row.name);
  if (!name.ok) errors.name = name.reason;
  const mobile = checkReportMobile(row.mobile);
  if (!mobile.ok) errors.mobile = mobile.reason;
  else if (editable(row) && rows.some((other) => other !== row && mobileOf(other) === mobile.value && (!editable(other) || rows.indexOf(other) < rows.indexOf(row)))) {
    errors.mobile = 'duplicate';
  }
  if (sendInvitation || row.email.trim() !== '') {
    const email = checkReportEmail(row.email);
    if (!email.ok) errors.email = email.reason;
  }
  const lookup = row.accounts;
  if (mobile.ok && lookup.status !== 'idle' && lookup.status !== 'loading' && lookup.mobile === mobile.value) {
    if (lookup.status === 'none') errors.mobile = 'no-account';
    else if (lookup.status === 'failed') errors.account = 'lookup-failed';
    else if (!accountOf(row)) errors.account = 'account-required';
  }
  return errors;
}

/** The request that reports `row`, once every field passed and its account is known. */
export function rowRequest(row: ReportRow, sendInvitation: boolean): ReportCustomerRequest | undefined {
  const name = checkReportName(row.name);
  const mobile = checkReportMobile(row.mobile);
  const email = row.email.trim() === '' && !sendInvitation ? undefined : checkReportEmail(row.email);
  const account = accountOf(row);
  if (!name.ok || !mobile.ok || (email && !email.ok) || !account) return undefined;
  return { name: name.value, mobile: mobile.value, ...(email?.ok ? { email: email.value } : {}), accountId: account.accountId, sendInvitation };
}

/** Columns a pasted line may have beyond name, mobile and e-mail: none is guessed at. */
const PASTE_COLUMNS = 3;

/**
 * Rows pasted from a spreadsheet or typed one per line: name, mobile and e-mail separated by tabs,
 * commas or semicolons (full-width too). A line of more columns is read by what each looks like
 * (an e-mail has an @, a mobile reads as one, the one column left is the name); a line that still
 * leaves more than one column over is not guessed at but returned in `unread`, as typed. Blank
 * lines are skipped; at most `max` rows are read, the lines after them are left unread too.
 */
export function parsePastedRows(text: string, max: number): { rows: { name: string; mobile: string; email: string }[]; unread: string[] } {
  const rows: { name: string; mobile: string; email: string }[] = [];
  const unread: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const parts = line.split(/[\t,;，；]/).map((part) => part.trim());
    const row = parts.length <= PASTE_COLUMNS ? { name: parts[0] ?? '', mobile: parts[1] ?? '', email: parts[2] ?? '' } : byShape(parts.filter((part) => part !== ''));
    if (row && rows.length < max) rows.push(row);
    else unread.push(line);
  }
  return { rows, unread };
}

function byShape(parts: string[]): { name: string; mobile: string; email: string } | undefined {
  const email = parts.find((part) => part.includes('@'));
  const mobile = parts.find((part) => part !== email && checkReportMobile(part).ok);
  const rest = parts.filter((part) => part !== email && part !== mobile);
  return rest.length > 1 ? undefined : { name: rest[0] ?? '', mobile: mobile ?? '', email: email ?? '' };
}
