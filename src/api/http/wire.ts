import * as z from 'zod/mini';
import { apiAmountToMinor, minorToDecimal } from '../../model/decimal.js';
import type { Page } from '../../model/schemas/common.js';
import type * as s from '../../model/schemas/index.js';
import { CouponOperation } from '../../model/schemas/coupons.js';

/**
 * The wire format: snake_case fields and amounts in yuan as the partner API sends them, each
 * schema validating a response and mapping it onto the kit's domain types in one step.
 */

/** An amount in yuan (JSON number or decimal string) read exactly into minor units. */
export const Yuan = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const minor = apiAmountToMinor(value);
    if (minor === undefined) ctx.issues.push({ code: 'custom', message: 'amount', input: value });
    return minor ?? 0;
  }),
);

export const Str = z.string();
export const OptStr = z.optional(z.nullable(z.string()));
export const Count = z.int().check(z.gte(0));
const IntLike = z.pipe(z.union([z.int(), z.string().check(z.regex(/^-?\d+$/))]), z.transform(Number));

/**
 * A list read row by row: a row the kit cannot read (a negative balance, a status code it does not
 * know) is left out and counted in `skipped`, so one odd row never costs the user the whole list
 * and never shows as something it is not. `map` answers `undefined` for a row it cannot place.
 */
export function rows<I extends z.ZodMiniType, O>(item: I, map: (row: z.output<I>) => O | undefined) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((list) => {
      const items: O[] = [];
      for (const raw of list) {
        const parsed = item.safeParse(raw);
        const mapped = parsed.success ? map(parsed.data as z.output<I>) : undefined;
        if (mapped !== undefined) items.push(mapped);
      }
      return { items, skipped: list.length - items.length };
    }),
  );
}

/** A page whose rows were read by {@link rows}. */
export function page<T>(total: number, read: { items: T[]; skipped: number }): Page<T> {
  return { total, items: read.items, ...(read.skipped > 0 ? { skipped: read.skipped } : {}) };
}

export const present = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

// ── Coupons ──────────────────────────────────────────────────────────────────────────────────

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

// ── Customers and balances ───────────────────────────────────────────────────────────────────

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

const ACCOUNT_TYPE: Record<number, s.AccountBalance['type']> = { 1: 'cash', 2: 'credit', 5: 'reward', 7: 'deposit', 8: 'allocatable' };

const BalanceRow = z.object({
  account_id: Str,
  account_type: IntLike,
  amount: Yuan,
  credit_amount: z.optional(z.nullable(Yuan)),
  designated_amount: z.optional(z.nullable(Yuan)),
  currency: OptStr,
});

/** An account of a type the kit does not know is left out: never shown as cash. */
function toBalance(b: z.output<typeof BalanceRow>): s.AccountBalance | undefined {
  const type = ACCOUNT_TYPE[b.account_type];
  if (!type) return undefined;
  return {
    accountId: b.account_id,
    type,
    amount: b.amount,
    ...present('creditLimit', b.credit_amount),
    ...present('designatedAmount', b.designated_amount),
    currency: b.currency ?? 'CNY',
  };
}

export const BalancesWire = z.pipe(
  z.object({ account_balances: rows(BalanceRow, toBalance) }),
  z.transform((w): s.AccountBalance[] => w.account_balances.items),
);

// ── The kit's own contract: withdrawal, verification, invitations, reveal ──────────────────────

const BranchWire = z.object({ branch_code: Str, branch_name: Str, bank_code: Str, city: OptStr });
const toBranch = (b: z.infer<typeof BranchWire>): s.Branch => ({ code: b.branch_code, name: b.branch_name, bankCode: b.bank_code, ...present('city', b.city) });

