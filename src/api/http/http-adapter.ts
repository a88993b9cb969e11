import type * as s from '../../model/schemas/index.js';
import type { Page } from '../../model/schemas/common.js';
import type { CallOptions, IntentCallOptions, IntentResults, PartnerApi } from '../adapter.js';
import type { RecordingDomain } from './domains/intents.js';
import { lazyDomain } from './lazy-domain.js';
import type { HttpAdapterOptions } from './options.js';
import { HttpTransport, type Send } from './transport.js';

export type { HttpAdapterOptions } from './options.js';

// Each domain's request building, wire schemas and response parsing (and zod with them) load on the
// first call of that domain, so a page pays for the transport alone until an element asks for data.
const coupons = lazyDomain('coupons', () => import('./domains/coupons.js'));
const withdrawal = lazyDomain('withdrawal', () => import('./domains/withdrawal.js'));
const verification = lazyDomain('verification', () => import('./domains/verification.js'));
const invitations = lazyDomain('invitations', () => import('./domains/invitations.js'));
const payments = lazyDomain('payments', () => import('./domains/payments.js'));
const customers = lazyDomain('customers', () => import('./domains/customers.js'));
const remittance = lazyDomain('remittance', () => import('./domains/remittance.js'));
const intents = lazyDomain('intents', () => import('./domains/intents.js'));
/** The domains whose keyed calls a backend records, by the name `lookupIntent` asks for them with. */
const RECORDING = { coupons, withdrawal, invitations, payments, customers, remittance };
const DOMAINS = [...Object.values(RECORDING), verification, intents];

/** A result `lookupIntent` found recorded, read by the domain of its operation. */
const recordedIn = (domain: RecordingDomain) => RECORDING[domain]();

/**
 * Loads every domain of the HTTP adapter now rather than on its first call: for a host that wants
 * no request to wait on a chunk (a kiosk that may go offline, a page measured at first click).
 * Resolves when all are loaded; a failure is a `network` KitError, and calling again retries.
 * A single-file build needs nothing more: its bundler (Rollup `inlineDynamicImports`, esbuild
 * without `splitting`) puts every domain in the one file.
 */
export async function preloadHttpDomains(): Promise<void> {
  await Promise.all(DOMAINS.map((load) => load()));
}

/**
 * The partner API over `fetch`: the REST contract of the partner center where it exists, and the
 * kit's documented contract (`/kit/v1/…`) for the console-only flows. Every answer is validated;
 * rate limits are waited out; money-moving calls carry an `Idempotency-Key`.
 *
 * Only the transport is loaded with the adapter. Each domain (coupons, withdrawal, verification,
 * invitations and reports, payments, customers, remittance) brings its schemas on its first call,
 * once per page; {@link preloadHttpDomains} loads them all up front.
 */
export class HttpPartnerApi implements PartnerApi {
  readonly #send: Send;

  constructor(options: HttpAdapterOptions) {
    this.#send = new HttpTransport(options).send;
  }

