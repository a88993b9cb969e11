import type * as s from '../../../src/model/schemas/index.js';
import { ApiError, notFound } from '../errors.js';
import { DAY, instant } from '../time.js';
import { page, type OperationContext } from './context.js';
import { invitationWire, type InvitationRow } from './wire-out.js';

const SORT_COLUMNS: Record<s.InvitationSortKey, string> = {
  invitedAt: 'invited_at',
  linkExpiresAt: 'link_expires_at',
  status: 'status',
  operator: 'operator',
};

export async function listInvitations(ctx: OperationContext, r: s.ListInvitationsRequest) {
  const needle = r.query?.trim().toLowerCase() ?? '';
  const params = [ctx.tenant.tenantId, r.status ?? null, needle];
  const where = `tenant_id = $1 AND ($2::text IS NULL OR status = $2)
    AND ($3 = '' OR position($3 in lower(name)) > 0 OR position($3 in mobile) > 0 OR position($3 in email) > 0)`;
  // Only whitelisted column names reach the SQL text; the direction is one of two literals.
  // Unsorted, reported rows come first, newest on top (as the in-memory backend lists them).
  const order = r.sortBy ? `${SORT_COLUMNS[r.sortBy]} ${r.sortDirection === 'desc' ? 'DESC' : 'ASC'}, invitation_id` : 'seq DESC, invitation_id';
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM invitations WHERE ${where}`, params);
  const rows = await ctx.query<InvitationRow>(`SELECT * FROM invitations WHERE ${where} ORDER BY ${order} OFFSET $4 LIMIT $5`, [...params, r.offset, r.limit]);
  return page('invitations', rows.map(invitationWire), count?.n ?? 0);
}

export async function resendInvitation(ctx: OperationContext, { invitationId }: s.ResendInvitationRequest) {
  const { tenantId } = ctx.tenant;
  const [row] = await ctx.query<InvitationRow>('SELECT * FROM invitations WHERE tenant_id = $1 AND invitation_id = $2 FOR UPDATE', [tenantId, invitationId]);
  if (!row) throw notFound('No such invitation.');
  if (row.status === 'associated') throw new ApiError('KIT.ALREADY_ASSOCIATED', 'The customer is already associated.');
  const linkExpiresAt = ctx.now + 7 * DAY;
  await ctx.query("UPDATE invitations SET status = 'invited', failure = NULL, invited_at = $3, link_expires_at = $4 WHERE tenant_id = $1 AND invitation_id = $2", [
    tenantId, invitationId, ctx.now, linkExpiresAt,
  ]);
  return { invitation_id: invitationId, sent_at: instant(ctx.now), link_expires_at: instant(linkExpiresAt) };
}

/** Where each revealable record keeps each field (table, id column, field → column). */
const REVEAL_SOURCES: Record<s.RevealRequest['resource'], { table: string; id: string; columns: Partial<Record<s.RevealRequest['field'], string>> }> = {
  customer: { table: 'customers', id: 'customer_id', columns: { name: 'name', mobile: 'mobile', email: 'email' } },
  invitation: { table: 'invitations', id: 'invitation_id', columns: { name: 'name', mobile: 'mobile', email: 'email' } },
  'remittance-account': { table: 'remittance_accounts', id: 'account_id', columns: { accountNumber: 'account_number' } },
};

/** Reveals one personal field and writes the reveal to the audit table in the same transaction. */
export async function revealField(ctx: OperationContext, { resource, id, field }: s.RevealRequest) {
  const source = REVEAL_SOURCES[resource];
  // Only the table's own column names reach the SQL text; a field the record does not have reveals nothing.
  const column = source.columns[field];
  if (column === undefined) throw notFound('Nothing to reveal.');
  const [row] = await ctx.query<{ value: string | null }>(`SELECT ${column} AS value FROM ${source.table} WHERE tenant_id = $1 AND ${source.id} = $2`, [ctx.tenant.tenantId, id]);
  if (!row || row.value === null) throw notFound('Nothing to reveal.');
  await ctx.query('INSERT INTO reveal_audit (tenant_id, resource, record_id, field, revealed_at) VALUES ($1, $2, $3, $4, $5)', [ctx.tenant.tenantId, resource, id, field, ctx.now]);
  return { value: row.value };
}
