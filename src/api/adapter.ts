import type { Page } from '../model/schemas/common.js';
import type {
  IssueCouponsRequest,
  IssueCouponsResult,
  IssuedCoupon,
  ListCouponRecordsRequest,
  ListIssuedCouponsRequest,
  ListQuotasRequest,
  Quota,
  CouponRecord,
  ReclaimCouponRequest,
  ReclaimResult,
} from '../model/schemas/coupons.js';
import type { Customer, SearchCustomersRequest } from '../model/schemas/customers.js';
import type {
  AccountBalance,
  Bank,
  Branch,
  PayoutAccount,
  SaveAccountBranchRequest,
  SearchBranchesRequest,
  WithdrawalOverview,
  WithdrawRequest,
  WithdrawResult,
} from '../model/schemas/withdrawal.js';
import type {
  CheckCodeRequest,
  SendCodeRequest,
  SendCodeResult,
  VerificationPolicy,
  VerificationTicket,
} from '../model/schemas/verification.js';
import type {
  Invitation,
  ListInvitationsRequest,
  ResendInvitationRequest,
  ResendInvitationResult,
} from '../model/schemas/invitations.js';
import type { RevealRequest, RevealResult } from '../model/schemas/reveal.js';
import type { IntentLookup, IntentOperation, LookupIntentRequest } from '../model/schemas/intents.js';
import type * as accounts from '../model/schemas/customer-accounts.js';
import type {
  CustomerAccount,
  InvitationEmailPreview,
  OfflineInvitationLink,
  InvitationLinkRequest,
  LookupAccountsRequest,
  OpenInvitationLinkRequest,
  PreviewInvitationEmailRequest,
  ReportCustomerRequest,
  ReportCustomerResult,
  RevokeInvitationLinkResult,
} from '../model/schemas/reporting.js';
import type {
  CreateTopUpRequest,
  NotifyOrderCustomerRequest,
  NotifyOrderCustomerResult,
  OrderPaymentOverview,
  PaymentStatus,
  PaymentStatusRequest,
  PayOrderRequest,
  PayOrderResult,
  RejectOrderRequest,
  RejectOrderResult,
  TopUpResult,
} from '../model/schemas/payments.js';
import type * as remittance from '../model/schemas/remittance.js';

/** Per-call options every operation takes. */
export interface CallOptions {
  /** Aborts the call (the element was removed, the user cancelled). */
  signal?: AbortSignal;
}

/** Options of a call that moves money or sends something: it must be safe to retry. */
export interface IntentCallOptions extends CallOptions {
  /** Created once per user intent and reused on every retry of it; the backend runs the intent at most once. */
  idempotencyKey: string;
  /** The ticket of a passed verification-code check, where the policy guards this purpose. */
  verificationTicket?: string;
}

/**
 * Everything the kit's flows ask of a backend, one method per operation. Implementations resolve
 * with values shaped by the schemas in `schemas/` and reject with a `KitError`. The kit ships an
 * in-memory adapter (`partner-kit/api/memory`) and an HTTP adapter (`partner-kit/api/http`); a
 * host may write its own.
 */
