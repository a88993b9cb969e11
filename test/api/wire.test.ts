import { expect } from '@open-wc/testing';
import { failure } from '../support/failure.js';
import { createHttpAdapter, type HttpPartnerApi } from '../../src/api/http/index.js';
import { COUPON_STATUS_CODE, COUPON_TYPE_CODE, OPERATIONS, QUOTA_STATUS_CODE, jsonBody } from '../../src/api/http/wire.js';
import type { ApiOperation } from '../../src/api/adapter.js';
import { MAX_MINOR, decimalToMinor } from '../../src/model/decimal.js';
import type * as s from '../../src/model/schemas/index.js';

/** One request as it left the adapter. */
interface Sent {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: string | undefined;
  /** A multipart body (an upload). */
  form: FormData | undefined;
  headers: Headers;
}

/** An HTTP adapter whose `fetch` records each request and answers with the given wire bodies in turn. */
function wired(...answers: (unknown | string)[]) {
  const sent: Sent[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const query: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
    const body = init?.body;
    sent.push({
      method: init?.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query,
      body: typeof body === 'string' ? body : undefined,
      form: body instanceof FormData ? body : undefined,
      headers: new Headers(init?.headers),
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    return Promise.resolve(new Response(typeof answer === 'string' ? answer : JSON.stringify(answer), { status: 200 }));
  };
  const api = createHttpAdapter({ baseUrl: 'https://partner.test', fetch, retry: { maxRetries: 0 } });
  return { api, sent };
}

/** Reads an amount back from the raw request text, so a float on the way would show. */
function rawAmount(body: string | undefined, key: string): number | undefined {
  const text = new RegExp(`"${key}":([^,}\\]]*)`).exec(body ?? '')?.[1];
  expect(text, `${key} is an exact decimal number with two places`).to.match(/^\d+\.\d{2}$/);
  return decimalToMinor(text ?? '');
}

/** A multipart body's fields, a file read as its name, type and size. */
function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) fields[key] = typeof value === 'string' ? value : { name: value.name, type: value.type, size: value.size };
  return fields;
}

const json = (sent: Sent) => JSON.parse(sent.body ?? '{}') as Record<string, unknown>;
const only = (query: Record<string, string[]>, key: string) => query[key]?.[0];
const keyOf = <K extends string>(table: Record<K, number>, code: unknown) => (Object.keys(table) as K[]).find((k) => table[k] === Number(code));
const omitUndefined = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

interface RoundTrip {
  name: string;
  operation: ApiOperation;
  /** The model request (absent for operations without one). */
  model?: unknown;
  call: (api: HttpPartnerApi) => Promise<unknown>;
  /** What must leave: method, path, query, JSON body or multipart fields (a file as its name, type and size). */
  wire: { method: string; path: string; query?: Record<string, string[]>; body?: unknown; form?: Record<string, unknown> };
  /** The wire request read back into the model request. */
  back?: (sent: Sent) => unknown;
  answer: unknown;
  result: unknown;
  /** A broken answer of the same operation. */
  malformed: unknown;
}

const T1 = '2026-11-24T08:00:00Z';
const T2 = '2027-01-01T00:00:00Z';
const intent = { idempotencyKey: 'key-1', verificationTicket: 'vt_12345678' };

const quotasModel: s.ListQuotasRequest = { kind: 'cash', statuses: ['normal', 'frozen', 'reclaimed'], offset: 20, limit: 10 };
const customersModel: s.SearchCustomersRequest = { query: '云帆', by: 'account', offset: 0, limit: 20 };
const issueModel: s.IssueCouponsRequest = {
  quotaId: 'Q-1',
  customerIds: ['c-1', 'c-2'],
  faceValue: 10050,
  validFrom: T1,
  validUntil: T2,
  cloudServiceTypes: ['hws.service.type.ec2'],
  productIds: ['p-1'],
  remark: '<b>Q4</b>',
};
const issuedModel: s.ListIssuedCouponsRequest = { kind: 'cash', status: 'usable', customerId: 'c-1', offset: 0, limit: 10 };
const recordsModel: s.ListCouponRecordsRequest = {
  operations: ['issue', 'reclaim-on-expiry'],
  kind: 'cash',
  quotaId: 'Q-1',
  customerId: 'c-1',
  couponIds: ['CP1', 'CP2'],
  from: T1,
  to: T2,
  offset: 0,
  limit: 50,
};
const invitationsModel: s.ListInvitationsRequest = { status: 'failed', query: '王', sortBy: 'linkExpiresAt', sortDirection: 'desc', offset: 40, limit: 20 };

const branchWire = { branch_code: 'B-1', branch_name: '杭州高新支行', bank_code: 'ICBC', city: '杭州' };
const branchModel = { code: 'B-1', name: '杭州高新支行', bankCode: 'ICBC', city: '杭州' };
const accountWire = { account_id: 'acct-icbc', account_type: 'bank', holder_name: '杭州云帆科技有限公司', bank_code: 'ICBC', bank_name: '中国工商银行', masked_number: '**** 6789', branch: branchWire };
const accountModel = { id: 'acct-icbc', type: 'bank', holderName: '杭州云帆科技有限公司', bankCode: 'ICBC', bankName: '中国工商银行', maskedNumber: '**** 6789', branch: branchModel };

const remittanceAccountWire = {
  account_id: 'RA1',
  beneficiary: '华为云计算技术有限公司',
  bank_name: '招商银行北京分行营业部',
  masked_account_number: '1109 **** **** 8461',
  reference: 'HWC8026410375',
  currency: 'CNY',
  payer_names: [],
  enabled_at: T1,
};
const remittanceAccountModel: s.RemittanceAccount = {
  id: 'RA1',
  beneficiary: '华为云计算技术有限公司',
  bank: '招商银行北京分行营业部',
  maskedAccountNumber: '1109 **** **** 8461',
  reference: 'HWC8026410375',
  currency: 'CNY',
  payerNames: [],
  enabledAt: T1,
};
const voucherFile = new File(['%PDF-1.4\n'], 'voucher.pdf', { type: 'application/pdf' });
const claimWire = {
  claim_id: 'CL1',
  remittance_id: 'UR1',
  remitter_name: '杭州云帆科技有限公司',
  amount: 1000.5,
  currency: 'CNY',
  claimed_at: T1,
  voucher: { file_name: 'voucher.pdf', content_type: 'application/pdf', size: 9 },
  status: 'reviewing',
};
const claimModel: s.RemittanceClaim = {
  id: 'CL1',
  remittanceId: 'UR1',
  remitterName: '杭州云帆科技有限公司',
  amount: 100_050,
  currency: 'CNY',
  claimedAt: T1,
  voucher: { fileName: 'voucher.pdf', contentType: 'application/pdf', size: 9 },
  status: 'reviewing',
};

