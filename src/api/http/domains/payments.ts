import type { CallOptions, IntentCallOptions } from '../../adapter.js';
import * as s from '../../../model/schemas/payments.js';
import { parseRequest, parseResponse } from '../../parse.js';
import { jsonBody } from '../json-body.js';
import type { Send } from '../transport.js';
import * as w from '../wire/payments.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { read, readRecorded, type RecordedShapes } from './read.js';

export async function getOrderPaymentOverview(send: Send, options?: CallOptions): Promise<s.OrderPaymentOverview> {
  const overview = await read(send, w.OrderPaymentOverviewWire, { operation: 'getOrderPaymentOverview', method: 'GET', path: '/kit/v1/order-payments', options });
  return parseResponse(s.OrderPaymentOverview, overview, 'getOrderPaymentOverview');
}

export async function payOrder(send: Send, request: s.PayOrderRequest, options: IntentCallOptions): Promise<s.PayOrderResult> {
  const r = parseRequest(s.PayOrderRequest, request);
  const body = jsonBody(r.method.type === 'balance' ? { method: 'balance' } : { method: 'online', channel: r.method.channel });
  const path = `/kit/v1/order-payments/${encodeURIComponent(r.orderId)}/pay`;
  const result = await read(send, w.PayOrderWire, { operation: 'payOrder', method: 'POST', path, body, options });
  return parseResponse(s.PayOrderResult, result, 'payOrder');
}

export async function rejectOrder(send: Send, request: s.RejectOrderRequest, options: IntentCallOptions): Promise<s.RejectOrderResult> {
  const r = parseRequest(s.RejectOrderRequest, request);
  const path = `/kit/v1/order-payments/${encodeURIComponent(r.orderId)}/reject`;
  const result = await read(send, w.RejectOrderWire, { operation: 'rejectOrder', method: 'POST', path, body: jsonBody({ reason: r.reason }), options });
  return parseResponse(s.RejectOrderResult, result, 'rejectOrder');
}

export async function notifyOrderCustomer(send: Send, request: s.NotifyOrderCustomerRequest, options: IntentCallOptions): Promise<s.NotifyOrderCustomerResult> {
  const r = parseRequest(s.NotifyOrderCustomerRequest, request);
  const path = `/kit/v1/order-payments/${encodeURIComponent(r.orderId)}/notify-customer`;
  const result = await read(send, w.NotifyCustomerWire, { operation: 'notifyOrderCustomer', method: 'POST', path, body: '{}', options });
  return parseResponse(s.NotifyOrderCustomerResult, result, 'notifyOrderCustomer');
}

export async function createTopUp(send: Send, request: s.CreateTopUpRequest, options: IntentCallOptions): Promise<s.TopUpResult> {
  const r = parseRequest(s.CreateTopUpRequest, request);
  const result = await read(send, w.TopUpWire, { operation: 'createTopUp', method: 'POST', path: '/kit/v1/top-ups', body: jsonBody({ amount: r.amount }, ['amount']), options });
  return parseResponse(s.TopUpResult, result, 'createTopUp');
}

export async function getPaymentStatus(send: Send, request: s.PaymentStatusRequest, options?: CallOptions): Promise<s.PaymentStatus> {
  const r = parseRequest(s.PaymentStatusRequest, request);
  const status = await read(send, w.PaymentStatusWire, { operation: 'getPaymentStatus', method: 'GET', path: `/kit/v1/payments/${encodeURIComponent(r.paymentId)}`, options });
  return parseResponse(s.PaymentStatus, status, 'getPaymentStatus');
}

const RECORDED: RecordedShapes = {
  payOrder: [w.PayOrderWire, s.PayOrderResult],
  rejectOrder: [w.RejectOrderWire, s.RejectOrderResult],
  notifyOrderCustomer: [w.NotifyCustomerWire, s.NotifyOrderCustomerResult],
  createTopUp: [w.TopUpWire, s.TopUpResult],
};

/** A result the backend recorded for one of this domain's keyed calls, as the call itself resolves with it. */
export function recorded(operation: IntentOperation, raw: unknown): unknown {
  return readRecorded(RECORDED, operation, raw);
}