export interface PartnerApi {
  listQuotas(request: ListQuotasRequest, options?: CallOptions): Promise<Page<Quota>>;
  searchCustomers(request: SearchCustomersRequest, options?: CallOptions): Promise<Page<Customer>>;
  issueCoupons(request: IssueCouponsRequest, options: IntentCallOptions): Promise<IssueCouponsResult>;
  reclaimCoupon(request: ReclaimCouponRequest, options: IntentCallOptions): Promise<ReclaimResult>;
  listIssuedCoupons(request: ListIssuedCouponsRequest, options?: CallOptions): Promise<Page<IssuedCoupon>>;
  listCouponRecords(request: ListCouponRecordsRequest, options?: CallOptions): Promise<Page<CouponRecord>>;
  getBalances(options?: CallOptions): Promise<AccountBalance[]>;
  getWithdrawalOverview(options?: CallOptions): Promise<WithdrawalOverview>;
  listBanks(options?: CallOptions): Promise<Bank[]>;
  searchBranches(request: SearchBranchesRequest, options?: CallOptions): Promise<Page<Branch>>;
  saveAccountBranch(request: SaveAccountBranchRequest, options?: CallOptions): Promise<PayoutAccount>;
  withdraw(request: WithdrawRequest, options: IntentCallOptions): Promise<WithdrawResult>;
  getVerificationPolicy(options?: CallOptions): Promise<VerificationPolicy>;
  sendVerificationCode(request: SendCodeRequest, options?: CallOptions): Promise<SendCodeResult>;
  checkVerificationCode(request: CheckCodeRequest, options?: CallOptions): Promise<VerificationTicket>;
  listInvitations(request: ListInvitationsRequest, options?: CallOptions): Promise<Page<Invitation>>;
  resendInvitation(request: ResendInvitationRequest, options: IntentCallOptions): Promise<ResendInvitationResult>;
  revealField(request: RevealRequest, options?: CallOptions): Promise<RevealResult>;
  /**
   * What became of the intent sent with `idempotencyKey` (after a timeout, a 5xx or a lost answer):
   * `done` with the call's result, `refused`, `pending`, or `not-done` — and from a `not-done`
   * answer on the backend refuses that key, so a request still on its way cannot take effect later.
   *
   * A `done` result is the operation's own result ({@link IntentResults}), read and checked by the
   * adapter as the call's answer is: the kit's flows take it as it comes. A recorded result the
   * adapter cannot read rejects the lookup (`malformed-response`), which leaves the outcome unknown.
   */
  lookupIntent<O extends IntentOperation>(request: LookupIntentRequest & { operation: O }, options?: CallOptions): Promise<IntentLookup<IntentResults[O]>>;
  /** The Huawei Cloud accounts registered with a mobile: a report names one of them. */
  lookupCustomerAccounts(request: LookupAccountsRequest, options?: CallOptions): Promise<CustomerAccount[]>;
  /** Reports (报备) one customer and, when asked, e-mails the invitation; the new row joins `listInvitations`. */
  reportCustomer(request: ReportCustomerRequest, options: IntentCallOptions): Promise<ReportCustomerResult>;
  /** The invitation e-mail as a customer would get it, in plain text. */
  previewInvitationEmail(request: PreviewInvitationEmailRequest, options?: CallOptions): Promise<InvitationEmailPreview>;
  /** The offline invitation link in force for a kind (and label), made on first ask. */
  openInvitationLink(request: OpenInvitationLinkRequest, options?: CallOptions): Promise<OfflineInvitationLink>;
  /** Replaces a link with a new one; the old one stops working. */
  regenerateInvitationLink(request: InvitationLinkRequest, options: IntentCallOptions): Promise<OfflineInvitationLink>;
  /** Revokes a link: scanning it no longer invites anyone. */
  revokeInvitationLink(request: InvitationLinkRequest, options: IntentCallOptions): Promise<RevokeInvitationLinkResult>;
  /** The orders customers asked the partner to pay (代支付), with the account and allocatable balance. */
  getOrderPaymentOverview(options?: CallOptions): Promise<OrderPaymentOverview>;
  /** Pays one order (guarded by the `pay-order` code where the policy says so); online payment answers with a payment action. */
  payOrder(request: PayOrderRequest, options: IntentCallOptions): Promise<PayOrderResult>;
  /** Turns a request down with a reason: it goes back to the customer to pay. */
  rejectOrder(request: RejectOrderRequest, options: IntentCallOptions): Promise<RejectOrderResult>;
  /** Tells the customer an order can no longer be paid (its service start passed) and must be placed again. */
  notifyOrderCustomer(request: NotifyOrderCustomerRequest, options: IntentCallOptions): Promise<NotifyOrderCustomerResult>;
  /** Opens an online top-up of the partner account: the answer says where the payer goes (a page or a QR code). */
  createTopUp(request: CreateTopUpRequest, options: IntentCallOptions): Promise<TopUpResult>;
  /** Where an online payment (a top-up's or an order's) stands. */
  getPaymentStatus(request: PaymentStatusRequest, options?: CallOptions): Promise<PaymentStatus>;
  /** Whether an account name, mobile or e-mail is still free to register (CheckUserIdentity; 5 calls a second). */
  checkCustomerIdentity(request: accounts.CheckIdentityRequest, options?: CallOptions): Promise<accounts.CheckIdentityResult>;
  /** Texts the registration code to the new customer's mobile. */
  sendRegistrationCode(request: accounts.SendRegistrationCodeRequest, options?: CallOptions): Promise<accounts.SendRegistrationCodeResult>;
  /** Creates a customer account; its association with the partner may finish later (`listSubCustomers` shows it then). */
  createCustomer(request: accounts.CreateCustomerRequest, options: IntentCallOptions): Promise<accounts.CreateCustomerResult>;
  /** The partner's associated customers, personal values masked. */
  listSubCustomers(request: accounts.ListSubCustomersRequest, options?: CallOptions): Promise<Page<accounts.SubCustomer>>;
  /** What unbinding a customer would change: the coupons it reclaims automatically. */
  previewUnbind(request: accounts.UnbindCustomerRequest, options?: CallOptions): Promise<accounts.UnbindPreview>;
  /** Ends the association with a customer, reclaiming its coupons. */
  unbindCustomer(request: accounts.UnbindCustomerRequest, options: IntentCallOptions): Promise<accounts.UnbindCustomerResult>;
  /** Unbind requests raised by customers, newest first, optionally of one status. */
  listUnbindRequests(request: accounts.ListUnbindRequestsRequest, options?: CallOptions): Promise<Page<accounts.UnbindRequest>>;
  /** Approves a pending unbind request (guarded by the `unbind-request` code where the policy says so): the customer is unbound, its coupons reclaimed. */
  approveUnbindRequest(request: accounts.ApproveUnbindRequest, options: IntentCallOptions): Promise<accounts.ApproveUnbindResult>;
  /** Rejects a pending unbind request with a reason the customer is told (guarded like approving). */
  rejectUnbindRequest(request: accounts.RejectUnbindRequest, options: IntentCallOptions): Promise<accounts.RejectUnbindResult>;
  /** The dedicated remittance account (转账汇款): not enabled yet, or its details. */
  getRemittanceAccount(options?: CallOptions): Promise<remittance.RemittanceAccountState>;
  /** Enables the remittance account; always guarded by a `remittance-account` code (pass its ticket). Enabling twice answers the same account. */
  enableRemittanceAccount(options: IntentCallOptions): Promise<remittance.EnableRemittanceAccountResult>;
  /** Texts the account details to the partner's mobile. */
  sendRemittanceDetails(options: IntentCallOptions): Promise<remittance.SendRemittanceDetailsResult>;
  /** The account proof file, to download. */
  getRemittanceProof(options?: CallOptions): Promise<remittance.RemittanceProof>;
  /** Replaces the payer-on-behalf names (at most five). */
  saveRemittancePayers(request: remittance.SaveRemittancePayersRequest, options?: CallOptions): Promise<remittance.RemittanceAccount>;
  /** Transfers to the dedicated account, newest first: pending (being matched) and matched. */
  listRemittances(request: remittance.ListRemittancesRequest, options?: CallOptions): Promise<Page<remittance.Remittance>>;
  /** Offline remittances (线下汇款) no one has claimed, by remitter, remitting account or amount. */
  searchUnclaimedRemittances(request: remittance.SearchRemittancesRequest, options?: CallOptions): Promise<Page<remittance.UnclaimedRemittance>>;
  /** Claims an offline remittance with the transfer voucher; reviewed later (`listRemittanceClaims`). */
  claimRemittance(request: remittance.ClaimRemittanceRequest, options: IntentCallOptions): Promise<remittance.RemittanceClaim>;
  /** The partner's claims (认领记录), newest first, with their review status. */
  listRemittanceClaims(request: remittance.ListRemittanceClaimsRequest, options?: CallOptions): Promise<Page<remittance.RemittanceClaim>>;
}

/** The name of one backend operation. */
export type ApiOperation = keyof PartnerApi;

/** What each keyed operation answers: the `result` of a `done` lookup of its key. */
export type IntentResults = { [O in IntentOperation]: Awaited<ReturnType<PartnerApi[O]>> };

