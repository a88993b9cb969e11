import { breaksNameMatch, lastInFirstOut, takeInOrder } from '../../model/rules/withdraw.js';
import type * as z from 'zod/mini';
import { KitError } from '../../model/errors.js';
import type { ApiOperation, CallOptions, IntentCallOptions, PartnerApi } from '../adapter.js';
import { backendError } from '../backend-errors.js';
import { parseRequest, parseResponse } from '../parse.js';
import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { FaultSchedule, faultError, type FaultPlan } from './faults.js';
import { DAY, Prng, instant } from './prng.js';
import { seedData, type InvitationRow, type MemoryData } from './seed.js';
import { DEFAULT_VERIFICATION_RULES, VerificationDesk, type OutboxMessage, type VerificationRules } from './verification-desk.js';

/** How to build an in-memory backend. Every option has a sensible default for a demo. */
export interface MemoryAdapterOptions {
  /** Same seed, same data. Default 1. */
  seed?: number;
  /** Simulated network latency per call. Default 0. */
  latencyMs?: number;
  /** Planned failures per operation; see {@link MemoryPartnerApi.setFaults}. */
  faults?: FaultPlan;
  /** The clock; tests pass a controllable one to expire codes and links. */
  now?: () => number;
  /** The partner's verification-code setting. Default: on, guarding every money flow, SMS and e-mail. */
  verification?: Partial<s.VerificationPolicy>;
  /** Overrides of the code rules (TTL, resend wait, attempts, send caps). */
  verificationRules?: Partial<VerificationRules>;
  /** Customers per issue the backend accepts. Default 100, as the API. */
  maxCustomersPerIssue?: number;
  /** How many invitations to generate. Default 2,000. */
  invitationCount?: number;
  /** Calls per second per operation before answering 429. Default: unlimited. */
  rateLimitPerSecond?: number;
}

const GUARDED = ['issue-coupon', 'reclaim-coupon', 'withdraw', 'pay-order', 'unbind', 'remittance-account'];

/** Everything an intent produced, kept per idempotency key. */
interface StoredIntent {
  fingerprint: string;
  result: unknown;
}

/**
 * A partner-center backend in memory: seeded, deterministic, enforcing the real rules, with
 * latency, a fault plan per operation, idempotency keys honoured and an outbox of "sent" codes.
 * The embedded default of the kit: the demo, Storybook and the tests run on it.
 */
export class MemoryPartnerApi implements PartnerApi {
  /** The backend's data, for QA tools and tests to inspect. Not part of the adapter contract. */
  readonly data: MemoryData;
  /** Every reveal, as a real backend would audit it. */
  readonly auditLog: { resource: string; id: string; field: string; at: string }[] = [];
  /** How often each operation was called (including failed calls). */
  readonly calls = new Map<ApiOperation, number>();
  readonly #desk: VerificationDesk;
  readonly #faults: FaultSchedule;
  readonly #intents = new Map<string, StoredIntent>();
  readonly #recentCalls = new Map<ApiOperation, number[]>();
  readonly #now: () => number;
  readonly #prng: Prng;
  readonly #options: MemoryAdapterOptions;
  #nextId = 1;
  latencyMs: number;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    const seed = options.seed ?? 1;
    this.#prng = new Prng(seed * 7919);
    this.data = seedData(seed, this.#now(), options.invitationCount ?? 2000);
    this.latencyMs = options.latencyMs ?? 0;
    this.#faults = new FaultSchedule(options.faults);
    const policy: s.VerificationPolicy = {
      enabled: true,
      guardedPurposes: GUARDED,
      channels: [
        { channel: 'sms', destination: '0086-139****1234' },
        { channel: 'email', destination: 'f***@yunfan.example.com' },
      ],
      ...options.verification,
    };
    this.#desk = new VerificationDesk(policy, { ...DEFAULT_VERIFICATION_RULES, ...options.verificationRules }, this.#prng, this.#now);
  }

  /** The codes "sent" so far, oldest first. */
  get outbox(): readonly OutboxMessage[] {
    return this.#desk.outbox;
  }

