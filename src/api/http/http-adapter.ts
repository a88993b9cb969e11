import * as z from 'zod/mini';
import { KitError, isAbort, isTransient } from '../../model/errors.js';
import type { ApiOperation, CallOptions, IntentCallOptions, PartnerApi } from '../adapter.js';
import { backendError } from '../backend-errors.js';
import { parseRequest, parseResponse } from '../parse.js';
import { describeVoucher, voucherProblem } from '../remittance-voucher.js';
import { minorToDecimal } from '../../model/decimal.js';
import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { delay } from '../../model/delay.js';
import { RateLimiter } from './rate-limiter.js';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy.js';
import * as rw from './remittance-wire.js';
import * as w from './wire.js';

/** How to reach a partner backend over HTTP. */
export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `https://bss.myhuaweicloud.com` or the portal's own proxy `/partner-api`. */
  baseUrl: string;
  /** The `fetch` to use (a host may wrap it for tracing). Default: the global one. */
  fetch?: typeof fetch;
  /** Headers for every request, e.g. `{ 'X-Auth-Token': token }`; called per request so tokens can refresh. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Per-attempt time limit. Default 15 s. */
  timeoutMs?: number;
  /** Calls per second per operation, shared by every element using this adapter. Default 10 (5 for code checks). */
  rateLimitPerSecond?: number | Partial<Record<ApiOperation, number>>;
  /** Back-off between attempts. */
  retry?: Partial<RetryPolicy>;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
  /**
   * Called when the API answers 401 (the token expired). Resolve `true` after refreshing the
   * credentials that `headers` hands out, and the call is sent once more — a money-moving call with
   * the same idempotency key and verification ticket, so it still takes effect at most once.
   * Resolve `false` (or leave it unset) and the call fails with a `configuration` error.
   */
  onUnauthorized?: (error: KitError) => boolean | Promise<boolean>;
}

interface Call<S extends z.ZodMiniType> {
  operation: ApiOperation;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string | number | readonly (string | number)[] | undefined>;
  /** JSON text, or a multipart form (an upload; `fetch` writes its Content-Type with the boundary). */
  body?: string | FormData;
  options: CallOptions | IntentCallOptions | undefined;
  wire: S;
}

/** A claim's fields besides the voucher file, which is checked on its own. */
const ClaimFields = z.object({ remittanceId: s.Id, amount: s.MinorUnits.check(z.gte(1)) });

const DEFAULT_RATE = 10;
/** Operations the partner API limits more tightly than the default 10/s. */
const TIGHTER_RATES: Partial<Record<ApiOperation, number>> = { checkVerificationCode: 5 };

/**
 * Calls that change state without an idempotency key: repeated blindly after a timeout, a send
 * would text a second code (and count against the send cap) and a check would spend the code.
 */
const NOT_REPEATABLE: ReadonlySet<ApiOperation> = new Set<ApiOperation>(['sendVerificationCode', 'checkVerificationCode']);

/**
 * The partner API over `fetch`: the REST contract of the partner center where it exists, and the
 * kit's documented contract (`/kit/v1/…`) for the console-only flows. Every answer is validated;
 * rate limits are waited out; money-moving calls carry an `Idempotency-Key`.
 */
export class HttpPartnerApi implements PartnerApi {
  readonly #options: HttpAdapterOptions;
  readonly #retry: RetryPolicy;
  readonly #limiter: RateLimiter;

