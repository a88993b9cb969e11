import type { CallOptions, IntentCallOptions } from '../../adapter.js';
import type { Page } from '../../../model/schemas/common.js';
import * as s from '../../../model/schemas/remittance.js';
import * as z from 'zod/mini';
import { minorToDecimal } from '../../../model/decimal.js';
import { KitError } from '../../../model/errors.js';
import { Id, MinorUnits } from '../../../model/schemas/common.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { describeVoucher, voucherProblem } from '../../remittance-voucher.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../remittance-wire.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { read, readRecorded, type RecordedShapes } from './read.js';

/** A claim's fields besides the voucher file, which is checked on its own. */
const ClaimFields = z.object({ remittanceId: Id, amount: MinorUnits.check(z.gte(1)) });

export async function getRemittanceAccount(send: Send, options?: CallOptions): Promise<s.RemittanceAccountState> {
  const state = await read(send, w.RemittanceAccountStateWire, { operation: 'getRemittanceAccount', method: 'GET', path: '/kit/v1/remittance-account', options });
  return parseResponse(s.RemittanceAccountState, state, 'getRemittanceAccount');
}

export async function enableRemittanceAccount(send: Send, options: IntentCallOptions): Promise<s.EnableRemittanceAccountResult> {
  const account = await read(send, w.RemittanceAccountWire, { operation: 'enableRemittanceAccount', method: 'POST', path: '/kit/v1/remittance-account/enable', body: '{}', options });
  return parseResponse(s.EnableRemittanceAccountResult, account, 'enableRemittanceAccount');
}

export async function sendRemittanceDetails(send: Send, options: IntentCallOptions): Promise<s.SendRemittanceDetailsResult> {
  const result = await read(send, w.SendRemittanceDetailsWire, { operation: 'sendRemittanceDetails', method: 'POST', path: '/kit/v1/remittance-account/send-details', body: '{}', options });
  return parseResponse(s.SendRemittanceDetailsResult, result, 'sendRemittanceDetails');
}

export async function getRemittanceProof(send: Send, options?: CallOptions): Promise<s.RemittanceProof> {
  const proof = await read(send, w.RemittanceProofWire, { operation: 'getRemittanceProof', method: 'GET', path: '/kit/v1/remittance-account/proof', options });
  return parseResponse(s.RemittanceProof, proof, 'getRemittanceProof');
}

export async function saveRemittancePayers(send: Send, request: s.SaveRemittancePayersRequest, options?: CallOptions): Promise<s.RemittanceAccount> {
  const r = parseRequest(s.SaveRemittancePayersRequest, request);
  const body = jsonBody({ payer_names: r.payerNames });
  const account = await read(send, w.RemittanceAccountWire, { operation: 'saveRemittancePayers', method: 'PUT', path: '/kit/v1/remittance-account/payers', body, options });
  return parseResponse(s.RemittanceAccount, account, 'saveRemittancePayers');
}

export async function listRemittances(send: Send, request: s.ListRemittancesRequest, options?: CallOptions): Promise<Page<s.Remittance>> {
  const r = parseRequest(s.ListRemittancesRequest, request);
  const query = { offset: r.offset, limit: r.limit, status: r.status };
  const page = await read(send, w.RemittancePageWire, { operation: 'listRemittances', method: 'GET', path: '/kit/v1/remittances', query, options });
  return parseResponse(s.RemittancePage, page, 'listRemittances');
}

export async function searchUnclaimedRemittances(send: Send, request: s.SearchRemittancesRequest, options?: CallOptions): Promise<Page<s.UnclaimedRemittance>> {
  const r = parseRequest(s.SearchRemittancesRequest, request);
  const remitterName = r.remitterName?.trim();
  if (!remitterName && r.remitterAccount === undefined && r.amount === undefined) {
    throw new KitError('validation', 'Search by remitter, remitting account or amount.', { reason: 'search-criterion' });
  }
  // A POST, so the full remitting account number stays out of URLs and their logs.
  const body = jsonBody(
    {
      ...(remitterName ? { remitter_name: remitterName } : {}),
      ...(r.remitterAccount === undefined ? {} : { remitter_account: r.remitterAccount }),
      ...(r.amount === undefined ? {} : { amount: r.amount }),
      offset: r.offset,
      limit: r.limit,
    },
    ['amount'],
  );
  const page = await read(send, w.UnclaimedRemittancePageWire, { operation: 'searchUnclaimedRemittances', method: 'POST', path: '/kit/v1/unclaimed-remittances/search', body, options });
  return parseResponse(s.UnclaimedRemittancePage, page, 'searchUnclaimedRemittances');
}

export async function claimRemittance(send: Send, request: s.ClaimRemittanceRequest, options: IntentCallOptions): Promise<s.RemittanceClaim> {
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
  const claim = await read(send, w.RemittanceClaimWire, { operation: 'claimRemittance', method: 'POST', path: '/kit/v1/remittance-claims', body: form, options });
  return parseResponse(s.RemittanceClaim, claim, 'claimRemittance');
}

export async function listRemittanceClaims(send: Send, request: s.ListRemittanceClaimsRequest, options?: CallOptions): Promise<Page<s.RemittanceClaim>> {
  const r = parseRequest(s.ListRemittanceClaimsRequest, request);
  const page = await read(send, w.RemittanceClaimPageWire, { operation: 'listRemittanceClaims', method: 'GET', path: '/kit/v1/remittance-claims', query: { offset: r.offset, limit: r.limit }, options });
  return parseResponse(s.RemittanceClaimPage, page, 'listRemittanceClaims');
}

const RECORDED: RecordedShapes = {
  enableRemittanceAccount: [w.RemittanceAccountWire, s.RemittanceAccount],
  sendRemittanceDetails: [w.SendRemittanceDetailsWire, s.SendRemittanceDetailsResult],
  claimRemittance: [w.RemittanceClaimWire, s.RemittanceClaim],
};

/** A result the backend recorded for one of this domain's keyed calls, as the call itself resolves with it. */
export function recorded(operation: IntentOperation, raw: unknown): unknown {
  return readRecorded(RECORDED, operation, raw);
}
