import type { Query } from '../db.js';
import type { Keep } from '../idempotency.js';

/** The tenant a request acts for, as its token says. */
export interface Tenant {
  tenantId: string;
  companyRealName: string;
  verificationEnabled: boolean;
  guardedPurposes: string[];
}

/** What every operation gets: its transaction's query, the tenant, the clock's reading. */
export interface OperationContext {
  query: Query;
  tenant: Tenant;
  now: number;
  /** The `X-Verification-Ticket` header, where the call carried one. */
  ticket: string | undefined;
  /** Secret mixed into code hashes, so a leaked table does not give the six digits away. */
  codePepper: string;
  /** A write that survives the intent's refusal (see {@link Keep}); only an intent has one. */
  keep: Keep;
}

/** The next value of a per-tenant sequence (coupon ids, record ids, references). */
export async function nextId(ctx: OperationContext, name = 'ids'): Promise<number> {
  const rows = await ctx.query<{ value: number }>(
    `INSERT INTO counters (tenant_id, name, value) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, name) DO UPDATE SET value = counters.value + 1 RETURNING value`,
    [ctx.tenant.tenantId, name],
  );
  return (rows[0] as { value: number }).value;
}

/** `{ total_count, <key>: rows }` after counting with the same filter. */
export function page<T>(key: string, rows: T[], total: number): Record<string, unknown> {
  return { total_count: total, [key]: rows };
}
