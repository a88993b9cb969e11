import type * as s from '../../../src/model/schemas/index.js';
import { ApiError, notFound } from '../errors.js';
import { nextId, page, type OperationContext } from './context.js';
import { redeemTicket, requireTicket } from './verification.js';
import {
  balanceWire, couponWire, customerWire, quotaWire, recordWire,
  yuan, type BalanceRow, type CouponRow, type CustomerRow, type QuotaRow, type RecordRow,
} from './wire-out.js';

async function counted<T>(ctx: OperationContext, from: string, where: string, params: unknown[], order: string, offset: number, limit: number) {
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`, params);
  const n = params.length;
  const rows = await ctx.query<T>(`SELECT * FROM ${from} WHERE ${where} ORDER BY ${order} OFFSET $${n + 1} LIMIT $${n + 2}`, [...params, offset, limit]);
  return { rows, total: count?.n ?? 0 };
}

export async function listQuotas(ctx: OperationContext, r: s.ListQuotasRequest) {
  const { rows, total } = await counted<QuotaRow>(ctx, 'quotas', 'tenant_id = $1 AND kind = $2 AND ($3::text[] IS NULL OR status = ANY($3))', [ctx.tenant.tenantId, r.kind, r.statuses ?? null], 'seq', r.offset, r.limit);
  return page('quotas', rows.map(quotaWire), total);
}

export async function searchCustomers(ctx: OperationContext, r: s.SearchCustomersRequest) {
  const column = r.by === 'account' ? 'account_name' : 'name';
  const needle = r.query?.trim().toLowerCase() ?? '';
  const { rows, total } = await counted<CustomerRow>(ctx, 'customers', `tenant_id = $1 AND position($2 in lower(${column})) > 0`, [ctx.tenant.tenantId, needle], 'seq', r.offset, r.limit);
  return { count: total, customer_infos: rows.map(customerWire) };
}

async function record(ctx: OperationContext, entry: { operation: s.CouponOperation; quotaId: string; kind: s.CouponKind; couponId: string; customerId: string; customerName: string | null; amount: number; remark?: string | undefined }) {
  await ctx.query(
    `INSERT INTO coupon_records (tenant_id, record_id, operation, quota_id, kind, coupon_id, customer_id, customer_name, amount, currency, operated_at, succeeded, remark)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'CNY', $10, true, $11)`,
    [ctx.tenant.tenantId, `R-${String(90000 + (await nextId(ctx)))}`, entry.operation, entry.quotaId, entry.kind, entry.couponId, entry.customerId, entry.customerName, entry.amount, ctx.now, entry.remark || null],
  );
}

export async function issueCoupons(ctx: OperationContext, input: s.IssueCouponsRequest) {
  const { tenantId } = ctx.tenant;
  await requireTicket(ctx, 'issue-coupon');
  const [quota] = await ctx.query<QuotaRow>('SELECT * FROM quotas WHERE tenant_id = $1 AND quota_id = $2 FOR UPDATE', [tenantId, input.quotaId]);
  if (!quota) throw new ApiError('CBC.99000012', 'The quota does not exist.');
  if (quota.status !== 'normal') throw new ApiError('CBC.99000012', 'The quota cannot be used to issue.');
  if (ctx.now < quota.effective_from || ctx.now >= quota.expires_at) throw new ApiError('CBC.99000017', 'The quota is not effective.');
  if (quota.min_face_value !== null && input.faceValue < quota.min_face_value) throw new ApiError('CBC.99000018', 'Face value below the minimum.');
  if (quota.max_face_value !== null && input.faceValue > quota.max_face_value) throw new ApiError('CBC.99000019', 'Face value above the maximum.');
  const validFrom = input.validFrom ? Date.parse(input.validFrom) : quota.effective_from;
  const validUntil = input.validUntil ? Date.parse(input.validUntil) : quota.expires_at;
  if (validFrom < quota.effective_from || validUntil > quota.expires_at || validFrom >= validUntil) {
    throw new ApiError('KIT.VALIDITY_OUTSIDE_QUOTA', 'The validity must lie inside the quota window.');
  }
  const allowedTypes = quota.restrictions.find((r) => r.key === 'cloudServiceType')?.values;
  if (allowedTypes && input.cloudServiceTypes?.some((t) => !allowedTypes.includes(t))) {
    throw new ApiError('CBC.99000023', 'The service types exceed the quota restriction.');
  }
  await redeemTicket(ctx, 'issue-coupon');
  const customers = await ctx.query<CustomerRow>('SELECT * FROM customers WHERE tenant_id = $1 AND customer_id = ANY($2)', [tenantId, input.customerIds]);
  const issued: { coupon_id: string; id: string }[] = [];
  const failed: { id: string; error_code: string; error_msg: string }[] = [];
  let balance = quota.balance;
  for (const customerId of input.customerIds) {
    const customer = customers.find((c) => c.customer_id === customerId);
    const failure = !customer
      ? ['CBC.99000035', 'Not a sub-customer of this partner.']
      : customer.association_type !== 'resale'
        ? ['CBC.99000014', 'Coupons cannot be issued to customers of this cooperation type.']
        : balance < input.faceValue
          ? ['CBC.99000013', 'The quota balance is insufficient.']
          : undefined;
    if (failure || !customer) {
      failed.push({ id: customerId, error_code: failure?.[0] ?? 'CBC.0999', error_msg: failure?.[1] ?? '' });
      continue;
    }
    balance -= input.faceValue;
    const seq = await nextId(ctx);
    const couponId = `CP${String(30000000 + seq)}`;
    await ctx.query(
      `INSERT INTO coupons (tenant_id, coupon_id, seq, kind, customer_id, customer_name, face_value, balance, currency, status, effective_from, expires_at, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, 'usable', $9, $10, $11)`,
      [tenantId, couponId, seq, quota.kind, customerId, customer.name, input.faceValue, quota.currency, validFrom, validUntil, ctx.now],
    );
    await record(ctx, { operation: 'issue', quotaId: quota.quota_id, kind: quota.kind, couponId, customerId, customerName: customer.name, amount: input.faceValue, remark: input.remark });
    issued.push({ coupon_id: couponId, id: customerId });
  }
  await ctx.query('UPDATE quotas SET balance = $3 WHERE tenant_id = $1 AND quota_id = $2', [tenantId, quota.quota_id, balance]);
  return { coupon_infos: issued, error_details: failed };
}

export async function reclaimCoupon(ctx: OperationContext, { couponId }: s.ReclaimCouponRequest) {
  const { tenantId } = ctx.tenant;
  await requireTicket(ctx, 'reclaim-coupon');
  const [coupon] = await ctx.query<CouponRow>('SELECT * FROM coupons WHERE tenant_id = $1 AND coupon_id = $2 FOR UPDATE', [tenantId, couponId]);
  if (!coupon) throw notFound('No such coupon.');
  const [customer] = await ctx.query<CustomerRow>('SELECT * FROM customers WHERE tenant_id = $1 AND customer_id = $2', [tenantId, coupon.customer_id]);
  if (customer?.association_type === 'referral') throw new ApiError('CBC.99000045', 'Coupons of consultant-sales customers cannot be reclaimed.');
  if (coupon.status !== 'usable') throw new ApiError('CBC.99000048', 'The coupon has expired or was already reclaimed.');
  await redeemTicket(ctx, 'reclaim-coupon');
  // A reclaim takes the whole remaining balance, which may be less than the face value.
  const reclaimed = coupon.balance;
  await ctx.query("UPDATE coupons SET balance = 0, status = 'reclaimed' WHERE tenant_id = $1 AND coupon_id = $2", [tenantId, couponId]);
  const [quota] = await ctx.query<{ quota_id: string }>(
    "UPDATE quotas SET balance = balance + $3 WHERE tenant_id = $1 AND quota_id = (SELECT quota_id FROM quotas WHERE tenant_id = $1 AND kind = $2 AND status = 'normal' ORDER BY seq LIMIT 1) RETURNING quota_id",
    [tenantId, coupon.kind, reclaimed],
  );
  const [issue] = await ctx.query<{ quota_id: string }>("SELECT quota_id FROM coupon_records WHERE tenant_id = $1 AND coupon_id = $2 AND operation = 'issue' LIMIT 1", [tenantId, couponId]);
  await record(ctx, { operation: 'reclaim', quotaId: issue?.quota_id ?? quota?.quota_id ?? 'unknown', kind: coupon.kind, couponId, customerId: coupon.customer_id, customerName: customer?.name ?? null, amount: reclaimed });
  return { coupon_id: couponId, reclaimed_amount: yuan(reclaimed) };
}

export async function listIssuedCoupons(ctx: OperationContext, r: s.ListIssuedCouponsRequest) {
  const { rows, total } = await counted<CouponRow>(
    ctx, 'coupons', 'tenant_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR customer_id = $4)',
    [ctx.tenant.tenantId, r.kind ?? null, r.status ?? null, r.customerId ?? null], 'seq DESC', r.offset, r.limit,
  );
  return page('user_coupons', rows.map(couponWire), total);
}

export async function listCouponRecords(ctx: OperationContext, r: s.ListCouponRecordsRequest) {
  // The API's time filters are strict: begin is "greater than", end is "less than".
  const { rows, total } = await counted<RecordRow>(
    ctx, 'coupon_records',
    `tenant_id = $1 AND ($2::text[] IS NULL OR operation = ANY($2)) AND ($3::text IS NULL OR kind = $3) AND ($4::text IS NULL OR quota_id = $4)
     AND ($5::text IS NULL OR customer_id = $5) AND ($6::text[] IS NULL OR coupon_id = ANY($6)) AND ($7::bigint IS NULL OR operated_at > $7) AND ($8::bigint IS NULL OR operated_at < $8)`,
    [ctx.tenant.tenantId, r.operations ?? null, r.kind ?? null, r.quotaId ?? null, r.customerId ?? null, r.couponIds ?? null, r.from ? Date.parse(r.from) : null, r.to ? Date.parse(r.to) : null],
    'operated_at DESC, record_id', r.offset, r.limit,
  );
  return page('records', rows.map(recordWire), total);
}

export async function getBalances(ctx: OperationContext) {
  const rows = await ctx.query<BalanceRow>('SELECT * FROM balances WHERE tenant_id = $1 ORDER BY seq', [ctx.tenant.tenantId]);
  return { account_balances: rows.map(balanceWire) };
}

