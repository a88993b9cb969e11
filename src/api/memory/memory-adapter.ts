import type { ApiOperation, CallOptions, IntentCallOptions, PartnerApi } from '../adapter.js';
import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { CouponDesk } from './coupons.js';
import type { FaultPlan } from './faults.js';
import { InvitationDesk, type RevealAudit } from './invitations.js';
import { Prng } from './prng.js';
import { seedData, type MemoryData } from './seed.js';
import { Transport } from './transport.js';
import { DEFAULT_VERIFICATION_POLICY, DEFAULT_VERIFICATION_RULES, VerificationDesk, type OutboxMessage, type VerificationRules } from './verification-desk.js';
import { WithdrawalDesk } from './withdrawal.js';

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

/**
 * A partner-center backend in memory: seeded, deterministic, enforcing the real rules, with
 * latency, a fault plan per operation, idempotency keys honoured and an outbox of "sent" codes.
 * The embedded default of the kit: the demo, Storybook and the tests run on it. Each operation
 * goes through the one transport to the desk of its domain.
 */
export class MemoryPartnerApi implements PartnerApi {
  /** The backend's data, for QA tools and tests to inspect. Not part of the adapter contract. */
  readonly data: MemoryData;
  readonly #transport: Transport;
  readonly #verification: VerificationDesk;
  readonly #coupons: CouponDesk;
  readonly #withdrawal: WithdrawalDesk;
  readonly #invitations: InvitationDesk;

  constructor(options: MemoryAdapterOptions = {}) {
    const now = options.now ?? (() => Date.now());
    const seed = options.seed ?? 1;
    this.data = seedData(seed, now(), options.invitationCount ?? 2000);
    this.#transport = new Transport({ latencyMs: options.latencyMs ?? 0, faults: options.faults, rateLimitPerSecond: options.rateLimitPerSecond, now });
    const policy = { ...DEFAULT_VERIFICATION_POLICY, ...options.verification };
    this.#verification = new VerificationDesk(policy, { ...DEFAULT_VERIFICATION_RULES, ...options.verificationRules }, new Prng(seed * 7919), now);
    this.#coupons = new CouponDesk(this.data, now, options.maxCustomersPerIssue ?? 100);
    this.#withdrawal = new WithdrawalDesk(this.data, now);
    this.#invitations = new InvitationDesk(this.data, now);
  }

  /** Simulated network latency per call, changeable at any time (the demo's latency field). */
  get latencyMs(): number {
    return this.#transport.latencyMs;
  }

  set latencyMs(ms: number) {
    this.#transport.latencyMs = ms;
  }

  /** How often each operation was called (including failed calls). */
  get calls(): ReadonlyMap<ApiOperation, number> {
    return this.#transport.calls;
  }

  /** Every reveal, as a real backend would audit it. */
  get auditLog(): readonly RevealAudit[] {
    return this.#invitations.auditLog;
  }

  /** The codes "sent" so far, oldest first. */
  get outbox(): readonly OutboxMessage[] {
    return this.#verification.outbox;
  }

  /** Calls `listener` whenever a code is "sent". */
  onOutbox(listener: (outbox: readonly OutboxMessage[]) => void): () => void {
    return this.#verification.onOutbox(listener);
  }

  /**
   * Replaces the fault plan, e.g. `{ withdraw: { kind: 'timeout', afterEffect: true, times: 1 } }`,
   * or a refusal the client's checks did not foresee: `{ withdraw: { kind: 'refused', refusal: 'name-mismatch' } }`.
   */
  setFaults(plan: FaultPlan): void {
    this.#transport.setFaults(plan);
  }

  /** Switches verification-code checking on or off, as a partner does in the console. */
  setVerification(policy: Partial<s.VerificationPolicy>): void {
    this.#verification.policy = { ...this.#verification.policy, ...policy };
  }

  listQuotas(request: s.ListQuotasRequest, options?: CallOptions): Promise<Page<s.Quota>> {
    return this.#transport.call('listQuotas', options, s.QuotaPage, () => this.#coupons.listQuotas(request));
  }

  searchCustomers(request: s.SearchCustomersRequest, options?: CallOptions): Promise<Page<s.Customer>> {
    return this.#transport.call('searchCustomers', options, s.CustomerPage, () => this.#coupons.searchCustomers(request));
  }

