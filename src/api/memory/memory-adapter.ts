import type { ApiOperation, CallOptions, IntentCallOptions, IntentResults, PartnerApi } from '../adapter.js';
import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { CouponDesk } from './coupons.js';
import type { FaultPlan } from './faults.js';
import { InvitationDesk, type RevealAudit } from './invitations.js';
import { PaymentDesk } from './payments.js';
import { Prng } from './prng.js';
import { RemittanceDesk, claimInput } from './remittance.js';
import { ReportingDesk } from './reporting.js';
import { CustomerAccountDesk } from './customer-accounts.js';
import { CustomerOutbox, type CustomerMessage } from './customer-outbox.js';
import { seedData, type MemoryData } from './seed.js';
import { UnbindRequestDesk } from './unbind-requests.js';
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
  readonly #reporting: ReportingDesk;
  readonly #customerAccounts: CustomerAccountDesk;
  readonly #payments: PaymentDesk;
  readonly #unbindRequests: UnbindRequestDesk;
  readonly #remittance: RemittanceDesk;
  readonly #customerOutbox: CustomerOutbox;

  constructor(options: MemoryAdapterOptions = {}) {
    const now = options.now ?? (() => Date.now());
    const seed = options.seed ?? 1;
    this.data = seedData(seed, now(), options.invitationCount ?? 2000);
    this.#transport = new Transport({ latencyMs: options.latencyMs ?? 0, faults: options.faults, rateLimitPerSecond: options.rateLimitPerSecond, now });
    const policy = { ...DEFAULT_VERIFICATION_POLICY, ...options.verification };
    this.#verification = new VerificationDesk(policy, { ...DEFAULT_VERIFICATION_RULES, ...options.verificationRules }, new Prng(seed * 7919), now);
    this.#coupons = new CouponDesk(this.data, now, options.maxCustomersPerIssue ?? 100);
    this.#withdrawal = new WithdrawalDesk(this.data, now);
    this.#invitations = new InvitationDesk(this.data, now, (id) => this.#remittance.accountNumber(id));
    this.#reporting = new ReportingDesk(this.data, now, new Prng(seed * 104_729));
    this.#customerOutbox = new CustomerOutbox(now);
    this.#customerAccounts = new CustomerAccountDesk(this.data, this.#coupons, now, new Prng(seed * 15_485_863), this.#customerOutbox);
    this.#payments = new PaymentDesk(now, this.#customerOutbox);
    this.#unbindRequests = new UnbindRequestDesk(this.data, this.#customerAccounts, now, this.#customerOutbox);
    this.#remittance = new RemittanceDesk({
      now,
      text: (body) => this.#verification.text('remittance-details', body),
      credit: (amount) => {
        this.#payments.accountBalance += amount;
      },
    });
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

  /** The codes (and the remittance account's details) "sent" to the partner so far, oldest first. */
  get outbox(): readonly OutboxMessage[] {
    return this.#verification.outbox;
  }

  /** Calls `listener` whenever a code or another text is "sent" to the partner. */
  onOutbox(listener: (outbox: readonly OutboxMessage[]) => void): () => void {
    return this.#verification.onOutbox(listener);
  }

  /**
   * What customers were told so far, oldest first: registration codes texted to a new customer's
   * mobile, "your partner paid your order" (e-mail and SMS), "order again", and the answer to an
   * unbind request with its reason. Sent where the effect happens: once per keyed call, even when
   * its answer was lost on the way.
   */
  get customerOutbox(): readonly CustomerMessage[] {
    return this.#customerOutbox.messages;
  }

  /** Calls `listener` whenever a customer is sent a message. */
  onCustomerOutbox(listener: (outbox: readonly CustomerMessage[]) => void): () => void {
    return this.#customerOutbox.listen(listener);
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

  lookupIntent<O extends s.IntentOperation>(request: s.LookupIntentRequest & { operation: O }, options?: CallOptions): Promise<s.IntentLookup<IntentResults[O]>> {
    // The transport read a done result with the schema of the call that recorded it: operation O's.
    return this.#transport.lookup(s.LookupIntentRequest.parse(request), options) as Promise<s.IntentLookup<IntentResults[O]>>;
  }

  lookupCustomerAccounts(request: s.LookupAccountsRequest, options?: CallOptions): Promise<s.CustomerAccount[]> {
    return this.#transport.call('lookupCustomerAccounts', options, s.CustomerAccountList, () => this.#reporting.lookupAccounts(request));
  }

  reportCustomer(request: s.ReportCustomerRequest, options: IntentCallOptions): Promise<s.ReportCustomerResult> {
    return this.#transport.intent('reportCustomer', request, options, s.ReportCustomerResult, () => this.#reporting.report(request));
  }

  previewInvitationEmail(request: s.PreviewInvitationEmailRequest, options?: CallOptions): Promise<s.InvitationEmailPreview> {
    return this.#transport.call('previewInvitationEmail', options, s.InvitationEmailPreview, () => this.#reporting.preview(request));
  }

  openInvitationLink(request: s.OpenInvitationLinkRequest, options?: CallOptions): Promise<s.OfflineInvitationLink> {
    return this.#transport.call('openInvitationLink', options, s.OfflineInvitationLink, () => this.#reporting.open(request));
  }

  regenerateInvitationLink(request: s.InvitationLinkRequest, options: IntentCallOptions): Promise<s.OfflineInvitationLink> {
    return this.#transport.intent('regenerateInvitationLink', request, options, s.OfflineInvitationLink, () => this.#reporting.regenerate(request));
  }

  revokeInvitationLink(request: s.InvitationLinkRequest, options: IntentCallOptions): Promise<s.RevokeInvitationLinkResult> {
    return this.#transport.intent('revokeInvitationLink', request, options, s.RevokeInvitationLinkResult, () => this.#reporting.revoke(request));
  }

  /** The payments desk, for QA tools and tests: its balances and rules. Not part of the adapter contract. */
  get payments(): PaymentDesk {
    return this.#payments;
  }

  /** The payer finished an online payment (`paid`) or gave up (`failed`): what the payment provider would report. */
  settlePayment(paymentId: string, outcome: 'paid' | 'failed'): void {
    this.#payments.settle(paymentId, outcome);
  }

  getOrderPaymentOverview(options?: CallOptions): Promise<s.OrderPaymentOverview> {
    return this.#transport.call('getOrderPaymentOverview', options, s.OrderPaymentOverview, () => this.#payments.overview());
  }

  payOrder(request: s.PayOrderRequest, options: IntentCallOptions): Promise<s.PayOrderResult> {
    const ticket = this.#verification.ticketFor('pay-order', options?.verificationTicket);
    return this.#transport.intent('payOrder', request, options, s.PayOrderResult, () => this.#payments.pay(request, ticket));
  }

  rejectOrder(request: s.RejectOrderRequest, options: IntentCallOptions): Promise<s.RejectOrderResult> {
    return this.#transport.intent('rejectOrder', request, options, s.RejectOrderResult, () => this.#payments.reject(request));
  }

  notifyOrderCustomer(request: s.NotifyOrderCustomerRequest, options: IntentCallOptions): Promise<s.NotifyOrderCustomerResult> {
    return this.#transport.intent('notifyOrderCustomer', request, options, s.NotifyOrderCustomerResult, () => this.#payments.notify(request));
  }

  createTopUp(request: s.CreateTopUpRequest, options: IntentCallOptions): Promise<s.TopUpResult> {
    return this.#transport.intent('createTopUp', request, options, s.TopUpResult, () => this.#payments.topUp(request));
  }

  getPaymentStatus(request: s.PaymentStatusRequest, options?: CallOptions): Promise<s.PaymentStatus> {
    return this.#transport.call('getPaymentStatus', options, s.PaymentStatus, () => this.#payments.status(request));
  }

  /** The registration codes "texted" to new customers' mobiles, oldest first: the `registration` messages of {@link customerOutbox}. */
  get registrationCodes(): readonly { mobile: string; code: string; sentAt: string }[] {
    return this.customerOutbox.filter((m) => m.purpose === 'registration').map((m) => ({ mobile: m.destination, code: m.code, sentAt: m.sentAt }));
  }

  /** Restricts the partner (CBC.50010085): creating customers is refused, as the partner center does. */
  setPartnerRestricted(restricted: boolean): void {
    this.#customerAccounts.restricted = restricted;
  }

  checkCustomerIdentity(request: s.CheckIdentityRequest, options?: CallOptions): Promise<s.CheckIdentityResult> {
    return this.#transport.call('checkCustomerIdentity', options, s.CheckIdentityResult, () => this.#customerAccounts.checkIdentity(request));
  }

  sendRegistrationCode(request: s.SendRegistrationCodeRequest, options?: CallOptions): Promise<s.SendRegistrationCodeResult> {
    return this.#transport.call('sendRegistrationCode', options, s.SendRegistrationCodeResult, () => this.#customerAccounts.sendCode(request));
  }

  createCustomer(request: s.CreateCustomerRequest, options: IntentCallOptions): Promise<s.CreateCustomerResult> {
    return this.#transport.intent('createCustomer', request, options, s.CreateCustomerResult, () => this.#customerAccounts.create(request));
  }

  listSubCustomers(request: s.ListSubCustomersRequest, options?: CallOptions): Promise<Page<s.SubCustomer>> {
    return this.#transport.call('listSubCustomers', options, s.SubCustomerPage, () => this.#customerAccounts.list(request));
  }

  previewUnbind(request: s.UnbindCustomerRequest, options?: CallOptions): Promise<s.UnbindPreview> {
    return this.#transport.call('previewUnbind', options, s.UnbindPreview, () => this.#customerAccounts.previewUnbind(request));
  }

  unbindCustomer(request: s.UnbindCustomerRequest, options: IntentCallOptions): Promise<s.UnbindCustomerResult> {
    const ticket = this.#verification.ticketFor('unbind', options?.verificationTicket);
    return this.#transport.intent('unbindCustomer', request, options, s.UnbindCustomerResult, () => this.#customerAccounts.unbind(request, ticket));
  }

  /** The customer withdraws its pending unbind request, as it can from its own console. */
  withdrawUnbindRequest(requestId: string): void {
    this.#unbindRequests.withdraw(requestId);
  }

  listUnbindRequests(request: s.ListUnbindRequestsRequest, options?: CallOptions): Promise<Page<s.UnbindRequest>> {
    return this.#transport.call('listUnbindRequests', options, s.UnbindRequestPage, () => this.#unbindRequests.list(request));
  }

  approveUnbindRequest(request: s.ApproveUnbindRequest, options: IntentCallOptions): Promise<s.ApproveUnbindResult> {
    const ticket = this.#verification.ticketFor('unbind-request', options?.verificationTicket);
    return this.#transport.intent('approveUnbindRequest', request, options, s.ApproveUnbindResult, () => this.#unbindRequests.approve(request, ticket));
  }

  rejectUnbindRequest(request: s.RejectUnbindRequest, options: IntentCallOptions): Promise<s.RejectUnbindResult> {
    const ticket = this.#verification.ticketFor('unbind-request', options?.verificationTicket);
    return this.#transport.intent('rejectUnbindRequest', request, options, s.RejectUnbindResult, () => this.#unbindRequests.reject(request, ticket));
  }

  /** A claim's review decides: `approved` credits the partner account, `rejected` (with why) lets the remittance be claimed again. */
  reviewClaim(claimId: string, outcome: 'approved' | 'rejected', reason?: string): void {
    this.#remittance.review(claimId, outcome, reason);
  }

  /** The bank matches a pending transfer to the dedicated account. */
  matchRemittance(remittanceId: string): void {
    this.#remittance.match(remittanceId);
  }

  getRemittanceAccount(options?: CallOptions): Promise<s.RemittanceAccountState> {
    return this.#transport.call('getRemittanceAccount', options, s.RemittanceAccountState, () => this.#remittance.account());
  }

  enableRemittanceAccount(options: IntentCallOptions): Promise<s.EnableRemittanceAccountResult> {
    const ticket = this.#verification.ticketFor('remittance-account', options?.verificationTicket);
    return this.#transport.intent('enableRemittanceAccount', {}, options, s.EnableRemittanceAccountResult, () => this.#remittance.enable(ticket));
  }

  sendRemittanceDetails(options: IntentCallOptions): Promise<s.SendRemittanceDetailsResult> {
    return this.#transport.intent('sendRemittanceDetails', {}, options, s.SendRemittanceDetailsResult, () => this.#remittance.sendDetails());
  }

  getRemittanceProof(options?: CallOptions): Promise<s.RemittanceProof> {
    return this.#transport.call('getRemittanceProof', options, s.RemittanceProof, () => this.#remittance.proof());
  }

  saveRemittancePayers(request: s.SaveRemittancePayersRequest, options?: CallOptions): Promise<s.RemittanceAccount> {
    return this.#transport.call('saveRemittancePayers', options, s.RemittanceAccount, () => this.#remittance.savePayers(request));
  }

  listRemittances(request: s.ListRemittancesRequest, options?: CallOptions): Promise<Page<s.Remittance>> {
    return this.#transport.call('listRemittances', options, s.RemittancePage, () => this.#remittance.listRemittances(request));
  }

  searchUnclaimedRemittances(request: s.SearchRemittancesRequest, options?: CallOptions): Promise<Page<s.UnclaimedRemittance>> {
    return this.#transport.call('searchUnclaimedRemittances', options, s.UnclaimedRemittancePage, () => this.#remittance.search(request));
  }

  claimRemittance(request: s.ClaimRemittanceRequest, options: IntentCallOptions): Promise<s.RemittanceClaim> {
    // The idempotency record keys on what the upload says (ids, amount, file name, type and size), not the bytes.
    const input = claimInput(request);
    return this.#transport.intent('claimRemittance', input, options, s.RemittanceClaim, (refusal) => this.#remittance.claim(input, refusal));
  }

  listRemittanceClaims(request: s.ListRemittanceClaimsRequest, options?: CallOptions): Promise<Page<s.RemittanceClaim>> {
    return this.#transport.call('listRemittanceClaims', options, s.RemittanceClaimPage, () => this.#remittance.listClaims(request));
  }
}