  constructor(options: HttpAdapterOptions) {
    this.#options = options;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const rates = options.rateLimitPerSecond;
    this.#limiter = new RateLimiter((operation) =>
      typeof rates === 'number'
        ? rates
        : (rates?.[operation as ApiOperation] ?? TIGHTER_RATES[operation as ApiOperation] ?? DEFAULT_RATE),
    );
  }

  async listQuotas(request: s.ListQuotasRequest, options?: CallOptions): Promise<Page<s.Quota>> {
    const r = parseRequest(s.ListQuotasRequest, request);
    const body = w.jsonBody({
      quota_type: r.kind === 'cash' ? 1 : 0,
      ...(r.statuses ? { quota_status_list: r.statuses.map((st) => w.QUOTA_STATUS_CODE[st]) } : {}),
      offset: r.offset,
      limit: r.limit,
    });
    const page = await this.#call({ operation: 'listQuotas', method: 'POST', path: '/v2/partners/coupon-quotas/query', body, options, wire: w.QuotaPageWire });
    return parseResponse(s.QuotaPage, page, 'listQuotas');
  }

  async searchCustomers(request: s.SearchCustomersRequest, options?: CallOptions): Promise<Page<s.Customer>> {
    const r = parseRequest(s.SearchCustomersRequest, request);
    const query = r.query?.trim();
    const body = w.jsonBody({
      ...(query ? { [r.by === 'account' ? 'account_name' : 'customer']: query } : {}),
      offset: r.offset,
      limit: r.limit,
    });
    const page = await this.#call({ operation: 'searchCustomers', method: 'POST', path: '/v2/partners/sub-customers/query', body, options, wire: w.CustomerPageWire });
    return parseResponse(s.CustomerPage, page, 'searchCustomers');
  }

  async issueCoupons(request: s.IssueCouponsRequest, options: IntentCallOptions): Promise<s.IssueCouponsResult> {
    const r = parseRequest(s.IssueCouponsRequest, request);
    const body = w.jsonBody(
      {
        quota_id: r.quotaId,
        customer_ids: r.customerIds,
        face_value: r.faceValue,
        ...(r.validFrom ? { valid_time: r.validFrom } : {}),
        ...(r.validUntil ? { expire_time: r.validUntil } : {}),
        ...(r.cloudServiceTypes?.length ? { cloud_service_types: r.cloudServiceTypes } : {}),
        ...(r.productIds?.length ? { product_ids: r.productIds } : {}),
        ...(r.remark ? { memo: r.remark } : {}),
      },
      ['face_value'],
    );
    const result = await this.#call({ operation: 'issueCoupons', method: 'POST', path: '/v2/promotions/benefits/partner-coupons', body, options, wire: w.IssueResultWire });
    return issueResult(result);
  }

  async reclaimCoupon(request: s.ReclaimCouponRequest, options: IntentCallOptions): Promise<s.ReclaimResult> {
    const { couponId } = parseRequest(s.ReclaimCouponRequest, request);
    const body = w.jsonBody({ coupon_id: couponId });
    const answer = await this.#call({ operation: 'reclaimCoupon', method: 'POST', path: '/v2/promotions/benefits/partner-coupons/reclaim', body, options, wire: w.ReclaimBodyWire });
    if (answer.reclaimed_amount !== undefined) return { couponId, reclaimedAmount: answer.reclaimed_amount, currency: 'CNY' };
    // The API answers 204: what was actually reclaimed is in the reclaim record it wrote.
    const records = await this.listCouponRecords({ couponIds: [couponId], operations: ['reclaim'], offset: 0, limit: 10 }, { ...(options.signal ? { signal: options.signal } : {}) });
    const latest = [...records.items].sort((a, b) => (a.operatedAt < b.operatedAt ? 1 : -1))[0];
    if (!latest) throw new KitError('malformed-response', 'The reclaim left no record to read its amount from.', { reason: 'reclaim-record' });
    return { couponId, reclaimedAmount: latest.amount, currency: latest.currency };
  }

  async listIssuedCoupons(request: s.ListIssuedCouponsRequest, options?: CallOptions): Promise<Page<s.IssuedCoupon>> {
    const r = parseRequest(s.ListIssuedCouponsRequest, request);
    const query = {
      coupon_type: r.kind ? w.COUPON_TYPE_CODE[r.kind] : undefined,
      status: r.status ? w.COUPON_STATUS_CODE[r.status] : undefined,
      customer_id: r.customerId,
      offset: r.offset,
      limit: r.limit,
    };
    const page = await this.#call({ operation: 'listIssuedCoupons', method: 'GET', path: '/v2/promotions/benefits/partner-coupons', query, options, wire: w.IssuedCouponPageWire });
    return parseResponse(s.IssuedCouponPage, page, 'listIssuedCoupons');
  }

  async listCouponRecords(request: s.ListCouponRecordsRequest, options?: CallOptions): Promise<Page<s.CouponRecord>> {
    const r = parseRequest(s.ListCouponRecordsRequest, request);
    const query = {
      operation_types: r.operations?.map((op) => String(w.OPERATIONS.indexOf(op) + 1)),
      quota_id: r.quotaId,
      quota_type: r.kind ? (r.kind === 'cash' ? 1 : 0) : undefined,
      coupon_ids: r.couponIds,
      customer_id: r.customerId,
      operation_time_begin: r.from,
      operation_time_end: r.to,
      offset: r.offset,
      limit: r.limit,
    };
    const page = await this.#call({ operation: 'listCouponRecords', method: 'GET', path: '/v2/promotions/benefits/partner-coupons/records/query', query, options, wire: w.CouponRecordPageWire });
    return parseResponse(s.CouponRecordPage, page, 'listCouponRecords');
  }

  async getBalances(options?: CallOptions): Promise<s.AccountBalance[]> {
    const list = await this.#call({ operation: 'getBalances', method: 'GET', path: '/v2/accounts/partner-accounts/balances', options, wire: w.BalancesWire });
    return parseResponse(s.AccountBalanceList, list, 'getBalances');
  }

  async getWithdrawalOverview(options?: CallOptions): Promise<s.WithdrawalOverview> {
    const overview = await this.#call({ operation: 'getWithdrawalOverview', method: 'GET', path: '/kit/v1/withdrawals/overview', options, wire: w.OverviewWire });
    return parseResponse(s.WithdrawalOverview, overview, 'getWithdrawalOverview');
  }

  async listBanks(options?: CallOptions): Promise<s.Bank[]> {
    const banks = await this.#call({ operation: 'listBanks', method: 'GET', path: '/kit/v1/banks', options, wire: w.BanksWire });
    return parseResponse(s.BankList, banks, 'listBanks');
  }

  async searchBranches(request: s.SearchBranchesRequest, options?: CallOptions): Promise<Page<s.Branch>> {
    const r = parseRequest(s.SearchBranchesRequest, request);
    const query = { keyword: r.query?.trim() || undefined, offset: r.offset, limit: r.limit };
    const page = await this.#call({ operation: 'searchBranches', method: 'GET', path: `/kit/v1/banks/${encodeURIComponent(r.bankCode)}/branches`, query, options, wire: w.BranchPageWire });
    return parseResponse(s.BranchPage, page, 'searchBranches');
  }

  async saveAccountBranch(request: s.SaveAccountBranchRequest, options?: CallOptions): Promise<s.PayoutAccount> {
    const r = parseRequest(s.SaveAccountBranchRequest, request);
    const body = w.jsonBody({ branch_code: r.branchCode });
    const account = await this.#call({ operation: 'saveAccountBranch', method: 'PUT', path: `/kit/v1/bank-accounts/${encodeURIComponent(r.accountId)}/branch`, body, options, wire: w.AccountWireSchema });
    return parseResponse(s.PayoutAccount, account, 'saveAccountBranch');
  }

  async withdraw(request: s.WithdrawRequest, options: IntentCallOptions): Promise<s.WithdrawResult> {
    const r = parseRequest(s.WithdrawRequest, request);
    const body = w.jsonBody(
      r.route === 'original'
        ? { route: 'original', amount: r.amount, ...(r.flowIds ? { flow_ids: r.flowIds } : {}) }
        : { route: 'bank-card', amount: r.amount, account_id: r.accountId },
      ['amount'],
    );
    const result = await this.#call({ operation: 'withdraw', method: 'POST', path: '/kit/v1/withdrawals', body, options, wire: w.WithdrawResultWire });
    return parseResponse(s.WithdrawResult, result, 'withdraw');
  }

  async getVerificationPolicy(options?: CallOptions): Promise<s.VerificationPolicy> {
    const policy = await this.#call({ operation: 'getVerificationPolicy', method: 'GET', path: '/kit/v1/verification/policy', options, wire: w.PolicyWire });
    return parseResponse(s.VerificationPolicy, policy, 'getVerificationPolicy');
  }

  async sendVerificationCode(request: s.SendCodeRequest, options?: CallOptions): Promise<s.SendCodeResult> {
    const r = parseRequest(s.SendCodeRequest, request);
    const result = await this.#call({ operation: 'sendVerificationCode', method: 'POST', path: '/kit/v1/verification/codes', body: w.jsonBody(r), options, wire: w.SendCodeWire });
    return parseResponse(s.SendCodeResult, result, 'sendVerificationCode');
  }

  async checkVerificationCode(request: s.CheckCodeRequest, options?: CallOptions): Promise<s.VerificationTicket> {
    const r = parseRequest(s.CheckCodeRequest, request);
    const ticket = await this.#call({ operation: 'checkVerificationCode', method: 'POST', path: '/kit/v1/verification/checks', body: w.jsonBody(r), options, wire: w.TicketWire });
    return parseResponse(s.VerificationTicket, ticket, 'checkVerificationCode');
  }

  async listInvitations(request: s.ListInvitationsRequest, options?: CallOptions): Promise<Page<s.Invitation>> {
    const r = parseRequest(s.ListInvitationsRequest, request);
    const query = {
      offset: r.offset,
      limit: r.limit,
      status: r.status,
      keyword: r.query?.trim() || undefined,
      sort_by: r.sortBy,
      sort_dir: r.sortDirection,
    };
    const page = await this.#call({ operation: 'listInvitations', method: 'GET', path: '/kit/v1/invitations', query, options, wire: w.InvitationPageWire });
    return parseResponse(s.InvitationPage, page, 'listInvitations');
  }

  async resendInvitation(request: s.ResendInvitationRequest, options: IntentCallOptions): Promise<s.ResendInvitationResult> {
    const r = parseRequest(s.ResendInvitationRequest, request);
    const result = await this.#call({ operation: 'resendInvitation', method: 'POST', path: `/kit/v1/invitations/${encodeURIComponent(r.invitationId)}/resend`, body: '{}', options, wire: w.ResendWire });
    return parseResponse(s.ResendInvitationResult, result, 'resendInvitation');
  }

  async revealField(request: s.RevealRequest, options?: CallOptions): Promise<s.RevealResult> {
    const r = parseRequest(s.RevealRequest, request);
    const result = await this.#call({ operation: 'revealField', method: 'POST', path: '/kit/v1/reveal', body: w.jsonBody(r), options, wire: w.RevealWire });
    return parseResponse(s.RevealResult, result, 'revealField');
  }

  async lookupIntent(request: s.LookupIntentRequest, options?: CallOptions): Promise<s.IntentLookup> {
    const r = parseRequest(s.LookupIntentRequest, request);
    const path = `/kit/v1/intents/${encodeURIComponent(r.idempotencyKey)}`;
    const answer = await this.#call({ operation: 'lookupIntent', method: 'GET', path, query: { operation: r.operation }, options, wire: w.IntentLookupWire });
    switch (answer.status) {
      case 'pending':
      case 'not-done':
        return { status: answer.status };
      case 'refused': {
        const code = answer.error?.error_code ?? 'HTTP.409';
        const error = backendError(code, answer.error?.error_msg ?? '', { status: 409 });
        return { status: 'refused', error: { code: error.code, message: error.message, backendCode: code, ...(error.reason ? { reason: error.reason } : {}) } };
      }
      case 'done':
        return { status: 'done', result: intentResult(r.operation, answer.result) };
    }
  }

  async lookupCustomerAccounts(request: s.LookupAccountsRequest, options?: CallOptions): Promise<s.CustomerAccount[]> {
    const r = parseRequest(s.LookupAccountsRequest, request);
    const accounts = await this.#call({ operation: 'lookupCustomerAccounts', method: 'GET', path: '/kit/v1/customer-accounts', query: { mobile: r.mobile }, options, wire: w.CustomerAccountsWire });
    return parseResponse(s.CustomerAccountList, accounts, 'lookupCustomerAccounts');
  }

  async reportCustomer(request: s.ReportCustomerRequest, options: IntentCallOptions): Promise<s.ReportCustomerResult> {
    const r = parseRequest(s.ReportCustomerRequest, request);
    const body = w.jsonBody({ name: r.name, mobile: r.mobile, ...(r.email === undefined ? {} : { email: r.email }), account_id: r.accountId, send_invitation: r.sendInvitation });
    const result = await this.#call({ operation: 'reportCustomer', method: 'POST', path: '/kit/v1/customer-reports', body, options, wire: w.ReportWire });
    return parseResponse(s.ReportCustomerResult, result, 'reportCustomer');
  }

  async previewInvitationEmail(request: s.PreviewInvitationEmailRequest, options?: CallOptions): Promise<s.InvitationEmailPreview> {
    const r = parseRequest(s.PreviewInvitationEmailRequest, request);
    const body = w.jsonBody({ locale: r.locale, ...(r.customerName === undefined ? {} : { customer_name: r.customerName }) });
    const preview = await this.#call({ operation: 'previewInvitationEmail', method: 'POST', path: '/kit/v1/invitation-email/preview', body, options, wire: w.EmailPreviewWire });
    return parseResponse(s.InvitationEmailPreview, preview, 'previewInvitationEmail');
  }

  async openInvitationLink(request: s.OpenInvitationLinkRequest, options?: CallOptions): Promise<s.OfflineInvitationLink> {
    const r = parseRequest(s.OpenInvitationLinkRequest, request);
    const body = w.jsonBody(r.kind === 'custom' && r.label !== undefined ? { kind: 'custom', label: r.label } : { kind: r.kind });
    const link = await this.#call({ operation: 'openInvitationLink', method: 'POST', path: '/kit/v1/invitation-links', body, options, wire: w.InvitationLinkWire });
    return parseResponse(s.OfflineInvitationLink, link, 'openInvitationLink');
  }

  async regenerateInvitationLink(request: s.InvitationLinkRequest, options: IntentCallOptions): Promise<s.OfflineInvitationLink> {
    const r = parseRequest(s.InvitationLinkRequest, request);
    const path = `/kit/v1/invitation-links/${encodeURIComponent(r.linkId)}/regenerate`;
    const link = await this.#call({ operation: 'regenerateInvitationLink', method: 'POST', path, body: '{}', options, wire: w.InvitationLinkWire });
    return parseResponse(s.OfflineInvitationLink, link, 'regenerateInvitationLink');
  }

  async revokeInvitationLink(request: s.InvitationLinkRequest, options: IntentCallOptions): Promise<s.RevokeInvitationLinkResult> {
    const r = parseRequest(s.InvitationLinkRequest, request);
    const path = `/kit/v1/invitation-links/${encodeURIComponent(r.linkId)}/revoke`;
    const result = await this.#call({ operation: 'revokeInvitationLink', method: 'POST', path, body: '{}', options, wire: w.RevokeLinkWire });
    return parseResponse(s.RevokeInvitationLinkResult, result, 'revokeInvitationLink');
  }

  async getOrderPaymentOverview(options?: CallOptions): Promise<s.OrderPaymentOverview> {
    const overview = await this.#call({ operation: 'getOrderPaymentOverview', method: 'GET', path: '/kit/v1/order-payments', options, wire: w.OrderPaymentOverviewWire });
    return parseResponse(s.OrderPaymentOverview, overview, 'getOrderPaymentOverview');
  }

  async payOrder(request: s.PayOrderRequest, options: IntentCallOptions): Promise<s.PayOrderResult> {
    const r = parseRequest(s.PayOrderRequest, request);
    const body = w.jsonBody(r.method.type === 'balance' ? { method: 'balance' } : { method: 'online', channel: r.method.channel });
    const path = `/kit/v1/order-payments/${encodeURIComponent(r.orderId)}/pay`;
    const result = await this.#call({ operation: 'payOrder', method: 'POST', path, body, options, wire: w.PayOrderWire });
    return parseResponse(s.PayOrderResult, result, 'payOrder');
  }

  async rejectOrder(request: s.RejectOrderRequest, options: IntentCallOptions): Promise<s.RejectOrderResult> {
    const r = parseRequest(s.RejectOrderRequest, request);
    const path = `/kit/v1/order-payments/${encodeURIComponent(r.orderId)}/reject`;
    const result = await this.#call({ operation: 'rejectOrder', method: 'POST', path, body: w.jsonBody({ reason: r.reason }), options, wire: w.RejectOrderWire });
    return parseResponse(s.RejectOrderResult, result, 'rejectOrder');
  }

  async notifyOrderCustomer(request: s.NotifyOrderCustomerRequest, options: IntentCallOptions): Promise<s.NotifyOrderCustomerResult> {
    const r = parseRequest(s.NotifyOrderCustomerRequest, request);
    const path = `/kit/v1/order-payments/${encodeURIComponent(r.orderId)}/notify-customer`;
    const result = await this.#call({ operation: 'notifyOrderCustomer', method: 'POST', path, body: '{}', options, wire: w.NotifyCustomerWire });
    return parseResponse(s.NotifyOrderCustomerResult, result, 'notifyOrderCustomer');
  }

  async createTopUp(request: s.CreateTopUpRequest, options: IntentCallOptions): Promise<s.TopUpResult> {
    const r = parseRequest(s.CreateTopUpRequest, request);
    const result = await this.#call({ operation: 'createTopUp', method: 'POST', path: '/kit/v1/top-ups', body: w.jsonBody({ amount: r.amount }, ['amount']), options, wire: w.TopUpWire });
    return parseResponse(s.TopUpResult, result, 'createTopUp');
  }

  async getPaymentStatus(request: s.PaymentStatusRequest, options?: CallOptions): Promise<s.PaymentStatus> {
    const r = parseRequest(s.PaymentStatusRequest, request);
    const status = await this.#call({ operation: 'getPaymentStatus', method: 'GET', path: `/kit/v1/payments/${encodeURIComponent(r.paymentId)}`, options, wire: w.PaymentStatusWire });
    return parseResponse(s.PaymentStatus, status, 'getPaymentStatus');
  }

  async checkCustomerIdentity(request: s.CheckIdentityRequest, options?: CallOptions): Promise<s.CheckIdentityResult> {
    const r = parseRequest(s.CheckIdentityRequest, request);
    const body = w.jsonBody({ search_type: r.kind, search_value: r.value });
    const answer = await this.#call({ operation: 'checkCustomerIdentity', method: 'POST', path: '/v2/partners/sub-customers/users/check-identity', body, options, wire: w.IdentityCheckWire });
    return { kind: r.kind, availability: answer.check_result };
  }

  async sendRegistrationCode(request: s.SendRegistrationCodeRequest, options?: CallOptions): Promise<s.SendRegistrationCodeResult> {
    const r = parseRequest(s.SendRegistrationCodeRequest, request);
    // The API takes the bare number, without the country code the kit keeps.
    const body = w.jsonBody({ receiver_type: 1, mobile_phone: r.mobile.slice(r.mobile.indexOf('-') + 1), lang: r.lang, scene: 29 });
    const result = await this.#call({ operation: 'sendRegistrationCode', method: 'POST', path: '/v2/bases/verificationcode/send', body, options, wire: w.RegistrationCodeWire });
    return parseResponse(s.SendRegistrationCodeResult, result, 'sendRegistrationCode');
  }

  async createCustomer(request: s.CreateCustomerRequest, options: IntentCallOptions): Promise<s.CreateCustomerResult> {
    const r = parseRequest(s.CreateCustomerRequest, request);
    const body = w.jsonBody({
      // The partner-platform user id must be unique: the intent's key is, and a retry repeats it (CBC.99000039).
      xaccount_id: options.idempotencyKey,
      domain_name: r.accountName,
      ...(r.displayName === undefined ? {} : { display_name: r.displayName }),
      ...(r.mobile === undefined ? {} : { mobile_phone: r.mobile.slice(r.mobile.indexOf('-') + 1), verification_code: r.verificationCode }),
      ...(r.email === undefined ? {} : { email: r.email }),
      ...(r.password === undefined ? {} : { password: r.password }),
      include_association_result: false,
    });
    const result = await this.#call({ operation: 'createCustomer', method: 'POST', path: '/v2/partners/sub-customers', body, options, wire: w.CreatedCustomerWire });
    return parseResponse(s.CreateCustomerResult, result, 'createCustomer');
  }

  async listSubCustomers(request: s.ListSubCustomersRequest, options?: CallOptions): Promise<Page<s.SubCustomer>> {
    const r = parseRequest(s.ListSubCustomersRequest, request);
    const body = w.jsonBody({
      offset: r.offset,
      limit: r.limit,
      ...(r.accountName ? { account_name: r.accountName } : {}),
      ...(r.customerName ? { customer: r.customerName } : {}),
      ...(r.associationType ? { association_type: r.associationType === 'referral' ? '1' : '2' } : {}),
      ...(r.associatedFrom ? { associated_on_begin: r.associatedFrom } : {}),
      ...(r.associatedTo ? { associated_on_end: r.associatedTo } : {}),
      ...(r.label ? { label: r.label } : {}),
      ...(r.customerId ? { customer_id: r.customerId } : {}),
    });
    const page = await this.#call({ operation: 'listSubCustomers', method: 'POST', path: '/v2/partners/sub-customers/query', body, options, wire: w.SubCustomerPageWire });
    return parseResponse(s.SubCustomerPage, page, 'listSubCustomers');
  }

  async previewUnbind(request: s.UnbindCustomerRequest, options?: CallOptions): Promise<s.UnbindPreview> {
    const r = parseRequest(s.UnbindCustomerRequest, request);
    const path = `/kit/v1/sub-customers/${encodeURIComponent(r.customerId)}/unbind-preview`;
    const preview = await this.#call({ operation: 'previewUnbind', method: 'GET', path, options, wire: w.UnbindPreviewWire });
    return parseResponse(s.UnbindPreview, preview, 'previewUnbind');
  }

  async unbindCustomer(request: s.UnbindCustomerRequest, options: IntentCallOptions): Promise<s.UnbindCustomerResult> {
    const r = parseRequest(s.UnbindCustomerRequest, request);
    const path = `/kit/v1/sub-customers/${encodeURIComponent(r.customerId)}/unbind`;
    const result = await this.#call({ operation: 'unbindCustomer', method: 'POST', path, body: '{}', options, wire: w.UnbindResultWire });
    return parseResponse(s.UnbindCustomerResult, result, 'unbindCustomer');
  }

  async listUnbindRequests(request: s.ListUnbindRequestsRequest, options?: CallOptions): Promise<Page<s.UnbindRequest>> {
    const r = parseRequest(s.ListUnbindRequestsRequest, request);
    const query = { offset: r.offset, limit: r.limit, status: r.status };
    const page = await this.#call({ operation: 'listUnbindRequests', method: 'GET', path: '/kit/v1/unbind-requests', query, options, wire: w.UnbindRequestPageWire });
    return parseResponse(s.UnbindRequestPage, page, 'listUnbindRequests');
  }

  async approveUnbindRequest(request: s.ApproveUnbindRequest, options: IntentCallOptions): Promise<s.ApproveUnbindResult> {
    const r = parseRequest(s.ApproveUnbindRequest, request);
    const path = `/kit/v1/unbind-requests/${encodeURIComponent(r.requestId)}/approve`;
    const result = await this.#call({ operation: 'approveUnbindRequest', method: 'POST', path, body: '{}', options, wire: w.ApproveUnbindWire });
    return parseResponse(s.ApproveUnbindResult, result, 'approveUnbindRequest');
  }

  async rejectUnbindRequest(request: s.RejectUnbindRequest, options: IntentCallOptions): Promise<s.RejectUnbindResult> {
    const r = parseRequest(s.RejectUnbindRequest, request);
    const path = `/kit/v1/unbind-requests/${encodeURIComponent(r.requestId)}/reject`;
    const result = await this.#call({ operation: 'rejectUnbindRequest', method: 'POST', path, body: w.jsonBody({ reason: r.reason }), options, wire: w.RejectUnbindWire });
    return parseResponse(s.RejectUnbindResult, result, 'rejectUnbindRequest');
  }

  async getRemittanceAccount(options?: CallOptions): Promise<s.RemittanceAccountState> {
    const state = await this.#call({ operation: 'getRemittanceAccount', method: 'GET', path: '/kit/v1/remittance-account', options, wire: rw.RemittanceAccountStateWire });
    return parseResponse(s.RemittanceAccountState, state, 'getRemittanceAccount');
  }

  async enableRemittanceAccount(options: IntentCallOptions): Promise<s.EnableRemittanceAccountResult> {
    const account = await this.#call({ operation: 'enableRemittanceAccount', method: 'POST', path: '/kit/v1/remittance-account/enable', body: '{}', options, wire: rw.RemittanceAccountWire });
    return parseResponse(s.EnableRemittanceAccountResult, account, 'enableRemittanceAccount');
  }

  async sendRemittanceDetails(options: IntentCallOptions): Promise<s.SendRemittanceDetailsResult> {
    const result = await this.#call({ operation: 'sendRemittanceDetails', method: 'POST', path: '/kit/v1/remittance-account/send-details', body: '{}', options, wire: rw.SendRemittanceDetailsWire });
    return parseResponse(s.SendRemittanceDetailsResult, result, 'sendRemittanceDetails');
  }

  async getRemittanceProof(options?: CallOptions): Promise<s.RemittanceProof> {
    const proof = await this.#call({ operation: 'getRemittanceProof', method: 'GET', path: '/kit/v1/remittance-account/proof', options, wire: rw.RemittanceProofWire });
    return parseResponse(s.RemittanceProof, proof, 'getRemittanceProof');
  }

  async saveRemittancePayers(request: s.SaveRemittancePayersRequest, options?: CallOptions): Promise<s.RemittanceAccount> {
    const r = parseRequest(s.SaveRemittancePayersRequest, request);
    const body = w.jsonBody({ payer_names: r.payerNames });
    const account = await this.#call({ operation: 'saveRemittancePayers', method: 'PUT', path: '/kit/v1/remittance-account/payers', body, options, wire: rw.RemittanceAccountWire });
    return parseResponse(s.RemittanceAccount, account, 'saveRemittancePayers');
  }

  async listRemittances(request: s.ListRemittancesRequest, options?: CallOptions): Promise<Page<s.Remittance>> {
    const r = parseRequest(s.ListRemittancesRequest, request);
    const query = { offset: r.offset, limit: r.limit, status: r.status };
    const page = await this.#call({ operation: 'listRemittances', method: 'GET', path: '/kit/v1/remittances', query, options, wire: rw.RemittancePageWire });
    return parseResponse(s.RemittancePage, page, 'listRemittances');
  }

  async searchUnclaimedRemittances(request: s.SearchRemittancesRequest, options?: CallOptions): Promise<Page<s.UnclaimedRemittance>> {
    const r = parseRequest(s.SearchRemittancesRequest, request);
    const remitterName = r.remitterName?.trim();
    if (!remitterName && r.remitterAccount === undefined && r.amount === undefined) {
      throw new KitError('validation', 'Search by remitter, remitting account or amount.', { reason: 'search-criterion' });
    }
    // A POST, so the full remitting account number stays out of URLs and their logs.
    const body = w.jsonBody(
      {
        ...(remitterName ? { remitter_name: remitterName } : {}),
        ...(r.remitterAccount === undefined ? {} : { remitter_account: r.remitterAccount }),
        ...(r.amount === undefined ? {} : { amount: r.amount }),
        offset: r.offset,
        limit: r.limit,
      },
      ['amount'],
    );
    const page = await this.#call({ operation: 'searchUnclaimedRemittances', method: 'POST', path: '/kit/v1/unclaimed-remittances/search', body, options, wire: rw.UnclaimedRemittancePageWire });
    return parseResponse(s.UnclaimedRemittancePage, page, 'searchUnclaimedRemittances');
  }

  async claimRemittance(request: s.ClaimRemittanceRequest, options: IntentCallOptions): Promise<s.RemittanceClaim> {
    const r = parseRequest(ClaimFields, request);
    const voucher = describeVoucher(request.voucher);
    if (!voucher) throw new KitError('validation', 'Invalid request at voucher.', { reason: 'request', details: { path: 'voucher' } });
    // Checked before the upload: a wrong file never costs the user a transfer of several megabytes.
    const problem = voucherProblem(voucher);
    if (problem) throw new KitError('validation', 'The voucher file cannot be uploaded.', { reason: problem, details: { maxBytes: s.VOUCHER_FILE_MAX_BYTES } });
    const form = new FormData();
    form.append('remittance_id', r.remittanceId);
    form.append('amount', minorToDecimal(r.amount));
    form.append('voucher', request.voucher, voucher.fileName);
    const claim = await this.#call({ operation: 'claimRemittance', method: 'POST', path: '/kit/v1/remittance-claims', body: form, options, wire: rw.RemittanceClaimWire });
    return parseResponse(s.RemittanceClaim, claim, 'claimRemittance');
  }

  async listRemittanceClaims(request: s.ListRemittanceClaimsRequest, options?: CallOptions): Promise<Page<s.RemittanceClaim>> {
    const r = parseRequest(s.ListRemittanceClaimsRequest, request);
    const page = await this.#call({ operation: 'listRemittanceClaims', method: 'GET', path: '/kit/v1/remittance-claims', query: { offset: r.offset, limit: r.limit }, options, wire: rw.RemittanceClaimPageWire });
    return parseResponse(s.RemittanceClaimPage, page, 'listRemittanceClaims');
  }

  /**
   * One operation, with its retries. Reads are retried on rate limits, 5xx, timeouts and network
   * failures. Money-moving calls and code sends / checks are retried automatically only on rate
   * limits (the server did not act); after a timeout or 5xx the server may have acted, so the error
   * goes to the user, whose retry repeats the same idempotency key.
   */
  async #call<S extends z.ZodMiniType>(call: Call<S>): Promise<z.output<S>> {
    const intent = call.options && 'idempotencyKey' in call.options ? call.options : undefined;
    const signal = call.options?.signal;
    const random = this.#options.random ?? Math.random;
    let refreshed = false;
    for (let attempt = 0; ; attempt += 1) {
      await this.#limiter.acquire(call.operation, signal);
      let error: KitError;
      try {
        return await this.#attempt(call, intent, signal);
      } catch (caught) {
        if (!(caught instanceof KitError)) throw caught;
        error = caught;
      }
      // One refresh per call: the repeat carries the same Idempotency-Key and ticket as the first try.
      if ((error.reason === 'unauthorized' || error.reason === 'token-invalid') && !refreshed && this.#options.onUnauthorized) {
        refreshed = true;
        if (await this.#options.onUnauthorized(error)) continue;
      }
      const repeatable = !intent && !NOT_REPEATABLE.has(call.operation);
      const retryable = error.code === 'rate-limited' ? error.reason === undefined : repeatable && isTransient(error);
      if (!retryable || attempt >= this.#retry.maxRetries) throw error;
      await delay(retryDelay(this.#retry, attempt, error.retryAfterMs, random), signal);
    }
  }

  async #attempt<S extends z.ZodMiniType>(call: Call<S>, intent: IntentCallOptions | undefined, signal: AbortSignal | undefined): Promise<z.output<S>> {
    let credentials: Record<string, string> | undefined;
    try {
      credentials = await this.#options.headers?.();
    } catch (caught) {
      // Nothing was sent: a money call whose token could not be had did not happen.
      throw new KitError('configuration', 'The credentials for the partner API could not be had.', { reason: 'credentials', cause: caught });
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(typeof call.body === 'string' ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}),
      ...credentials,
      ...(intent ? { 'Idempotency-Key': intent.idempotencyKey } : {}),
      ...(intent?.verificationTicket ? { 'X-Verification-Ticket': intent.verificationTicket } : {}),
    };
    const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? 15_000);
    const fetchImpl = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(this.#url(call), {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: call.body }),
        signal: combined,
      });
      // The body is read under the same time limit: headers may arrive while the body stalls.
      text = await response.text();
    } catch (caught) {
      if (signal?.aborted) throw new KitError('cancelled', 'The call was cancelled.', { cause: caught });
      if (timeout.aborted || (isAbort(caught) && !signal?.aborted)) throw new KitError('timeout', `${call.operation} timed out.`, { cause: caught });
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new KitError('network', 'The partner API could not be reached.', { cause: caught, ...(offline ? { reason: 'offline' } : {}) });
    }
    let json: unknown = {};
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        if (response.ok) throw new KitError('malformed-response', `${call.operation} did not answer JSON.`, { reason: 'json' });
        json = {};
      }
    }
    const body = (typeof json === 'object' && json !== null ? json : {}) as { error_code?: unknown; error_msg?: unknown };
    const code = typeof body.error_code === 'string' ? body.error_code : undefined;
    // A 200 may carry a business failure; CBC.0000 is the legacy APIs' explicit success.
    if (!response.ok || (code !== undefined && code !== 'CBC.0000')) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      throw backendError(code ?? `HTTP.${response.status}`, typeof body.error_msg === 'string' ? body.error_msg : response.statusText, {
        status: response.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    return parseResponse(call.wire, json, call.operation);
  }

  #url(call: Call<z.ZodMiniType>): string {
    const base = this.#options.baseUrl.replace(/\/+$/, '');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    const search = params.toString();
    return `${base}${call.path}${search ? `?${search}` : ''}`;
  }
}

