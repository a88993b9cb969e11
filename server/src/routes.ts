import * as z from 'zod/mini';
import type { ApiOperation } from '../../src/api/adapter.js';
import * as w from '../../src/api/http/wire.js';
import * as s from '../../src/model/schemas/index.js';
import { lookupIntent } from './idempotency.js';
import type { OperationContext } from './operations/context.js';
import * as coupons from './operations/coupons.js';
import * as customers from './operations/customer-accounts.js';
import * as invitations from './operations/invitations.js';
import * as payments from './operations/payments.js';
import * as reporting from './operations/reporting.js';
import { REMITTANCE_ROUTES } from './remittance-routes.js';
import * as unbindRequests from './operations/unbind-requests.js';
import * as verification from './operations/verification.js';
import * as withdrawal from './operations/withdrawal.js';
import * as wi from './wire-in.js';

/**
 * Every operation of `PartnerApi` as the HTTP adapter calls it: method, path, how the wire request
 * maps onto the domain request, the domain schema that request must satisfy, the wire schema of
 * the answer (the adapter's own, from `src/api/http/wire.ts`) and the implementation. The server's
 * routes and the OpenAPI document are both built from this one table.
 */
export interface Route {
  operation: ApiOperation;
  method: 'GET' | 'POST' | 'PUT';
  /** Hono's path syntax (`:param`). */
  path: string;
  summary: string;
  /** `intent`: needs an Idempotency-Key and runs at most once; `verify`: a code send or check, committed even when refused. */
  kind: 'read' | 'write' | 'verify' | 'intent';
  body?: z.ZodMiniType;
  /** A multipart form instead of a JSON body: its text fields, the one file field (read as `{fileName, contentType, bytes}`) and the file's largest size. */
  upload?: { fields: z.ZodMiniType; file: string; maxBytes: number };
  query?: z.ZodMiniType;
  /** Builds the domain request from the mapped body / query and the path's parameters. */
  request?: (input: Record<string, unknown>, params: Record<string, string>) => unknown;
  domain?: z.ZodMiniType;
  response: z.ZodMiniType;
  run: (ctx: OperationContext, request: never) => Promise<unknown>;
}

const from = (input: Record<string, unknown>) => input;

