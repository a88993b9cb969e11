import { minorToDecimal } from '../../../src/model/decimal.js';
import { COUPON_STATUS_CODE, COUPON_TYPE_CODE, OPERATIONS, QUOTA_STATUS_CODE } from '../../../src/api/http/wire.js';
import type { CouponKind, CouponStatus, QuotaStatus } from '../../../src/model/schemas/coupons.js';
import { instant } from '../time.js';

/** Rows as the wire writes them: snake_case, yuan as exact JSON numbers, UTC instants. */

/** Minor units as a JSON number of yuan: 10050 → 100.5 (read back exactly through its shortest text). */
export const yuan = (minor: number): number => Number(minorToDecimal(minor));

const optional = <V>(key: string, value: V | null | undefined) => (value === null || value === undefined ? {} : { [key]: value });

export interface QuotaRow {
  quota_id: string; kind: CouponKind; status: QuotaStatus; total: number; balance: number; currency: string;
  effective_from: number; expires_at: number; min_face_value: number | null; max_face_value: number | null;
  restrictions: { key: string; values: string[] }[];
}
export const quotaWire = (q: QuotaRow) => ({
  quota_id: q.quota_id,
  quota_type: q.kind === 'cash' ? 1 : 0,
  quota_status: QUOTA_STATUS_CODE[q.status],
  quota_value: yuan(q.total),
  balance: yuan(q.balance),
  currency: q.currency,
  effective_time: instant(q.effective_from),
  expire_time: instant(q.expires_at),
  ...optional('min_face_value', q.min_face_value === null ? null : yuan(q.min_face_value)),
  ...optional('max_face_value', q.max_face_value === null ? null : yuan(q.max_face_value)),
  limit_infos: q.restrictions.map((r) => ({ limit_key: r.key, limit_values: r.values })),
});

export interface CustomerRow {
  customer_id: string; account_name: string; name: string; mobile: string | null; email: string | null;
  association_type: 'resale' | 'referral'; associated_at: number | null; frozen: boolean;
}
export const customerWire = (c: CustomerRow) => {
  const [country, number] = c.mobile?.includes('-') ? c.mobile.split('-', 2) : [undefined, c.mobile];
  return {
    customer_id: c.customer_id,
    account_name: c.account_name,
    customer: c.name,
    ...optional('country_code', country),
    ...optional('telephone', number),
    ...optional('email', c.email),
    association_type: c.association_type === 'referral' ? '1' : '2',
    ...optional('associated_on', c.associated_at === null ? null : instant(c.associated_at)),
    is_frozen: c.frozen ? 1 : 0,
  };
};

export interface CouponRow {
  coupon_id: string; kind: CouponKind; customer_id: string; customer_name: string | null; face_value: number; balance: number;
  currency: string; status: CouponStatus; effective_from: number; expires_at: number; issued_at: number;
}
export const couponWire = (c: CouponRow) => ({
  coupon_id: c.coupon_id,
  status: COUPON_STATUS_CODE[c.status],
  customer_id: c.customer_id,
  ...optional('customer_name', c.customer_name),
  coupon_type: COUPON_TYPE_CODE[c.kind],
  face_value: yuan(c.face_value),
  balance: yuan(c.balance),
  currency: c.currency,
  effective_time: instant(c.effective_from),
  expire_time: instant(c.expires_at),
  create_time: instant(c.issued_at),
});

export interface RecordRow {
  record_id: string; operation: (typeof OPERATIONS)[number]; quota_id: string; kind: CouponKind; coupon_id: string | null;
  customer_id: string; customer_name: string | null; amount: number; operated_at: number; succeeded: boolean; remark: string | null;
}
export const recordWire = (r: RecordRow) => ({
  id: r.record_id,
  operation_type: OPERATIONS.indexOf(r.operation) + 1,
  quota_id: r.quota_id,
  quota_type: r.kind === 'cash' ? 1 : 0,
  ...optional('coupon_id', r.coupon_id),
  customer_id: r.customer_id,
  ...optional('customer_name', r.customer_name),
  operation_amount: yuan(r.amount),
  operation_time: instant(r.operated_at),
  result: r.succeeded ? '0' : 'CBC.0999',
  ...optional('remark', r.remark),
});

const ACCOUNT_TYPE_CODE = { cash: 1, credit: 2, reward: 5, deposit: 7, allocatable: 8 } as const;
export interface BalanceRow {
  account_id: string; type: keyof typeof ACCOUNT_TYPE_CODE; amount: number; credit_limit: number | null; designated_amount: number | null; currency: string;
}
export const balanceWire = (b: BalanceRow) => ({
  account_id: b.account_id,
  account_type: ACCOUNT_TYPE_CODE[b.type],
  amount: yuan(b.amount),
  ...optional('credit_amount', b.credit_limit === null ? null : yuan(b.credit_limit)),
  ...optional('designated_amount', b.designated_amount === null ? null : yuan(b.designated_amount)),
  currency: b.currency,
});

