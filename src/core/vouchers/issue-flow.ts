import type { PartnerApi } from '../../api/adapter.js';
import type { ItemError } from '../../model/schemas/common.js';
import type { CouponKind, IssueCouponsRequest, Quota } from '../../model/schemas/coupons.js';
import type { Customer } from '../../model/schemas/customers.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError} from '../../model/errors.js';
import { toKitError } from '../../model/errors.js';
import { MoneyIntent } from '../money-intent.js';
import { checkAmountBounds, parseAmount, type AmountBoundViolation, type AmountRejection } from '../money.js';
import { PagedList } from '../paged-list.js';
import { localDate } from '../dates.js';
import { Store } from '../store.js';
import { Remark, firstRejection, type FieldRejection } from '../validation.js';

/** The backend operations issuing needs. */
export type IssueApi = Pick<PartnerApi, 'listQuotas' | 'searchCustomers' | 'issueCoupons'>;

/** Asks for a verification code when the partner's policy guards issuing; resolves `undefined` when it does not. */
export type IssueVerifier = (request: { purpose: 'issue-coupon'; customers: number; faceValue: number; currency: string }) => Promise<VerificationTicket | undefined>;

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

/** What happened to one customer of an issue. */
export type CustomerOutcome = { customer: Customer; couponId: string; error?: undefined } | { customer: Customer; couponId?: undefined; error: ItemError };

export interface IssueState {
  kind: CouponKind;
  quotas: readonly Quota[];
  quotasLoading: boolean;
  quotasError: KitError | undefined;
  quotaId: string | undefined;
  customers: readonly Customer[];
  faceValueText: string;
  /** `YYYY-MM-DD` in the user's time zone, or empty for the quota's own window. */
  validFrom: string;
  validUntil: string;
  serviceTypes: readonly string[];
  remark: string;
  errors: IssueErrors;
  phase: 'editing' | 'verifying' | 'submitting' | 'result';
  submitError: KitError | undefined;
  /** Per customer, across the first issue and any retry of the failed ones. */
  outcomes: readonly CustomerOutcome[];
}

/** Details of one successful submission, for the element's event. */
export interface IssueReport {
  quotaId: string;
  kind: CouponKind;
  faceValue: number;
  currency: string;
  issued: { customerId: string; couponId: string }[];
  failed: { customerId: string; reason: string }[];
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

const latest = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const earliest = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * Issuing vouchers or cash coupons, without any DOM: pick a quota, customers (searched on the
 * server), a face value within the quota's bounds and balance, an optional validity inside the
 * quota's window and a remark only the partner sees; then verify when the policy asks and issue
 * once. The real API succeeds per customer: failures can be retried alone, never re-issuing to a
 * customer who already got a coupon.
 */
export class IssueFlow extends Store<IssueState> {
  /** Customer search, paged on the server. */
  readonly search: PagedList<{ query: string }, Customer>;
  /** The most customers one issue may name (the console's 10 unless configured). */
  maxCustomers = 10;
  readonly #api: () => Promise<IssueApi>;
  readonly #verify: IssueVerifier;
  readonly #now: () => number;
  readonly #intent: MoneyIntent<IssueCouponsRequest>;
  #quotasRequest: AbortController | undefined;