export const ROUTES: Route[] = [
  { operation: 'listQuotas', method: 'POST', path: '/v2/partners/coupon-quotas/query', summary: 'Coupon quotas of the partner', kind: 'read',
    body: wi.ListQuotasBody, request: from, domain: s.ListQuotasRequest, response: w.QuotaPageWire, run: coupons.listQuotas },
  // ListSubCustomers serves both the customer list and the coupon pages' search (`searchCustomers`), as the API does.
  { operation: 'listSubCustomers', method: 'POST', path: '/v2/partners/sub-customers/query', summary: 'The partner’s customers, filtered (also `searchCustomers`); names and mobiles in full, the adapter masks them', kind: 'read',
    body: wi.SubCustomersQueryBody, request: from, domain: s.ListSubCustomersRequest, response: w.SubCustomerPageWire, run: customers.listSubCustomers },
  { operation: 'issueCoupons', method: 'POST', path: '/v2/promotions/benefits/partner-coupons', summary: 'Issue coupons to customers (partial success per customer)', kind: 'intent',
    body: wi.IssueCouponsBody, request: from, domain: s.IssueCouponsRequest, response: w.IssueResultWire, run: coupons.issueCoupons },
  { operation: 'reclaimCoupon', method: 'POST', path: '/v2/promotions/benefits/partner-coupons/reclaim', summary: 'Reclaim a coupon’s remaining balance', kind: 'intent',
    body: wi.ReclaimCouponBody, request: from, domain: s.ReclaimCouponRequest, response: w.ReclaimBodyWire, run: coupons.reclaimCoupon },
  { operation: 'listIssuedCoupons', method: 'GET', path: '/v2/promotions/benefits/partner-coupons', summary: 'Coupons issued', kind: 'read',
    query: wi.ListIssuedCouponsQuery, request: from, domain: s.ListIssuedCouponsRequest, response: w.IssuedCouponPageWire, run: coupons.listIssuedCoupons },
  { operation: 'listCouponRecords', method: 'GET', path: '/v2/promotions/benefits/partner-coupons/records/query', summary: 'Issue and reclaim records', kind: 'read',
    query: wi.ListCouponRecordsQuery, request: from, domain: s.ListCouponRecordsRequest, response: w.CouponRecordPageWire, run: coupons.listCouponRecords },
  { operation: 'getBalances', method: 'GET', path: '/v2/accounts/partner-accounts/balances', summary: 'Partner account balances', kind: 'read',
    response: w.BalancesWire, run: coupons.getBalances },
  { operation: 'getWithdrawalOverview', method: 'GET', path: '/kit/v1/withdrawals/overview', summary: 'What can be withdrawn, from which flows, to which accounts', kind: 'read',
    response: w.OverviewWire, run: withdrawal.getOverview },
  { operation: 'listBanks', method: 'GET', path: '/kit/v1/banks', summary: 'Banks', kind: 'read', response: w.BanksWire, run: withdrawal.listBanks },
  { operation: 'searchBranches', method: 'GET', path: '/kit/v1/banks/:bank_code/branches', summary: 'Search a bank’s branches', kind: 'read',
    query: wi.SearchBranchesQuery, request: (input, params) => ({ ...input, bankCode: params['bank_code'] }), domain: s.SearchBranchesRequest, response: w.BranchPageWire, run: withdrawal.searchBranches },
  { operation: 'saveAccountBranch', method: 'PUT', path: '/kit/v1/bank-accounts/:account_id/branch', summary: 'Save a bank account’s opening branch', kind: 'write',
    body: wi.SaveBranchBody, request: (input, params) => ({ accountId: params['account_id'], branchCode: input['branch_code'] }), domain: s.SaveAccountBranchRequest, response: w.AccountWireSchema, run: withdrawal.saveAccountBranch },
  { operation: 'withdraw', method: 'POST', path: '/kit/v1/withdrawals', summary: 'Withdraw balance (original route, LIFO by default, or bank card)', kind: 'intent',
    body: wi.WithdrawBody, request: from, domain: s.WithdrawRequest, response: w.WithdrawResultWire, run: withdrawal.withdraw },
  { operation: 'getVerificationPolicy', method: 'GET', path: '/kit/v1/verification/policy', summary: 'The partner’s verification-code policy', kind: 'read',
    response: w.PolicyWire, run: async (ctx) => verification.policyWire(ctx.tenant) },
  { operation: 'sendVerificationCode', method: 'POST', path: '/kit/v1/verification/codes', summary: 'Send a verification code', kind: 'verify',
    body: s.SendCodeRequest, request: from, domain: s.SendCodeRequest, response: w.SendCodeWire, run: verification.sendCode },
  { operation: 'checkVerificationCode', method: 'POST', path: '/kit/v1/verification/checks', summary: 'Check a code; a pass gives a single-use ticket', kind: 'verify',
    body: s.CheckCodeRequest, request: from, domain: s.CheckCodeRequest, response: w.TicketWire, run: verification.checkCode },
  { operation: 'listInvitations', method: 'GET', path: '/kit/v1/invitations', summary: 'Invited customers, personal fields masked', kind: 'read',
    query: wi.ListInvitationsQuery, request: from, domain: s.ListInvitationsRequest, response: w.InvitationPageWire, run: invitations.listInvitations },
  { operation: 'resendInvitation', method: 'POST', path: '/kit/v1/invitations/:invitation_id/resend', summary: 'Send an invitation again', kind: 'intent',
    request: (_input, params) => ({ invitationId: params['invitation_id'] }), domain: s.ResendInvitationRequest, response: w.ResendWire, run: invitations.resendInvitation },
  { operation: 'lookupCustomerAccounts', method: 'GET', path: '/kit/v1/customer-accounts', summary: 'The Huawei Cloud accounts registered with a mobile', kind: 'read',
    query: wi.LookupAccountsQuery, request: from, domain: s.LookupAccountsRequest, response: w.CustomerAccountsWire, run: reporting.lookupCustomerAccounts },
  { operation: 'reportCustomer', method: 'POST', path: '/kit/v1/customer-reports', summary: 'Report (报备) a customer and, when asked, e-mail the invitation', kind: 'intent',
    body: wi.ReportCustomerBody, request: from, domain: s.ReportCustomerRequest, response: w.ReportWire, run: reporting.reportCustomer },
  { operation: 'previewInvitationEmail', method: 'POST', path: '/kit/v1/invitation-email/preview', summary: 'The invitation e-mail as the customer gets it, in plain text', kind: 'read',
    body: wi.PreviewEmailBody, request: from, domain: s.PreviewInvitationEmailRequest, response: w.EmailPreviewWire, run: reporting.previewInvitationEmail },
  { operation: 'openInvitationLink', method: 'POST', path: '/kit/v1/invitation-links', summary: 'The offline invitation link in force for a kind and label, made on first ask', kind: 'write',
    body: wi.OpenLinkBody, request: from, domain: s.OpenInvitationLinkRequest, response: w.InvitationLinkWire, run: reporting.openInvitationLink },
  { operation: 'regenerateInvitationLink', method: 'POST', path: '/kit/v1/invitation-links/:link_id/regenerate', summary: 'Replace a link with a new one; the old one stops working', kind: 'intent',
    request: (_input, params) => ({ linkId: params['link_id'] }), domain: s.InvitationLinkRequest, response: w.InvitationLinkWire, run: reporting.regenerateInvitationLink },
  { operation: 'revokeInvitationLink', method: 'POST', path: '/kit/v1/invitation-links/:link_id/revoke', summary: 'Revoke a link: scanning it no longer invites anyone', kind: 'intent',
    request: (_input, params) => ({ linkId: params['link_id'] }), domain: s.InvitationLinkRequest, response: w.RevokeLinkWire, run: reporting.revokeInvitationLink },
  { operation: 'checkCustomerIdentity', method: 'POST', path: '/v2/partners/sub-customers/users/check-identity', summary: 'Is an account name, mobile or e-mail still free to register (5 checks a second)', kind: 'read',
    body: wi.CheckIdentityBody, request: from, domain: s.CheckIdentityRequest, response: w.IdentityCheckWire, run: customers.checkIdentity },
  { operation: 'sendRegistrationCode', method: 'POST', path: '/v2/bases/verificationcode/send', summary: 'Text a registration code to a new customer’s mobile', kind: 'write',
    body: wi.RegistrationCodeBody, request: from, domain: s.SendRegistrationCodeRequest, response: w.RegistrationCodeWire, run: customers.sendRegistrationCode },
  { operation: 'createCustomer', method: 'POST', path: '/v2/partners/sub-customers', summary: 'Create a customer account on the customer’s behalf; association finishes asynchronously', kind: 'intent',
    body: wi.CreateCustomerBody, request: from, domain: s.CreateCustomerRequest, response: w.CreatedCustomerWire, run: customers.createCustomer },
  { operation: 'previewUnbind', method: 'GET', path: '/kit/v1/sub-customers/:customer_id/unbind-preview', summary: 'What unbinding a customer changes: the coupons reclaimed automatically', kind: 'read',
    request: (_input, params) => ({ customerId: params['customer_id'] }), domain: s.UnbindCustomerRequest, response: w.UnbindPreviewWire, run: customers.previewUnbind },
  { operation: 'unbindCustomer', method: 'POST', path: '/kit/v1/sub-customers/:customer_id/unbind', summary: 'End a customer’s association, reclaiming its coupons', kind: 'intent',
    request: (_input, params) => ({ customerId: params['customer_id'] }), domain: s.UnbindCustomerRequest, response: w.UnbindResultWire, run: customers.unbindCustomer },
  { operation: 'listUnbindRequests', method: 'GET', path: '/kit/v1/unbind-requests', summary: 'Unbind requests raised by customers, newest first', kind: 'read',
    query: wi.ListUnbindRequestsQuery, request: from, domain: s.ListUnbindRequestsRequest, response: w.UnbindRequestPageWire, run: unbindRequests.listUnbindRequests },
  { operation: 'approveUnbindRequest', method: 'POST', path: '/kit/v1/unbind-requests/:request_id/approve', summary: 'Approve a pending unbind request: the customer is unbound, its coupons reclaimed', kind: 'intent',
    request: (_input, params) => ({ requestId: params['request_id'] }), domain: s.ApproveUnbindRequest, response: w.ApproveUnbindWire, run: unbindRequests.approveUnbindRequest },
  { operation: 'rejectUnbindRequest', method: 'POST', path: '/kit/v1/unbind-requests/:request_id/reject', summary: 'Reject a pending unbind request with the reason the customer is told', kind: 'intent',
    body: wi.RejectUnbindBody, request: (input, params) => ({ ...input, requestId: params['request_id'] }), domain: s.RejectUnbindRequest, response: w.RejectUnbindWire, run: unbindRequests.rejectUnbindRequest },
  { operation: 'lookupIntent', method: 'GET', path: '/kit/v1/intents/:key', summary: 'What became of a keyed call: done (its result), refused (its error), pending, or not-done (the key is then refused for good)', kind: 'write',
    query: wi.LookupIntentQuery, request: (input, params) => ({ ...input, idempotencyKey: params['key'] }), domain: s.LookupIntentRequest, response: w.IntentLookupWire,
    run: (ctx, r: s.LookupIntentRequest) => lookupIntent(ctx.query, { tenantId: ctx.tenant.tenantId, operation: r.operation, key: r.idempotencyKey, now: ctx.now }) },
  { operation: 'revealField', method: 'POST', path: '/kit/v1/reveal', summary: 'Reveal one personal field (authorised and audited)', kind: 'write',
    body: s.RevealRequest, request: from, domain: s.RevealRequest, response: w.RevealWire, run: invitations.revealField },
  { operation: 'getOrderPaymentOverview', method: 'GET', path: '/kit/v1/order-payments', summary: 'Orders customers asked the partner to pay (代支付), with the account and allocatable balance', kind: 'read',
    response: w.OrderPaymentOverviewWire, run: payments.getOrderPaymentOverview },
  { operation: 'payOrder', method: 'POST', path: '/kit/v1/order-payments/:order_id/pay', summary: 'Pay an order from the balance, or open its online payment (a checkout page)', kind: 'intent',
    body: wi.PayOrderBody, request: (input, params) => ({ ...input, orderId: params['order_id'] }), domain: s.PayOrderRequest, response: w.PayOrderWire, run: payments.payOrder },
  { operation: 'rejectOrder', method: 'POST', path: '/kit/v1/order-payments/:order_id/reject', summary: 'Turn a request down with a reason: the customer pays it', kind: 'intent',
    body: wi.RejectOrderBody, request: (input, params) => ({ ...input, orderId: params['order_id'] }), domain: s.RejectOrderRequest, response: w.RejectOrderWire, run: payments.rejectOrder },
  { operation: 'notifyOrderCustomer', method: 'POST', path: '/kit/v1/order-payments/:order_id/notify-customer', summary: 'Tell the customer an order whose service start passed must be placed again', kind: 'intent',
    request: (_input, params) => ({ orderId: params['order_id'] }), domain: s.NotifyOrderCustomerRequest, response: w.NotifyCustomerWire, run: payments.notifyOrderCustomer },
  { operation: 'createTopUp', method: 'POST', path: '/kit/v1/top-ups', summary: 'Open an online top-up of the partner account (a code to scan)', kind: 'intent',
    body: wi.TopUpBody, request: from, domain: s.CreateTopUpRequest, response: w.TopUpWire, run: payments.createTopUp },
  { operation: 'getPaymentStatus', method: 'GET', path: '/kit/v1/payments/:payment_id', summary: 'Where an online payment stands: pending, paid (with the balance), expired or failed', kind: 'write',
    request: (_input, params) => ({ paymentId: params['payment_id'] }), domain: s.PaymentStatusRequest, response: w.PaymentStatusWire, run: payments.getPaymentStatus },
  ...REMITTANCE_ROUTES,
];

export const ErrorBody = z.object({ error_code: z.string(), error_msg: z.string() });