function issueResult(result: z.output<typeof w.IssueResultWire>): s.IssueCouponsResult {
  return parseResponse(
    s.IssueCouponsResult,
    {
      issued: result.issued,
      failed: result.failures.map((f) => {
        const error = backendError(f.backendCode, f.message);
        return { customerId: f.customerId, error: { code: error.code, ...(error.reason ? { reason: error.reason } : {}), backendCode: f.backendCode, message: f.message } };
      }),
    },
    'issueCoupons',
  );
}

/** How a recorded result reads back: the operation's own wire schema, then its model schema. */
const RECORDED: Partial<Record<s.IntentOperation, readonly [z.ZodMiniType, z.ZodMiniType]>> = {
  withdraw: [w.WithdrawResultWire, s.WithdrawResult],
  resendInvitation: [w.ResendWire, s.ResendInvitationResult],
  reportCustomer: [w.ReportWire, s.ReportCustomerResult],
  regenerateInvitationLink: [w.InvitationLinkWire, s.OfflineInvitationLink],
  revokeInvitationLink: [w.RevokeLinkWire, s.RevokeInvitationLinkResult],
  createCustomer: [w.CreatedCustomerWire, s.CreateCustomerResult],
  unbindCustomer: [w.UnbindResultWire, s.UnbindCustomerResult],
  approveUnbindRequest: [w.ApproveUnbindWire, s.ApproveUnbindResult],
  rejectUnbindRequest: [w.RejectUnbindWire, s.RejectUnbindResult],
  payOrder: [w.PayOrderWire, s.PayOrderResult],
  rejectOrder: [w.RejectOrderWire, s.RejectOrderResult],
  notifyOrderCustomer: [w.NotifyCustomerWire, s.NotifyOrderCustomerResult],
  createTopUp: [w.TopUpWire, s.TopUpResult],
  enableRemittanceAccount: [rw.RemittanceAccountWire, s.RemittanceAccount],
  sendRemittanceDetails: [rw.SendRemittanceDetailsWire, s.SendRemittanceDetailsResult],
  claimRemittance: [rw.RemittanceClaimWire, s.RemittanceClaim],
};

/** A recorded result, read with its own operation's wire schema into the model shape the call itself resolves with. */
function intentResult(operation: s.IntentOperation, raw: unknown): unknown {
  if (operation === 'issueCoupons') return issueResult(parseResponse(w.IssueResultWire, raw, 'lookupIntent'));
  if (operation === 'reclaimCoupon') {
    const answer = parseResponse(w.ReclaimLookupWire, raw, 'lookupIntent');
    return { couponId: answer.coupon_id, reclaimedAmount: answer.reclaimed_amount, currency: 'CNY' };
  }
  const schemas = RECORDED[operation];
  if (!schemas) throw new KitError('configuration', `No recorded result shape for ${operation}.`);
  const [wire, model] = schemas;
  return parseResponse(model, parseResponse(wire, raw, 'lookupIntent'), 'lookupIntent');
}
