import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import type { Refusal } from './faults.js';
import { DAY, instant } from './prng.js';
import type { InvitationRow, MemoryData } from './seed.js';

/** One reveal of a full value, as a real backend audits it. */
export interface RevealAudit {
  resource: string;
  id: string;
  field: string;
  at: string;
}

/**
 * Invitations (listed masked, resent with a fresh link) and the reveal of full personal values,
 * every one of which is audited.
 */
export class InvitationDesk {
  /** Every reveal, oldest first. */
  readonly auditLog: RevealAudit[] = [];
  readonly #data: MemoryData;
  readonly #now: () => number;
  readonly #remittanceAccountNumber: (id: string) => string | undefined;

  /** `remittanceAccountNumber` reads the full number of the remittance account with that id (if enabled). */
  constructor(data: MemoryData, now: () => number, remittanceAccountNumber: (id: string) => string | undefined) {
    this.#data = data;
    this.#now = now;
    this.#remittanceAccountNumber = remittanceAccountNumber;
  }

  list(request: s.ListInvitationsRequest): Page<s.Invitation> {
    const r = parseRequest(s.ListInvitationsRequest, request);
    const needle = r.query?.trim().toLowerCase() ?? '';
    let rows = this.#data.invitations.filter(
      (row) =>
        (!r.status || row.status === r.status) &&
        (needle === '' || row.name.toLowerCase().includes(needle) || row.mobile.includes(needle) || row.email.includes(needle)),
    );
    if (r.sortBy) {
      const key = r.sortBy;
      const direction = r.sortDirection === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0));
    }
    return { items: rows.slice(r.offset, r.offset + r.limit).map(maskedView), total: rows.length };
  }

  resend(request: s.ResendInvitationRequest, refusal: Refusal | undefined): s.ResendInvitationResult {
    const { invitationId } = parseRequest(s.ResendInvitationRequest, request);
    const row = this.#data.invitations.find((i) => i.id === invitationId);
    if (!row) throw backendError('KIT.NOT_FOUND', 'No such invitation.', { status: 404 });
    if (refusal === 'already-associated' || row.status === 'associated') throw backendError('KIT.ALREADY_ASSOCIATED', 'The customer is already associated.');
    const now = this.#now();
    row.status = 'invited';
    row.failure = undefined;
    row.invitedAt = now;
    row.linkExpiresAt = now + 7 * DAY;
    return { invitationId, sentAt: instant(now), linkExpiresAt: instant(row.linkExpiresAt) };
  }

  reveal(request: s.RevealRequest): s.RevealResult {
    const { resource, id, field } = parseRequest(s.RevealRequest, request);
    const value = this.#valueOf(resource, id, field);
    if (value === undefined) throw backendError('KIT.NOT_FOUND', 'Nothing to reveal.', { status: 404 });
    this.auditLog.push({ resource, id, field, at: instant(this.#now()) });
    return { value };
  }

  #valueOf(resource: s.RevealRequest['resource'], id: string, field: s.RevealRequest['field']): string | undefined {
    if (resource === 'remittance-account') return this.#remittanceAccountNumber(id);
    if (field === 'accountNumber') return undefined;
    const source: { name: string; mobile?: string | undefined; email?: string | undefined } | undefined =
      resource === 'customer' ? this.#data.customers.find((c) => c.id === id) : this.#data.invitations.find((i) => i.id === id);
    return source?.[field];
  }
}

/** An invitation as the list shows it: personal values masked, never the full ones. */
function maskedView(row: InvitationRow): s.Invitation {
  return {
    id: row.id,
    maskedName: `${Array.from(row.name)[0] ?? ''}**`,
    maskedMobile: `${row.mobile.slice(0, 8)}****${row.mobile.slice(-4)}`,
    maskedEmail: `${row.email[0] ?? ''}***${row.email.slice(row.email.indexOf('@'))}`,
    status: row.status,
    ...(row.failure ? { failure: row.failure } : {}),
    invitedAt: instant(row.invitedAt),
    linkExpiresAt: instant(row.linkExpiresAt),
    operator: row.operator,
  };
}
