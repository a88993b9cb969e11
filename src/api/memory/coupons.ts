import type { KitError } from '../../model/errors.js';
import type { ItemError, Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import type { Refusal } from './faults.js';
import { page } from './paging.js';
import { instant } from './prng.js';
import type { MemoryData } from './seed.js';
import type { TicketUse } from './verification-desk.js';

/** What a coupon record is written from. */
interface RecordEntry {
  operation: s.CouponOperation;
  quota: { id: string; kind: s.CouponKind };
  couponId: string;
  customer: s.Customer | undefined;
  customerId: string;
  amount: number;
  remark?: string | undefined;
}

/**
 * Quotas, customers, issued coupons and their records, with the partner API's issuing and
 * reclaiming rules. Verification tickets are the caller's: `guard` checks one before the rules
 * run, `spend` uses it up once they all passed.
 */
export class CouponDesk {
  readonly #data: MemoryData;
  readonly #now: () => number;
  readonly #maxCustomersPerIssue: number;
  #nextId = 1;

  constructor(data: MemoryData, now: () => number, maxCustomersPerIssue: number) {
    this.#data = data;
    this.#now = now;
    this.#maxCustomersPerIssue = maxCustomersPerIssue;
  }

  listQuotas(request: s.ListQuotasRequest): Page<s.Quota> {
    const { kind, statuses, offset, limit } = parseRequest(s.ListQuotasRequest, request);
    const matches = this.#data.quotas.filter((q) => q.kind === kind && (!statuses || statuses.includes(q.status)));
    return page(matches, offset, limit);
  }

  searchCustomers(request: s.SearchCustomersRequest): Page<s.Customer> {
    const { query, by, offset, limit } = parseRequest(s.SearchCustomersRequest, request);
    const needle = query?.trim().toLowerCase() ?? '';
    const matches = this.#data.customers.filter((c) =>
      needle === '' ? true : (by === 'account' ? c.accountName : c.name).toLowerCase().includes(needle),
    );
    return page(matches, offset, limit);
  }

  issue(request: s.IssueCouponsRequest, ticket: TicketUse, refusal: Refusal | undefined): s.IssueCouponsResult {
    const input = parseRequest(s.IssueCouponsRequest, request);
    ticket.guard();
    const quota = this.#data.quotas.find((q) => q.id === input.quotaId);
    if (!quota) throw backendError('CBC.99000012', 'The quota does not exist.');
    if (refusal === 'quota-unusable' || quota.status !== 'normal') throw backendError('CBC.99000012', 'The quota cannot be used to issue.');
    const now = this.#now();
    if (now < Date.parse(quota.effectiveFrom) || now >= Date.parse(quota.expiresAt)) {
      throw backendError('CBC.99000017', 'The quota is not effective.');
    }
    const limit = this.#maxCustomersPerIssue;
    if (input.customerIds.length > limit) throw backendError('CBC.99000020', 'Too many customers in one issue.', { details: { limit } });
    if (quota.minFaceValue !== undefined && input.faceValue < quota.minFaceValue) throw backendError('CBC.99000018', 'Face value below the minimum.');
    if (quota.maxFaceValue !== undefined && input.faceValue > quota.maxFaceValue) throw backendError('CBC.99000019', 'Face value above the maximum.');
    const validFrom = input.validFrom ?? quota.effectiveFrom;
    const validUntil = input.validUntil ?? quota.expiresAt;
    if (Date.parse(validFrom) < Date.parse(quota.effectiveFrom) || Date.parse(validUntil) > Date.parse(quota.expiresAt) || validFrom >= validUntil) {
      throw backendError('KIT.VALIDITY_OUTSIDE_QUOTA', 'The validity must lie inside the quota window.');
    }
    const allowedTypes = quota.restrictions.find((r) => r.key === 'cloudServiceType')?.values;
    if (allowedTypes && input.cloudServiceTypes?.some((t) => !allowedTypes.includes(t))) {
      throw backendError('CBC.99000023', 'The service types exceed the quota restriction.');
    }
    ticket.spend();
    const result: s.IssueCouponsResult = { issued: [], failed: [] };
    // The API answers per customer: each one is issued, or fails with its own reason.
    for (const customerId of input.customerIds) {
      const customer = this.#data.customers.find((c) => c.id === customerId);
      if (!customer) {
        result.failed.push({ customerId, error: itemError(backendError('CBC.99000035', 'Not a sub-customer of this partner.')) });
      } else if (customer.associationType !== 'resale') {
        result.failed.push({ customerId, error: itemError(backendError('CBC.99000014', 'Coupons cannot be issued to customers of this cooperation type.')) });
      } else if (refusal === 'quota-insufficient' || quota.balance < input.faceValue) {
        result.failed.push({ customerId, error: itemError(backendError('CBC.99000013', 'The quota balance is insufficient.')) });
      } else {
        result.issued.push({ customerId, couponId: this.#issueOne(quota, customer, input, validFrom, validUntil) });
      }
    }
    return result;
  }

  reclaim(request: s.ReclaimCouponRequest, ticket: TicketUse, refusal: Refusal | undefined): s.ReclaimResult {
    const { couponId } = parseRequest(s.ReclaimCouponRequest, request);
    ticket.guard();
    const coupon = this.#data.coupons.find((c) => c.id === couponId);
    if (!coupon) throw backendError('KIT.NOT_FOUND', 'No such coupon.', { status: 404 });
    const customer = this.#data.customers.find((c) => c.id === coupon.customerId);
    if (customer?.associationType === 'referral') throw backendError('CBC.99000045', 'Coupons of consultant-sales customers cannot be reclaimed.');
    if (refusal === 'already-reclaimed' || coupon.status !== 'usable') throw backendError('CBC.99000048', 'The coupon has expired or was already reclaimed.');
    ticket.spend();
    // A reclaim takes the whole remaining balance, which may be less than the face value.
    const reclaimedAmount = coupon.balance;
    coupon.balance = 0;
    coupon.status = 'reclaimed';
    const quota = this.#data.quotas.find((q) => q.kind === coupon.kind && q.status === 'normal');
    if (quota) quota.balance += reclaimedAmount;
    const sourceQuota = this.#data.records.find((r) => r.couponId === couponId)?.quotaId ?? quota?.id ?? 'unknown';
    this.#record({ operation: 'reclaim', quota: { id: sourceQuota, kind: coupon.kind }, couponId, customer, customerId: coupon.customerId, amount: reclaimedAmount });
    return { couponId, reclaimedAmount, currency: coupon.currency };
  }

  /** Takes back every usable coupon of a customer being unbound, recorded as "reclaim-on-unbind". */
  reclaimOnUnbind(customerId: string): s.ReclaimResult[] {
    const customer = this.#data.customers.find((c) => c.id === customerId);
    return this.#data.coupons
      .filter((c) => c.customerId === customerId && c.status === 'usable')
      .map((coupon) => {
        const reclaimedAmount = coupon.balance;
        coupon.balance = 0;
        coupon.status = 'reclaimed';
        this.#record({ operation: 'reclaim-on-unbind', quota: { id: 'unbind', kind: coupon.kind }, couponId: coupon.id, customer, customerId, amount: reclaimedAmount });
        return { couponId: coupon.id, reclaimedAmount, currency: coupon.currency };
      });
  }

  listIssuedCoupons(request: s.ListIssuedCouponsRequest): Page<s.IssuedCoupon> {
    const { kind, status, customerId, offset, limit } = parseRequest(s.ListIssuedCouponsRequest, request);
    const matches = this.#data.coupons.filter(
      (c) => (!kind || c.kind === kind) && (!status || c.status === status) && (!customerId || c.customerId === customerId),
    );
    return page(matches, offset, limit);
  }

  listCouponRecords(request: s.ListCouponRecordsRequest): Page<s.CouponRecord> {
    const r = parseRequest(s.ListCouponRecordsRequest, request);
    const matches = this.#data.records
      .filter(
        (rec) =>
          (!r.operations || r.operations.includes(rec.operation)) &&
          (!r.kind || rec.kind === r.kind) &&
          (!r.quotaId || rec.quotaId === r.quotaId) &&
          (!r.customerId || rec.customerId === r.customerId) &&
          (!r.couponIds || (rec.couponId !== undefined && r.couponIds.includes(rec.couponId))) &&
          // The API's time filters are strict: begin is "greater than", end is "less than".
          (!r.from || rec.operatedAt > r.from) &&
          (!r.to || rec.operatedAt < r.to),
      )
      .sort((a, b) => (a.operatedAt < b.operatedAt ? 1 : a.operatedAt > b.operatedAt ? -1 : 0));
    return page(matches, r.offset, r.limit);
  }

  #issueOne(quota: s.Quota, customer: s.Customer, input: s.IssueCouponsRequest, validFrom: string, validUntil: string): string {
    quota.balance -= input.faceValue;
    const couponId = `CP${String(30000000 + this.#nextId++)}`;
    this.#data.coupons.unshift({
      id: couponId,
      kind: quota.kind,
      customerId: customer.id,
      customerName: customer.name,
      faceValue: input.faceValue,
      balance: input.faceValue,
      currency: quota.currency,
      status: 'usable',
      effectiveFrom: validFrom,
      expiresAt: validUntil,
      issuedAt: instant(this.#now()),
    });
    this.#record({ operation: 'issue', quota, couponId, customer, customerId: customer.id, amount: input.faceValue, remark: input.remark });
    return couponId;
  }

  #record(entry: RecordEntry): void {
    this.#data.records.push({
      id: `R-${String(90000 + this.#nextId++)}`,
      operation: entry.operation,
      quotaId: entry.quota.id,
      kind: entry.quota.kind,
      couponId: entry.couponId,
      customerId: entry.customerId,
      ...(entry.customer ? { customerName: entry.customer.name } : {}),
      amount: entry.amount,
      currency: 'CNY',
      operatedAt: instant(this.#now()),
      succeeded: true,
      ...(entry.remark ? { remark: entry.remark } : {}),
    });
  }
}

/** A backend error as one item of a batch answer reports it. */
function itemError(error: KitError): ItemError {
  return {
    code: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
    ...(error.backendCode ? { backendCode: error.backendCode } : {}),
    message: error.message,
  };
}
