import * as z from 'zod/mini';
import { CurrencyCode, Id, Instant, ItemError, MinorUnits, PageRequest, pageOf } from './common.js';
import { COUPON_KINDS, COUPON_OPERATIONS, COUPON_STATUSES, REMARK_MAX_LENGTH } from '../values/coupons.js';

export { REMARK_MAX_LENGTH };

/** 代金券 (voucher) or 现金券 (cash coupon); a quota and every coupon issued from it share a kind. */
export const CouponKind = z.enum(COUPON_KINDS);
export type CouponKind = z.infer<typeof CouponKind>;

/** Quota states of the API (0 normal, 3 invalid, 4 being adjusted, 5 frozen, 6 reclaimed). */
export const QuotaStatus = z.enum(['normal', 'expired', 'adjusting', 'frozen', 'reclaimed']);
export type QuotaStatus = z.infer<typeof QuotaStatus>;

/** A usage restriction of a quota (`limit_infos`); coupons issued from it must stay within. */
export const Restriction = z.object({ key: z.string(), values: z.array(z.string()) });
export type Restriction = z.infer<typeof Restriction>;

export const Quota = z.object({
  id: Id,
  kind: CouponKind,
  status: QuotaStatus,
  total: MinorUnits,
  balance: MinorUnits,
  currency: CurrencyCode,
  effectiveFrom: Instant,
  expiresAt: Instant,
  minFaceValue: z.optional(MinorUnits),
  maxFaceValue: z.optional(MinorUnits),
  restrictions: z.array(Restriction),
});
export type Quota = z.infer<typeof Quota>;
export const QuotaPage = pageOf(Quota);

export const ListQuotasRequest = z.extend(PageRequest, {
  kind: CouponKind,
  statuses: z.optional(z.array(QuotaStatus).check(z.maxLength(5))),
});
export type ListQuotasRequest = z.infer<typeof ListQuotasRequest>;

export const IssueCouponsRequest = z.object({
  quotaId: Id,
  customerIds: z.array(Id).check(z.minLength(1), z.maxLength(100)),
  faceValue: MinorUnits.check(z.gte(1)),
  validFrom: z.optional(Instant),
  validUntil: z.optional(Instant),
  cloudServiceTypes: z.optional(z.array(z.string()).check(z.maxLength(10))),
  productIds: z.optional(z.array(z.string()).check(z.maxLength(10))),
  remark: z.optional(z.string().check(z.maxLength(REMARK_MAX_LENGTH))),
});
export type IssueCouponsRequest = z.infer<typeof IssueCouponsRequest>;

/** The API succeeds per customer: some get a coupon, others fail with their own reason. */
export const IssueCouponsResult = z.object({
  issued: z.array(z.object({ customerId: Id, couponId: Id })),
  failed: z.array(z.object({ customerId: Id, error: ItemError })),
});
export type IssueCouponsResult = z.infer<typeof IssueCouponsResult>;

/** 1 not activated, 2 usable, 3 used, 4 expired, 5 reclaimed in the API. */
export const CouponStatus = z.enum(COUPON_STATUSES);
export type CouponStatus = z.infer<typeof CouponStatus>;

export const IssuedCoupon = z.object({
  id: Id,
  kind: CouponKind,
  customerId: Id,
  /** Only where the backend joins it in; the API itself returns ids. */
  customerName: z.optional(z.string()),
  faceValue: MinorUnits,
  balance: MinorUnits,
  currency: CurrencyCode,
  status: CouponStatus,
  effectiveFrom: Instant,
  expiresAt: Instant,
  issuedAt: Instant,
});
export type IssuedCoupon = z.infer<typeof IssuedCoupon>;
export const IssuedCouponPage = pageOf(IssuedCoupon);

export const ListIssuedCouponsRequest = z.extend(PageRequest, {
  kind: z.optional(CouponKind),
  status: z.optional(CouponStatus),
  customerId: z.optional(Id),
});
export type ListIssuedCouponsRequest = z.infer<typeof ListIssuedCouponsRequest>;

export const ReclaimCouponRequest = z.object({ couponId: Id });
export type ReclaimCouponRequest = z.infer<typeof ReclaimCouponRequest>;

/** What a reclaim actually took back: the coupon's remaining balance, possibly less than its face value. */
export const ReclaimResult = z.object({ couponId: Id, reclaimedAmount: MinorUnits, currency: CurrencyCode });
export type ReclaimResult = z.infer<typeof ReclaimResult>;

/** Operation types 1–9 of ListPartnerCouponsRecord. */
export const CouponOperation = z.enum(COUPON_OPERATIONS);
export type CouponOperation = z.infer<typeof CouponOperation>;

export const CouponRecord = z.object({
  id: Id,
  operation: CouponOperation,
  quotaId: Id,
  kind: CouponKind,
  couponId: z.optional(Id),
  customerId: Id,
  customerName: z.optional(z.string()),
  /** Issue: the face value. Reclaim: the amount actually reclaimed that time. */
  amount: MinorUnits,
  currency: CurrencyCode,
  operatedAt: Instant,
  succeeded: z.boolean(),
  failureCode: z.optional(z.string()),
  /** The remark given at issue time; only the issuing partner ever sees it. */
  remark: z.optional(z.string()),
});
export type CouponRecord = z.infer<typeof CouponRecord>;
export const CouponRecordPage = pageOf(CouponRecord);

export const ListCouponRecordsRequest = z.extend(PageRequest, {
  operations: z.optional(z.array(CouponOperation).check(z.maxLength(8))),
  kind: z.optional(CouponKind),
  quotaId: z.optional(Id),
  customerId: z.optional(Id),
  couponIds: z.optional(z.array(Id).check(z.maxLength(100))),
  from: z.optional(Instant),
  to: z.optional(Instant),
});
export type ListCouponRecordsRequest = z.infer<typeof ListCouponRecordsRequest>;