const AccountWire = z.object({
  account_id: Str,
  account_type: z.enum(['bank', 'alipay', 'wechat']),
  holder_name: Str,
  bank_code: OptStr,
  bank_name: OptStr,
  masked_number: Str,
  branch: z.nullable(BranchWire),
});
const toAccount = (a: z.infer<typeof AccountWire>): s.PayoutAccount => ({
  id: a.account_id,
  type: a.account_type,
  holderName: a.holder_name,
  ...present('bankCode', a.bank_code),
  ...present('bankName', a.bank_name),
  maskedNumber: a.masked_number,
  branch: a.branch ? toBranch(a.branch) : null,
});
export const AccountWireSchema = z.pipe(AccountWire, z.transform(toAccount));

export const OverviewWire = z.pipe(
  z.object({
    currency: Str,
    withdrawable_amount: Yuan,
    original_route_amount: Yuan,
    bank_card_amount: Yuan,
    bank_card_available: z.boolean(),
    company_real_name: Str,
    flows: z.array(
      z.object({
        flow_id: Str,
        received_at: Str,
        channel: Str,
        original_amount: Yuan,
        withdrawable_amount: Yuan,
        account_id: Str,
      }),
    ),
    accounts: z.array(AccountWire),
  }),
  z.transform((w) => ({
    currency: w.currency,
    withdrawable: w.withdrawable_amount,
    originalRouteAmount: w.original_route_amount,
    bankCardAmount: w.bank_card_amount,
    bankCardAvailable: w.bank_card_available,
    companyRealName: w.company_real_name,
    flows: w.flows.map((f) => ({
      id: f.flow_id,
      receivedAt: f.received_at,
      channel: f.channel,
      originalAmount: f.original_amount,
      withdrawableAmount: f.withdrawable_amount,
      accountId: f.account_id,
    })),
    accounts: w.accounts.map(toAccount),
  })),
);

export const BanksWire = z.pipe(
  z.object({ banks: z.array(z.object({ bank_code: Str, bank_name: Str })) }),
  z.transform((w): s.Bank[] => w.banks.map((b) => ({ code: b.bank_code, name: b.bank_name }))),
);

export const BranchPageWire = z.pipe(
  z.object({ total_count: Count, branches: z.array(BranchWire) }),
  z.transform((w): Page<s.Branch> => ({ total: w.total_count, items: w.branches.map(toBranch) })),
);

export const WithdrawResultWire = z.pipe(
  z.object({
    reference_id: Str,
    amount: Yuan,
    currency: Str,
    flow_ids: z.array(Str),
    submitted_at: Str,
    arrival: z.object({ min_business_days: z.int(), max_business_days: z.int() }),
  }),
  z.transform((w) => ({
    referenceId: w.reference_id,
    amount: w.amount,
    currency: w.currency,
    flowIds: w.flow_ids,
    submittedAt: w.submitted_at,
    arrival: { minBusinessDays: w.arrival.min_business_days, maxBusinessDays: w.arrival.max_business_days },
  })),
);

export const PolicyWire = z.pipe(
  z.object({
    enabled: z.boolean(),
    guarded_purposes: z.array(Str),
    channels: z.array(z.object({ channel: Str, destination: Str })),
  }),
  z.transform((w) => ({ enabled: w.enabled, guardedPurposes: w.guarded_purposes, channels: w.channels })),
);

export const SendCodeWire = z.pipe(
  z.object({ channel: Str, destination: Str, resend_after_seconds: Count, expires_in_seconds: Count }),
  z.transform((w) => ({
    channel: w.channel,
    destination: w.destination,
    resendAfterSeconds: w.resend_after_seconds,
    expiresInSeconds: w.expires_in_seconds,
  })),
);

export const TicketWire = z.pipe(
  z.object({ ticket: Str, purpose: Str, expires_at: Str }),
  z.transform((w) => ({ ticket: w.ticket, purpose: w.purpose, expiresAt: w.expires_at })),
);