const roundTrips: RoundTrip[] = [
  {
    name: 'listQuotas',
    operation: 'listQuotas',
    model: quotasModel,
    call: (api) => api.listQuotas(quotasModel),
    wire: { method: 'POST', path: '/v2/partners/coupon-quotas/query', body: { quota_type: 1, quota_status_list: [0, 5, 6], offset: 20, limit: 10 } },
    back: (sent) => {
      const b = json(sent);
      return { kind: b['quota_type'] === 1 ? 'cash' : 'voucher', statuses: (b['quota_status_list'] as number[]).map((c) => keyOf(QUOTA_STATUS_CODE, c)), offset: b['offset'], limit: b['limit'] };
    },
    answer: {
      total_count: 31,
      quotas: [
        { quota_id: 'Q-1', quota_type: '1', quota_status: 5, quota_value: 100000.5, balance: '0.01', currency: 'CNY', effective_time: T1, expire_time: T2, min_face_value: 10, max_face_value: '2000', limit_infos: [{ limit_key: 'cloudServiceType', limit_values: ['ec2'] }] },
        { quota_id: 'Q-2', quota_type: 0, quota_status: 0, quota_value: 0, balance: 0, effective_time: T1, expire_time: T2, limit_infos: null },
      ],
    },
    result: {
      total: 31,
      items: [
        { id: 'Q-1', kind: 'cash', status: 'frozen', total: 10_000_050, balance: 1, currency: 'CNY', effectiveFrom: T1, expiresAt: T2, minFaceValue: 1000, maxFaceValue: 200_000, restrictions: [{ key: 'cloudServiceType', values: ['ec2'] }] },
        { id: 'Q-2', kind: 'voucher', status: 'normal', total: 0, balance: 0, currency: 'CNY', effectiveFrom: T1, expiresAt: T2, restrictions: [] },
      ],
    },
    malformed: { total_count: 1, quotas: { quota_id: 'Q-1' } },
  },
  {
    name: 'listQuotas (vouchers in any state)',
    operation: 'listQuotas',
    model: { kind: 'voucher', offset: 0, limit: 100 },
    call: (api) => api.listQuotas({ kind: 'voucher', offset: 0, limit: 100 }),
    wire: { method: 'POST', path: '/v2/partners/coupon-quotas/query', body: { quota_type: 0, offset: 0, limit: 100 } },
    back: (sent) => {
      const b = json(sent);
      return { kind: b['quota_type'] === 1 ? 'cash' : 'voucher', offset: b['offset'], limit: b['limit'] };
    },
    answer: { total_count: 0, quotas: [] },
    result: { total: 0, items: [] },
    malformed: { total_count: -1, quotas: [] },
  },
  {
    name: 'searchCustomers',
    operation: 'searchCustomers',
    model: customersModel,
    call: (api) => api.searchCustomers({ ...customersModel, query: '  云帆 ' }),
    wire: { method: 'POST', path: '/v2/partners/sub-customers/query', body: { account_name: '云帆', offset: 0, limit: 20 } },
    back: (sent) => {
      const b = json(sent);
      return { query: b['account_name'] ?? b['customer'], by: 'account_name' in b ? 'account' : 'name', offset: b['offset'], limit: b['limit'] };
    },
    answer: {
      count: 2,
      customer_infos: [
        { customer_id: 'c-1', account_name: 'yunfan01', customer: '王伟', telephone: '13912345678', country_code: '0086', email: 'w@x.cn', association_type: '2', associated_on: T1, is_frozen: 0 },
        { customer_id: 'c-2', account_name: 'yunfan02', customer: null, telephone: null, association_type: '1', is_frozen: '1' },
      ],
    },
    result: {
      total: 2,
      items: [
        { id: 'c-1', accountName: 'yunfan01', name: '王伟', mobile: '0086-13912345678', email: 'w@x.cn', associationType: 'resale', associatedAt: T1, frozen: false },
        { id: 'c-2', accountName: 'yunfan02', name: 'yunfan02', associationType: 'referral', frozen: true },
      ],
    },
    malformed: { count: 1, customer_infos: [{ customer_id: 'c-1' }] },
  },
  {
    name: 'searchCustomers (by name, no query)',
    operation: 'searchCustomers',
    model: { offset: 0, limit: 20 },
    call: (api) => api.searchCustomers({ query: '   ', offset: 0, limit: 20 }),
    wire: { method: 'POST', path: '/v2/partners/sub-customers/query', body: { offset: 0, limit: 20 } },
    back: (sent) => json(sent),
    answer: { count: 0, customer_infos: [] },
    result: { total: 0, items: [] },
    malformed: { total_count: 0, customer_infos: [] },
  },
  {
    name: 'issueCoupons',
    operation: 'issueCoupons',
    model: issueModel,
    call: (api) => api.issueCoupons(issueModel, intent),
    wire: {
      method: 'POST',
      path: '/v2/promotions/benefits/partner-coupons',
      body: { quota_id: 'Q-1', customer_ids: ['c-1', 'c-2'], face_value: 100.5, valid_time: T1, expire_time: T2, cloud_service_types: ['hws.service.type.ec2'], product_ids: ['p-1'], memo: '<b>Q4</b>' },
    },
    back: (sent) => {
      const b = json(sent);
      return {
        quotaId: b['quota_id'],
        customerIds: b['customer_ids'],
        faceValue: rawAmount(sent.body, 'face_value'),
        validFrom: b['valid_time'],
        validUntil: b['expire_time'],
        cloudServiceTypes: b['cloud_service_types'],
        productIds: b['product_ids'],
        remark: b['memo'],
      };
    },
    answer: { coupon_infos: [{ coupon_id: 'CP1', id: 'c-1' }], error_details: [{ id: 'c-2', error_code: 'CBC.99000013', error_msg: 'Quota balance insufficient.' }] },
    result: {
      issued: [{ customerId: 'c-1', couponId: 'CP1' }],
      failed: [{ customerId: 'c-2', error: { code: 'insufficient-funds', reason: 'quota-balance', backendCode: 'CBC.99000013', message: 'Quota balance insufficient.' } }],
    },
    malformed: { coupon_infos: [{ coupon_id: 'CP1' }] },
  },
  {
    name: 'reclaimCoupon (a backend that answers the amount)',
    operation: 'reclaimCoupon',
    model: { couponId: 'CP1' },
    call: (api) => api.reclaimCoupon({ couponId: 'CP1' }, intent),
    wire: { method: 'POST', path: '/v2/promotions/benefits/partner-coupons/reclaim', body: { coupon_id: 'CP1' } },
    back: (sent) => ({ couponId: json(sent)['coupon_id'] }),
    answer: { reclaimed_amount: '12.34' },
    result: { couponId: 'CP1', reclaimedAmount: 1234, currency: 'CNY' },
    malformed: { reclaimed_amount: '12.345' },
  },
  {
    name: 'listIssuedCoupons',
    operation: 'listIssuedCoupons',
    model: issuedModel,
    call: (api) => api.listIssuedCoupons(issuedModel),
    wire: { method: 'GET', path: '/v2/promotions/benefits/partner-coupons', query: { coupon_type: ['4'], status: ['2'], customer_id: ['c-1'], offset: ['0'], limit: ['10'] } },
    back: ({ query }) => ({
      kind: keyOf(COUPON_TYPE_CODE, only(query, 'coupon_type')),
      status: keyOf(COUPON_STATUS_CODE, only(query, 'status')),
      customerId: only(query, 'customer_id'),
      offset: Number(only(query, 'offset')),
      limit: Number(only(query, 'limit')),
    }),
    answer: {
      total_count: 1,
      user_coupons: [
        { coupon_id: 'CP1', status: 5, customer_id: 'c-1', customer_name: '王伟', coupon_type: '4', face_value: '100.50', balance: 0, currency: null, effective_time: T1, expire_time: T2, create_time: T1 },
      ],
    },
    result: {
      total: 1,
      items: [{ id: 'CP1', kind: 'cash', customerId: 'c-1', customerName: '王伟', faceValue: 10050, balance: 0, currency: 'CNY', status: 'reclaimed', effectiveFrom: T1, expiresAt: T2, issuedAt: T1 }],
    },
    malformed: { total_count: -1, user_coupons: [] },
  },
  {
    name: 'listCouponRecords',
    operation: 'listCouponRecords',
    model: recordsModel,
    call: (api) => api.listCouponRecords(recordsModel),
    wire: {
      method: 'GET',
      path: '/v2/promotions/benefits/partner-coupons/records/query',
      query: {
        operation_types: ['1', '4'],
        quota_id: ['Q-1'],
        quota_type: ['1'],
        coupon_ids: ['CP1', 'CP2'],
        customer_id: ['c-1'],
        operation_time_begin: [T1],
        operation_time_end: [T2],
        offset: ['0'],
        limit: ['50'],
      },
    },
    back: ({ query }) => ({
      operations: query['operation_types']?.map((n) => OPERATIONS[Number(n) - 1]),
      kind: only(query, 'quota_type') === '1' ? 'cash' : 'voucher',
      quotaId: only(query, 'quota_id'),
      customerId: only(query, 'customer_id'),
      couponIds: query['coupon_ids'],
      from: only(query, 'operation_time_begin'),
      to: only(query, 'operation_time_end'),
      offset: Number(only(query, 'offset')),
      limit: Number(only(query, 'limit')),
    }),
    answer: {
      total_count: 2,
      records: [
        { id: 'R1', operation_type: 2, quota_id: 'Q-1', quota_type: 1, coupon_id: 'CP1', customer_id: 'c-1', customer_name: '王伟', operation_amount: 80.25, operation_time: T1, result: '0', remark: 'end of trial' },
        { id: 'R2', operation_type: '1', quota_id: 'Q-1', quota_type: 0, coupon_id: null, customer_id: 'c-2', customer_name: null, operation_amount: '0', operation_time: T2, result: 'CBC.99000013', remark: null },
      ],
    },
    result: {
      total: 2,
      items: [
        { id: 'R1', operation: 'reclaim', quotaId: 'Q-1', kind: 'cash', couponId: 'CP1', customerId: 'c-1', customerName: '王伟', amount: 8025, currency: 'CNY', operatedAt: T1, succeeded: true, remark: 'end of trial' },
        { id: 'R2', operation: 'issue', quotaId: 'Q-1', kind: 'voucher', customerId: 'c-2', amount: 0, currency: 'CNY', operatedAt: T2, succeeded: false, failureCode: 'CBC.99000013' },
      ],
    },
    malformed: { total_count: 1, records: null },
  },
  {
    name: 'getBalances',
    operation: 'getBalances',
    call: (api) => api.getBalances(),
    wire: { method: 'GET', path: '/v2/accounts/partner-accounts/balances' },
    answer: {
      account_balances: [
        { account_id: 'A1', account_type: 1, amount: 38500.5, currency: 'CNY' },
        { account_id: 'A2', account_type: '2', amount: '0', credit_amount: '50000.00', designated_amount: null },
      ],
    },
    result: [
      { accountId: 'A1', type: 'cash', amount: 3_850_050, currency: 'CNY' },
      { accountId: 'A2', type: 'credit', amount: 0, creditLimit: 5_000_000, currency: 'CNY' },
    ],
    malformed: { account_balances: { account_id: 'A1', account_type: 1, amount: '1e3' } },
  },
  {
    name: 'getWithdrawalOverview',
    operation: 'getWithdrawalOverview',
    call: (api) => api.getWithdrawalOverview(),
    wire: { method: 'GET', path: '/kit/v1/withdrawals/overview' },
    answer: {
      currency: 'CNY',
      withdrawable_amount: '38500.00',
      original_route_amount: 38500,
      bank_card_amount: 8000,
      bank_card_available: true,
      company_real_name: '杭州云帆科技有限公司',
      flows: [{ flow_id: 'RF-1', received_at: T1, channel: 'transaction-mode-conversion', original_amount: 8000, withdrawable_amount: '8000.00', account_id: 'acct-icbc' }],
      accounts: [accountWire, { account_id: 'acct-alipay', account_type: 'alipay', holder_name: '杭州云帆科技有限公司', masked_number: 'fin***@yunfan.cn', branch: null }],
    },
    result: {
      currency: 'CNY',
      withdrawable: 3_850_000,
      originalRouteAmount: 3_850_000,
      bankCardAmount: 800_000,
      bankCardAvailable: true,
      companyRealName: '杭州云帆科技有限公司',
      flows: [{ id: 'RF-1', receivedAt: T1, channel: 'transaction-mode-conversion', originalAmount: 800_000, withdrawableAmount: 800_000, accountId: 'acct-icbc' }],
      accounts: [accountModel, { id: 'acct-alipay', type: 'alipay', holderName: '杭州云帆科技有限公司', maskedNumber: 'fin***@yunfan.cn', branch: null }],
    },
    // A channel the kit does not know passes the wire but not the model.
    malformed: {
      currency: 'CNY', withdrawable_amount: 1, original_route_amount: 1, bank_card_amount: 0, bank_card_available: false, company_real_name: 'x',
      flows: [{ flow_id: 'RF-1', received_at: T1, channel: 'carrier-pigeon', original_amount: 1, withdrawable_amount: 1, account_id: 'a' }],
      accounts: [],
    },
  },
  {
    name: 'listBanks',
    operation: 'listBanks',
    call: (api) => api.listBanks(),
    wire: { method: 'GET', path: '/kit/v1/banks' },
    answer: { banks: [{ bank_code: 'ICBC', bank_name: '中国工商银行' }] },
    result: [{ code: 'ICBC', name: '中国工商银行' }],
    malformed: { banks: [{ code: 'ICBC', name: '中国工商银行' }] },
  },
  {
    name: 'searchBranches',
    operation: 'searchBranches',
    model: { bankCode: 'B/C', query: '杭州', offset: 0, limit: 20 },
    call: (api) => api.searchBranches({ bankCode: 'B/C', query: ' 杭州 ', offset: 0, limit: 20 }),
    wire: { method: 'GET', path: '/kit/v1/banks/B/C/branches', query: { keyword: ['杭州'], offset: ['0'], limit: ['20'] } },
    back: ({ path, query }) => ({ bankCode: /^\/kit\/v1\/banks\/(.+)\/branches$/.exec(path)?.[1], query: only(query, 'keyword'), offset: Number(only(query, 'offset')), limit: Number(only(query, 'limit')) }),
    answer: { total_count: 1, branches: [branchWire, { branch_code: 'B-2', branch_name: '城东支行', bank_code: 'ICBC' }] },
    result: { total: 1, items: [branchModel, { code: 'B-2', name: '城东支行', bankCode: 'ICBC' }] },
    malformed: { total_count: 1, branches: [{ branch_code: 'B-1' }] },
  },
  {
    name: 'saveAccountBranch',
    operation: 'saveAccountBranch',
    model: { accountId: 'acct-icbc', branchCode: 'B-1' },
    call: (api) => api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'B-1' }),
    wire: { method: 'PUT', path: '/kit/v1/bank-accounts/acct-icbc/branch', body: { branch_code: 'B-1' } },
    back: (sent) => ({ accountId: /^\/kit\/v1\/bank-accounts\/(.+)\/branch$/.exec(sent.path)?.[1], branchCode: json(sent)['branch_code'] }),
    answer: accountWire,
    result: accountModel,
    malformed: { ...accountWire, account_type: 'paypal' },
  },
  {
    name: 'withdraw (original route, chosen flows)',
    operation: 'withdraw',
    model: { route: 'original', amount: 123_456, flowIds: ['RF-1', 'RF-2'] },
    call: (api) => api.withdraw({ route: 'original', amount: 123_456, flowIds: ['RF-1', 'RF-2'] }, intent),
    wire: { method: 'POST', path: '/kit/v1/withdrawals', body: { route: 'original', amount: 1234.56, flow_ids: ['RF-1', 'RF-2'] } },
    back: (sent) => ({ route: json(sent)['route'], amount: rawAmount(sent.body, 'amount'), flowIds: json(sent)['flow_ids'] }),
    answer: { reference_id: 'WD1', amount: 1234.56, currency: 'CNY', flow_ids: ['RF-1', 'RF-2'], submitted_at: T1, arrival: { min_business_days: 1, max_business_days: 3 } },
    result: { referenceId: 'WD1', amount: 123_456, currency: 'CNY', flowIds: ['RF-1', 'RF-2'], submittedAt: T1, arrival: { minBusinessDays: 1, maxBusinessDays: 3 } },
    malformed: { reference_id: 'WD1', amount: 1, currency: 'CNY', flow_ids: 'RF-1', submitted_at: T1, arrival: { min_business_days: 1, max_business_days: 3 } },
  },
  {
    name: 'withdraw (original route, last in first out)',
    operation: 'withdraw',
    model: { route: 'original', amount: 1 },
    call: (api) => api.withdraw({ route: 'original', amount: 1 }, intent),
    wire: { method: 'POST', path: '/kit/v1/withdrawals', body: { route: 'original', amount: 0.01 } },
    back: (sent) => ({ route: json(sent)['route'], amount: rawAmount(sent.body, 'amount') }),
    answer: { reference_id: 'WD2', amount: '0.01', currency: 'CNY', flow_ids: ['RF-1'], submitted_at: T1, arrival: { min_business_days: 1, max_business_days: 3 } },
    result: { referenceId: 'WD2', amount: 1, currency: 'CNY', flowIds: ['RF-1'], submittedAt: T1, arrival: { minBusinessDays: 1, maxBusinessDays: 3 } },
    malformed: { reference_id: 'WD2', amount: 0.001, currency: 'CNY', flow_ids: [], submitted_at: T1, arrival: { min_business_days: 1, max_business_days: 3 } },
  },
  {
    name: 'withdraw (bank card, the largest amount)',
    operation: 'withdraw',
    model: { route: 'bank-card', amount: MAX_MINOR, accountId: 'acct-icbc' },
    call: (api) => api.withdraw({ route: 'bank-card', amount: MAX_MINOR, accountId: 'acct-icbc' }, intent),
    wire: { method: 'POST', path: '/kit/v1/withdrawals', body: { route: 'bank-card', amount: 1e13, account_id: 'acct-icbc' } },
    back: (sent) => ({ route: json(sent)['route'], amount: rawAmount(sent.body, 'amount'), accountId: json(sent)['account_id'] }),
    answer: { reference_id: 'WD3', amount: '10000000000000.00', currency: 'CNY', flow_ids: [], submitted_at: T1, arrival: { min_business_days: 1, max_business_days: 3 } },
    result: { referenceId: 'WD3', amount: MAX_MINOR, currency: 'CNY', flowIds: [], submittedAt: T1, arrival: { minBusinessDays: 1, maxBusinessDays: 3 } },
    malformed: { reference_id: 'WD3', amount: '10000000000000.01', currency: 'CNY', flow_ids: [], submitted_at: T1, arrival: { min_business_days: 1, max_business_days: 3 } },
  },
  {
    name: 'getVerificationPolicy',
    operation: 'getVerificationPolicy',
    call: (api) => api.getVerificationPolicy(),
    wire: { method: 'GET', path: '/kit/v1/verification/policy' },
    answer: { enabled: true, guarded_purposes: ['withdraw', 'issue-coupon'], channels: [{ channel: 'sms', destination: '0086-139****1234' }] },
    result: { enabled: true, guardedPurposes: ['withdraw', 'issue-coupon'], channels: [{ channel: 'sms', destination: '0086-139****1234' }] },
    malformed: { enabled: true, guarded_purposes: [], channels: [{ channel: 'pager', destination: 'x' }] },
  },
  {
    name: 'sendVerificationCode',
    operation: 'sendVerificationCode',
    model: { purpose: 'withdraw', channel: 'email' },
    call: (api) => api.sendVerificationCode({ purpose: 'withdraw', channel: 'email' }),
    wire: { method: 'POST', path: '/kit/v1/verification/codes', body: { purpose: 'withdraw', channel: 'email' } },
    back: (sent) => json(sent),
    answer: { channel: 'email', destination: 'f***@yunfan.cn', resend_after_seconds: 60, expires_in_seconds: 300 },
    result: { channel: 'email', destination: 'f***@yunfan.cn', resendAfterSeconds: 60, expiresInSeconds: 300 },
    malformed: { channel: 'email', destination: 'f***@yunfan.cn', resend_after_seconds: 1.5, expires_in_seconds: 300 },
  },
  {
    name: 'checkVerificationCode',
    operation: 'checkVerificationCode',
    model: { purpose: 'withdraw', channel: 'sms', code: '012345' },
    call: (api) => api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: '012345' }),
    wire: { method: 'POST', path: '/kit/v1/verification/checks', body: { purpose: 'withdraw', channel: 'sms', code: '012345' } },
    back: (sent) => json(sent),
    answer: { ticket: 'vt_12345678', purpose: 'withdraw', expires_at: T2 },
    result: { ticket: 'vt_12345678', purpose: 'withdraw', expiresAt: T2 },
    malformed: { ticket: 'vt_1', purpose: 'withdraw', expires_at: T2 },
  },
  {
    name: 'listInvitations',
    operation: 'listInvitations',
    model: invitationsModel,
    call: (api) => api.listInvitations(invitationsModel),
    wire: { method: 'GET', path: '/kit/v1/invitations', query: { offset: ['40'], limit: ['20'], status: ['failed'], keyword: ['王'], sort_by: ['linkExpiresAt'], sort_dir: ['desc'] } },
    back: ({ query }) => ({
      status: only(query, 'status'),
      query: only(query, 'keyword'),
      sortBy: only(query, 'sort_by'),
      sortDirection: only(query, 'sort_dir'),
      offset: Number(only(query, 'offset')),
      limit: Number(only(query, 'limit')),
    }),
    answer: {
      total_count: 41,
      invitations: [
        { invitation_id: 'I1', masked_name: '王**', masked_mobile: '0086-139****1234', masked_email: 'w***@x.cn', status: 'failed', failure_reason: 'link-expired', invited_at: T1, link_expires_at: T2, operator: 'op_lina' },
        { invitation_id: 'I2', masked_name: '李**', masked_mobile: '0086-138****0000', masked_email: 'l***@x.cn', status: 'invited', failure_reason: null, invited_at: T1, link_expires_at: T2, operator: 'op_lina' },
      ],
    },
    result: {
      total: 41,
      items: [
        { id: 'I1', maskedName: '王**', maskedMobile: '0086-139****1234', maskedEmail: 'w***@x.cn', status: 'failed', failure: 'link-expired', invitedAt: T1, linkExpiresAt: T2, operator: 'op_lina' },
        { id: 'I2', maskedName: '李**', maskedMobile: '0086-138****0000', maskedEmail: 'l***@x.cn', status: 'invited', invitedAt: T1, linkExpiresAt: T2, operator: 'op_lina' },
      ],
    },
    malformed: {
      total_count: 1,
      invitations: [{ invitation_id: 'I1', masked_name: '王**', masked_mobile: 'x', masked_email: 'x', status: 'lost', invited_at: T1, link_expires_at: T2, operator: 'op' }],
    },
  },
  {
    name: 'resendInvitation',
    operation: 'resendInvitation',
    model: { invitationId: 'I/1' },
    call: (api) => api.resendInvitation({ invitationId: 'I/1' }, intent),
    wire: { method: 'POST', path: '/kit/v1/invitations/I/1/resend', body: {} },
    back: (sent) => ({ invitationId: /^\/kit\/v1\/invitations\/(.+)\/resend$/.exec(sent.path)?.[1] }),
    answer: { invitation_id: 'I/1', sent_at: T1, link_expires_at: T2 },
    result: { invitationId: 'I/1', sentAt: T1, linkExpiresAt: T2 },
    malformed: { invitation_id: 'I/1', sent_at: 'yesterday', link_expires_at: T2 },
  },
  {
    name: 'revealField',
    operation: 'revealField',
    model: { resource: 'invitation', id: 'I1', field: 'mobile' },
    call: (api) => api.revealField({ resource: 'invitation', id: 'I1', field: 'mobile' }),
    wire: { method: 'POST', path: '/kit/v1/reveal', body: { resource: 'invitation', id: 'I1', field: 'mobile' } },
    back: (sent) => json(sent),
    answer: { value: '0086-13912341234' },
    result: { value: '0086-13912341234' },
    malformed: { value: 13912341234 },
  },
  {
    name: 'lookupIntent',
    operation: 'lookupIntent',
    model: { operation: 'resendInvitation', idempotencyKey: 'inv-123456789' },
    call: (api) => api.lookupIntent({ operation: 'resendInvitation', idempotencyKey: 'inv-123456789' }),
    wire: { method: 'GET', path: '/kit/v1/intents/inv-123456789', query: { operation: ['resendInvitation'] } },
    back: (sent) => ({ operation: sent.query['operation']?.[0], idempotencyKey: sent.path.split('/').at(-1) }),
    answer: { status: 'done', result: { invitation_id: 'I/1', sent_at: T1, link_expires_at: T2 } },
    result: { status: 'done', result: { invitationId: 'I/1', sentAt: T1, linkExpiresAt: T2 } },
    malformed: { status: 'done', result: { invitation_id: 'I/1', sent_at: 'yesterday', link_expires_at: T2 } },
  },
  {
    name: 'lookupCustomerAccounts',
    operation: 'lookupCustomerAccounts',
    model: { mobile: '0086-13900000009' },
    call: (api) => api.lookupCustomerAccounts({ mobile: '0086-13900000009' }),
    wire: { method: 'GET', path: '/kit/v1/customer-accounts', query: { mobile: ['0086-13900000009'] } },
    back: ({ query }) => ({ mobile: only(query, 'mobile') }),
    answer: { accounts: [{ account_id: 'A1', account_name: 'hw_0009' }, { account_id: 'A2', account_name: 'hw_0009_shop' }] },
    result: [{ accountId: 'A1', accountName: 'hw_0009' }, { accountId: 'A2', accountName: 'hw_0009_shop' }],
    malformed: { accounts: [{ account_id: 'A1' }] },
  },
  {
    name: 'reportCustomer',
    operation: 'reportCustomer',
    model: { name: '王小明', mobile: '0086-13900000001', email: 'wang.xm@example.com', accountId: 'A1', sendInvitation: true },
    call: (api) => api.reportCustomer({ name: '王小明', mobile: '0086-13900000001', email: 'wang.xm@example.com', accountId: 'A1', sendInvitation: true }, { idempotencyKey: 'key-1' }),
    wire: { method: 'POST', path: '/kit/v1/customer-reports', body: { name: '王小明', mobile: '0086-13900000001', email: 'wang.xm@example.com', account_id: 'A1', send_invitation: true } },
    back: (sent) => {
      const b = json(sent);
      return { name: b['name'], mobile: b['mobile'], email: b['email'], accountId: b['account_id'], sendInvitation: b['send_invitation'] };
    },
    answer: { invitation_id: 'I9', status: 'invited', reported_at: T1, link_expires_at: T2 },
    result: { invitationId: 'I9', status: 'invited', reportedAt: T1, linkExpiresAt: T2 },
    malformed: { invitation_id: 'I9', status: 'associated', reported_at: T1 },
  },
  {
    name: 'previewInvitationEmail',
    operation: 'previewInvitationEmail',
    model: { locale: 'zh-CN', customerName: '王小明' },
    call: (api) => api.previewInvitationEmail({ locale: 'zh-CN', customerName: '王小明' }),
    wire: { method: 'POST', path: '/kit/v1/invitation-email/preview', body: { locale: 'zh-CN', customer_name: '王小明' } },
    back: (sent) => ({ locale: json(sent)['locale'], customerName: json(sent)['customer_name'] }),
    answer: { subject: '邀请', body: '您好：\n<b>链接</b>', link_valid_days: 7 },
    result: { subject: '邀请', body: '您好：\n<b>链接</b>', linkValidDays: 7 },
    malformed: { subject: '邀请', body: '您好', link_valid_days: 0 },
  },
  {
    name: 'openInvitationLink',
    operation: 'openInvitationLink',
    model: { kind: 'custom', label: '张三' },
    call: (api) => api.openInvitationLink({ kind: 'custom', label: '张三' }),
    wire: { method: 'POST', path: '/kit/v1/invitation-links', body: { kind: 'custom', label: '张三' } },
    back: (sent) => json(sent),
    answer: { link_id: 'L1', kind: 'custom', label: '张三', url: 'https://p.test/i/AB?label=%E5%BC%A0%E4%B8%89', created_at: T1, expires_at: T2 },
    result: { id: 'L1', kind: 'custom', label: '张三', url: 'https://p.test/i/AB?label=%E5%BC%A0%E4%B8%89', createdAt: T1, expiresAt: T2 },
    malformed: { link_id: 'L1', kind: 'custom', url: 'javascript:alert(1)', created_at: T1, expires_at: T2 },
  },
  {
    name: 'regenerateInvitationLink',
    operation: 'regenerateInvitationLink',
    model: { linkId: 'L/1' },
    call: (api) => api.regenerateInvitationLink({ linkId: 'L/1' }, { idempotencyKey: 'key-1' }),
    wire: { method: 'POST', path: '/kit/v1/invitation-links/L/1/regenerate', body: {} },
    back: (sent) => ({ linkId: /^\/kit\/v1\/invitation-links\/(.+)\/regenerate$/.exec(sent.path)?.[1] }),
    answer: { link_id: 'L2', kind: 'generic', label: null, url: 'https://p.test/i/CD', created_at: T1, expires_at: T2 },
    result: { id: 'L2', kind: 'generic', url: 'https://p.test/i/CD', createdAt: T1, expiresAt: T2 },
    malformed: { link_id: 'L2', kind: 'secret', url: 'https://p.test/i/CD', created_at: T1, expires_at: T2 },
  },
  {
    name: 'revokeInvitationLink',
    operation: 'revokeInvitationLink',
    model: { linkId: 'L1' },
    call: (api) => api.revokeInvitationLink({ linkId: 'L1' }, { idempotencyKey: 'key-1' }),
    wire: { method: 'POST', path: '/kit/v1/invitation-links/L1/revoke', body: {} },
    back: (sent) => ({ linkId: /^\/kit\/v1\/invitation-links\/(.+)\/revoke$/.exec(sent.path)?.[1] }),
    answer: { link_id: 'L1', revoked_at: T1 },
    result: { linkId: 'L1', revokedAt: T1 },
    malformed: { link_id: 'L1', revoked_at: 'now' },
  },
  {
    name: 'getOrderPaymentOverview',
    operation: 'getOrderPaymentOverview',
    call: (api) => api.getOrderPaymentOverview(),
    wire: { method: 'GET', path: '/kit/v1/order-payments' },
    answer: {
      currency: 'CNY',
      account_balance: '39850.00',
      allocatable_balance: 25000,
      orders: [
        {
          order_id: 'CS1',
          customer_id: 'c1',
          masked_customer: '张**',
          product: 'ECS',
          amount: 1280.5,
          currency: 'CNY',
          service_start_time: T2,
          payment_deadline: T1,
          marketplace_goods: true,
          online_channels: ['petal'],
          estimated_rebate: '64.03',
        },
      ],
    },
    result: {
      currency: 'CNY',
      accountBalance: 3_985_000,
      allocatableBalance: 2_500_000,
      orders: [
        {
          id: 'CS1',
          customerId: 'c1',
          maskedCustomer: '张**',
          product: 'ECS',
          amount: 128_050,
          currency: 'CNY',
          serviceStartAt: T2,
          paymentDeadline: T1,
          marketplaceGoods: true,
          onlineChannels: ['petal'],
          estimatedRebate: 6403,
        },
      ],
    },
    malformed: { currency: 'CNY', account_balance: -1, allocatable_balance: 0, orders: [] },
  },
  {
    name: 'payOrder (balance)',
    operation: 'payOrder',
    model: { orderId: 'CS/1', method: { type: 'balance' } },
    call: (api) => api.payOrder({ orderId: 'CS/1', method: { type: 'balance' } }, intent),
    wire: { method: 'POST', path: '/kit/v1/order-payments/CS/1/pay', body: { method: 'balance' } },
    back: (sent) => ({ orderId: /^\/kit\/v1\/order-payments\/(.+)\/pay$/.exec(sent.path)?.[1], method: { type: json(sent)['method'] } }),
    answer: { status: 'paid', order_id: 'CS/1', amount: '1280.50', currency: 'CNY', paid_at: T1 },
    result: { status: 'paid', orderId: 'CS/1', amount: 128_050, currency: 'CNY', paidAt: T1 },
    malformed: { status: 'paid', order_id: 'CS/1', amount: '1280.50', currency: 'CNY' },
  },
  {
    name: 'payOrder (online)',
    operation: 'payOrder',
    model: { orderId: 'CS1', method: { type: 'online', channel: 'petal' } },
    call: (api) => api.payOrder({ orderId: 'CS1', method: { type: 'online', channel: 'petal' } }, intent),
    wire: { method: 'POST', path: '/kit/v1/order-payments/CS1/pay', body: { method: 'online', channel: 'petal' } },
    back: (sent) => ({ orderId: /^\/kit\/v1\/order-payments\/(.+)\/pay$/.exec(sent.path)?.[1], method: { type: json(sent)['method'], channel: json(sent)['channel'] } }),
    answer: { status: 'action-required', order_id: 'CS1', action: { kind: 'redirect', payment_id: 'P1', url: 'https://pay.test/c/P1' } },
    result: { status: 'action-required', orderId: 'CS1', action: { kind: 'redirect', paymentId: 'P1', url: 'https://pay.test/c/P1' } },
    malformed: { status: 'action-required', order_id: 'CS1', action: { kind: 'redirect', payment_id: 'P1', url: 'javascript:alert(1)' } },
  },
  {
    name: 'rejectOrder',
    operation: 'rejectOrder',
    model: { orderId: 'CS1', reason: '客户自行支付' },
    call: (api) => api.rejectOrder({ orderId: 'CS1', reason: '客户自行支付' }, intent),
    wire: { method: 'POST', path: '/kit/v1/order-payments/CS1/reject', body: { reason: '客户自行支付' } },
    back: (sent) => ({ orderId: /^\/kit\/v1\/order-payments\/(.+)\/reject$/.exec(sent.path)?.[1], reason: json(sent)['reason'] }),
    answer: { order_id: 'CS1', rejected_at: T1 },
    result: { orderId: 'CS1', rejectedAt: T1 },
    malformed: { order_id: 'CS1', rejected_at: 'today' },
  },
  {
    name: 'notifyOrderCustomer',
    operation: 'notifyOrderCustomer',
    model: { orderId: 'CS1' },
    call: (api) => api.notifyOrderCustomer({ orderId: 'CS1' }, intent),
    wire: { method: 'POST', path: '/kit/v1/order-payments/CS1/notify-customer', body: {} },
    back: (sent) => ({ orderId: /^\/kit\/v1\/order-payments\/(.+)\/notify-customer$/.exec(sent.path)?.[1] }),
    answer: { order_id: 'CS1', notified_at: T1 },
    result: { orderId: 'CS1', notifiedAt: T1 },
    malformed: { order_id: 'CS1' },
  },
  {
    name: 'createTopUp',
    operation: 'createTopUp',
    model: { amount: 100_050 },
    call: (api) => api.createTopUp({ amount: 100_050 }, intent),
    wire: { method: 'POST', path: '/kit/v1/top-ups', body: { amount: 1000.5 } },
    back: (sent) => ({ amount: rawAmount(sent.body, 'amount') }),
    answer: { top_up_id: 'T1', amount: 1000.5, currency: 'CNY', action: { kind: 'qr', payment_id: 'P2', payload: 'https://pay.test/q/P2', expires_at: T2 } },
    result: { topUpId: 'T1', amount: 100_050, currency: 'CNY', action: { kind: 'qr', paymentId: 'P2', payload: 'https://pay.test/q/P2', expiresAt: T2 } },
    malformed: { top_up_id: 'T1', amount: 1000.5, currency: 'CNY', action: { kind: 'qr', payment_id: 'P2' } },
  },
  {
    name: 'getPaymentStatus',
    operation: 'getPaymentStatus',
    model: { paymentId: 'P/2' },
    call: (api) => api.getPaymentStatus({ paymentId: 'P/2' }),
    wire: { method: 'GET', path: '/kit/v1/payments/P/2' },
    back: (sent) => ({ paymentId: sent.path.replace('/kit/v1/payments/', '') }),
    answer: { payment_id: 'P/2', status: 'paid', balance: '40850.50', currency: 'CNY' },
    result: { status: 'paid', paymentId: 'P/2', balance: 4_085_050, currency: 'CNY' },
    malformed: { payment_id: 'P/2', status: 'refunded' },
  },
  {
    name: 'checkCustomerIdentity',
    operation: 'checkCustomerIdentity',
    model: { kind: 'mobile', value: '0086-13900000001' },
    call: (api) => api.checkCustomerIdentity({ kind: 'mobile', value: '0086-13900000001' }),
    wire: { method: 'POST', path: '/v2/partners/sub-customers/users/check-identity', body: { search_type: 'mobile', search_value: '0086-13900000001' } },
    back: (sent) => ({ kind: json(sent)['search_type'], value: json(sent)['search_value'] }),
    answer: { check_result: 'registration-cap' },
    result: { kind: 'mobile', availability: 'registration-cap' },
    malformed: { check_result: 'maybe' },
  },
  {
    name: 'sendRegistrationCode',
    operation: 'sendRegistrationCode',
    model: { mobile: '0086-13900000001', lang: 'zh-cn' },
    call: (api) => api.sendRegistrationCode({ mobile: '0086-13900000001', lang: 'zh-cn' }),
    wire: { method: 'POST', path: '/v2/bases/verificationcode/send', body: { receiver_type: 1, mobile_phone: '13900000001', lang: 'zh-cn', scene: 29 } },
    back: (sent) => ({ mobile: `0086-${String(json(sent)['mobile_phone'])}`, lang: json(sent)['lang'] }),
    answer: { resend_after_seconds: 60, expires_in_seconds: 300 },
    result: { resendAfterSeconds: 60, expiresInSeconds: 300 },
    malformed: { resend_after_seconds: -1 },
  },
  {
    name: 'createCustomer',
    operation: 'createCustomer',
    model: { accountName: 'zhao_ming01', displayName: 'Zhao Ming', mobile: '0086-13900000001', verificationCode: '123456', email: 'zm@example.com', password: 'Passw0rd!', agreementAccepted: true },
    call: (api) =>
      api.createCustomer(
        { accountName: 'zhao_ming01', displayName: 'Zhao Ming', mobile: '0086-13900000001', verificationCode: '123456', email: 'zm@example.com', password: 'Passw0rd!', agreementAccepted: true },
        { idempotencyKey: 'key-1' },
      ),
    wire: {
      method: 'POST',
      path: '/v2/partners/sub-customers',
      body: { xaccount_id: 'key-1', domain_name: 'zhao_ming01', display_name: 'Zhao Ming', mobile_phone: '13900000001', verification_code: '123456', email: 'zm@example.com', password: 'Passw0rd!', include_association_result: false },
    },
    back: (sent) => {
      const b = json(sent);
      return { accountName: b['domain_name'], displayName: b['display_name'], mobile: `0086-${String(b['mobile_phone'])}`, verificationCode: b['verification_code'], email: b['email'], password: b['password'], agreementAccepted: true };
    },
    answer: { domain_id: 'D1', domain_name: 'zhao_ming01' },
    result: { customerId: 'D1', accountName: 'zhao_ming01', association: 'pending' },
    malformed: { domain_name: 'zhao_ming01' },
  },
  {
    name: 'listSubCustomers',
    operation: 'listSubCustomers',
    model: { offset: 20, limit: 10, accountName: 'zhao', customerName: '王', associationType: 'referral', associatedFrom: T1, associatedTo: T2, label: 'vip', customerId: 'C1' },
    call: (api) => api.listSubCustomers({ offset: 20, limit: 10, accountName: 'zhao', customerName: '王', associationType: 'referral', associatedFrom: T1, associatedTo: T2, label: 'vip', customerId: 'C1' }),
    wire: {
      method: 'POST',
      path: '/v2/partners/sub-customers/query',
      body: { offset: 20, limit: 10, account_name: 'zhao', customer: '王', association_type: '1', associated_on_begin: T1, associated_on_end: T2, label: 'vip', customer_id: 'C1' },
    },
    back: (sent) => {
      const b = json(sent);
      return {
        offset: b['offset'], limit: b['limit'], accountName: b['account_name'], customerName: b['customer'], associationType: b['association_type'] === '1' ? 'referral' : 'resale',
        associatedFrom: b['associated_on_begin'], associatedTo: b['associated_on_end'], label: b['label'], customerId: b['customer_id'],
      };
    },
    answer: {
      count: 2,
      customer_infos: [
        { customer_id: 'C1', account_name: 'zhao_ming01', customer: '王小明', telephone: '13912345678', country_code: '0086', association_type: '1', associated_on: T1, label: 'vip', customer_type: 1, verified_status: 2, is_frozen: 0 },
        { customer_id: 'C2', account_name: 'li_hua02', customer: null, telephone: null, association_type: '2', customer_type: -1, verified_status: null, is_frozen: 1 },
      ],
    },
    result: {
      total: 2,
      items: [
        { id: 'C1', accountName: 'zhao_ming01', maskedName: '王**', maskedMobile: '0086-139****5678', associationType: 'referral', associatedAt: T1, label: 'vip', customerType: 'enterprise', verifiedStatus: 'verified', frozen: false },
        { id: 'C2', accountName: 'li_hua02', maskedName: 'l**', associationType: 'resale', customerType: 'none', verifiedStatus: 'off', frozen: true },
      ],
    },
    malformed: { customer_infos: [] },
  },
  {
    name: 'previewUnbind',
    operation: 'previewUnbind',
    model: { customerId: 'C/1' },
    call: (api) => api.previewUnbind({ customerId: 'C/1' }),
    wire: { method: 'GET', path: '/kit/v1/sub-customers/C/1/unbind-preview' },
    back: (sent) => ({ customerId: /^\/kit\/v1\/sub-customers\/(.+)\/unbind-preview$/.exec(sent.path)?.[1] }),
    answer: { customer_id: 'C/1', coupons: [{ coupon_id: 'CP1', coupon_type: 4, balance: '12.30', currency: 'CNY' }] },
    result: { customerId: 'C/1', coupons: [{ couponId: 'CP1', kind: 'cash', balance: 1230, currency: 'CNY' }] },
    malformed: { customer_id: 'C/1', coupons: [{ coupon_id: 'CP1', coupon_type: 4, balance: -1 }] },
  },
  {
    name: 'unbindCustomer',
    operation: 'unbindCustomer',
    model: { customerId: 'C1' },
    call: (api) => api.unbindCustomer({ customerId: 'C1' }, intent),
    wire: { method: 'POST', path: '/kit/v1/sub-customers/C1/unbind', body: {} },
    back: (sent) => ({ customerId: /^\/kit\/v1\/sub-customers\/(.+)\/unbind$/.exec(sent.path)?.[1] }),
    answer: { customer_id: 'C1', unbound_at: T1, reclaimed: [{ coupon_id: 'CP1', reclaimed_amount: 12.3, currency: 'CNY' }] },
    result: { customerId: 'C1', unboundAt: T1, reclaimed: [{ couponId: 'CP1', reclaimedAmount: 1230, currency: 'CNY' }] },
    malformed: { customer_id: 'C1', unbound_at: 'now', reclaimed: [] },
  },
  {
    name: 'listUnbindRequests',
    operation: 'listUnbindRequests',
    model: { offset: 20, limit: 10, status: 'pending' },
    call: (api) => api.listUnbindRequests({ offset: 20, limit: 10, status: 'pending' }),
    wire: { method: 'GET', path: '/kit/v1/unbind-requests', query: { offset: ['20'], limit: ['10'], status: ['pending'] } },
    back: (sent) => ({ offset: Number(only(sent.query, 'offset')), limit: Number(only(sent.query, 'limit')), status: only(sent.query, 'status') }),
    answer: {
      total_count: 3,
      unbind_requests: [
        { request_id: 'UR1', customer_id: 'C1', account_name: 'zhao_ming01', customer_name: '王小明', requested_at: T1, reason: '业务调整', status: 'pending' },
        { request_id: 'UR2', customer_id: 'C2', account_name: 'li_hua02', customer_name: null, requested_at: T1, reason: null, status: 'rejected', handled_at: T2, reject_reason: 'In contract.' },
        { request_id: 'UR3', customer_id: 'C3', account_name: 'wu_fan03', requested_at: T1, status: 'escalated' },
      ],
    },
    result: {
      total: 3,
      skipped: 1,
      items: [
        { id: 'UR1', customerId: 'C1', accountName: 'zhao_ming01', maskedName: '王**', requestedAt: T1, reason: '业务调整', status: 'pending' },
        { id: 'UR2', customerId: 'C2', accountName: 'li_hua02', maskedName: 'l**', requestedAt: T1, reason: '', status: 'rejected', handledAt: T2, rejectReason: 'In contract.' },
      ],
    },
    malformed: { unbind_requests: [] },
  },
  {
    name: 'approveUnbindRequest',
    operation: 'approveUnbindRequest',
    model: { requestId: 'UR/1' },
    call: (api) => api.approveUnbindRequest({ requestId: 'UR/1' }, intent),
    wire: { method: 'POST', path: '/kit/v1/unbind-requests/UR/1/approve', body: {} },
    back: (sent) => ({ requestId: /^\/kit\/v1\/unbind-requests\/(.+)\/approve$/.exec(sent.path)?.[1] }),
    answer: { request_id: 'UR/1', customer_id: 'C1', approved_at: T1, reclaimed: [{ coupon_id: 'CP1', reclaimed_amount: '12.30', currency: null }] },
    result: { requestId: 'UR/1', customerId: 'C1', approvedAt: T1, reclaimed: [{ couponId: 'CP1', reclaimedAmount: 1230, currency: 'CNY' }] },
    malformed: { request_id: 'UR/1', customer_id: 'C1', approved_at: 'now', reclaimed: [] },
  },
  {
    name: 'rejectUnbindRequest',
    operation: 'rejectUnbindRequest',
    model: { requestId: 'UR1', reason: '合同期内，请到期后再申请。' },
    call: (api) => api.rejectUnbindRequest({ requestId: 'UR1', reason: '合同期内，请到期后再申请。' }, intent),
    wire: { method: 'POST', path: '/kit/v1/unbind-requests/UR1/reject', body: { reason: '合同期内，请到期后再申请。' } },
    back: (sent) => ({ requestId: /^\/kit\/v1\/unbind-requests\/(.+)\/reject$/.exec(sent.path)?.[1], reason: json(sent)['reason'] }),
    answer: { request_id: 'UR1', rejected_at: T1, reason: '合同期内，请到期后再申请。' },
    result: { requestId: 'UR1', rejectedAt: T1, reason: '合同期内，请到期后再申请。' },
    malformed: { request_id: 'UR1', rejected_at: T1 },
  },
  {
    name: 'getRemittanceAccount',
    operation: 'getRemittanceAccount',
    call: (api) => api.getRemittanceAccount(),
    wire: { method: 'GET', path: '/kit/v1/remittance-account' },
    answer: { status: 'enabled', account: remittanceAccountWire },
    result: { status: 'enabled', account: remittanceAccountModel },
    malformed: { status: 'enabled', account: { ...remittanceAccountWire, enabled_at: 'yesterday' } },
  },
  {
    name: 'getRemittanceAccount (not enabled)',
    operation: 'getRemittanceAccount',
    call: (api) => api.getRemittanceAccount(),
    wire: { method: 'GET', path: '/kit/v1/remittance-account' },
    answer: { status: 'not-enabled' },
    result: { status: 'not-enabled' },
    malformed: { status: 'enabled' },
  },
  {
    name: 'enableRemittanceAccount',
    operation: 'enableRemittanceAccount',
    call: (api) => api.enableRemittanceAccount(intent),
    wire: { method: 'POST', path: '/kit/v1/remittance-account/enable', body: {} },
    answer: remittanceAccountWire,
    result: remittanceAccountModel,
    malformed: { ...remittanceAccountWire, payer_names: 'Acme' },
  },
  {
    name: 'sendRemittanceDetails',
    operation: 'sendRemittanceDetails',
    call: (api) => api.sendRemittanceDetails(intent),
    wire: { method: 'POST', path: '/kit/v1/remittance-account/send-details', body: {} },
    answer: { destination: '0086-139****1234', sent_at: T1 },
    result: { destination: '0086-139****1234', sentAt: T1 },
    malformed: { destination: '0086-139****1234' },
  },
  {
    name: 'getRemittanceProof',
    operation: 'getRemittanceProof',
    call: (api) => api.getRemittanceProof(),
    wire: { method: 'GET', path: '/kit/v1/remittance-account/proof' },
    answer: { file_name: 'proof.pdf', content_type: 'application/pdf', content_base64: 'JVBERi0xLjQK' },
    result: { fileName: 'proof.pdf', contentType: 'application/pdf', base64: 'JVBERi0xLjQK' },
    malformed: { file_name: '', content_type: 'application/pdf', content_base64: 'JVBERi0xLjQK' },
  },
  {
    name: 'saveRemittancePayers',
    operation: 'saveRemittancePayers',
    model: { payerNames: ['张伟', 'Acme Ltd'] },
    call: (api) => api.saveRemittancePayers({ payerNames: ['张伟', 'Acme Ltd'] }),
    wire: { method: 'PUT', path: '/kit/v1/remittance-account/payers', body: { payer_names: ['张伟', 'Acme Ltd'] } },
    back: (sent) => ({ payerNames: json(sent)['payer_names'] }),
    answer: { ...remittanceAccountWire, payer_names: ['张伟', 'Acme Ltd'] },
    result: { ...remittanceAccountModel, payerNames: ['张伟', 'Acme Ltd'] },
    malformed: { ...remittanceAccountWire, payer_names: ['a', 'b', 'c', 'd', 'e', 'f'] },
  },
  {
    name: 'listRemittances',
    operation: 'listRemittances',
    model: { offset: 20, limit: 10, status: 'matched' },
    call: (api) => api.listRemittances({ offset: 20, limit: 10, status: 'matched' }),
    wire: { method: 'GET', path: '/kit/v1/remittances', query: { offset: ['20'], limit: ['10'], status: ['matched'] } },
    back: ({ query }) => ({ offset: Number(only(query, 'offset')), limit: Number(only(query, 'limit')), status: only(query, 'status') }),
    answer: {
      total_count: 23,
      remittances: [
        { remittance_id: 'RM1', remitter_name: '杭州云帆科技有限公司', masked_remitter_account: '6222 **** **** 0001', amount: '5000.00', currency: 'CNY', received_at: T1, status: 'matched', matched_at: T2 },
        { remittance_id: 'RM2', remitter_name: '张伟', masked_remitter_account: '6222 **** **** 0002', amount: 88.8, currency: null, received_at: T1, status: 'pending', matched_at: null },
        { remittance_id: 'RM3', remitter_name: '张伟', masked_remitter_account: '6222 **** **** 0003', amount: 1, received_at: T1, status: 'returned' },
      ],
    },
    result: {
      total: 23,
      skipped: 1,
      items: [
        { id: 'RM1', remitterName: '杭州云帆科技有限公司', maskedRemitterAccount: '6222 **** **** 0001', amount: 500_000, currency: 'CNY', receivedAt: T1, status: 'matched', matchedAt: T2 },
        { id: 'RM2', remitterName: '张伟', maskedRemitterAccount: '6222 **** **** 0002', amount: 8_880, currency: 'CNY', receivedAt: T1, status: 'pending' },
      ],
    },
    malformed: { total_count: 1 },
  },
  {
    name: 'searchUnclaimedRemittances',
    operation: 'searchUnclaimedRemittances',
    model: { remitterName: '云帆', remitterAccount: '6222021234567890123', amount: 100_050, offset: 0, limit: 20 },
    call: (api) => api.searchUnclaimedRemittances({ remitterName: ' 云帆 ', remitterAccount: '6222021234567890123', amount: 100_050, offset: 0, limit: 20 }),
    wire: { method: 'POST', path: '/kit/v1/unclaimed-remittances/search', body: { remitter_name: '云帆', remitter_account: '6222021234567890123', amount: 1000.5, offset: 0, limit: 20 } },
    back: (sent) => {
      const b = json(sent);
      return { remitterName: b['remitter_name'], remitterAccount: b['remitter_account'], amount: rawAmount(sent.body, 'amount'), offset: b['offset'], limit: b['limit'] };
    },
    answer: { total_count: 1, remittances: [{ remittance_id: 'UR1', remitter_name: '杭州云帆科技有限公司', masked_remitter_account: '6222 **** **** 0123', amount: '1000.50', currency: 'CNY', received_at: T1 }] },
    result: { total: 1, items: [{ id: 'UR1', remitterName: '杭州云帆科技有限公司', maskedRemitterAccount: '6222 **** **** 0123', amount: 100_050, currency: 'CNY', receivedAt: T1 }] },
    malformed: { total_count: -1, remittances: [] },
  },
  {
    name: 'claimRemittance',
    operation: 'claimRemittance',
    model: { remittanceId: 'UR1', amount: 100_050, voucher: { name: 'voucher.pdf', type: 'application/pdf', size: 9 } },
    call: (api) => api.claimRemittance({ remittanceId: 'UR1', amount: 100_050, voucher: voucherFile }, intent),
    wire: { method: 'POST', path: '/kit/v1/remittance-claims', form: { remittance_id: 'UR1', amount: '1000.50', voucher: { name: 'voucher.pdf', type: 'application/pdf', size: 9 } } },
    back: (sent) => {
      const fields = sent.form ? formFields(sent.form) : {};
      return { remittanceId: fields['remittance_id'], amount: decimalToMinor(String(fields['amount'])), voucher: fields['voucher'] };
    },
    answer: claimWire,
    result: claimModel,
    malformed: { ...claimWire, status: 'escalated' },
  },
  {
    name: 'listRemittanceClaims',
    operation: 'listRemittanceClaims',
    model: { offset: 0, limit: 20 },
    call: (api) => api.listRemittanceClaims({ offset: 0, limit: 20 }),
    wire: { method: 'GET', path: '/kit/v1/remittance-claims', query: { offset: ['0'], limit: ['20'] } },
    back: ({ query }) => ({ offset: Number(only(query, 'offset')), limit: Number(only(query, 'limit')) }),
    answer: {
      total_count: 3,
      claims: [
        { ...claimWire, claim_id: 'CL2', status: 'rejected', reviewed_at: T2, reject_reason: 'The voucher is unreadable.' },
        claimWire,
        { ...claimWire, claim_id: 'CL0', status: 'escalated' },
      ],
    },
    result: { total: 3, skipped: 1, items: [{ ...claimModel, id: 'CL2', status: 'rejected', reviewedAt: T2, rejectReason: 'The voucher is unreadable.' }, claimModel] },
    malformed: { claims: [] },
  },
];