  listQuotas(request: s.ListQuotasRequest, options?: CallOptions): Promise<Page<s.Quota>> {
    return coupons().then((d) => d.listQuotas(this.#send, request, options));
  }

  searchCustomers(request: s.SearchCustomersRequest, options?: CallOptions): Promise<Page<s.Customer>> {
    return coupons().then((d) => d.searchCustomers(this.#send, request, options));
  }

  issueCoupons(request: s.IssueCouponsRequest, options: IntentCallOptions): Promise<s.IssueCouponsResult> {
    return coupons().then((d) => d.issueCoupons(this.#send, request, options));
  }

  reclaimCoupon(request: s.ReclaimCouponRequest, options: IntentCallOptions): Promise<s.ReclaimResult> {
    return coupons().then((d) => d.reclaimCoupon(this.#send, request, options));
  }

  listIssuedCoupons(request: s.ListIssuedCouponsRequest, options?: CallOptions): Promise<Page<s.IssuedCoupon>> {
    return coupons().then((d) => d.listIssuedCoupons(this.#send, request, options));
  }

  listCouponRecords(request: s.ListCouponRecordsRequest, options?: CallOptions): Promise<Page<s.CouponRecord>> {
    return coupons().then((d) => d.listCouponRecords(this.#send, request, options));
  }

  getBalances(options?: CallOptions): Promise<s.AccountBalance[]> {
    return withdrawal().then((d) => d.getBalances(this.#send, options));
  }

  getWithdrawalOverview(options?: CallOptions): Promise<s.WithdrawalOverview> {
    return withdrawal().then((d) => d.getWithdrawalOverview(this.#send, options));
  }

  listBanks(options?: CallOptions): Promise<s.Bank[]> {
    return withdrawal().then((d) => d.listBanks(this.#send, options));
  }

  searchBranches(request: s.SearchBranchesRequest, options?: CallOptions): Promise<Page<s.Branch>> {
    return withdrawal().then((d) => d.searchBranches(this.#send, request, options));
  }

  saveAccountBranch(request: s.SaveAccountBranchRequest, options?: CallOptions): Promise<s.PayoutAccount> {
    return withdrawal().then((d) => d.saveAccountBranch(this.#send, request, options));
  }

  withdraw(request: s.WithdrawRequest, options: IntentCallOptions): Promise<s.WithdrawResult> {
    return withdrawal().then((d) => d.withdraw(this.#send, request, options));
  }

  getVerificationPolicy(options?: CallOptions): Promise<s.VerificationPolicy> {
    return verification().then((d) => d.getVerificationPolicy(this.#send, options));
  }

  sendVerificationCode(request: s.SendCodeRequest, options?: CallOptions): Promise<s.SendCodeResult> {
    return verification().then((d) => d.sendVerificationCode(this.#send, request, options));
  }

  checkVerificationCode(request: s.CheckCodeRequest, options?: CallOptions): Promise<s.VerificationTicket> {
    return verification().then((d) => d.checkVerificationCode(this.#send, request, options));
  }

  listInvitations(request: s.ListInvitationsRequest, options?: CallOptions): Promise<Page<s.Invitation>> {
    return invitations().then((d) => d.listInvitations(this.#send, request, options));
  }

  resendInvitation(request: s.ResendInvitationRequest, options: IntentCallOptions): Promise<s.ResendInvitationResult> {
    return invitations().then((d) => d.resendInvitation(this.#send, request, options));
  }

  revealField(request: s.RevealRequest, options?: CallOptions): Promise<s.RevealResult> {
    return verification().then((d) => d.revealField(this.#send, request, options));
  }

  lookupIntent<O extends s.IntentOperation>(request: s.LookupIntentRequest & { operation: O }, options?: CallOptions): Promise<s.IntentLookup<IntentResults[O]>> {
    // The operation's own domain read the recorded result with that operation's wire and model schemas.
    return intents().then((d) => d.lookupIntent(this.#send, request, options, recordedIn)) as Promise<s.IntentLookup<IntentResults[O]>>;
  }

  lookupCustomerAccounts(request: s.LookupAccountsRequest, options?: CallOptions): Promise<s.CustomerAccount[]> {
    return invitations().then((d) => d.lookupCustomerAccounts(this.#send, request, options));
  }

  reportCustomer(request: s.ReportCustomerRequest, options: IntentCallOptions): Promise<s.ReportCustomerResult> {
    return invitations().then((d) => d.reportCustomer(this.#send, request, options));
  }

  previewInvitationEmail(request: s.PreviewInvitationEmailRequest, options?: CallOptions): Promise<s.InvitationEmailPreview> {
    return invitations().then((d) => d.previewInvitationEmail(this.#send, request, options));
  }

  openInvitationLink(request: s.OpenInvitationLinkRequest, options?: CallOptions): Promise<s.OfflineInvitationLink> {
    return invitations().then((d) => d.openInvitationLink(this.#send, request, options));
  }

  regenerateInvitationLink(request: s.InvitationLinkRequest, options: IntentCallOptions): Promise<s.OfflineInvitationLink> {
    return invitations().then((d) => d.regenerateInvitationLink(this.#send, request, options));
  }

  revokeInvitationLink(request: s.InvitationLinkRequest, options: IntentCallOptions): Promise<s.RevokeInvitationLinkResult> {
    return invitations().then((d) => d.revokeInvitationLink(this.#send, request, options));
  }

  getOrderPaymentOverview(options?: CallOptions): Promise<s.OrderPaymentOverview> {
    return payments().then((d) => d.getOrderPaymentOverview(this.#send, options));
  }

  payOrder(request: s.PayOrderRequest, options: IntentCallOptions): Promise<s.PayOrderResult> {
    return payments().then((d) => d.payOrder(this.#send, request, options));
  }

  rejectOrder(request: s.RejectOrderRequest, options: IntentCallOptions): Promise<s.RejectOrderResult> {
    return payments().then((d) => d.rejectOrder(this.#send, request, options));
  }

  notifyOrderCustomer(request: s.NotifyOrderCustomerRequest, options: IntentCallOptions): Promise<s.NotifyOrderCustomerResult> {
    return payments().then((d) => d.notifyOrderCustomer(this.#send, request, options));
  }

  createTopUp(request: s.CreateTopUpRequest, options: IntentCallOptions): Promise<s.TopUpResult> {
    return payments().then((d) => d.createTopUp(this.#send, request, options));
  }

  getPaymentStatus(request: s.PaymentStatusRequest, options?: CallOptions): Promise<s.PaymentStatus> {
    return payments().then((d) => d.getPaymentStatus(this.#send, request, options));
  }

  checkCustomerIdentity(request: s.CheckIdentityRequest, options?: CallOptions): Promise<s.CheckIdentityResult> {
    return customers().then((d) => d.checkCustomerIdentity(this.#send, request, options));
  }

  sendRegistrationCode(request: s.SendRegistrationCodeRequest, options?: CallOptions): Promise<s.SendRegistrationCodeResult> {
    return customers().then((d) => d.sendRegistrationCode(this.#send, request, options));
  }

  createCustomer(request: s.CreateCustomerRequest, options: IntentCallOptions): Promise<s.CreateCustomerResult> {
    return customers().then((d) => d.createCustomer(this.#send, request, options));
  }

  listSubCustomers(request: s.ListSubCustomersRequest, options?: CallOptions): Promise<Page<s.SubCustomer>> {
    return customers().then((d) => d.listSubCustomers(this.#send, request, options));
  }

  previewUnbind(request: s.UnbindCustomerRequest, options?: CallOptions): Promise<s.UnbindPreview> {
    return customers().then((d) => d.previewUnbind(this.#send, request, options));
  }

  unbindCustomer(request: s.UnbindCustomerRequest, options: IntentCallOptions): Promise<s.UnbindCustomerResult> {
    return customers().then((d) => d.unbindCustomer(this.#send, request, options));
  }

  listUnbindRequests(request: s.ListUnbindRequestsRequest, options?: CallOptions): Promise<Page<s.UnbindRequest>> {
    return customers().then((d) => d.listUnbindRequests(this.#send, request, options));
  }

  approveUnbindRequest(request: s.ApproveUnbindRequest, options: IntentCallOptions): Promise<s.ApproveUnbindResult> {
    return customers().then((d) => d.approveUnbindRequest(this.#send, request, options));
  }

  rejectUnbindRequest(request: s.RejectUnbindRequest, options: IntentCallOptions): Promise<s.RejectUnbindResult> {
    return customers().then((d) => d.rejectUnbindRequest(this.#send, request, options));
  }

  getRemittanceAccount(options?: CallOptions): Promise<s.RemittanceAccountState> {
    return remittance().then((d) => d.getRemittanceAccount(this.#send, options));
  }

  enableRemittanceAccount(options: IntentCallOptions): Promise<s.EnableRemittanceAccountResult> {
    return remittance().then((d) => d.enableRemittanceAccount(this.#send, options));
  }

  sendRemittanceDetails(options: IntentCallOptions): Promise<s.SendRemittanceDetailsResult> {
    return remittance().then((d) => d.sendRemittanceDetails(this.#send, options));
  }

  getRemittanceProof(options?: CallOptions): Promise<s.RemittanceProof> {
    return remittance().then((d) => d.getRemittanceProof(this.#send, options));
  }

  saveRemittancePayers(request: s.SaveRemittancePayersRequest, options?: CallOptions): Promise<s.RemittanceAccount> {
    return remittance().then((d) => d.saveRemittancePayers(this.#send, request, options));
  }

  listRemittances(request: s.ListRemittancesRequest, options?: CallOptions): Promise<Page<s.Remittance>> {
    return remittance().then((d) => d.listRemittances(this.#send, request, options));
  }

  searchUnclaimedRemittances(request: s.SearchRemittancesRequest, options?: CallOptions): Promise<Page<s.UnclaimedRemittance>> {
    return remittance().then((d) => d.searchUnclaimedRemittances(this.#send, request, options));
  }

  claimRemittance(request: s.ClaimRemittanceRequest, options: IntentCallOptions): Promise<s.RemittanceClaim> {
    return remittance().then((d) => d.claimRemittance(this.#send, request, options));
  }

  listRemittanceClaims(request: s.ListRemittanceClaimsRequest, options?: CallOptions): Promise<Page<s.RemittanceClaim>> {
    return remittance().then((d) => d.listRemittanceClaims(this.#send, request, options));
  }
}
