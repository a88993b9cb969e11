import type { CallOptions } from '../../adapter.js';
import * as s from '../../../model/schemas/verification.js';
import * as rv from '../../../model/schemas/reveal.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../wire/verification.js';
import { read } from './read.js';

export async function getVerificationPolicy(send: Send, options?: CallOptions): Promise<s.VerificationPolicy> {
  const policy = await read(send, w.PolicyWire, { operation: 'getVerificationPolicy', method: 'GET', path: '/kit/v1/verification/policy', options });
  return parseResponse(s.VerificationPolicy, policy, 'getVerificationPolicy');
}

export async function sendVerificationCode(send: Send, request: s.SendCodeRequest, options?: CallOptions): Promise<s.SendCodeResult> {
  const r = parseRequest(s.SendCodeRequest, request);
  const result = await read(send, w.SendCodeWire, { operation: 'sendVerificationCode', method: 'POST', path: '/kit/v1/verification/codes', body: jsonBody(r), options });
  return parseResponse(s.SendCodeResult, result, 'sendVerificationCode');
}

export async function checkVerificationCode(send: Send, request: s.CheckCodeRequest, options?: CallOptions): Promise<s.VerificationTicket> {
  const r = parseRequest(s.CheckCodeRequest, request);
  const ticket = await read(send, w.TicketWire, { operation: 'checkVerificationCode', method: 'POST', path: '/kit/v1/verification/checks', body: jsonBody(r), options });
  return parseResponse(s.VerificationTicket, ticket, 'checkVerificationCode');
}

export async function revealField(send: Send, request: rv.RevealRequest, options?: CallOptions): Promise<rv.RevealResult> {
  const r = parseRequest(rv.RevealRequest, request);
  const result = await read(send, w.RevealWire, { operation: 'revealField', method: 'POST', path: '/kit/v1/reveal', body: jsonBody(r), options });
  return parseResponse(rv.RevealResult, result, 'revealField');
}