export const InvitationPageWire = z.pipe(
  z.object({
    total_count: Count,
    invitations: z.array(
      z.object({
        invitation_id: Str,
        masked_name: Str,
        masked_mobile: Str,
        masked_email: Str,
        status: Str,
        failure_reason: OptStr,
        invited_at: Str,
        link_expires_at: Str,
        operator: Str,
      }),
    ),
  }),
  z.transform((w) => ({
    total: w.total_count,
    items: w.invitations.map((i) => ({
      id: i.invitation_id,
      maskedName: i.masked_name,
      maskedMobile: i.masked_mobile,
      maskedEmail: i.masked_email,
      status: i.status,
      ...present('failure', i.failure_reason),
      invitedAt: i.invited_at,
      linkExpiresAt: i.link_expires_at,
      operator: i.operator,
    })),
  })),
);

export const ResendWire = z.pipe(
  z.object({ invitation_id: Str, sent_at: Str, link_expires_at: Str }),
  z.transform((w) => ({ invitationId: w.invitation_id, sentAt: w.sent_at, linkExpiresAt: w.link_expires_at })),
);

export const RevealWire = z.object({ value: Str });

/**
 * `GET /kit/v1/intents/{key}?operation=…`: what became of a keyed call. `result` is the body the
 * call itself answered, read with that operation's own wire schema.
 */
export const IntentLookupWire = z.object({
  status: z.enum(['done', 'refused', 'pending', 'not-done']),
  result: z.optional(z.unknown()),
  error: z.optional(z.object({ error_code: Str, error_msg: z.optional(Str) })),
});

/** A reclaim as the intent lookup records it: the coupon and what was taken back. */
export const ReclaimLookupWire = z.object({ coupon_id: Str, reclaimed_amount: Yuan });

/** Optional body of our reclaim extension; the real API answers 204 and the amount is read from the records. */
export const ReclaimBodyWire = z.object({ reclaimed_amount: z.optional(Yuan) });

/**
 * A request body as JSON, with amounts written as exact decimal numbers (`"face_value": 100.50`):
 * the API's BigDecimal fields are never passed through a float.
 */
export function jsonBody(body: Record<string, unknown>, amountKeys: readonly string[] = []): string {
  const marker = '\u0000yuan:';
  const text = JSON.stringify(body, (key, value: unknown) =>
    amountKeys.includes(key) && typeof value === 'number' ? marker + minorToDecimal(value) : value,
  );
  return text.replace(/"\\u0000yuan:(\d+\.\d+)"/g, '$1');
}

// ── Customer expansion: reports and invitation links ─────────────────────────────────────────

/** `GET /kit/v1/customer-accounts?mobile=…`: the accounts registered with a mobile. */
export const CustomerAccountsWire = z.pipe(
  z.object({ accounts: z.array(z.object({ account_id: Str, account_name: Str })) }),
  z.transform((w) => w.accounts.map((a) => ({ accountId: a.account_id, accountName: a.account_name }))),
);

/** `POST /kit/v1/customer-reports`: the invitations-list row a report made. */
export const ReportWire = z.pipe(
  z.object({ invitation_id: Str, status: Str, reported_at: Str, link_expires_at: OptStr }),
  z.transform((w) => ({ invitationId: w.invitation_id, status: w.status, reportedAt: w.reported_at, ...present('linkExpiresAt', w.link_expires_at) })),
);

/** `POST /kit/v1/invitation-email/preview`: the e-mail in plain text. */
export const EmailPreviewWire = z.pipe(
  z.object({ subject: Str, body: Str, link_valid_days: z.int() }),
  z.transform((w) => ({ subject: w.subject, body: w.body, linkValidDays: w.link_valid_days })),
);

/** An offline invitation link. */
export const InvitationLinkWire = z.pipe(
  z.object({ link_id: Str, kind: Str, label: OptStr, url: Str, created_at: Str, expires_at: Str }),
  z.transform((w) => ({ id: w.link_id, kind: w.kind, ...present('label', w.label), url: w.url, createdAt: w.created_at, expiresAt: w.expires_at })),
);