  constructor(options: { api: IssueApi | (() => Promise<IssueApi>); verify: IssueVerifier; kind?: CouponKind; now?: () => number }) {
    super({
      kind: options.kind ?? 'voucher',
      quotas: [],
      quotasLoading: false,
      quotasError: undefined,
      quotaId: undefined,
      customers: [],
      faceValueText: '',
      validFrom: '',
      validUntil: '',
      serviceTypes: [],
      remark: '',
      errors: {},
      phase: 'editing',
      submitError: undefined,
      outcomes: [],
    });
    const { api } = options;
    this.#api = typeof api === 'function' ? api : () => Promise.resolve(api);
    this.#verify = options.verify;
    this.#now = options.now ?? (() => Date.now());
    this.#intent = new MoneyIntent('iss', this.#now);
    this.search = new PagedList({
      filters: { query: '' },
      limit: 8,
      fetch: async (filters, page, signal) => (await this.#api()).searchCustomers({ query: filters.query.trim(), by: 'name', ...page }, { signal }),
    });
  }

  /** The chosen quota, if any. */
  quota(): Quota | undefined {
    return this.state.quotas.find((q) => q.id === this.state.quotaId);
  }

  /** Why a quota cannot be chosen now. */
  unusable(quota: Quota): QuotaUnusable | undefined {
    return quotaUnusable(quota, this.#now());
  }

  /** The face value in minor units, when it parses. */
  faceValue(): number | undefined {
    const parsed = parseAmount(this.state.faceValueText, this.quota()?.currency ?? 'CNY');
    return parsed.ok ? parsed.minor : undefined;
  }

  /** Customers × face value, in minor units. */
  total(): number {
    return (this.faceValue() ?? 0) * this.state.customers.length;
  }

  /** Loads the quotas of the current kind; keeps the choice when it is still usable. */
  async loadQuotas(): Promise<void> {
    this.#quotasRequest?.abort();
    const request = new AbortController();
    this.#quotasRequest = request;
    this.setState({ quotasLoading: true, quotasError: undefined });
    try {
      const page = await (await this.#api()).listQuotas({ kind: this.state.kind, offset: 0, limit: 100 }, { signal: request.signal });
      if (request !== this.#quotasRequest) return;
      const still = page.items.find((q) => q.id === this.state.quotaId && !this.unusable(q));
      const first = page.items.find((q) => !this.unusable(q));
      this.setState({ quotas: page.items, quotasLoading: false, quotaId: (still ?? first)?.id });
    } catch (caught) {
      if (request !== this.#quotasRequest) return;
      this.setState({ quotasLoading: false, quotasError: toKitError(caught) });
    }
  }

  setKind(kind: CouponKind): void {
    if (kind === this.state.kind) return;
    this.setState({ kind, quotaId: undefined, serviceTypes: [], errors: {} });
    void this.loadQuotas();
  }

  chooseQuota(quotaId: string): void {
    const quota = this.state.quotas.find((q) => q.id === quotaId);
    if (!quota || this.unusable(quota)) return;
    this.setState({ quotaId, serviceTypes: [], errors: { ...this.state.errors, quota: undefined, faceValue: undefined, validity: undefined } });
  }

  /** Adds a customer; refused past the limit. Returns whether it was added. */
  addCustomer(customer: Customer): boolean {
    const { customers } = this.state;
    if (customers.some((c) => c.id === customer.id)) return false;
    if (customers.length >= this.maxCustomers) {
      this.setState({ errors: { ...this.state.errors, customers: 'too-many' } });
      return false;
    }
    this.setState({ customers: [...customers, customer], errors: { ...this.state.errors, customers: undefined, faceValue: undefined } });
    return true;
  }

  removeCustomer(customerId: string): void {
    this.setState({ customers: this.state.customers.filter((c) => c.id !== customerId), errors: { ...this.state.errors, customers: undefined, faceValue: undefined } });
  }

  setFaceValue(text: string): void {
    this.setState({ faceValueText: text, errors: { ...this.state.errors, faceValue: undefined } });
  }

  setValidity(from: string, until: string): void {
    this.setState({ validFrom: from, validUntil: until, errors: { ...this.state.errors, validity: undefined } });
  }

  toggleServiceType(type: string): void {
    const allowed = this.quota()?.restrictions.find((r) => r.key === SERVICE_TYPE_RESTRICTION)?.values ?? [];
    if (!allowed.includes(type)) return;
    const { serviceTypes } = this.state;
    this.setState({ serviceTypes: serviceTypes.includes(type) ? serviceTypes.filter((t) => t !== type) : [...serviceTypes, type] });
  }

  setRemark(remark: string): void {
    this.setState({ remark, errors: { ...this.state.errors, remark: undefined } });
  }

  /** Checks every field; returns the errors (also put in state). */
  validate(): IssueErrors {
    const errors: IssueErrors = {};
    const quota = this.quota();
    const { customers, validFrom, validUntil } = this.state;
    if (!quota) errors.quota = 'required';
    else if (this.unusable(quota)) errors.quota = this.unusable(quota);
    if (customers.length === 0) errors.customers = 'required';
    else if (customers.length > this.maxCustomers) errors.customers = 'too-many';
    const parsed = parseAmount(this.state.faceValueText, quota?.currency ?? 'CNY');
    if (!parsed.ok) errors.faceValue = parsed.reason;
    else if (quota) {
      const bound = checkAmountBounds(parsed.minor, { min: quota.minFaceValue, max: quota.maxFaceValue });
      if (bound) errors.faceValue = bound;
      else if (parsed.minor * customers.length > quota.balance) errors.faceValue = 'total-over-balance';
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
    const remark = firstRejection(Remark, this.state.remark);
    if (remark) errors.remark = remark;
    this.setState({ errors });
    return errors;
  }

  /**
   * Issues to every chosen customer (or, after a partial success, to the failed ones only).
   * Resolves with a report when the backend answered, `undefined` when refused or failed.
   */
  async submit(): Promise<IssueReport | undefined> {
    if (this.#intent.running || Object.values(this.validate()).some(Boolean)) return undefined;
    const quota = this.quota() as Quota;
    const faceValue = this.faceValue() as number;
    const customers = this.#pendingCustomers();
    const request = this.#request(quota, faceValue, customers);
    this.setState({ submitError: undefined });
    try {
      const api = await this.#api();
      const result = await this.#intent.run(request, {
        verify: () => this.#verify({ purpose: 'issue-coupon', customers: customers.length, faceValue, currency: quota.currency }),
        call: (body, options) => api.issueCoupons(body, options),
        onPhase: (phase) => this.setState({ phase }),
      });
      const byId = new Map(customers.map((c) => [c.id, c]));
      const outcomes = new Map(this.state.outcomes.map((o) => [o.customer.id, o]));
      for (const { customerId, couponId } of result.issued) outcomes.set(customerId, { customer: byId.get(customerId) as Customer, couponId });
      for (const { customerId, error } of result.failed) outcomes.set(customerId, { customer: byId.get(customerId) as Customer, error });
      this.setState({ phase: 'result', outcomes: [...outcomes.values()] });
      void this.loadQuotas();
      return {
        quotaId: quota.id,
        kind: quota.kind,
        faceValue,
        currency: quota.currency,
        issued: result.issued,
        failed: result.failed.map((f) => ({ customerId: f.customerId, reason: f.error.reason ?? f.error.code })),
      };
    } catch (caught) {
      const error = toKitError(caught);
      this.setState({ phase: this.state.outcomes.length > 0 ? 'result' : 'editing', submitError: error.code === 'cancelled' ? undefined : error });
      return undefined;
    }
  }

  /** Customers still without a coupon: all of them at first, the failed ones after a partial success. */
  failedCustomers(): Customer[] {
    return this.state.outcomes.filter((o) => o.error).map((o) => o.customer);
  }

  /** Starts a new issue from the same quota and kind. */
  reset(): void {
    this.#intent.forget();
    this.setState({ customers: [], faceValueText: '', validFrom: '', validUntil: '', serviceTypes: [], remark: '', errors: {}, phase: 'editing', submitError: undefined, outcomes: [] });
  }

  #pendingCustomers(): Customer[] {
    return this.state.outcomes.length > 0 ? this.failedCustomers() : [...this.state.customers];
  }

  #request(quota: Quota, faceValue: number, customers: Customer[]): IssueCouponsRequest {
    const { validFrom, validUntil, serviceTypes, remark } = this.state;
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
}
