import type { MemoryPartnerApi } from '../src/api/memory/index.js';

/** What the backend tells a customer (not a code for the partner): what QA reads instead of the customer's phone or mailbox. */
export type CustomerMessage =
  | { kind: 'registration-code'; to: string; code: string; at: string }
  | { kind: 'order-paid' | 'order-again'; to: string; at: string }
  | { kind: 'unbind-approved'; to: string; at: string }
  | { kind: 'unbind-rejected'; to: string; reason: string; at: string };

/**
 * Records, on the page's side of the adapter, every message a customer gets from the calls the
 * elements make: registration codes texted to a new customer's mobile, "paid for you" and "order
 * again" notices, the answer to an unbind request. A keyed call answered twice (a retry under the
 * same idempotency key) is one message, as the backend sent one.
 */
export function recordCustomerMessages(api: MemoryPartnerApi, onMessage: () => void): readonly CustomerMessage[] {
  const messages: CustomerMessage[] = [];
  const seen = new Set<string>();
  const add = (key: string | undefined, message: CustomerMessage) => {
    if (key !== undefined && seen.has(key)) return;
    if (key !== undefined) seen.add(key);
    messages.push(message);
    onMessage();
  };

  const sendCode = api.sendRegistrationCode.bind(api);
  api.sendRegistrationCode = async (request, options) => {
    const result = await sendCode(request, options);
    const sent = api.registrationCodes.at(-1);
    if (sent) add(undefined, { kind: 'registration-code', to: sent.mobile, code: sent.code, at: sent.sentAt });
    return result;
  };
  const pay = api.payOrder.bind(api);
  api.payOrder = async (request, options) => {
    const result = await pay(request, options);
    if (result.status === 'paid') add(`pay|${options.idempotencyKey}`, { kind: 'order-paid', to: request.orderId, at: result.paidAt });
    return result;
  };
  const notify = api.notifyOrderCustomer.bind(api);
  api.notifyOrderCustomer = async (request, options) => {
    const result = await notify(request, options);
    add(`notify|${options.idempotencyKey}`, { kind: 'order-again', to: request.orderId, at: result.notifiedAt });
    return result;
  };
  const approve = api.approveUnbindRequest.bind(api);
  api.approveUnbindRequest = async (request, options) => {
    const result = await approve(request, options);
    add(`approve|${options.idempotencyKey}`, { kind: 'unbind-approved', to: result.customerId, at: result.approvedAt });
    return result;
  };
  const reject = api.rejectUnbindRequest.bind(api);
  api.rejectUnbindRequest = async (request, options) => {
    const result = await reject(request, options);
    add(`reject|${options.idempotencyKey}`, { kind: 'unbind-rejected', to: request.requestId, reason: result.reason, at: result.rejectedAt });
    return result;
  };
  return messages;
}
