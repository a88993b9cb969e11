import * as z from 'zod/mini';
import type { Page } from '../../../model/schemas/common.js';
import type * as s from '../../../model/schemas/index.js';
import { CouponOperation } from '../../../model/schemas/coupons.js';
import { Count, IntLike, OptStr, Str, Yuan, page, present, rows } from './common.js';

/** Coupons on the partner API's wire: quotas, issuing, issued coupons, records, and the customers a coupon goes to. */

const QUOTA_STATUS: Record<number, s.QuotaStatus> = { 0: 'normal', 3: 'expired', 4: 'adjusting', 5: 'frozen', 6: 'reclaimed' };
export const QUOTA_STATUS_CODE: Record<s.QuotaStatus, number> = { normal: 0, expired: 3, adjusting: 4, frozen: 5, reclaimed: 6 };

const QuotaRow = z.object({
  quota_id: Str,
  quota_type: IntLike,
  quota_status: IntLike,
  quota_value: Yuan,
  balance: Yuan,
  currency: z.optional(Str),
  effective_time: Str,
  expire_time: Str,
  min_face_value: z.optional(Yuan),
  max_face_value: z.optional(Yuan),
  limit_infos: z.optional(z.nullable(z.array(z.object({ limit_key: Str, limit_values: z.array(Str) })))),
});

function toQuota(q: z.output<typeof QuotaRow>): s.Quota | undefined {
  const status = QUOTA_STATUS[q.quota_status];
  if (!status) return undefined;
  return {
    id: q.quota_id,
    kind: q.quota_type === 1 ? 'cash' : 'voucher',
    status,
    total: q.quota_value,
    balance: q.balance,
    currency: q.currency ?? 'CNY',
    effectiveFrom: q.effective_time,
    expiresAt: q.expire_time,
    ...present('minFaceValue', q.min_face_value),
    ...present('maxFaceValue', q.max_face_value),
    restrictions: (q.limit_infos ?? []).map((l) => ({ key: l.limit_key, values: l.limit_values })),
  };
}

export const QuotaPageWire = z.pipe(
  z.object({ total_count: Count, quotas: rows(QuotaRow, toQuota) }),
  z.transform((w): Page<s.Quota> => page(w.total_count, w.quotas)),
);

export const IssueResultWire = z.pipe(
  z.object({
    coupon_infos: z.optional(z.nullable(z.array(z.object({ coupon_id: Str, id: Str })))),
    error_details: z.optional(z.nullable(z.array(z.object({ id: Str, error_code: Str, error_msg: z.optional(Str) })))),
  }),
  z.transform((w) => ({
    issued: (w.coupon_infos ?? []).map((c) => ({ customerId: c.id, couponId: c.coupon_id })),
    failures: (w.error_details ?? []).map((e) => ({ customerId: e.id, backendCode: e.error_code, message: e.error_msg ?? '' })),
  })),
);

const COUPON_STATUS: Record<number, s.CouponStatus> = { 1: 'inactive', 2: 'usable', 3: 'used', 4: 'expired', 5: 'reclaimed' };
export const COUPON_STATUS_CODE: Record<s.CouponStatus, number> = { inactive: 1, usable: 2, used: 3, expired: 4, reclaimed: 5 };
/** The coupon list speaks 1 = voucher, 4 = cash coupon (unlike quotas: 0 / 1). */
export const COUPON_TYPE_CODE: Record<s.CouponKind, number> = { voucher: 1, cash: 4 };

const IssuedCouponRow = z.object({
  coupon_id: Str,
  status: IntLike,
  customer_id: Str,
  customer_name: OptStr,
  coupon_type: IntLike,
  face_value: Yuan,
  balance: Yuan,
  currency: OptStr,
  effective_time: Str,
  expire_time: Str,
  create_time: Str,
});

function toIssuedCoupon(c: z.output<typeof IssuedCouponRow>): s.IssuedCoupon | undefined {
  const status = COUPON_STATUS[c.status];
  if (!status) return undefined;
  return {
    id: c.coupon_id,
    kind: c.coupon_type === 4 ? 'cash' : 'voucher',
    customerId: c.customer_id,
    ...present('customerName', c.customer_name),
    faceValue: c.face_value,
    balance: c.balance,
    currency: c.currency ?? 'CNY',
    status,
    effectiveFrom: c.effective_time,
    expiresAt: c.expire_time,
    issuedAt: c.create_time,
  };
}

export const IssuedCouponPageWire = z.pipe(
  z.object({ total_count: Count, user_coupons: rows(IssuedCouponRow, toIssuedCoupon) }),
  z.transform((w): Page<s.IssuedCoupon> => page(w.total_count, w.user_coupons)),
);

/** Operation types in the wire's order: `operation_type` n is entry n − 1. */
export const OPERATIONS: readonly s.CouponOperation[] = CouponOperation.options;

const CouponRecordRow = z.object({
  id: Str,
  operation_type: IntLike,
  quota_id: Str,
  quota_type: IntLike,
  coupon_id: OptStr,
  customer_id: Str,
  customer_name: OptStr,
  operation_amount: Yuan,
  operation_time: Str,
  result: z.union([Str, z.number()]),
  remark: OptStr,
});

function toCouponRecord(r: z.output<typeof CouponRecordRow>): s.CouponRecord | undefined {
  const operation = OPERATIONS[r.operation_type - 1];
  if (!operation) return undefined;
  const succeeded = String(r.result) === '0';
  return {
    id: r.id,
    operation,
    quotaId: r.quota_id,
    kind: r.quota_type === 1 ? 'cash' : 'voucher',
    ...present('couponId', r.coupon_id),
    customerId: r.customer_id,
    ...present('customerName', r.customer_name),
    amount: r.operation_amount,
    currency: 'CNY',
    operatedAt: r.operation_time,
    succeeded,
    ...(succeeded ? {} : { failureCode: String(r.result) }),
    ...present('remark', r.remark),
  };
}

export const CouponRecordPageWire = z.pipe(
  z.object({ total_count: Count, records: rows(CouponRecordRow, toCouponRecord) }),
  z.transform((w): Page<s.CouponRecord> => page(w.total_count, w.records)),
);

export const CustomerPageWire = z.pipe(
  z.object({
    count: Count,
    customer_infos: z.array(
      z.object({
        customer_id: Str,
        account_name: Str,
        customer: OptStr,
        telephone: OptStr,
        country_code: OptStr,
        email: OptStr,
        association_type: OptStr,
        associated_on: OptStr,
        is_frozen: z.optional(z.nullable(IntLike)),
      }),
    ),
  }),
  z.transform(
    (w): Page<s.Customer> => ({
      total: w.count,
      items: w.customer_infos.map((c) => ({
        id: c.customer_id,
        accountName: c.account_name,
        name: c.customer ?? c.account_name,
        ...present('mobile', c.telephone ? `${c.country_code ?? '0086'}-${c.telephone}` : undefined),
        ...present('email', c.email),
        // 1 = consultant sales (顾问销售), 2 = resale (代售).
        associationType: c.association_type === '1' ? 'referral' : 'resale',
        ...present('associatedAt', c.associated_on),
        frozen: c.is_frozen === 1,
      })),
    }),
  ),
);

/** A reclaim as the intent lookup records it: the coupon and what was taken back. */
export const ReclaimLookupWire = z.object({ coupon_id: Str, reclaimed_amount: Yuan });

/** Optional body of our reclaim extension; the real API answers 204 and the amount is read from the records. */
export const ReclaimBodyWire = z.object({ reclaimed_amount: z.optional(Yuan) });
