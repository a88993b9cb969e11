import type * as z from 'zod/mini';
import type { CallOptions, IntentCallOptions } from '../../adapter.js';
import type { Page } from '../../../model/schemas/common.js';
import * as s from '../../../model/schemas/coupons.js';
import * as cs from '../../../model/schemas/customers.js';
import { KitError } from '../../../model/errors.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { backendError } from '../../backend-errors.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../wire/coupons.js';
import { read } from './read.js';

export async function listQuotas(send: Send, request: s.ListQuotasRequest, options?: CallOptions): Promise<Page<s.Quota>> {
  const r = parseRequest(s.ListQuotasRequest, request);
  const body = jsonBody({
    quota_type: r.kind === 'cash' ? 1 : 0,
    ...(r.statuses ? { quota_status_list: r.statuses.map((st) => w.QUOTA_STATUS_CODE[st]) } : {}),
    offset: r.offset,
    limit: r.limit,
  });
  const page = await read(send, w.QuotaPageWire, { operation: 'listQuotas', method: 'POST', path: '/v2/partners/coupon-quotas/query', body, options });
  return parseResponse(s.QuotaPage, page, 'listQuotas');
}

export async function searchCustomers(send: Send, request: cs.SearchCustomersRequest, options?: CallOptions): Promise<Page<cs.Customer>> {
  const r = parseRequest(cs.SearchCustomersRequest, request);
  const query = r.query?.trim();
  const body = jsonBody({
    ...(query ? { [r.by === 'account' ? 'account_name' : 'customer']: query } : {}),
    offset: r.offset,
    limit: r.limit,
  });
  const page = await read(send, w.CustomerPageWire, { operation: 'searchCustomers', method: 'POST', path: '/v2/partners/sub-customers/query', body, options });
  return parseResponse(cs.CustomerPage, page, 'searchCustomers');
}

export async function issueCoupons(send: Send, request: s.IssueCouponsRequest, options: IntentCallOptions): Promise<s.IssueCouponsResult> {
  const r = parseRequest(s.IssueCouponsRequest, request);
  const body = jsonBody(
    {
      quota_id: r.quotaId,
      customer_ids: r.customerIds,
      face_value: r.faceValue,
      ...(r.validFrom ? { valid_time: r.validFrom } : {}),
      ...(r.validUntil ? { expire_time: r.validUntil } : {}),
      ...(r.cloudServiceTypes?.length ? { cloud_service_types: r.cloudServiceTypes } : {}),
      ...(r.productIds?.length ? { product_ids: r.productIds } : {}),
      ...(r.remark ? { memo: r.remark } : {}),
    },
    ['face_value'],
  );
  const result = await read(send, w.IssueResultWire, { operation: 'issueCoupons', method: 'POST', path: '/v2/promotions/benefits/partner-coupons', body, options });
  return issueResult(result);
}

export async function reclaimCoupon(send: Send, request: s.ReclaimCouponRequest, options: IntentCallOptions): Promise<s.ReclaimResult> {
  const { couponId } = parseRequest(s.ReclaimCouponRequest, request);
  const body = jsonBody({ coupon_id: couponId });
  const answer = await read(send, w.ReclaimBodyWire, { operation: 'reclaimCoupon', method: 'POST', path: '/v2/promotions/benefits/partner-coupons/reclaim', body, options });
  if (answer.reclaimed_amount !== undefined) return { couponId, reclaimedAmount: answer.reclaimed_amount, currency: 'CNY' };
  // The API answers 204: what was actually reclaimed is in the reclaim record it wrote.
  const records = await listCouponRecords(send, { couponIds: [couponId], operations: ['reclaim'], offset: 0, limit: 10 }, { ...(options.signal ? { signal: options.signal } : {}) });
  const latest = [...records.items].sort((a, b) => (a.operatedAt < b.operatedAt ? 1 : -1))[0];
  if (!latest) throw new KitError('malformed-response', 'The reclaim left no record to read its amount from.', { reason: 'reclaim-record' });
  return { couponId, reclaimedAmount: latest.amount, currency: latest.currency };
}

export async function listIssuedCoupons(send: Send, request: s.ListIssuedCouponsRequest, options?: CallOptions): Promise<Page<s.IssuedCoupon>> {
  const r = parseRequest(s.ListIssuedCouponsRequest, request);
  const query = {
    coupon_type: r.kind ? w.COUPON_TYPE_CODE[r.kind] : undefined,
    status: r.status ? w.COUPON_STATUS_CODE[r.status] : undefined,
    customer_id: r.customerId,
    offset: r.offset,
    limit: r.limit,
  };
  const page = await read(send, w.IssuedCouponPageWire, { operation: 'listIssuedCoupons', method: 'GET', path: '/v2/promotions/benefits/partner-coupons', query, options });
  return parseResponse(s.IssuedCouponPage, page, 'listIssuedCoupons');
}

export async function listCouponRecords(send: Send, request: s.ListCouponRecordsRequest, options?: CallOptions): Promise<Page<s.CouponRecord>> {
  const r = parseRequest(s.ListCouponRecordsRequest, request);
  const query = {
    operation_types: r.operations?.map((op) => String(w.OPERATIONS.indexOf(op) + 1)),
    quota_id: r.quotaId,
    quota_type: r.kind ? (r.kind === 'cash' ? 1 : 0) : undefined,
    coupon_ids: r.couponIds,
    customer_id: r.customerId,
    operation_time_begin: r.from,
    operation_time_end: r.to,
    offset: r.offset,
    limit: r.limit,
  };
  const page = await read(send, w.CouponRecordPageWire, { operation: 'listCouponRecords', method: 'GET', path: '/v2/promotions/benefits/partner-coupons/records/query', query, options });
  return parseResponse(s.CouponRecordPage, page, 'listCouponRecords');
}

function issueResult(result: z.output<typeof w.IssueResultWire>): s.IssueCouponsResult {
  return parseResponse(
    s.IssueCouponsResult,
    {
      issued: result.issued,
      failed: result.failures.map((f) => {
        const error = backendError(f.backendCode, f.message);
        return { customerId: f.customerId, error: { code: error.code, ...(error.reason ? { reason: error.reason } : {}), backendCode: f.backendCode, message: f.message } };
      }),
    },
    'issueCoupons',
  );
}

/** A result the backend recorded for an issue or a reclaim, as the call itself resolves with it. */
export function recorded(operation: IntentOperation, raw: unknown): unknown {
  if (operation === 'issueCoupons') return issueResult(parseResponse(w.IssueResultWire, raw, 'lookupIntent'));
  if (operation !== 'reclaimCoupon') throw new KitError('configuration', `No recorded result shape for ${operation}.`);
  const answer = parseResponse(w.ReclaimLookupWire, raw, 'lookupIntent');
  return { couponId: answer.coupon_id, reclaimedAmount: answer.reclaimed_amount, currency: 'CNY' };
}
