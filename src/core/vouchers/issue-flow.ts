import type { PartnerApi } from '../../api/adapter.js';
import type { CouponKind, IssueCouponsRequest, Quota } from '../../model/schemas/coupons.js';
import type { Customer } from '../../model/schemas/customers.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { toKitError } from '../../model/errors.js';
import { multiplyMinor, parseAmount } from '../money.js';
import { PagedList } from '../paged-list.js';
import { Store } from '../store.js';
import { SERVICE_TYPE_RESTRICTION, checkIssue, checkRetry, issueRequest, quotaUnusable, type IssueDraft, type IssueErrors, type QuotaUnusable } from './issue-checks.js';
import type { CustomerOutcome } from './issue-outcome.js';
import { apiGetter } from '../api-source.js';
import type * as submissionCode from './issue-submission.js';

/** The backend operations issuing needs. */
export type IssueApi = Pick<PartnerApi, 'listQuotas' | 'searchCustomers' | 'issueCoupons' | 'lookupIntent'>;

/** Asks for a verification code when the partner's policy guards issuing; resolves `undefined` when it does not. */
export type IssueVerifier = (request: { purpose: 'issue-coupon'; customers: number; faceValue: number; currency: string }) => Promise<VerificationTicket | undefined>;

/** The code a submission needs, fetched the first time one is sent. */
export type IssueSubmission = typeof submissionCode;

/** The quotas of the chosen kind, as far as the backend has answered; a reload keeps the last list shown. */
export type QuotaList = { status: 'idle' | 'loading' | 'ready'; quotas: readonly Quota[] } | { status: 'failed'; quotas: readonly Quota[]; error: KitError };

/** An issue fixed once the form passed its checks: the request and the customers it names. */
export interface IssueOrder {
  quota: Quota;
  faceValue: number;
  customers: readonly Customer[];
  request: IssueCouponsRequest;
}

interface IssueBase {
  draft: IssueDraft;
  quotas: QuotaList;
}

/**
 * What asking the backend about an issue of unknown outcome settled, for the user to be told:
 * it went through, or it did not (then the order may be changed and sent again).
 */
export type IssueSettled = 'done' | 'not-done';

/**
 * Where an issue stands. `editing`: the form, with the refusals of the last check and the failure
 * of the last submission. `verifying` / `submitting`: an order in flight (after a partial success,
 * the failed customers only, with the `earlier` outcomes kept). `outcome-unknown`: the order may or
 * may not have gone through; it is frozen (nothing can be edited, nothing else sent) until a retry
 * of the same order or a `check()` settles it; `checking` while asking, `stillUnknown` once an
 * answer left it open. `result`: per customer, across the first issue and every retry of the failed
 * ones, with the refusals of the last retry's check.
 */
export type IssueState =
  | (IssueBase & { step: 'editing'; errors: IssueErrors; failure: KitError | undefined; settled: IssueSettled | undefined })
  | (IssueBase & { step: 'verifying' | 'submitting'; order: IssueOrder; earlier: readonly CustomerOutcome[] })
  | (IssueBase & { step: 'outcome-unknown'; order: IssueOrder; earlier: readonly CustomerOutcome[]; error: KitError; checking: boolean; stillUnknown: boolean })
  | (IssueBase & {
      step: 'result';
      order: IssueOrder;
      outcomes: readonly CustomerOutcome[];
      errors: IssueErrors;
      failure: KitError | undefined;
      settled: IssueSettled | undefined;
    });

/** Details of one answered submission, for the element's event: what the backend said. */
export interface IssueReport {
  quotaId: string;
  kind: CouponKind;
  faceValue: number;
  currency: string;
  issued: { customerId: string; couponId: string }[];
  failed: { customerId: string; reason: string }[];
}