describe('wire mapping: every operation there and back', () => {
  it('covers every operation of the adapter', () => {
    const covered = new Set(roundTrips.map((t) => t.operation));
    const operations = Object.getOwnPropertyNames(Object.getPrototypeOf(createHttpAdapter({ baseUrl: 'https://x.test' }))).filter((n) => n !== 'constructor');
    expect([...covered].sort()).to.deep.equal(operations.sort());
  });

  for (const trip of roundTrips) {
    it(`${trip.name}: the request leaves in wire shape and reads back into the same model request`, async () => {
      const { api, sent } = wired(trip.answer);
      await trip.call(api);
      expect(sent).to.have.length(1);
      const [request] = sent as [Sent];
      expect({ method: request.method, path: request.path }).to.deep.equal({ method: trip.wire.method, path: trip.wire.path });
      expect(request.query).to.deep.equal(trip.wire.query ?? {});
      if (trip.wire.body === undefined) expect(request.body).to.equal(undefined);
      else expect(json(request)).to.deep.equal(trip.wire.body);
      expect(request.form && formFields(request.form)).to.deep.equal(trip.wire.form);
      if (trip.back) expect(omitUndefined(trip.back(request) as Record<string, unknown>)).to.deep.equal(trip.model);
    });

    it(`${trip.name}: the wire answer becomes the model`, async () => {
      const { api } = wired(trip.answer);
      expect(await trip.call(api)).to.deep.equal(trip.result);
    });

    it(`${trip.name}: a broken answer is a malformed-response, never a half-read model`, async () => {
      const { api } = wired(trip.malformed);
      const error = await failure(trip.call(api));
      expect(error).to.include({ code: 'malformed-response', reason: 'schema' });
      expect(error.details['operation']).to.equal(trip.operation);
    });
  }

  it('sends the idempotency key and the verification ticket with every money-moving call', async () => {
    const keyed = ['issueCoupons', 'reclaimCoupon', 'withdraw', 'resendInvitation', 'approveUnbindRequest', 'rejectUnbindRequest', 'enableRemittanceAccount', 'sendRemittanceDetails', 'claimRemittance'];
    for (const trip of roundTrips.filter((t) => keyed.includes(t.operation))) {
      const { api, sent } = wired(trip.answer);
      await trip.call(api);
      expect(sent[0]?.headers.get('Idempotency-Key'), trip.name).to.equal('key-1');
      expect(sent[0]?.headers.get('X-Verification-Ticket'), trip.name).to.equal('vt_12345678');
    }
  });
});