  /** Calls `listener` whenever a code is "sent". */
  onOutbox(listener: (outbox: readonly OutboxMessage[]) => void): () => void {
    return this.#desk.onOutbox(listener);
  }

  /** Replaces the fault plan, e.g. `{ withdraw: { kind: 'timeout', afterEffect: true, times: 1 } }`. */
  setFaults(plan: FaultPlan): void {
    this.#faults.replace(plan);
  }

  /** Switches verification-code checking on or off, as a partner does in the console. */
  setVerification(policy: Partial<s.VerificationPolicy>): void {
    this.#desk.policy = { ...this.#desk.policy, ...policy };
  }

  // ── Coupons ────────────────────────────────────────────────────────────────────────────────

  listQuotas(request: s.ListQuotasRequest, options?: CallOptions): Promise<Page<s.Quota>> {
    return this.#read('listQuotas', options, s.QuotaPage, () => {
      const { kind, statuses, offset, limit } = parseRequest(s.ListQuotasRequest, request);
      const matches = this.data.quotas.filter((q) => q.kind === kind && (!statuses || statuses.includes(q.status)));
      return page(matches, offset, limit);
    });
  }

  searchCustomers(request: s.SearchCustomersRequest, options?: CallOptions): Promise<Page<s.Customer>> {
    return this.#read('searchCustomers', options, s.CustomerPage, () => {
      const { query, by, offset, limit } = parseRequest(s.SearchCustomersRequest, request);
      const needle = query?.trim().toLowerCase() ?? '';
      const matches = this.data.customers.filter((c) =>
        needle === '' ? true : (by === 'account' ? c.accountName : c.name).toLowerCase().includes(needle),
      );
      return page(matches, offset, limit);
    });
  }

  issueCoupons(request: s.IssueCouponsRequest, options: IntentCallOptions): Promise<s.IssueCouponsResult> {
    return this.#intent('issueCoupons', request, options, s.IssueCouponsResult, () => {
      const input = parseRequest(s.IssueCouponsRequest, request);
      this.#desk.requireTicket('issue-coupon', options.verificationTicket);
      const quota = this.data.quotas.find((q) => q.id === input.quotaId);
      if (!quota) throw backendError('CBC.99000012', 'The quota does not exist.');
      if (quota.status !== 'normal') throw backendError('CBC.99000012', 'The quota cannot be used to issue.');
      const now = this.#now();
      if (now < Date.parse(quota.effectiveFrom) || now >= Date.parse(quota.expiresAt)) {
        throw backendError('CBC.99000017', 'The quota is not effective.');
      }
      const limit = this.#options.maxCustomersPerIssue ?? 100;
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
      this.#desk.redeem('issue-coupon', options.verificationTicket);
      const result: s.IssueCouponsResult = { issued: [], failed: [] };
      for (const customerId of input.customerIds) {
        const customer = this.data.customers.find((c) => c.id === customerId);
        const failure = !customer
          ? backendError('CBC.99000035', 'Not a sub-customer of this partner.')
          : customer.associationType !== 'resale'
            ? backendError('CBC.99000014', 'Coupons cannot be issued to customers of this cooperation type.')
            : quota.balance < input.faceValue
              ? backendError('CBC.99000013', 'The quota balance is insufficient.')
              : undefined;
        if (failure || !customer) {
          result.failed.push({ customerId, error: itemError(failure as KitError) });
          continue;
        }
        quota.balance -= input.faceValue;
        const couponId = `CP${String(30000000 + this.#nextId++)}`;
        this.data.coupons.unshift({
          id: couponId,
          kind: quota.kind,
          customerId,
          customerName: customer.name,
          faceValue: input.faceValue,
          balance: input.faceValue,
          currency: quota.currency,
          status: 'usable',
          effectiveFrom: validFrom,
          expiresAt: validUntil,
          issuedAt: instant(now),
        });
        this.#record({ operation: 'issue', quota, couponId, customer, amount: input.faceValue, remark: input.remark });
        result.issued.push({ customerId, couponId });
      }
      return result;
    });
  }

  reclaimCoupon(request: s.ReclaimCouponRequest, options: IntentCallOptions): Promise<s.ReclaimResult> {
    return this.#intent('reclaimCoupon', request, options, s.ReclaimResult, () => {
      const { couponId } = parseRequest(s.ReclaimCouponRequest, request);
      this.#desk.requireTicket('reclaim-coupon', options.verificationTicket);
      const coupon = this.data.coupons.find((c) => c.id === couponId);
      if (!coupon) throw backendError('KIT.NOT_FOUND', 'No such coupon.', { status: 404 });
      const customer = this.data.customers.find((c) => c.id === coupon.customerId);
      if (customer?.associationType === 'referral') throw backendError('CBC.99000045', 'Coupons of consultant-sales customers cannot be reclaimed.');
      if (coupon.status !== 'usable') throw backendError('CBC.99000048', 'The coupon has expired or was already reclaimed.');
      this.#desk.redeem('reclaim-coupon', options.verificationTicket);
      // A reclaim takes the whole remaining balance, which may be less than the face value.
      const reclaimedAmount = coupon.balance;
      coupon.balance = 0;
      coupon.status = 'reclaimed';
      const quota = this.data.quotas.find((q) => q.kind === coupon.kind && q.status === 'normal');
      if (quota) quota.balance += reclaimedAmount;
      const sourceQuota = this.data.records.find((r) => r.couponId === couponId)?.quotaId ?? quota?.id ?? 'unknown';
      this.#record({ operation: 'reclaim', quota: { id: sourceQuota, kind: coupon.kind }, couponId, customer, customerId: coupon.customerId, amount: reclaimedAmount });
      return { couponId, reclaimedAmount, currency: coupon.currency };
    });
  }

  listIssuedCoupons(request: s.ListIssuedCouponsRequest, options?: CallOptions): Promise<Page<s.IssuedCoupon>> {
    return this.#read('listIssuedCoupons', options, s.IssuedCouponPage, () => {
      const { kind, status, customerId, offset, limit } = parseRequest(s.ListIssuedCouponsRequest, request);
      const matches = this.data.coupons.filter(
        (c) => (!kind || c.kind === kind) && (!status || c.status === status) && (!customerId || c.customerId === customerId),
      );
      return page(matches, offset, limit);
    });
  }

  listCouponRecords(request: s.ListCouponRecordsRequest, options?: CallOptions): Promise<Page<s.CouponRecord>> {
    return this.#read('listCouponRecords', options, s.CouponRecordPage, () => {
      const r = parseRequest(s.ListCouponRecordsRequest, request);
      const matches = this.data.records
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
    });
  }

  // ── Balance and withdrawal ─────────────────────────────────────────────────────────────────

  getBalances(options?: CallOptions): Promise<s.AccountBalance[]> {
    return this.#read('getBalances', options, s.AccountBalanceList, () => this.data.balances);
  }

  getWithdrawalOverview(options?: CallOptions): Promise<s.WithdrawalOverview> {
    return this.#read('getWithdrawalOverview', options, s.WithdrawalOverview, () => {
      const flows = this.data.flows.filter((f) => f.withdrawableAmount > 0);
      const originalRouteAmount = sum(flows.map((f) => f.withdrawableAmount));
      const bankCardAmount = sum(flows.filter((f) => f.channel === 'transaction-mode-conversion').map((f) => f.withdrawableAmount));
      return {
        currency: 'CNY',
        withdrawable: originalRouteAmount,
        originalRouteAmount,
        bankCardAmount,
        bankCardAvailable: bankCardAmount > 0,
        companyRealName: this.data.companyRealName,
        flows,
        accounts: this.data.accounts,
      };
    });
  }

  listBanks(options?: CallOptions): Promise<s.Bank[]> {
    return this.#read('listBanks', options, s.BankList, () => this.data.banks);
  }

  searchBranches(request: s.SearchBranchesRequest, options?: CallOptions): Promise<Page<s.Branch>> {
    return this.#read('searchBranches', options, s.BranchPage, () => {
      const { bankCode, query, offset, limit } = parseRequest(s.SearchBranchesRequest, request);
      const needle = query?.trim() ?? '';
      return page(this.data.branches.filter((b) => b.bankCode === bankCode && b.name.includes(needle)), offset, limit);
    });
  }

  saveAccountBranch(request: s.SaveAccountBranchRequest, options?: CallOptions): Promise<s.PayoutAccount> {
    return this.#read('saveAccountBranch', options, s.PayoutAccount, () => {
      const { accountId, branchCode } = parseRequest(s.SaveAccountBranchRequest, request);
      const account = this.data.accounts.find((a) => a.id === accountId);
      if (!account || account.type !== 'bank') throw backendError('KIT.NOT_FOUND', 'No such bank account.', { status: 404 });
      const branch = this.data.branches.find((b) => b.code === branchCode && b.bankCode === account.bankCode);
      if (!branch) throw new KitError('validation', 'That branch does not belong to the account’s bank.', { reason: 'branch' });
      account.branch = branch;
      return account;
    });
  }

  withdraw(request: s.WithdrawRequest, options: IntentCallOptions): Promise<s.WithdrawResult> {
    return this.#intent('withdraw', request, options, s.WithdrawResult, () => {
      const input = parseRequest(s.WithdrawRequest, request);
      this.#desk.requireTicket('withdraw', options.verificationTicket);
      const available = this.data.flows.filter((f) => f.withdrawableAmount > 0);
      const chosen =
        input.route === 'original'
          ? input.flowIds
            ? input.flowIds.map((id) => available.find((f) => f.id === id))
            : lastInFirstOut(available)
          : available.filter((f) => f.channel === 'transaction-mode-conversion');
      if (chosen.some((f) => f === undefined)) throw backendError('KIT.NOT_FOUND', 'A chosen flow cannot be withdrawn.', { status: 404 });
      const flows = chosen as s.RechargeFlow[];
      if (input.amount > sum(flows.map((f) => f.withdrawableAmount))) {
        throw backendError('KIT.AMOUNT_OVER_AVAILABLE', 'The amount exceeds what the chosen flows hold.');
      }
      const takes = takeInOrder(flows, input.amount);
      for (const { flow } of takes) {
        const account =
          input.route === 'bank-card'
            ? this.data.accounts.find((a) => a.id === input.accountId)
            : this.data.accounts.find((a) => a.id === flow.accountId);
        if (!account) throw backendError('KIT.NOT_FOUND', 'No such account.', { status: 404 });
        if (account.type === 'bank' && !account.branch) {
          throw backendError('KIT.BRANCH_REQUIRED', 'The opening branch of the bank account is required.', { details: { accountId: account.id } });
        }
        if (breaksNameMatch(flow, account, this.data.companyRealName, input.route)) {
          throw backendError('KIT.NAME_MISMATCH', 'The account holder must be the verified company name.', { details: { flowId: flow.id, accountId: account.id } });
        }
      }
      this.#desk.redeem('withdraw', options.verificationTicket);
      for (const { flow, amount } of takes) flow.withdrawableAmount -= amount;
      const cash = this.data.balances.find((b) => b.type === 'cash');
      if (cash) cash.amount = Math.max(0, cash.amount - input.amount);
      return {
        referenceId: `WD${instant(this.#now()).slice(0, 10).replaceAll('-', '')}${String(this.#nextId++).padStart(5, '0')}`,
        amount: input.amount,
        currency: 'CNY',
        flowIds: takes.map((t) => t.flow.id),
        submittedAt: instant(this.#now()),
        expectedArrival: '1–3 business days',
      };
    });
  }

  // ── Verification ───────────────────────────────────────────────────────────────────────────

  getVerificationPolicy(options?: CallOptions): Promise<s.VerificationPolicy> {
    return this.#read('getVerificationPolicy', options, s.VerificationPolicy, () => this.#desk.policy);
  }

  sendVerificationCode(request: s.SendCodeRequest, options?: CallOptions): Promise<s.SendCodeResult> {
    return this.#read('sendVerificationCode', options, s.SendCodeResult, () => this.#desk.send(parseRequest(s.SendCodeRequest, request)));
  }

  checkVerificationCode(request: s.CheckCodeRequest, options?: CallOptions): Promise<s.VerificationTicket> {
    return this.#read('checkVerificationCode', options, s.VerificationTicket, () => this.#desk.check(parseRequest(s.CheckCodeRequest, request)));
  }

  // ── Invitations and reveal ─────────────────────────────────────────────────────────────────

  listInvitations(request: s.ListInvitationsRequest, options?: CallOptions): Promise<Page<s.Invitation>> {
    return this.#read('listInvitations', options, s.InvitationPage, () => {
      const r = parseRequest(s.ListInvitationsRequest, request);
      const needle = r.query?.trim().toLowerCase() ?? '';
      let rows = this.data.invitations.filter(
        (row) =>
          (!r.status || row.status === r.status) &&
          (needle === '' || row.name.toLowerCase().includes(needle) || row.mobile.includes(needle) || row.email.includes(needle)),
      );
      if (r.sortBy) {
        const key = r.sortBy;
        const direction = r.sortDirection === 'desc' ? -1 : 1;
        rows = [...rows].sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0));
      }
      return { items: rows.slice(r.offset, r.offset + r.limit).map((row) => this.#invitationView(row)), total: rows.length };
    });
  }

  resendInvitation(request: s.ResendInvitationRequest, options: IntentCallOptions): Promise<s.ResendInvitationResult> {
    return this.#intent('resendInvitation', request, options, s.ResendInvitationResult, () => {
      const { invitationId } = parseRequest(s.ResendInvitationRequest, request);
      const row = this.data.invitations.find((i) => i.id === invitationId);
      if (!row) throw backendError('KIT.NOT_FOUND', 'No such invitation.', { status: 404 });
      if (row.status === 'associated') throw backendError('KIT.ALREADY_ASSOCIATED', 'The customer is already associated.');
      const now = this.#now();
      row.status = 'invited';
      row.failure = undefined;
      row.invitedAt = now;
      row.linkExpiresAt = now + 7 * DAY;
      return { invitationId, sentAt: instant(now), linkExpiresAt: instant(row.linkExpiresAt) };
    });
  }

  revealField(request: s.RevealRequest, options?: CallOptions): Promise<s.RevealResult> {
    return this.#read('revealField', options, s.RevealResult, () => {
      const { resource, id, field } = parseRequest(s.RevealRequest, request);
      const source: { name: string; mobile?: string | undefined; email?: string | undefined } | undefined =
        resource === 'customer' ? this.data.customers.find((c) => c.id === id) : this.data.invitations.find((i) => i.id === id);
      const value = source?.[field];
      if (value === undefined) throw backendError('KIT.NOT_FOUND', 'Nothing to reveal.', { status: 404 });
      this.auditLog.push({ resource, id, field, at: instant(this.#now()) });
      return { value };
    });
  }

  // ── Plumbing ───────────────────────────────────────────────────────────────────────────────

  #invitationView(row: InvitationRow): s.Invitation {
    return {
      id: row.id,
      maskedName: `${Array.from(row.name)[0] ?? ''}**`,
      maskedMobile: `${row.mobile.slice(0, 8)}****${row.mobile.slice(-4)}`,
      maskedEmail: `${row.email[0] ?? ''}***${row.email.slice(row.email.indexOf('@'))}`,
      status: row.status,
      ...(row.failure ? { failure: row.failure } : {}),
      invitedAt: instant(row.invitedAt),
      linkExpiresAt: instant(row.linkExpiresAt),
      operator: row.operator,
    };
  }

  #record(entry: {
    operation: s.CouponOperation;
    quota: { id: string; kind: s.CouponKind };
    couponId: string;
    customer: s.Customer | undefined;
    customerId?: string;
    amount: number;
    remark?: string | undefined;
  }): void {
    this.data.records.push({
      id: `R-${String(90000 + this.#nextId++)}`,
      operation: entry.operation,
      quotaId: entry.quota.id,
      kind: entry.quota.kind,
      couponId: entry.couponId,
      customerId: entry.customer?.id ?? entry.customerId ?? 'unknown',
      ...(entry.customer ? { customerName: entry.customer.name } : {}),
      amount: entry.amount,
      currency: 'CNY',
      operatedAt: instant(this.#now()),
      succeeded: true,
      ...(entry.remark ? { remark: entry.remark } : {}),
    });
  }

  /** Latency, rate limit and the faults that strike before the backend acts. */
  async #arrive(operation: ApiOperation, signal: AbortSignal | undefined) {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    await sleep(this.latencyMs, signal);
    this.#throttle(operation);
    const fault = this.#faults.take(operation);
    if (fault && fault.kind !== 'malformed' && !fault.afterEffect) throw faultError(fault, operation);
    return fault;
  }

  async #read<S extends z.ZodMiniType>(operation: ApiOperation, options: CallOptions | undefined, schema: S, effect: () => unknown): Promise<z.infer<S>> {
    const fault = await this.#arrive(operation, options?.signal);
    return this.#answer(operation, schema, effect(), fault);
  }

  async #intent<S extends z.ZodMiniType>(
    operation: ApiOperation,
    request: unknown,
    options: IntentCallOptions,
    schema: S,
    effect: () => unknown,
  ): Promise<z.infer<S>> {
    if (!options?.idempotencyKey) throw new KitError('validation', `${operation} needs an idempotency key.`, { reason: 'idempotency-key' });
    const fault = await this.#arrive(operation, options.signal);
    const key = `${operation}|${options.idempotencyKey}`;
    const fingerprint = JSON.stringify(request);
    let stored = this.#intents.get(key);
    if (stored && stored.fingerprint !== fingerprint) {
      throw backendError('KIT.IDEMPOTENCY_MISMATCH', 'This idempotency key was used for a different request.', { status: 409 });
    }
    if (!stored) {
      // Only successes are kept: a refused intent may be retried once its cause is fixed.
      stored = { fingerprint, result: effect() };
      this.#intents.set(key, stored);
    }
    return this.#answer(operation, schema, stored.result, fault);
  }

  #answer<S extends z.ZodMiniType>(operation: ApiOperation, schema: S, result: unknown, fault: ReturnType<FaultSchedule['take']>): z.infer<S> {
    if (fault?.afterEffect) throw faultError(fault, operation);
    // A structured copy: callers must never hold references into the backend's state.
    const payload: unknown = fault?.kind === 'malformed' ? { unexpected: true } : structuredClone(result);
    return parseResponse(schema, payload, operation);
  }

  #throttle(operation: ApiOperation): void {
    const limit = this.#options.rateLimitPerSecond;
    if (!limit) return;
    const now = this.#now();
    const recent = (this.#recentCalls.get(operation) ?? []).filter((t) => t > now - 1000);
    if (recent.length >= limit) {
      this.#recentCalls.set(operation, recent);
      throw backendError('CBC.0250', 'Too many requests.', { status: 429, retryAfterMs: (recent[0] as number) + 1000 - now });
    }
    recent.push(now);
    this.#recentCalls.set(operation, recent);
  }
}

function page<T>(items: readonly T[], offset: number, limit: number): Page<T> {
  return { items: items.slice(offset, offset + limit), total: items.length };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Takes `amount` from `flows` in the order given (callers pass newest first for LIFO). */
function itemError(error: KitError): s.ItemError {
  return {
    code: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
    ...(error.backendCode ? { backendCode: error.backendCode } : {}),
    message: error.message,
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new KitError('cancelled', 'The call was cancelled.'));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new KitError('cancelled', 'The call was cancelled.'));
      },
      { once: true },
    );
  });
}

