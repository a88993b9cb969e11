import { CUSTOMER_NOTICES } from '../../../src/api/memory/customer-outbox.js';
import type { MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type * as s from '../../../src/model/schemas/index.js';
import type { Query } from '../db.js';
import { ApiError, notFound } from '../errors.js';
import { instant } from '../time.js';
import { page, type OperationContext } from './context.js';
import { endAssociation } from './customer-accounts.js';
import { tellCustomer } from './customer-notices.js';
import { redeemTicket, requireTicket } from './verification.js';

/**
 * Unbind requests raised by customers (ListUnbindRequests, approve, reject): only a pending request
 * can be decided, and approving one unbinds the customer the way the partner's own unbinding does,
 * its coupons reclaimed automatically.
 */

interface RequestRow {
  request_id: string; customer_id: string; account_name: string; customer_name: string; requested_at: number;
  reason: string; status: s.UnbindRequestStatus; handled_at: number | null; reject_reason: string | null;
}

/** The customer's name leaves in full, as the customer list's does; the adapter keeps a masked copy. */
const requestWire = (r: RequestRow) => ({
  request_id: r.request_id,
  customer_id: r.customer_id,
  account_name: r.account_name,
  customer_name: r.customer_name,
  requested_at: instant(r.requested_at),
  reason: r.reason,
  status: r.status,
  ...(r.handled_at === null ? {} : { handled_at: instant(r.handled_at) }),
  ...(r.reject_reason === null ? {} : { reject_reason: r.reject_reason }),
});

export async function listUnbindRequests(ctx: OperationContext, r: s.ListUnbindRequestsRequest) {
  const params = [ctx.tenant.tenantId, r.status ?? null];
  const where = 'tenant_id = $1 AND ($2::text IS NULL OR status = $2)';
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM unbind_requests WHERE ${where}`, params);
  const rows = await ctx.query<RequestRow>(`SELECT * FROM unbind_requests WHERE ${where} ORDER BY seq OFFSET $3 LIMIT $4`, [...params, r.offset, r.limit]);
  return page('unbind_requests', rows.map(requestWire), count?.n ?? 0);
}

/** The request, locked; refused unless it is still pending. */
async function pending(ctx: OperationContext, requestId: string): Promise<RequestRow> {
  const [found] = await ctx.query<RequestRow>('SELECT * FROM unbind_requests WHERE tenant_id = $1 AND request_id = $2 FOR UPDATE', [ctx.tenant.tenantId, requestId]);
  if (!found) throw notFound('No such unbind request.');
  if (found.status !== 'pending') throw new ApiError('KIT.REQUEST_NOT_PENDING', `The request is already ${found.status}.`, 409);
  return found;
}

const decide = (ctx: OperationContext, requestId: string, status: s.UnbindRequestStatus, rejectReason: string | null = null) =>
  ctx.query('UPDATE unbind_requests SET status = $3, handled_at = $4, reject_reason = $5 WHERE tenant_id = $1 AND request_id = $2', [
    ctx.tenant.tenantId, requestId, status, ctx.now, rejectReason,
  ]);

export async function approveUnbindRequest(ctx: OperationContext, { requestId }: s.ApproveUnbindRequest) {
  await requireTicket(ctx, 'unbind-request');
  const request = await pending(ctx, requestId);
  const { unboundAt, reclaimed } = await endAssociation(ctx, request.customer_id, () => redeemTicket(ctx, 'unbind-request'));
  await decide(ctx, requestId, 'approved');
  await tellCustomer(ctx.query, ctx.tenant.tenantId, request.customer_id, CUSTOMER_NOTICES.unbindApproved(), ctx.now);
  return { request_id: requestId, customer_id: request.customer_id, approved_at: unboundAt, reclaimed };
}

export async function rejectUnbindRequest(ctx: OperationContext, { requestId, reason }: s.RejectUnbindRequest) {
  await requireTicket(ctx, 'unbind-request');
  const request = await pending(ctx, requestId);
  await redeemTicket(ctx, 'unbind-request');
  await decide(ctx, requestId, 'rejected', reason);
  await tellCustomer(ctx.query, ctx.tenant.tenantId, request.customer_id, CUSTOMER_NOTICES.unbindRejected(reason), ctx.now);
  return { request_id: requestId, rejected_at: instant(ctx.now), reason };
}

/** The in-memory backend's seeded requests, newest first, with the customers' full names where they are still customers. */
export async function seedUnbindRequests(query: Query, tenantId: string, memory: MemoryPartnerApi): Promise<void> {
  const { items } = await memory.listUnbindRequests({ offset: 0, limit: 100 });
  for (const [seq, u] of items.entries()) {
    const name = memory.data.customers.find((c) => c.id === u.customerId)?.name ?? u.maskedName;
    await query(
      `INSERT INTO unbind_requests (tenant_id, request_id, seq, customer_id, account_name, customer_name, requested_at, reason, status, handled_at, reject_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [tenantId, u.id, seq, u.customerId, u.accountName, name, Date.parse(u.requestedAt), u.reason, u.status, u.handledAt ? Date.parse(u.handledAt) : null, u.rejectReason ?? null],
    );
  }
}