describe('wire mapping: amounts at the edges', () => {
  const balance = (amount: unknown) => ({ account_balances: [{ account_id: 'A', account_type: 1, amount }] });

  const readable: [unknown, number][] = [
    [0, 0],
    ['0', 0],
    ['0.00', 0],
    [0.01, 1],
    [100.5, 10050],
    ['100.50', 10050],
    [' 7.1 ', 710],
    [1e13, MAX_MINOR],
    ['10000000000000.00', MAX_MINOR],
    [9007199254.74, 900_719_925_474],
  ];
  for (const [amount, minor] of readable) {
    it(`reads ${JSON.stringify(amount)} yuan as ${minor} minor units`, async () => {
      const { api } = wired(balance(amount));
      expect((await api.getBalances())[0]?.amount).to.equal(minor);
    });
  }

  it('reads a JSON number exactly as written, however many digits, without a float on the way', async () => {
    const { api } = wired('{"account_balances":[{"account_id":"A","account_type":1,"amount":1234567890123.45}]}');
    expect((await api.getBalances())[0]?.amount).to.equal(123_456_789_012_345);
  });

  const refused: unknown[] = ['1.234', 1.005, '0.001', '10000000000000.01', 1e14, -1, '-1', '1e3', 1e21, '', 'abc', '12,50', null, true, '0x10'];
  for (const amount of refused) {
    it(`refuses ${JSON.stringify(amount)} as an amount: the row is left out, never read as a number`, async () => {
      const { api } = wired(balance(amount));
      expect(await api.getBalances()).to.deep.equal([]);
    });
  }

  it('writes the smallest and the largest amount as exact decimals', async () => {
    for (const [faceValue, text] of [
      [1, '0.01'],
      [MAX_MINOR, '10000000000000.00'],
      [1_000_000_007, '10000000.07'],
    ] as const) {
      const { api, sent } = wired({ coupon_infos: [], error_details: [] });
      await api.issueCoupons({ quotaId: 'Q', customerIds: ['c'], faceValue }, intent);
      expect(sent[0]?.body).to.contain(`"face_value":${text}`);
      expect(rawAmount(sent[0]?.body, 'face_value')).to.equal(faceValue);
    }
  });

  it('refuses a zero, fractional, negative or too large amount before anything is sent', async () => {
    const { api, sent } = wired({});
    for (const amount of [0, 0.5, 100.25, -100, MAX_MINOR + 1, Number.NaN]) {
      expect(await failure(api.withdraw({ route: 'original', amount }, intent)), String(amount)).to.include({ code: 'validation', reason: 'request' });
      expect(await failure(api.issueCoupons({ quotaId: 'Q', customerIds: ['c'], faceValue: amount }, intent)), String(amount)).to.include({ code: 'validation', reason: 'request' });
    }
    expect(sent).to.have.length(0);
  });

  it('writes only the named keys as amounts and leaves other numbers alone', () => {
    expect(jsonBody({ amount: 5, offset: 5, nested: { amount: 250 } }, ['amount'])).to.equal('{"amount":0.05,"offset":5,"nested":{"amount":2.50}}');
    expect(jsonBody({ amount: 0 }, ['amount'])).to.equal('{"amount":0.00}');
  });
});

