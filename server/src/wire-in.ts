import * as z from 'zod/mini';
import { apiAmountToMinor } from '../../src/model/decimal.js';
import { OPERATIONS, COUPON_STATUS_CODE, COUPON_TYPE_CODE, QUOTA_STATUS_CODE } from '../../src/api/http/wire.js';

/**
 * The requests as they arrive on the wire (snake_case, yuan, query strings), each mapped onto the
 * kit's domain request. The mapped value is then checked against the domain schema in
 * `src/model/schemas`, the same one the adapters check before sending, so the server accepts
 * exactly what a conforming adapter may send.
 */

/** An amount in yuan (a JSON number or decimal string, at most two decimals) as minor units. */
export const Yuan = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const minor = apiAmountToMinor(value);
    if (minor === undefined) ctx.issues.push({ code: 'custom', message: 'an amount in yuan with at most two decimals', input: value });
    return minor ?? -1;
  }),
);

export const QueryInt = z.pipe(z.string().check(z.regex(/^\d{1,9}$/)), z.transform(Number));
const QueryList = z.array(z.string());
const invert = <K extends string>(codes: Record<K, number>): Record<number, K> =>
  Object.fromEntries(Object.entries(codes).map(([key, code]) => [code, key])) as Record<number, K>;
const QUOTA_STATUS = invert(QUOTA_STATUS_CODE);
const COUPON_STATUS = invert(COUPON_STATUS_CODE);
const COUPON_TYPE = invert(COUPON_TYPE_CODE);
export const present = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export const ListQuotasBody = z.pipe(
  z.object({
    quota_type: z.union([z.literal(0), z.literal(1)]),
    quota_status_list: z.optional(z.array(z.int())),
    offset: z.int(),
    limit: z.int(),
  }),
  z.transform((w) => ({
    kind: w.quota_type === 1 ? 'cash' : 'voucher',
    ...present('statuses', w.quota_status_list?.map((code) => QUOTA_STATUS[code] ?? `unknown:${code}`)),
    offset: w.offset,
    limit: w.limit,
  })),
);

/** ListSubCustomers: the customer list's filters, of which the coupon pages' search sends the first two. */
export const SubCustomersQueryBody = z.pipe(
  z.object({
    customer: z.optional(z.string()),
    account_name: z.optional(z.string()),
    association_type: z.optional(z.string()),
    associated_on_begin: z.optional(z.string()),
    associated_on_end: z.optional(z.string()),
    label: z.optional(z.string()),
    customer_id: z.optional(z.string()),
    offset: z.int(),
    limit: z.int(),
  }),
  z.transform((w) => ({
    ...present('customerName', w.customer),
    ...present('accountName', w.account_name),
    ...present('associationType', w.association_type === undefined ? undefined : w.association_type === '1' ? 'referral' : w.association_type === '2' ? 'resale' : `unknown:${w.association_type}`),
    ...present('associatedFrom', w.associated_on_begin),
    ...present('associatedTo', w.associated_on_end),
    ...present('label', w.label),
    ...present('customerId', w.customer_id),
    offset: w.offset,
    limit: w.limit,
  })),
);

export const IssueCouponsBody = z.pipe(
  z.object({
    quota_id: z.string(),
    customer_ids: z.array(z.string()),
    face_value: Yuan,
    valid_time: z.optional(z.string()),
    expire_time: z.optional(z.string()),
    cloud_service_types: z.optional(z.array(z.string())),
    product_ids: z.optional(z.array(z.string())),
    memo: z.optional(z.string()),
  }),
  z.transform((w) => ({
    quotaId: w.quota_id,
    customerIds: w.customer_ids,
    faceValue: w.face_value,
    ...present('validFrom', w.valid_time),
    ...present('validUntil', w.expire_time),
    ...present('cloudServiceTypes', w.cloud_service_types),
    ...present('productIds', w.product_ids),
    ...present('remark', w.memo),
  })),
);

export const ReclaimCouponBody = z.pipe(z.object({ coupon_id: z.string() }), z.transform((w) => ({ couponId: w.coupon_id })));

export const ListIssuedCouponsQuery = z.pipe(
  z.object({
    coupon_type: z.optional(QueryInt),
    status: z.optional(QueryInt),
    customer_id: z.optional(z.string()),
    offset: QueryInt,
    limit: QueryInt,
  }),
  z.transform((w) => ({
    ...present('kind', w.coupon_type === undefined ? undefined : (COUPON_TYPE[w.coupon_type] ?? `unknown:${w.coupon_type}`)),
    ...present('status', w.status === undefined ? undefined : (COUPON_STATUS[w.status] ?? `unknown:${w.status}`)),
    ...present('customerId', w.customer_id),
    offset: w.offset,
    limit: w.limit,
  })),
);

export const ListCouponRecordsQuery = z.pipe(
  z.object({
    operation_types: z.optional(z.array(QueryInt)),
    quota_id: z.optional(z.string()),
    quota_type: z.optional(QueryInt),
    coupon_ids: z.optional(QueryList),
    customer_id: z.optional(z.string()),
    operation_time_begin: z.optional(z.string()),
    operation_time_end: z.optional(z.string()),
    offset: QueryInt,
    limit: QueryInt,
  }),
  z.transform((w) => ({
    ...present('operations', w.operation_types?.map((n) => OPERATIONS[n - 1] ?? `unknown:${n}`)),
    ...present('quotaId', w.quota_id),
    ...present('kind', w.quota_type === undefined ? undefined : w.quota_type === 1 ? 'cash' : 'voucher'),
    ...present('couponIds', w.coupon_ids),
    ...present('customerId', w.customer_id),
    ...present('from', w.operation_time_begin),
    ...present('to', w.operation_time_end),
    offset: w.offset,
    limit: w.limit,
  })),
);