  issueCoupons(request: s.IssueCouponsRequest, options: IntentCallOptions): Promise<s.IssueCouponsResult> {
    const ticket = this.#verification.ticketFor('issue-coupon', options?.verificationTicket);
    return this.#transport.intent('issueCoupons', request, options, s.IssueCouponsResult, (refusal) => this.#coupons.issue(request, ticket, refusal));
  }

  reclaimCoupon(request: s.ReclaimCouponRequest, options: IntentCallOptions): Promise<s.ReclaimResult> {
    const ticket = this.#verification.ticketFor('reclaim-coupon', options?.verificationTicket);
    return this.#transport.intent('reclaimCoupon', request, options, s.ReclaimResult, (refusal) => this.#coupons.reclaim(request, ticket, refusal));
  }

  listIssuedCoupons(request: s.ListIssuedCouponsRequest, options?: CallOptions): Promise<Page<s.IssuedCoupon>> {
    return this.#transport.call('listIssuedCoupons', options, s.IssuedCouponPage, () => this.#coupons.listIssuedCoupons(request));
  }

  listCouponRecords(request: s.ListCouponRecordsRequest, options?: CallOptions): Promise<Page<s.CouponRecord>> {
    return this.#transport.call('listCouponRecords', options, s.CouponRecordPage, () => this.#coupons.listCouponRecords(request));
  }

  getBalances(options?: CallOptions): Promise<s.AccountBalance[]> {
    return this.#transport.call('getBalances', options, s.AccountBalanceList, () => this.#withdrawal.balances());
  }

  getWithdrawalOverview(options?: CallOptions): Promise<s.WithdrawalOverview> {
    return this.#transport.call('getWithdrawalOverview', options, s.WithdrawalOverview, () => this.#withdrawal.overview());
  }

  listBanks(options?: CallOptions): Promise<s.Bank[]> {
    return this.#transport.call('listBanks', options, s.BankList, () => this.#withdrawal.banks());
  }

  searchBranches(request: s.SearchBranchesRequest, options?: CallOptions): Promise<Page<s.Branch>> {
    return this.#transport.call('searchBranches', options, s.BranchPage, () => this.#withdrawal.searchBranches(request));
  }

  saveAccountBranch(request: s.SaveAccountBranchRequest, options?: CallOptions): Promise<s.PayoutAccount> {
    return this.#transport.call('saveAccountBranch', options, s.PayoutAccount, () => this.#withdrawal.saveAccountBranch(request));
  }

  withdraw(request: s.WithdrawRequest, options: IntentCallOptions): Promise<s.WithdrawResult> {
    const ticket = this.#verification.ticketFor('withdraw', options?.verificationTicket);
    return this.#transport.intent('withdraw', request, options, s.WithdrawResult, (refusal) => this.#withdrawal.withdraw(request, ticket, refusal));
  }

  getVerificationPolicy(options?: CallOptions): Promise<s.VerificationPolicy> {
    return this.#transport.call('getVerificationPolicy', options, s.VerificationPolicy, () => this.#verification.policy);
  }

  sendVerificationCode(request: s.SendCodeRequest, options?: CallOptions): Promise<s.SendCodeResult> {
    return this.#transport.call('sendVerificationCode', options, s.SendCodeResult, () => this.#verification.send(request));
  }

  checkVerificationCode(request: s.CheckCodeRequest, options?: CallOptions): Promise<s.VerificationTicket> {
    return this.#transport.call('checkVerificationCode', options, s.VerificationTicket, () => this.#verification.check(request));
  }

  listInvitations(request: s.ListInvitationsRequest, options?: CallOptions): Promise<Page<s.Invitation>> {
    return this.#transport.call('listInvitations', options, s.InvitationPage, () => this.#invitations.list(request));
  }

  resendInvitation(request: s.ResendInvitationRequest, options: IntentCallOptions): Promise<s.ResendInvitationResult> {
    return this.#transport.intent('resendInvitation', request, options, s.ResendInvitationResult, (refusal) => this.#invitations.resend(request, refusal));
  }

  revealField(request: s.RevealRequest, options?: CallOptions): Promise<s.RevealResult> {
    return this.#transport.call('revealField', options, s.RevealResult, () => this.#invitations.reveal(request));
  }

  lookupIntent(request: s.LookupIntentRequest, options?: CallOptions): Promise<s.IntentLookup> {
    return this.#transport.lookup(s.LookupIntentRequest.parse(request), options);
  }
}