/** `POST /kit/v1/invitation-links/{id}/revoke`. */
export const RevokeLinkWire = z.pipe(
  z.object({ link_id: Str, revoked_at: Str }),
  z.transform((w) => ({ linkId: w.link_id, revokedAt: w.revoked_at })),
);

// ── Payments: orders paid on a customer's behalf, top-ups ────────────────────────────────────

/** A payment action as sent: where the payer goes next. */
const PaymentActionWire = z.pipe(
  z.object({ kind: Str, payment_id: Str, url: OptStr, payload: OptStr, expires_at: OptStr }),
  z.transform((w) => ({ kind: w.kind, paymentId: w.payment_id, ...present('url', w.url), ...present('payload', w.payload), ...present('expiresAt', w.expires_at) })),
);

/** `GET /kit/v1/order-payments`: the pending orders and both balances, amounts in yuan. */
export const OrderPaymentOverviewWire = z.pipe(
  z.object({
    currency: Str,
    account_balance: Yuan,
    allocatable_balance: Yuan,
    orders: z.array(
      z.object({
        order_id: Str,
        customer_id: Str,
        masked_customer: Str,
        product: Str,
        amount: Yuan,
        currency: Str,
        service_start_time: Str,
        payment_deadline: Str,
        marketplace_goods: z.boolean(),
        online_channels: z.array(Str),
        estimated_rebate: Yuan,
      }),
    ),
  }),
  z.transform((w) => ({
    currency: w.currency,
    accountBalance: w.account_balance,
    allocatableBalance: w.allocatable_balance,
    orders: w.orders.map((o) => ({
      id: o.order_id,
      customerId: o.customer_id,
      maskedCustomer: o.masked_customer,
      product: o.product,
      amount: o.amount,
      currency: o.currency,
      serviceStartAt: o.service_start_time,
      paymentDeadline: o.payment_deadline,
      marketplaceGoods: o.marketplace_goods,
      onlineChannels: o.online_channels,
      estimatedRebate: o.estimated_rebate,
    })),
  })),
);

/** `POST /kit/v1/order-payments/{id}/pay`: paid at once, or a payment action for the payer. */
export const PayOrderWire = z.pipe(
  z.object({ status: Str, order_id: Str, amount: z.optional(Yuan), currency: OptStr, paid_at: OptStr, action: z.optional(PaymentActionWire) }),
  z.transform((w) => ({
    status: w.status,
    orderId: w.order_id,
    ...present('amount', w.amount),
    ...present('currency', w.currency),
    ...present('paidAt', w.paid_at),
    ...present('action', w.action),
  })),
);

/** `POST /kit/v1/order-payments/{id}/reject`. */
export const RejectOrderWire = z.pipe(
  z.object({ order_id: Str, rejected_at: Str }),
  z.transform((w) => ({ orderId: w.order_id, rejectedAt: w.rejected_at })),
);

/** `POST /kit/v1/order-payments/{id}/notify-customer`. */
export const NotifyCustomerWire = z.pipe(
  z.object({ order_id: Str, notified_at: Str }),
  z.transform((w) => ({ orderId: w.order_id, notifiedAt: w.notified_at })),
);

/** `POST /kit/v1/top-ups`: the top-up and where the payer goes. */
export const TopUpWire = z.pipe(
  z.object({ top_up_id: Str, amount: Yuan, currency: Str, action: PaymentActionWire }),
  z.transform((w) => ({ topUpId: w.top_up_id, amount: w.amount, currency: w.currency, action: w.action })),
);

/** `GET /kit/v1/payments/{id}`: where an online payment stands; the balance once paid. */
export const PaymentStatusWire = z.pipe(
  z.object({ payment_id: Str, status: Str, balance: z.optional(Yuan), currency: OptStr }),
  z.transform((w) => ({ paymentId: w.payment_id, status: w.status, ...present('balance', w.balance), ...present('currency', w.currency) })),
);

// ── Customer accounts: create, list, unbind ──────────────────────────────────────────────────

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
