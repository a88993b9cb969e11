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
import type { IntentLookup, LookupIntentRequest } from '../model/schemas/intents.js';

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
   */
  lookupIntent(request: LookupIntentRequest, options?: CallOptions): Promise<IntentLookup>;
}

/** The name of one backend operation. */
export type ApiOperation = keyof PartnerApi;

