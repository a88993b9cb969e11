import * as z from 'zod/mini';
import { checkAccountName, checkDisplayName, checkEmail, checkMobile, checkRegistrationCode } from '../rules/customer-accounts.js';
import { CouponKind } from './coupons.js';
import { CurrencyCode, Id, Instant, MinorUnits, PageRequest, pageOf } from './common.js';
import { AssociationType } from './customers.js';
import { UNBIND_REQUEST_STATUSES } from '../values/customers.js';

const passes = (check: (text: string) => { ok: boolean }) => z.refine<string>((text) => check(text).ok);
const AccountName = z.string().check(passes(checkAccountName));
const Mobile = z.string().check(passes(checkMobile));
const Email = z.string().check(passes(checkEmail));

/** What the availability check (CheckUserIdentity) looks at. */
export const IdentityKind = z.enum(['name', 'mobile', 'email']);
export type IdentityKind = z.infer<typeof IdentityKind>;

/** Is this account name, mobile or e-mail still free to register? The API allows 5 such checks a second. */
export const CheckIdentityRequest = z.object({ kind: IdentityKind, value: z.string().check(z.minLength(1), z.maxLength(64)) });
export type CheckIdentityRequest = z.infer<typeof CheckIdentityRequest>;

/** `available`, or why not: in use, the mobile's registrations at their cap, or reported by the platform. */
export const IdentityAvailability = z.enum(['available', 'taken', 'registration-cap', 'reported']);
export type IdentityAvailability = z.infer<typeof IdentityAvailability>;

export const CheckIdentityResult = z.object({ kind: IdentityKind, availability: IdentityAvailability });
export type CheckIdentityResult = z.infer<typeof CheckIdentityResult>;

/** Texts the registration code (SendVerificationMessageCode, scene 29) to the customer's mobile. */
export const SendRegistrationCodeRequest = z.object({ mobile: Mobile, lang: z.enum(['zh-cn', 'en-us']) });
export type SendRegistrationCodeRequest = z.infer<typeof SendRegistrationCodeRequest>;

export const SendRegistrationCodeResult = z.object({ resendAfterSeconds: z.int().check(z.gte(0)), expiresInSeconds: z.int().check(z.gte(1)) });
export type SendRegistrationCodeResult = z.infer<typeof SendRegistrationCodeResult>;

/**
 * Creates a customer account on the customer's behalf (CreateSubCustomer). `agreementAccepted` is
 * the platform's user agreement and privacy statement, which the page must show and the user accept.
 */
export const CreateCustomerRequest = z
  .object({
    accountName: AccountName,
    displayName: z.optional(z.string().check(passes(checkDisplayName))),
    mobile: z.optional(Mobile),
    verificationCode: z.optional(z.string().check(passes(checkRegistrationCode))),
    email: z.optional(Email),
    password: z.optional(z.string().check(z.minLength(8), z.maxLength(32))),
    agreementAccepted: z.literal(true),
  })
  .check(z.refine((r) => r.mobile === undefined || r.verificationCode !== undefined, { message: 'code', path: ['verificationCode'] }));
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequest>;

/** The account exists; its association with the partner finishes later (`pending`) unless it already did. */
export const CreateCustomerResult = z.object({ customerId: Id, accountName: z.string(), association: z.enum(['pending', 'done']) });
export type CreateCustomerResult = z.infer<typeof CreateCustomerResult>;

export const CustomerType = z.enum(['none', 'individual', 'enterprise']);
export type CustomerType = z.infer<typeof CustomerType>;

/** Real-name status: `off` where the partner center does not check it. */
export const VerifiedStatus = z.enum(['off', 'unverified', 'reviewing', 'rejected', 'verified', 'failed']);
export type VerifiedStatus = z.infer<typeof VerifiedStatus>;

/** A sub-customer as the list shows it: personal values masked, revealed one by one (and audited). */
export const SubCustomer = z.object({
  id: Id,
  accountName: z.string(),
  maskedName: z.string(),
  /** Absent: the customer was created without a mobile and has not bound one yet. */
  maskedMobile: z.optional(z.string()),
  associationType: AssociationType,
  associatedAt: z.optional(Instant),
  label: z.optional(z.string()),
  customerType: CustomerType,
  verifiedStatus: VerifiedStatus,
  frozen: z.boolean(),
});
export type SubCustomer = z.infer<typeof SubCustomer>;
export const SubCustomerPage = pageOf(SubCustomer);