const EMPTY_ENTRIES = { customers: [], faceValueText: '', validFrom: '', validUntil: '', serviceTypes: [], remark: '' } as const;
const ALL_FIELDS: readonly (keyof IssueErrors)[] = ['quota', 'customers', 'faceValue', 'validity', 'remark'];

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
  readonly #submission: () => Promise<IssueSubmission>;
  /** Made on the first submission from the code it fetched: it keeps one key per order from then on. */
  #sender: InstanceType<IssueSubmission['IssueSender']> | undefined;
  #quotasRequest: AbortController | undefined;

  /**
   * `submission` fetches what sending needs (default: `import()` of it); a failed fetch fails the
   * submission like a failed call, with nothing sent and every entry kept.
   */
  constructor(options: {
    api: IssueApi | (() => Promise<IssueApi>);
    verify: IssueVerifier;
    kind?: CouponKind;
    now?: () => number;
    submission?: () => Promise<IssueSubmission>;
  }) {
    super({
      draft: { kind: options.kind ?? 'voucher', quotaId: undefined, ...EMPTY_ENTRIES },
      quotas: { status: 'idle', quotas: [] },
      step: 'editing',
      errors: {},
      failure: undefined,
      settled: undefined,
    });
    this.#api = apiGetter(options.api);
    this.#verify = options.verify;
    this.#now = options.now ?? (() => Date.now());
    this.#submission = options.submission ?? (() => import('./issue-submission.js'));
    this.search = new PagedList({
      filters: { query: '' },
      limit: 8,
      // The account name is what the form shows; a real name stays masked, so searching it would only confirm a guess.
      fetch: async (filters, page, signal) => (await this.#api()).searchCustomers({ query: filters.query.trim(), by: 'account', ...page }, { signal }),
    });
  }

  /** The chosen quota, if any. */
  quota(): Quota | undefined {
    return this.state.quotas.quotas.find((q) => q.id === this.state.draft.quotaId);
  }

  /** Why a quota cannot be chosen now. */
  unusable(quota: Quota): QuotaUnusable | undefined {
    return quotaUnusable(quota, this.#now());
  }

  /** The face value in minor units, when it parses. */
  faceValue(): number | undefined {
    const parsed = parseAmount(this.state.draft.faceValueText, this.quota()?.currency ?? 'CNY');
    return parsed.ok ? parsed.minor : undefined;
  }

  /** Customers × face value, in minor units; `undefined` past what any quota can hold. */
  total(): number | undefined {
    return multiplyMinor(this.faceValue() ?? 0, this.state.draft.customers.length);
  }

  /** Whether the order in hand may have gone through: the form is frozen until that is settled. */
  get frozen(): boolean {
    return this.state.step === 'outcome-unknown';
  }

  /** Loads the quotas of the current kind; keeps the choice when it is still usable. */
  async loadQuotas(): Promise<void> {
    this.#quotasRequest?.abort();
    const request = new AbortController();
    this.#quotasRequest = request;
    this.setState({ quotas: { status: 'loading', quotas: this.state.quotas.quotas } });
    try {
      const page = await (await this.#api()).listQuotas({ kind: this.state.draft.kind, offset: 0, limit: 100 }, { signal: request.signal });
      if (request !== this.#quotasRequest) return;
      const usable = (q: Quota) => !this.unusable(q);
      const still = page.items.find((q) => q.id === this.state.draft.quotaId && usable(q));
      const quotaId = (still ?? page.items.find(usable))?.id;
      this.setState({ quotas: { status: 'ready', quotas: page.items }, draft: { ...this.state.draft, quotaId } });
    } catch (caught) {
      if (request !== this.#quotasRequest) return;
      this.setState({ quotas: { status: 'failed', quotas: this.state.quotas.quotas, error: toKitError(caught) } });
    }
  }

  /** Switches between vouchers and cash coupons: a new list of quotas, nothing chosen from the old one. */
  setKind(kind: CouponKind): void {
    if (kind === this.state.draft.kind || this.frozen) return;
    this.setState({ quotas: { status: 'loading', quotas: [] } });
    this.#edit({ kind, quotaId: undefined, serviceTypes: [] }, ALL_FIELDS);
    void this.loadQuotas();
  }

  chooseQuota(quotaId: string): void {
    const quota = this.state.quotas.quotas.find((q) => q.id === quotaId);
    if (!quota || this.unusable(quota)) return;
    this.#edit({ quotaId, serviceTypes: [] }, ['quota', 'faceValue', 'validity']);
  }

  /** Adds a customer; refused past the limit. Returns whether it was added. */
  addCustomer(customer: Customer): boolean {
    const { customers } = this.state.draft;
    if (this.frozen || customers.some((c) => c.id === customer.id)) return false;
    if (customers.length >= this.maxCustomers) {
      if (this.state.step === 'editing') this.setState({ errors: { ...this.state.errors, customers: 'too-many' } });
      return false;
    }
    this.#edit({ customers: [...customers, customer] }, ['customers', 'faceValue']);
    return true;
  }

  removeCustomer(customerId: string): void {
    this.#edit({ customers: this.state.draft.customers.filter((c) => c.id !== customerId) }, ['customers', 'faceValue']);
  }

  setFaceValue(text: string): void {
    this.#edit({ faceValueText: text }, ['faceValue']);
  }

  setValidity(from: string, until: string): void {
    this.#edit({ validFrom: from, validUntil: until }, ['validity']);
  }

  toggleServiceType(type: string): void {
    const allowed = this.quota()?.restrictions.find((r) => r.key === SERVICE_TYPE_RESTRICTION)?.values ?? [];
    if (!allowed.includes(type)) return;
    const { serviceTypes } = this.state.draft;
    this.#edit({ serviceTypes: serviceTypes.includes(type) ? serviceTypes.filter((t) => t !== type) : [...serviceTypes, type] }, []);
  }

  setRemark(remark: string): void {
    this.#edit({ remark }, ['remark']);
  }

  /** Checks every field; returns the refusals, also put in state while editing. */
  validate(): IssueErrors {
    const check = checkIssue(this.state.draft, this.quota(), { now: this.#now(), maxCustomers: this.maxCustomers });
    const errors = check.ok ? {} : check.errors;
    if (this.state.step === 'editing') this.setState({ errors });
    return errors;
  }

  /**
   * Issues to every chosen customer or, from a result, to the failed ones only; after an unknown
   * outcome, sends the same order again under the same key, so it cannot take effect twice.
   * Resolves with a report when the backend answered; `undefined` when refused, failed, or while
   * one is in flight (a second click joins nothing and calls nothing).
   */
  async submit(): Promise<IssueReport | undefined> {
    const next = this.#nextOrder();
    if (!next) return undefined;
    const { order, earlier } = next;
    this.#go({ ...this.#base(), step: 'verifying', order, earlier });
    try {
      this.#sender ??= new (await this.#submission()).IssueSender({
        state: () => this.state,
        go: (state) => this.#go(state),
        api: this.#api,
        verify: this.#verify,
        now: this.#now,
        loadQuotas: () => this.loadQuotas(),
      });
    } catch (caught) {
      // Nothing was sent before the code came, so nothing is frozen: the form, with every entry, says why.
      this.#go({ ...this.#base(), step: 'editing', errors: {}, failure: toKitError(caught), settled: undefined });
      return undefined;
    }
    return this.#sender.send(order, earlier);
  }

  /**
   * Asks the backend what became of the order whose outcome is unknown. Resolves with the report
   * when it went through (the result is shown, as after an answered submission); `undefined` when
   * it did not (the form can be changed again) or is still unknown (the order stays frozen).
   */
  async check(): Promise<IssueReport | undefined> {
    // An unknown outcome comes only from a sent order, so what sent it is here.
    return this.#sender?.check();
  }

  /** The customers a retry from the result would issue to: those the backend refused. */
  failedCustomers(): Customer[] {
    return this.state.step === 'result' ? this.state.outcomes.flatMap((o) => (o.status === 'failed' ? [o.customer] : [])) : [];
  }

  /** Starts a new issue from the same quota and kind; not while one is in flight or of unknown outcome. */
  reset(): void {
    const { step } = this.state;
    if (step === 'verifying' || step === 'submitting' || step === 'outcome-unknown') return;
    this.#sender?.forget();
    const { kind, quotaId } = this.state.draft;
    this.#go({ draft: { kind, quotaId, ...EMPTY_ENTRIES }, quotas: this.state.quotas, step: 'editing', errors: {}, failure: undefined, settled: undefined });
  }

  #go(next: IssueState): void {
    this.replaceState(next);
  }

  #base(): IssueBase {
    return { draft: this.state.draft, quotas: this.state.quotas };
  }

  /**
   * What the next submission sends: the checked form; from a result, the refused customers, checked
   * alone against what the quota has left; after an unknown outcome, the very same order.
   */
  #nextOrder(): { order: IssueOrder; earlier: readonly CustomerOutcome[] } | undefined {
    const state = this.state;
    if (state.step === 'outcome-unknown') return state.checking ? undefined : { order: state.order, earlier: state.earlier };
    if (state.step === 'result') {
      const customers = this.failedCustomers();
      if (customers.length === 0) return undefined;
      const quota = state.quotas.quotas.find((q) => q.id === state.order.quota.id) ?? state.order.quota;
      const errors = checkRetry(quota, state.order.faceValue, customers.length, this.#now());
      this.setState({ errors });
      if (Object.keys(errors).length > 0) return undefined;
      return { order: { ...state.order, quota, customers, request: { ...state.order.request, customerIds: customers.map((c) => c.id) } }, earlier: state.outcomes };
    }
    if (state.step !== 'editing') return undefined;
    const check = checkIssue(state.draft, this.quota(), { now: this.#now(), maxCustomers: this.maxCustomers });
    if (!check.ok) {
      this.setState({ errors: check.errors });
      return undefined;
    }
    const { quota, faceValue } = check;
    return { order: { quota, faceValue, customers: state.draft.customers, request: issueRequest(state.draft, quota, faceValue, state.draft.customers) }, earlier: [] };
  }

  /**
   * Changes the draft in any step but an unknown outcome, which freezes it; while editing, also
   * drops the refusals the change answers.
   */
  #edit(patch: Partial<IssueDraft>, answers: readonly (keyof IssueErrors)[]): void {
    const state = this.state;
    if (state.step === 'outcome-unknown') return;
    const draft = { ...state.draft, ...patch };
    if (state.step !== 'editing') {
      this.setState({ draft });
      return;
    }
    const errors = { ...state.errors };
    for (const field of answers) errors[field] = undefined;
    this.setState({ draft, errors });
  }
}

export { SERVICE_TYPE_RESTRICTION, quotaUnusable, type IssueDraft, type IssueErrors, type QuotaUnusable } from './issue-checks.js';
export type { CustomerOutcome } from './issue-outcome.js';
