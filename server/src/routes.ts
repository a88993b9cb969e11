import * as z from 'zod/mini';
import type { ApiOperation } from '../../src/api/adapter.js';
import * as w from '../../src/api/http/wire.js';
import * as s from '../../src/model/schemas/index.js';
import { lookupIntent } from './idempotency.js';
import type { OperationContext } from './operations/context.js';
import * as coupons from './operations/coupons.js';
import * as invitations from './operations/invitations.js';
import * as reporting from './operations/reporting.js';
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
  { operation: 'searchCustomers', method: 'POST', path: '/v2/partners/sub-customers/query', summary: 'Search the partner’s customers', kind: 'read',
    body: wi.SearchCustomersBody, request: from, domain: s.SearchCustomersRequest, response: w.CustomerPageWire, run: coupons.searchCustomers },
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
  { operation: 'lookupIntent', method: 'GET', path: '/kit/v1/intents/:key', summary: 'What became of a keyed call: done (its result), refused (its error), pending, or not-done (the key is then refused for good)', kind: 'write',
    query: wi.LookupIntentQuery, request: (input, params) => ({ ...input, idempotencyKey: params['key'] }), domain: s.LookupIntentRequest, response: w.IntentLookupWire,
    run: (ctx, r: s.LookupIntentRequest) => lookupIntent(ctx.query, { tenantId: ctx.tenant.tenantId, operation: r.operation, key: r.idempotencyKey, now: ctx.now }) },
  { operation: 'revealField', method: 'POST', path: '/kit/v1/reveal', summary: 'Reveal one personal field (authorised and audited)', kind: 'write',
    body: s.RevealRequest, request: from, domain: s.RevealRequest, response: w.RevealWire, run: invitations.revealField },
];

export const ErrorBody = z.object({ error_code: z.string(), error_msg: z.string() });
