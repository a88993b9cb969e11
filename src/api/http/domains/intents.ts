import type { CallOptions } from '../../adapter.js';
import * as s from '../../../model/schemas/intents.js';
import { backendError } from '../../backend-errors.js';
import { parseRequest } from '../../parse.js';
import type { Send } from '../transport.js';
import * as w from '../wire/intents.js';
import { read } from './read.js';

/** The domains that make keyed calls, each reading back its own recorded results. */
export type RecordingDomain = 'coupons' | 'withdrawal' | 'invitations' | 'payments' | 'customers' | 'remittance';

/** The domain of each keyed operation. */
const RECORDED_IN: Readonly<Record<s.IntentOperation, RecordingDomain>> = {
  issueCoupons: 'coupons',
  reclaimCoupon: 'coupons',
  withdraw: 'withdrawal',
  resendInvitation: 'invitations',
  reportCustomer: 'invitations',
  regenerateInvitationLink: 'invitations',
  revokeInvitationLink: 'invitations',
  payOrder: 'payments',
  rejectOrder: 'payments',
  notifyOrderCustomer: 'payments',
  createTopUp: 'payments',
  createCustomer: 'customers',
  unbindCustomer: 'customers',
  approveUnbindRequest: 'customers',
  rejectUnbindRequest: 'customers',
  enableRemittanceAccount: 'remittance',
  sendRemittanceDetails: 'remittance',
  claimRemittance: 'remittance',
};

/**
 * What became of a keyed call. A result the backend recorded is read by the operation's own domain
 * (loaded through `domain`), with that operation's wire schema, into the model shape the call
 * itself resolves with.
 */
export async function lookupIntent(
  send: Send,
  request: s.LookupIntentRequest,
  options: CallOptions | undefined,
  domain: (name: RecordingDomain) => Promise<{ recorded(operation: s.IntentOperation, raw: unknown): unknown }>,
): Promise<s.IntentLookup> {
  const r = parseRequest(s.LookupIntentRequest, request);
  const path = `/kit/v1/intents/${encodeURIComponent(r.idempotencyKey)}`;
  const answer = await read(send, w.IntentLookupWire, { operation: 'lookupIntent', method: 'GET', path, query: { operation: r.operation }, options });
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
      return { status: 'done', result: (await domain(RECORDED_IN[r.operation])).recorded(r.operation, answer.result) };
  }
}
