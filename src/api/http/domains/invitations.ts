import type { CallOptions, IntentCallOptions } from '../../adapter.js';
import type { Page } from '../../../model/schemas/common.js';
import * as s from '../../../model/schemas/invitations.js';
import * as rp from '../../../model/schemas/reporting.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../wire/invitations.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { read, readRecorded, type RecordedShapes } from './read.js';

export async function listInvitations(send: Send, request: s.ListInvitationsRequest, options?: CallOptions): Promise<Page<s.Invitation>> {
  const r = parseRequest(s.ListInvitationsRequest, request);
  const query = {
    offset: r.offset,
    limit: r.limit,
    status: r.status,
    keyword: r.query?.trim() || undefined,
    sort_by: r.sortBy,
    sort_dir: r.sortDirection,
  };
  const page = await read(send, w.InvitationPageWire, { operation: 'listInvitations', method: 'GET', path: '/kit/v1/invitations', query, options });
  return parseResponse(s.InvitationPage, page, 'listInvitations');
}

export async function resendInvitation(send: Send, request: s.ResendInvitationRequest, options: IntentCallOptions): Promise<s.ResendInvitationResult> {
  const r = parseRequest(s.ResendInvitationRequest, request);
  const result = await read(send, w.ResendWire, { operation: 'resendInvitation', method: 'POST', path: `/kit/v1/invitations/${encodeURIComponent(r.invitationId)}/resend`, body: '{}', options });
  return parseResponse(s.ResendInvitationResult, result, 'resendInvitation');
}

export async function lookupCustomerAccounts(send: Send, request: rp.LookupAccountsRequest, options?: CallOptions): Promise<rp.CustomerAccount[]> {
  const r = parseRequest(rp.LookupAccountsRequest, request);
  const accounts = await read(send, w.CustomerAccountsWire, { operation: 'lookupCustomerAccounts', method: 'GET', path: '/kit/v1/customer-accounts', query: { mobile: r.mobile }, options });
  return parseResponse(rp.CustomerAccountList, accounts, 'lookupCustomerAccounts');
}

export async function reportCustomer(send: Send, request: rp.ReportCustomerRequest, options: IntentCallOptions): Promise<rp.ReportCustomerResult> {
  const r = parseRequest(rp.ReportCustomerRequest, request);
  const body = jsonBody({ name: r.name, mobile: r.mobile, ...(r.email === undefined ? {} : { email: r.email }), account_id: r.accountId, send_invitation: r.sendInvitation });
  const result = await read(send, w.ReportWire, { operation: 'reportCustomer', method: 'POST', path: '/kit/v1/customer-reports', body, options });
  return parseResponse(rp.ReportCustomerResult, result, 'reportCustomer');
}

export async function previewInvitationEmail(send: Send, request: rp.PreviewInvitationEmailRequest, options?: CallOptions): Promise<rp.InvitationEmailPreview> {
  const r = parseRequest(rp.PreviewInvitationEmailRequest, request);
  const body = jsonBody({ locale: r.locale, ...(r.customerName === undefined ? {} : { customer_name: r.customerName }) });
  const preview = await read(send, w.EmailPreviewWire, { operation: 'previewInvitationEmail', method: 'POST', path: '/kit/v1/invitation-email/preview', body, options });
  return parseResponse(rp.InvitationEmailPreview, preview, 'previewInvitationEmail');
}

export async function openInvitationLink(send: Send, request: rp.OpenInvitationLinkRequest, options?: CallOptions): Promise<rp.OfflineInvitationLink> {
  const r = parseRequest(rp.OpenInvitationLinkRequest, request);
  const body = jsonBody(r.kind === 'custom' && r.label !== undefined ? { kind: 'custom', label: r.label } : { kind: r.kind });
  const link = await read(send, w.InvitationLinkWire, { operation: 'openInvitationLink', method: 'POST', path: '/kit/v1/invitation-links', body, options });
  return parseResponse(rp.OfflineInvitationLink, link, 'openInvitationLink');
}

export async function regenerateInvitationLink(send: Send, request: rp.InvitationLinkRequest, options: IntentCallOptions): Promise<rp.OfflineInvitationLink> {
  const r = parseRequest(rp.InvitationLinkRequest, request);
  const path = `/kit/v1/invitation-links/${encodeURIComponent(r.linkId)}/regenerate`;
  const link = await read(send, w.InvitationLinkWire, { operation: 'regenerateInvitationLink', method: 'POST', path, body: '{}', options });
  return parseResponse(rp.OfflineInvitationLink, link, 'regenerateInvitationLink');
}

export async function revokeInvitationLink(send: Send, request: rp.InvitationLinkRequest, options: IntentCallOptions): Promise<rp.RevokeInvitationLinkResult> {
  const r = parseRequest(rp.InvitationLinkRequest, request);
  const path = `/kit/v1/invitation-links/${encodeURIComponent(r.linkId)}/revoke`;
  const result = await read(send, w.RevokeLinkWire, { operation: 'revokeInvitationLink', method: 'POST', path, body: '{}', options });
  return parseResponse(rp.RevokeInvitationLinkResult, result, 'revokeInvitationLink');
}

const RECORDED: RecordedShapes = {
  resendInvitation: [w.ResendWire, s.ResendInvitationResult],
  reportCustomer: [w.ReportWire, rp.ReportCustomerResult],
  regenerateInvitationLink: [w.InvitationLinkWire, rp.OfflineInvitationLink],
  revokeInvitationLink: [w.RevokeLinkWire, rp.RevokeInvitationLinkResult],
};

/** A result the backend recorded for one of this domain's keyed calls, as the call itself resolves with it. */
export function recorded(operation: IntentOperation, raw: unknown): unknown {
  return readRecorded(RECORDED, operation, raw);
}