describe('wire mapping: a list survives an odd row', () => {
  const quota = (id: string, patch: Record<string, unknown> = {}) => ({
    quota_id: id,
    quota_type: 0,
    quota_status: 0,
    quota_value: 1000,
    balance: 500,
    effective_time: '2026-01-01T00:00:00Z',
    expire_time: '2027-01-01T00:00:00Z',
    ...patch,
  });

  it('leaves out a quota with a negative balance or an unknown status, counts it, and keeps the rest', async () => {
    const { QuotaPageWire } = await import('../../src/api/http/wire.js');
    const result = QuotaPageWire.parse({ total_count: 3, quotas: [quota('Q1'), quota('Q2', { balance: -12.5 }), quota('Q3', { quota_status: 99 })] });
    expect(result.items.map((q) => q.id)).to.deep.equal(['Q1']);
    expect(result.skipped).to.equal(2);
    expect(result.total).to.equal(3);
  });

  it('never shows an account of an unknown type as cash', async () => {
    const { BalancesWire } = await import('../../src/api/http/wire.js');
    const list = BalancesWire.parse({
      account_balances: [
        { account_id: 'a1', account_type: 1, amount: 10 },
        { account_id: 'a2', account_type: 42, amount: 1_000_000 },
      ],
    });
    expect(list.map((b) => [b.accountId, b.type])).to.deep.equal([['a1', 'cash']]);
  });

  it('still refuses a body that is not a list at all', async () => {
    const { QuotaPageWire } = await import('../../src/api/http/wire.js');
    expect(QuotaPageWire.safeParse({ total_count: 1, quotas: 'nope' }).success).to.equal(false);
  });
});