export const SearchBranchesQuery = z.pipe(
  z.object({ keyword: z.optional(z.string()), offset: QueryInt, limit: QueryInt }),
  z.transform((w) => ({ ...present('query', w.keyword), offset: w.offset, limit: w.limit })),
);

export const SaveBranchBody = z.object({ branch_code: z.string() });

export const WithdrawBody = z.pipe(
  z.object({
    route: z.enum(['original', 'bank-card']),
    amount: Yuan,
    flow_ids: z.optional(z.array(z.string())),
    account_id: z.optional(z.string()),
  }),
  z.transform((w) =>
    w.route === 'original'
      ? { route: w.route, amount: w.amount, ...present('flowIds', w.flow_ids) }
      : { route: w.route, amount: w.amount, accountId: w.account_id },
  ),
);

export const ListInvitationsQuery = z.pipe(
  z.object({
    offset: QueryInt,
    limit: QueryInt,
    status: z.optional(z.string()),
    keyword: z.optional(z.string()),
    sort_by: z.optional(z.string()),
    sort_dir: z.optional(z.string()),
  }),
  z.transform((w) => ({
    offset: w.offset,
    limit: w.limit,
    ...present('status', w.status),
    ...present('query', w.keyword),
    ...present('sortBy', w.sort_by),
    ...present('sortDirection', w.sort_dir),
  })),
);

/** CheckUserIdentity. */
export const CheckIdentityBody = z.pipe(
  z.object({ search_type: z.string(), search_value: z.string() }),
  z.transform((w) => ({ kind: w.search_type, value: w.search_value })),
);

/** The API takes a Chinese mobile without its country code (`13XXXXXXXXX`); the kit's rules read `0086-number`. */
const chinaMobile = (number: string) => `0086-${number}`;

/** SendVerificationMessageCode, scene 29 (registration), by SMS. */
export const RegistrationCodeBody = z.pipe(
  z.object({ receiver_type: z.literal(1), mobile_phone: z.string(), lang: z.optional(z.string()), scene: z.optional(z.literal(29)) }),
  z.transform((w) => ({ mobile: chinaMobile(w.mobile_phone), lang: w.lang ?? 'zh-cn' })),
);

/**
 * CreateSubCustomer. The API carries no acceptance of the user agreement: the page showed it and
 * the user accepted it before the call could be made.
 */
export const CreateCustomerBody = z.pipe(
  z.object({
    xaccount_id: z.string(),
    domain_name: z.string(),
    display_name: z.optional(z.string()),
    mobile_phone: z.optional(z.string()),
    verification_code: z.optional(z.string()),
    email: z.optional(z.string()),
    password: z.optional(z.string()),
    include_association_result: z.optional(z.boolean()),
  }),
  z.transform((w) => ({
    accountName: w.domain_name,
    ...present('displayName', w.display_name),
    ...present('mobile', w.mobile_phone === undefined ? undefined : chinaMobile(w.mobile_phone)),
    ...present('verificationCode', w.verification_code),
    ...present('email', w.email),
    ...present('password', w.password),
    agreementAccepted: true,
  })),
);

export const ListUnbindRequestsQuery = z.pipe(
  z.object({ offset: QueryInt, limit: QueryInt, status: z.optional(z.string()) }),
  z.transform((w) => ({ offset: w.offset, limit: w.limit, ...present('status', w.status) })),
);

export const RejectUnbindBody = z.object({ reason: z.string() });

export const LookupIntentQuery = z.object({ operation: z.string() });

export const LookupAccountsQuery = z.object({ mobile: z.string() });

export const ReportCustomerBody = z.pipe(
  z.object({ name: z.string(), mobile: z.string(), email: z.optional(z.string()), account_id: z.string(), send_invitation: z.boolean() }),
  z.transform((w) => ({ name: w.name, mobile: w.mobile, ...present('email', w.email), accountId: w.account_id, sendInvitation: w.send_invitation })),
);

export const PreviewEmailBody = z.pipe(
  z.object({ locale: z.string(), customer_name: z.optional(z.string()) }),
  z.transform((w) => ({ locale: w.locale, ...present('customerName', w.customer_name) })),
);

export const OpenLinkBody = z.pipe(
  z.object({ kind: z.string(), label: z.optional(z.string()) }),
  z.transform((w) => ({ kind: w.kind, ...present('label', w.label) })),
);

/** `{"method": "balance"}` or `{"method": "online", "channel": "alipay"}`; the order is the path's. */
export const PayOrderBody = z.pipe(
  z.discriminatedUnion('method', [z.object({ method: z.literal('balance') }), z.object({ method: z.literal('online'), channel: z.string() })]),
  z.transform((w) => ({ method: w.method === 'balance' ? { type: w.method } : { type: w.method, channel: w.channel } })),
);

export const RejectOrderBody = z.object({ reason: z.string() });

export const TopUpBody = z.object({ amount: Yuan });