/** ListSubCustomers: every filter optional; text filters match anywhere. */
export const ListSubCustomersRequest = z.extend(PageRequest, {
  accountName: z.optional(z.string().check(z.maxLength(64))),
  customerName: z.optional(z.string().check(z.maxLength(64))),
  associationType: z.optional(AssociationType),
  associatedFrom: z.optional(Instant),
  associatedTo: z.optional(Instant),
  label: z.optional(z.string().check(z.maxLength(64))),
  customerId: z.optional(Id),
});
export type ListSubCustomersRequest = z.infer<typeof ListSubCustomersRequest>;

export const UnbindCustomerRequest = z.object({ customerId: Id });
export type UnbindCustomerRequest = z.infer<typeof UnbindCustomerRequest>;

/** A coupon that unbinding reclaims automatically (operation "reclaim-on-unbind"), with what is left on it. */
export const UnbindCoupon = z.object({ couponId: Id, kind: CouponKind, balance: MinorUnits, currency: CurrencyCode });
export type UnbindCoupon = z.infer<typeof UnbindCoupon>;

/** What unbinding a customer would change, before it is done. */
export const UnbindPreview = z.object({ customerId: Id, coupons: z.array(UnbindCoupon) });
export type UnbindPreview = z.infer<typeof UnbindPreview>;

/** The customer is no longer the partner's; `reclaimed` are the coupons taken back with it. */
export const UnbindCustomerResult = z.object({
  customerId: Id,
  unboundAt: Instant,
  reclaimed: z.array(z.object({ couponId: Id, reclaimedAmount: MinorUnits, currency: CurrencyCode })),
});
export type UnbindCustomerResult = z.infer<typeof UnbindCustomerResult>;

/** Where a customer's unbind request stands; `withdrawn`: the customer took it back before it was handled. */
export const UnbindRequestStatus = z.enum(UNBIND_REQUEST_STATUSES);
export type UnbindRequestStatus = z.infer<typeof UnbindRequestStatus>;

/** Why the partner turns an unbind request down: what the customer is told. */
const DecisionReason = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** A customer's request to end its association, raised with an SMS code on the customer's side. */
export const UnbindRequest = z.object({
  id: Id,
  customerId: Id,
  accountName: z.string(),
  /** The customer's name, masked; revealed (and audited) through the customer's `name` field. */
  maskedName: z.string(),
  requestedAt: Instant,
  /** The customer's own words. */
  reason: z.string(),
  status: UnbindRequestStatus,
  /** When the partner approved or rejected it, or the customer withdrew it. */
  handledAt: z.optional(Instant),
  /** The partner's reason, for a rejected request. */
  rejectReason: z.optional(z.string()),
});
export type UnbindRequest = z.infer<typeof UnbindRequest>;
export const UnbindRequestPage = pageOf(UnbindRequest);

/** ListUnbindRequests: newest first, optionally one status. */
export const ListUnbindRequestsRequest = z.extend(PageRequest, { status: z.optional(UnbindRequestStatus) });
export type ListUnbindRequestsRequest = z.infer<typeof ListUnbindRequestsRequest>;

export const ApproveUnbindRequest = z.object({ requestId: Id });
export type ApproveUnbindRequest = z.infer<typeof ApproveUnbindRequest>;

/** The request is approved and the customer unbound; `reclaimed` are the coupons taken back with it. */
export const ApproveUnbindResult = z.object({ requestId: Id, customerId: Id, approvedAt: Instant, reclaimed: UnbindCustomerResult.shape.reclaimed });
export type ApproveUnbindResult = z.infer<typeof ApproveUnbindResult>;

export const RejectUnbindRequest = z.object({ requestId: Id, reason: DecisionReason });
export type RejectUnbindRequest = z.infer<typeof RejectUnbindRequest>;

/** The request is rejected: the customer stays associated and is told `reason`. */
export const RejectUnbindResult = z.object({ requestId: Id, rejectedAt: Instant, reason: z.string() });
export type RejectUnbindResult = z.infer<typeof RejectUnbindResult>;