describe('wire mapping: remittance intents read back through the lookup', () => {
  const recorded: [s.IntentOperation, unknown, unknown][] = [
    ['enableRemittanceAccount', remittanceAccountWire, remittanceAccountModel],
    ['sendRemittanceDetails', { destination: '0086-139****1234', sent_at: T1 }, { destination: '0086-139****1234', sentAt: T1 }],
    ['claimRemittance', claimWire, claimModel],
  ];
  for (const [operation, answer, result] of recorded) {
    it(`${operation}: a recorded result reads into the model the call resolves with`, async () => {
      const { api, sent } = wired({ status: 'done', result: answer });
      expect(await api.lookupIntent({ operation, idempotencyKey: 'key-12345678' })).to.deep.equal({ status: 'done', result });
      expect(sent[0]?.query).to.deep.equal({ operation: [operation] });
    });
  }

  it('reads a recorded claim refusal with its reason', async () => {
    const { api } = wired({ status: 'refused', error: { error_code: 'KIT.ALREADY_CLAIMED', error_msg: 'Already claimed.' } });
    const looked = await api.lookupIntent({ operation: 'claimRemittance', idempotencyKey: 'key-12345678' });
    expect(looked).to.deep.equal({ status: 'refused', error: { code: 'conflict', message: 'Already claimed.', backendCode: 'KIT.ALREADY_CLAIMED', reason: 'already-claimed' } });
  });
});
