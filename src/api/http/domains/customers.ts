import type { CallOptions, IntentCallOptions } from '../../adapter.js';
import type { Page } from '../../../model/schemas/common.js';
import * as s from '../../../model/schemas/customer-accounts.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../wire/customers.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { read, readRecorded, type RecordedShapes } from './read.js';

export async function checkCustomerIdentity(send: Send, request: s.CheckIdentityRequest, options?: CallOptions): Promise<s.CheckIdentityResult> {
  const r = parseRequest(s.CheckIdentityRequest, request);
  const body = jsonBody({ search_type: r.kind, search_value: r.value });
  const answer = await read(send, w.IdentityCheckWire, { operation: 'checkCustomerIdentity', method: 'POST', path: '/v2/partners/sub-customers/users/check-identity', body, options });
  return { kind: r.kind, availability: answer.check_result };
}

export async function sendRegistrationCode(send: Send, request: s.SendRegistrationCodeRequest, options?: CallOptions): Promise<s.SendRegistrationCodeResult> {
  const r = parseRequest(s.SendRegistrationCodeRequest, request);
  // The API takes the bare number, without the country code the kit keeps.
  const body = jsonBody({ receiver_type: 1, mobile_phone: r.mobile.slice(r.mobile.indexOf('-') + 1), lang: r.lang, scene: 29 });
  const result = await read(send, w.RegistrationCodeWire, { operation: 'sendRegistrationCode', method: 'POST', path: '/v2/bases/verificationcode/send', body, options });
  return parseResponse(s.SendRegistrationCodeResult, result, 'sendRegistrationCode');
}

export async function createCustomer(send: Send, request: s.CreateCustomerRequest, options: IntentCallOptions): Promise<s.CreateCustomerResult> {
  const r = parseRequest(s.CreateCustomerRequest, request);
  const body = jsonBody({
    // The partner-platform user id must be unique: the intent's key is, and a retry repeats it (CBC.99000039).
    xaccount_id: options.idempotencyKey,
    domain_name: r.accountName,
    ...(r.displayName === undefined ? {} : { display_name: r.displayName }),
    ...(r.mobile === undefined ? {} : { mobile_phone: r.mobile.slice(r.mobile.indexOf('-') + 1), verification_code: r.verificationCode }),
    ...(r.email === undefined ? {} : { email: r.email }),
    ...(r.password === undefined ? {} : { password: r.password }),
    include_association_result: false,
  });
  const result = await read(send, w.CreatedCustomerWire, { operation: 'createCustomer', method: 'POST', path: '/v2/partners/sub-customers', body, options });
  return parseResponse(s.CreateCustomerResult, result, 'createCustomer');
}

export async function listSubCustomers(send: Send, request: s.ListSubCustomersRequest, options?: CallOptions): Promise<Page<s.SubCustomer>> {
  const r = parseRequest(s.ListSubCustomersRequest, request);
  const body = jsonBody({
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
  const page = await read(send, w.SubCustomerPageWire, { operation: 'listSubCustomers', method: 'POST', path: '/v2/partners/sub-customers/query', body, options });
  return parseResponse(s.SubCustomerPage, page, 'listSubCustomers');
}

export async function previewUnbind(send: Send, request: s.UnbindCustomerRequest, options?: CallOptions): Promise<s.UnbindPreview> {
  const r = parseRequest(s.UnbindCustomerRequest, request);
  const path = `/kit/v1/sub-customers/${encodeURIComponent(r.customerId)}/unbind-preview`;
  const preview = await read(send, w.UnbindPreviewWire, { operation: 'previewUnbind', method: 'GET', path, options });
  return parseResponse(s.UnbindPreview, preview, 'previewUnbind');
}

export async function unbindCustomer(send: Send, request: s.UnbindCustomerRequest, options: IntentCallOptions): Promise<s.UnbindCustomerResult> {
  const r = parseRequest(s.UnbindCustomerRequest, request);
  const path = `/kit/v1/sub-customers/${encodeURIComponent(r.customerId)}/unbind`;
  const result = await read(send, w.UnbindResultWire, { operation: 'unbindCustomer', method: 'POST', path, body: '{}', options });
  return parseResponse(s.UnbindCustomerResult, result, 'unbindCustomer');
}

export async function listUnbindRequests(send: Send, request: s.ListUnbindRequestsRequest, options?: CallOptions): Promise<Page<s.UnbindRequest>> {
  const r = parseRequest(s.ListUnbindRequestsRequest, request);
  const query = { offset: r.offset, limit: r.limit, status: r.status };
  const page = await read(send, w.UnbindRequestPageWire, { operation: 'listUnbindRequests', method: 'GET', path: '/kit/v1/unbind-requests', query, options });
  return parseResponse(s.UnbindRequestPage, page, 'listUnbindRequests');
}

export async function approveUnbindRequest(send: Send, request: s.ApproveUnbindRequest, options: IntentCallOptions): Promise<s.ApproveUnbindResult> {
  const r = parseRequest(s.ApproveUnbindRequest, request);
  const path = `/kit/v1/unbind-requests/${encodeURIComponent(r.requestId)}/approve`;
  const result = await read(send, w.ApproveUnbindWire, { operation: 'approveUnbindRequest', method: 'POST', path, body: '{}', options });
  return parseResponse(s.ApproveUnbindResult, result, 'approveUnbindRequest');
}

export async function rejectUnbindRequest(send: Send, request: s.RejectUnbindRequest, options: IntentCallOptions): Promise<s.RejectUnbindResult> {
  const r = parseRequest(s.RejectUnbindRequest, request);
  const path = `/kit/v1/unbind-requests/${encodeURIComponent(r.requestId)}/reject`;
  const result = await read(send, w.RejectUnbindWire, { operation: 'rejectUnbindRequest', method: 'POST', path, body: jsonBody({ reason: r.reason }), options });
  return parseResponse(s.RejectUnbindResult, result, 'rejectUnbindRequest');
}

const RECORDED: RecordedShapes = {
  createCustomer: [w.CreatedCustomerWire, s.CreateCustomerResult],
  unbindCustomer: [w.UnbindResultWire, s.UnbindCustomerResult],
  approveUnbindRequest: [w.ApproveUnbindWire, s.ApproveUnbindResult],
  rejectUnbindRequest: [w.RejectUnbindWire, s.RejectUnbindResult],
};

/** A result the backend recorded for one of this domain's keyed calls, as the call itself resolves with it. */
export function recorded(operation: IntentOperation, raw: unknown): unknown {
  return readRecorded(RECORDED, operation, raw);
}
