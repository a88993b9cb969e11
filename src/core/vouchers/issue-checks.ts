import type { CouponKind, IssueCouponsRequest, Quota } from '../../model/schemas/coupons.js';
import type { Customer } from '../../model/schemas/customers.js';
import { checkAmountBounds, multiplyMinor, parseAmount, type AmountBoundViolation, type AmountRejection } from '../money.js';
import { localDate } from '../dates.js';
import { Remark, firstRejection, type FieldRejection } from '../validation.js';

/** Why a quota cannot be issued from now. */
export type QuotaUnusable = Exclude<Quota['status'], 'normal'> | 'not-yet-effective' | 'empty';

/** The fields of the form that can be refused, and why. */
export interface IssueErrors {
  quota?: 'required' | QuotaUnusable | undefined;
  customers?: 'required' | 'too-many' | undefined;
  faceValue?: AmountRejection | AmountBoundViolation | 'total-over-balance' | undefined;
  validity?: 'outside-quota' | 'order' | undefined;
  remark?: FieldRejection | undefined;
}

/** What the user has entered, kept verbatim through every step so nothing typed is lost. */
export interface IssueDraft {
  kind: CouponKind;
  quotaId: string | undefined;
  customers: readonly Customer[];
  faceValueText: string;
  /** `YYYY-MM-DD` in the user's time zone, or empty for the quota's own window. */
  validFrom: string;
  validUntil: string;
  serviceTypes: readonly string[];
  remark: string;
}

/** Quota restriction key for cloud service types (the API's `limit_infos`). */
export const SERVICE_TYPE_RESTRICTION = 'cloudServiceType';

const DAY_START = 'T00:00:00';
const DAY_END = 'T23:59:59';

/** Why `quota` cannot be issued from at `now`, or `undefined` when it can. */
export function quotaUnusable(quota: Quota, now: number): QuotaUnusable | undefined {
  if (quota.status !== 'normal') return quota.status;
  if (now < Date.parse(quota.effectiveFrom)) return 'not-yet-effective';
  if (now >= Date.parse(quota.expiresAt)) return 'expired';
  if (quota.balance <= 0) return 'empty';
  return undefined;
}

/** A draft that passed every check, with what the checks read from it; else every refusal. */
export type IssueCheck = { ok: true; quota: Quota; faceValue: number } | { ok: false; errors: IssueErrors };

/** Checks `draft` against `quota` (the chosen one, if any). */
export function checkIssue(draft: IssueDraft, quota: Quota | undefined, limits: { now: number; maxCustomers: number }): IssueCheck {
  const errors: IssueErrors = {};
  const { customers, validFrom, validUntil } = draft;
  if (!quota) errors.quota = 'required';
  else if (quotaUnusable(quota, limits.now)) errors.quota = quotaUnusable(quota, limits.now);
  if (customers.length === 0) errors.customers = 'required';
  else if (customers.length > limits.maxCustomers) errors.customers = 'too-many';
  const parsed = parseAmount(draft.faceValueText, quota?.currency ?? 'CNY');
  if (!parsed.ok) errors.faceValue = parsed.reason;
  else if (quota) {
    const bound = checkAmountBounds(parsed.minor, { min: quota.minFaceValue, max: quota.maxFaceValue });
    if (bound) errors.faceValue = bound;
    else errors.faceValue = checkTotal(quota, parsed.minor, customers.length);
  }
  if (quota && (validFrom || validUntil)) {
    // Calendar dates compare as text: YYYY-MM-DD sorts as time does.
    const first = localDate(quota.effectiveFrom);
    const last = localDate(quota.expiresAt);
    const from = validFrom || first;
    const until = validUntil || last;
    if (from > until) errors.validity = 'order';
    else if (from < first || until > last) errors.validity = 'outside-quota';
  }
  const remark = firstRejection(Remark, draft.remark);
  if (remark) errors.remark = remark;
  if (!quota || !parsed.ok || Object.values(errors).some(Boolean)) return { ok: false, errors };
  return { ok: true, quota, faceValue: parsed.minor };
}

/** Whether `count` coupons of `faceValue` fit the quota's balance; a total past what the kit counts is too large. */
function checkTotal(quota: Quota, faceValue: number, count: number): IssueErrors['faceValue'] {
  const total = multiplyMinor(faceValue, count);
  if (total === undefined) return 'too-large';
  return total > quota.balance ? 'total-over-balance' : undefined;
}

/**
 * Checks a retry of the customers refused last time: only they count against what the quota has
 * left now, since the others already got their coupons.
 */
export function checkRetry(quota: Quota, faceValue: number, count: number, now: number): IssueErrors {
  const unusable = quotaUnusable(quota, now);
  if (unusable) return { quota: unusable };
  const faceIssue = checkTotal(quota, faceValue, count);
  return faceIssue ? { faceValue: faceIssue } : {};
}

const latest = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const earliest = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/** The backend request for a checked draft, to `customers`. */
export function issueRequest(draft: IssueDraft, quota: Quota, faceValue: number, customers: readonly Customer[]): IssueCouponsRequest {
  const { validFrom, validUntil, serviceTypes, remark } = draft;
  return {
    quotaId: quota.id,
    customerIds: customers.map((c) => c.id),
    faceValue,
    // A day the quota starts or ends on counts from / until the quota's own instant.
    ...(validFrom ? { validFrom: latest(new Date(`${validFrom}${DAY_START}`).toISOString(), quota.effectiveFrom) } : {}),
    ...(validUntil ? { validUntil: earliest(new Date(`${validUntil}${DAY_END}`).toISOString(), quota.expiresAt) } : {}),
    ...(serviceTypes.length > 0 ? { cloudServiceTypes: [...serviceTypes] } : {}),
    ...(remark.trim() ? { remark: remark.trim() } : {}),
  };
}
