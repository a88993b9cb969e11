import * as z from 'zod/mini';
import type * as s from '../../../model/schemas/index.js';
import { Count, IntLike, OptStr, Str, Yuan, page, present, rows } from './common.js';

/** Customer accounts on the wire: identity checks, registration codes, creation, the list, unbinding and unbind requests. */

/** CheckUserIdentity's answer; values past `available` are the kit contract's reasons. */
export const IdentityCheckWire = z.object({ check_result: z.enum(['available', 'taken', 'registration-cap', 'reported']) });

/** SendVerificationMessageCode answers 204; a kit backend may say when the code can be resent and expires. */
export const RegistrationCodeWire = z.pipe(
  z.object({ resend_after_seconds: z.optional(Count), expires_in_seconds: z.optional(Count) }),
  z.transform((w) => ({ resendAfterSeconds: w.resend_after_seconds ?? 60, expiresInSeconds: w.expires_in_seconds ?? 600 })),
);

/** CreateSubCustomer: the account; association is asynchronous unless the answer says it finished. */
export const CreatedCustomerWire = z.pipe(
  z.object({ domain_id: Str, domain_name: Str, association_result: OptStr }),
  z.transform((w) => ({ customerId: w.domain_id, accountName: w.domain_name, association: w.association_result === 'done' ? 'done' : 'pending' })),
);

const CUSTOMER_TYPES: Readonly<Record<string, s.CustomerType>> = { '-1': 'none', '0': 'individual', '1': 'enterprise' };
const VERIFIED: Readonly<Record<string, s.VerifiedStatus>> = { '-1': 'unverified', '0': 'reviewing', '1': 'rejected', '2': 'verified', '3': 'failed' };

/**
 * ListSubCustomers. The API returns the real-name name and the mobile in full; only a masked copy
 * leaves the adapter, and the full value is fetched again, audited, when the user reveals it.
 */
const SubCustomerRow = z.object({
  customer_id: Str,
  account_name: Str,
  customer: OptStr,
  telephone: OptStr,
  country_code: OptStr,
  association_type: OptStr,
  associated_on: OptStr,
  label: OptStr,
  customer_type: z.optional(z.nullable(IntLike)),
  verified_status: z.optional(z.nullable(IntLike)),
  is_frozen: z.optional(z.nullable(IntLike)),
});

function toSubCustomer(c: z.output<typeof SubCustomerRow>): s.SubCustomer {
  const mobile = c.telephone ? `${c.country_code ?? '0086'}-${c.telephone}` : undefined;
  return {
    id: c.customer_id,
    accountName: c.account_name,
    maskedName: `${Array.from(c.customer ?? c.account_name)[0] ?? ''}**`,
    ...present('maskedMobile', mobile ? `${mobile.slice(0, 8)}****${mobile.slice(-4)}` : undefined),
    associationType: c.association_type === '1' ? 'referral' : 'resale',
    ...present('associatedAt', c.associated_on),
    ...present('label', c.label),
    customerType: CUSTOMER_TYPES[String(c.customer_type ?? -1)] ?? 'none',
    verifiedStatus: c.verified_status == null ? 'off' : (VERIFIED[String(c.verified_status)] ?? 'off'),
    frozen: c.is_frozen === 1,
  };
}

/**
 * ListSubCustomers. The API returns the real-name name and the mobile in full; only a masked copy
 * leaves the adapter, and the full value is fetched again, audited, when the user reveals it.
 */
export const SubCustomerPageWire = z.pipe(
  z.object({ count: Count, customer_infos: rows(SubCustomerRow, toSubCustomer) }),
  z.transform((w) => page(w.count, w.customer_infos)),
);

/** `GET /kit/v1/sub-customers/{id}/unbind-preview`: the coupons unbinding reclaims. */
export const UnbindPreviewWire = z.pipe(
  z.object({ customer_id: Str, coupons: z.array(z.object({ coupon_id: Str, coupon_type: IntLike, balance: Yuan, currency: OptStr })) }),
  z.transform((w) => ({
    customerId: w.customer_id,
    coupons: w.coupons.map((c) => ({ couponId: c.coupon_id, kind: c.coupon_type === 4 ? ('cash' as const) : ('voucher' as const), balance: c.balance, currency: c.currency ?? 'CNY' })),
  })),
);

/** `POST /kit/v1/sub-customers/{id}/unbind`: when, and the coupons reclaimed with it. */
export const UnbindResultWire = z.pipe(
  z.object({ customer_id: Str, unbound_at: Str, reclaimed: z.array(z.object({ coupon_id: Str, reclaimed_amount: Yuan, currency: OptStr })) }),
  z.transform((w) => ({
    customerId: w.customer_id,
    unboundAt: w.unbound_at,
    reclaimed: w.reclaimed.map((r) => ({ couponId: r.coupon_id, reclaimedAmount: r.reclaimed_amount, currency: r.currency ?? 'CNY' })),
  })),
);

const UNBIND_REQUEST_STATUSES: readonly string[] = ['pending', 'approved', 'rejected', 'withdrawn'];

/** A customer's unbind request; as with the customer list, only a masked copy of the name leaves the adapter. */
const UnbindRequestRow = z.object({
  request_id: Str,
  customer_id: Str,
  account_name: Str,
  customer_name: OptStr,
  requested_at: Str,
  reason: OptStr,
  status: Str,
  handled_at: OptStr,
  reject_reason: OptStr,
});

function toUnbindRequest(r: z.output<typeof UnbindRequestRow>): s.UnbindRequest | undefined {
  if (!UNBIND_REQUEST_STATUSES.includes(r.status)) return undefined;
  return {
    id: r.request_id,
    customerId: r.customer_id,
    accountName: r.account_name,
    maskedName: `${Array.from(r.customer_name ?? r.account_name)[0] ?? ''}**`,
    requestedAt: r.requested_at,
    reason: r.reason ?? '',
    status: r.status as s.UnbindRequestStatus,
    ...present('handledAt', r.handled_at),
    ...present('rejectReason', r.reject_reason),
  };
}

/** `GET /kit/v1/unbind-requests`: a page of requests, newest first. */
export const UnbindRequestPageWire = z.pipe(
  z.object({ total_count: Count, unbind_requests: rows(UnbindRequestRow, toUnbindRequest) }),
  z.transform((w) => page(w.total_count, w.unbind_requests)),
);

/** `POST /kit/v1/unbind-requests/{id}/approve`: the customer unbound, and the coupons reclaimed with it. */
export const ApproveUnbindWire = z.pipe(
  z.object({ request_id: Str, customer_id: Str, approved_at: Str, reclaimed: z.array(z.object({ coupon_id: Str, reclaimed_amount: Yuan, currency: OptStr })) }),
  z.transform((w) => ({
    requestId: w.request_id,
    customerId: w.customer_id,
    approvedAt: w.approved_at,
    reclaimed: w.reclaimed.map((r) => ({ couponId: r.coupon_id, reclaimedAmount: r.reclaimed_amount, currency: r.currency ?? 'CNY' })),
  })),
);

/** `POST /kit/v1/unbind-requests/{id}/reject`. */
export const RejectUnbindWire = z.pipe(
  z.object({ request_id: Str, rejected_at: Str, reason: Str }),
  z.transform((w) => ({ requestId: w.request_id, rejectedAt: w.rejected_at, reason: w.reason })),
);