export interface BranchRow { branch_code: string; branch_name: string; bank_code: string; city: string | null }
export const branchWire = (b: BranchRow) => ({ branch_code: b.branch_code, branch_name: b.branch_name, bank_code: b.bank_code, ...optional('city', b.city) });

export interface AccountRow {
  account_id: string; type: 'bank' | 'alipay' | 'wechat'; holder_name: string; bank_code: string | null; bank_name: string | null;
  masked_number: string; branch_code: string | null; branch_name: string | null; branch_bank_code: string | null; branch_city: string | null;
}
export const accountWire = (a: AccountRow) => ({
  account_id: a.account_id,
  account_type: a.type,
  holder_name: a.holder_name,
  ...optional('bank_code', a.bank_code),
  ...optional('bank_name', a.bank_name),
  masked_number: a.masked_number,
  branch:
    a.branch_code === null
      ? null
      : branchWire({ branch_code: a.branch_code, branch_name: a.branch_name ?? '', bank_code: a.branch_bank_code ?? '', city: a.branch_city }),
});
/** Selects an account with its branch joined in, as {@link AccountRow}. */
export const ACCOUNT_SELECT = `SELECT a.account_id, a.type, a.holder_name, a.bank_code, a.bank_name, a.masked_number, a.branch_code,
  b.branch_name, b.bank_code AS branch_bank_code, b.city AS branch_city
  FROM payout_accounts a LEFT JOIN branches b ON b.branch_code = a.branch_code`;

export interface FlowRow { flow_id: string; received_at: number; channel: string; original_amount: number; withdrawable_amount: number; account_id: string }
export const flowWire = (f: FlowRow) => ({
  flow_id: f.flow_id,
  received_at: instant(f.received_at),
  channel: f.channel,
  original_amount: yuan(f.original_amount),
  withdrawable_amount: yuan(f.withdrawable_amount),
  account_id: f.account_id,
});

export interface InvitationRow {
  invitation_id: string; name: string; mobile: string; email: string; status: string; failure: string | null;
  invited_at: number; link_expires_at: number; operator: string;
}
/** Personal fields leave masked; the full value only through an audited reveal. */
export const invitationWire = (i: InvitationRow) => ({
  invitation_id: i.invitation_id,
  masked_name: `${Array.from(i.name)[0] ?? ''}**`,
  masked_mobile: `${i.mobile.slice(0, 8)}****${i.mobile.slice(-4)}`,
  masked_email: `${i.email[0] ?? ''}***${i.email.slice(i.email.indexOf('@'))}`,
  status: i.status,
  ...optional('failure_reason', i.failure),
  invited_at: instant(i.invited_at),
  link_expires_at: instant(i.link_expires_at),
  operator: i.operator,
});

export interface LinkRow {
  link_id: string; slot: string; kind: 'generic' | 'custom'; label: string | null; url: string; created_at: number; expires_at: number; revoked_at: number | null;
}
export const linkWire = (l: LinkRow) => ({
  link_id: l.link_id,
  kind: l.kind,
  ...optional('label', l.label),
  url: l.url,
  created_at: instant(l.created_at),
  expires_at: instant(l.expires_at),
});

export interface OrderRow {
  order_id: string; customer_id: string; masked_customer: string; product: string; amount: number; currency: string;
  service_start_at: number; payment_deadline: number; marketplace_goods: boolean; online_channels: string[]; estimated_rebate: number;
}
export const orderWire = (o: OrderRow) => ({
  order_id: o.order_id,
  customer_id: o.customer_id,
  masked_customer: o.masked_customer,
  product: o.product,
  amount: yuan(o.amount),
  currency: o.currency,
  service_start_time: instant(o.service_start_at),
  payment_deadline: instant(o.payment_deadline),
  marketplace_goods: o.marketplace_goods,
  online_channels: o.online_channels,
  estimated_rebate: yuan(o.estimated_rebate),
});

/** Where the payer of an online payment goes: a checkout page (orders) or a code to scan (top-ups). */
export interface PaymentActionRow { payment_id: string; purpose: 'top-up' | 'order'; expires_at: number }
export const paymentActionWire = (p: PaymentActionRow) =>
  p.purpose === 'order'
    ? { kind: 'redirect', payment_id: p.payment_id, url: `https://pay.example.com/checkout/${p.payment_id}` }
    : { kind: 'qr', payment_id: p.payment_id, payload: `https://pay.example.com/q/${p.payment_id}`, expires_at: instant(p.expires_at) };
