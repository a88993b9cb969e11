import { apiAmountToMinor } from '../model/decimal.js';
import { KitError, type KitErrorCode } from '../model/errors.js';

/** What one backend error code means in the kit's taxonomy. */
export interface Mapping {
  code: KitErrorCode;
  reason?: string;
}

/** Backend error codes the kit tells apart; codes not listed fall back on the HTTP status. */
export type BackendCodeTable = Readonly<Record<string, Mapping>>;

/**
 * The codes that decide what the HTTP transport does next (wait and retry, refresh the token, give
 * up): part of the whole table, and all the transport knows before a domain module brings that.
 */
export const TRANSPORT_CODES: BackendCodeTable = {
  'CBC.0154': { code: 'configuration', reason: 'token-invalid' },
  'CBC.0156': { code: 'configuration', reason: 'wrong-site' },
  'CBC.0250': { code: 'rate-limited' },
  'APIG.0308': { code: 'rate-limited' },
  'CBC.0999': { code: 'server' },
  'CBC.99008040': { code: 'rate-limited', reason: 'too-frequent' },
  'CBC.99004015': { code: 'rate-limited', reason: 'send-limit' },
  'CBC.99004009': { code: 'rate-limited', reason: 'attempts-exceeded' },
  'KIT.RESEND_TOO_SOON': { code: 'rate-limited', reason: 'resend-too-soon' },
};

const TENANT_MISMATCH = /tenant_id in token mismatches/i;

function fromStatus(status: number): KitErrorCode {
  if (status === 429) return 'rate-limited';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'validation';
}

/** Builds the KitError for a backend error body (and the HTTP status it came with, where known), reading its code in `table`. */
export function mapBackendError(
  table: BackendCodeTable,
  backendCode: string,
  message: string,
  init: {
    status?: number;
    retryAfterMs?: number;
    details?: Record<string, string | number | boolean>;
  } = {},
): KitError {
  if (TENANT_MISMATCH.test(message)) {
    return new KitError('configuration', message, {
      reason: 'tenant-mismatch',
      backendCode,
    });
  }
  // A 401 the table does not name is a credential that expired or was refused: a refresh may cure it.
  const mapping =
    table[backendCode] ?? (init.status === 401 ? { code: 'configuration' as const, reason: 'unauthorized' } : { code: fromStatus(init.status ?? 400) });
  return new KitError(mapping.code, message, {
    ...(mapping.reason === undefined ? {} : { reason: mapping.reason }),
    backendCode,
    ...(init.retryAfterMs === undefined ? {} : { retryAfterMs: init.retryAfterMs }),
    ...(init.details === undefined ? {} : { details: init.details }),
  });
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * What an error body says besides its code and message, as `KitError.details`: the scalars the
 * refusal names (`payment_id` → `paymentId`, `order_id`, `field`, …), keys in camelCase. An amount
 * (`…_amount`, yuan) becomes minor units; a `field` names the request's field the way the kit
 * does (`payer_names.1` → `payerNames.1`). Anything else is left out.
 */
export function errorDetails(body: Readonly<Record<string, unknown>>): Record<string, string | number | boolean> {
  const details: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'error_code' || key === 'error_msg') continue;
    if (key.endsWith('_amount')) {
      const minor = typeof value === 'number' || typeof value === 'string' ? apiAmountToMinor(value) : undefined;
      if (minor !== undefined) details[camel(key)] = minor;
    } else if (key === 'field' && typeof value === 'string') {
      details[key] = camel(value);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      details[camel(key)] = value;
    }
  }
  return details;
}
