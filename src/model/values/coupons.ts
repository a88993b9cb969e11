/**
 * The closed sets and limits of coupons, without their schemas: an element lists these as filter
 * options, and importing a schema module would bring zod into the page up front.
 */

/** 代金券 (voucher) or 现金券 (cash coupon). */
export const COUPON_KINDS = ['voucher', 'cash'] as const;

/** Where an issued coupon stands. */
export const COUPON_STATUSES = ['inactive', 'usable', 'used', 'expired', 'reclaimed'] as const;

/** Operation types 1–9 of ListPartnerCouponsRecord. */
export const COUPON_OPERATIONS = [
  'issue',
  'reclaim',
  'reclaim-on-unbind',
  'reclaim-on-expiry',
  'reclaim-on-unsubscribe',
  'refund-reversal',
  'reclaim-on-association',
  'reclaim-on-mode-switch',
  'reseller-transfer',
] as const;

/** Longest remark the kit accepts; the API does not publish its own limit for `memo`. */
export const REMARK_MAX_LENGTH = 200;
