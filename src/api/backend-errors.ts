import { apiAmountToMinor } from '../model/decimal.js';
import { KitError, type KitErrorCode } from '../model/errors.js';

interface Mapping {
  code: KitErrorCode;
  reason?: string;
}

/**
 * The partner API's error codes that the kit tells apart, mapped onto the kit's taxonomy. Codes not
 * listed fall back on the HTTP status. `KIT.*` codes belong to the kit's own documented contract
 * for the console-only flows.
 */
const BACKEND_CODES: Readonly<Record<string, Mapping>> = {
  'CBC.0100': { code: 'validation', reason: 'parameter' },
  'CBC.0101': { code: 'validation', reason: 'parameter' },
  'CBC.0154': { code: 'configuration', reason: 'token-invalid' },
  'CBC.0150': { code: 'permission' },
  'CBC.0151': { code: 'permission' },
  'CBC.0155': { code: 'permission' },
  'CBC.0156': { code: 'configuration', reason: 'wrong-site' },
  'CBC.0250': { code: 'rate-limited' },
  'APIG.0308': { code: 'rate-limited' },
  'CBC.0999': { code: 'server' },
  'CBC.5001': { code: 'permission', reason: 'not-a-partner' },
  'CBC.5003': { code: 'insufficient-funds' },
  'CBC.99005003': { code: 'insufficient-funds' },
  'CBC.99003162': { code: 'conflict', reason: 'start-time-passed' },
  'CBC.99003110': { code: 'conflict', reason: 'deadline-passed' },
  'CBC.99003106': { code: 'conflict', reason: 'order-status-changed' },
  'CBC.99008040': { code: 'rate-limited', reason: 'too-frequent' },
  'CBC.99008056': { code: 'conflict', reason: 'daily-cap' },
  'CBC.99000000': { code: 'permission', reason: 'customer' },
  'CBC.99000035': { code: 'permission', reason: 'not-sub-customer' },
  'CBC.99000037': { code: 'permission', reason: 'reseller' },
  'CBC.99000012': { code: 'conflict', reason: 'quota-unusable' },
  'CBC.99000013': { code: 'insufficient-funds', reason: 'quota-balance' },
  'CBC.99000014': { code: 'conflict', reason: 'cooperation-type' },
  'CBC.99000017': { code: 'conflict', reason: 'quota-not-effective' },
  'CBC.99000018': { code: 'validation', reason: 'face-value-below-min' },
  'CBC.99000019': { code: 'validation', reason: 'face-value-above-max' },
  'CBC.99000020': { code: 'validation', reason: 'too-many-coupons' },
  'CBC.99000021': { code: 'insufficient-funds', reason: 'total-over-limit' },
  'CBC.99000023': { code: 'validation', reason: 'restriction-outside-quota' },
  'CBC.99000045': { code: 'conflict', reason: 'referral-coupon' },
  'CBC.99000048': { code: 'conflict', reason: 'already-reclaimed' },
  'CBC.99004015': { code: 'rate-limited', reason: 'send-limit' },
  'CBC.99004008': { code: 'validation', reason: 'code-expired' },
  'CBC.99004009': { code: 'rate-limited', reason: 'attempts-exceeded' },
  'CBC.99004010': { code: 'validation', reason: 'code-incorrect' },
  'KIT.CODE_NOT_SENT': { code: 'validation', reason: 'code-not-sent' },
  'KIT.RESEND_TOO_SOON': { code: 'rate-limited', reason: 'resend-too-soon' },
  'KIT.VERIFICATION_REQUIRED': { code: 'verification-required' },
  'KIT.NAME_MISMATCH': { code: 'validation', reason: 'name-mismatch' },
  'KIT.BRANCH_REQUIRED': { code: 'conflict', reason: 'branch-required' },
  'KIT.AMOUNT_OVER_AVAILABLE': { code: 'insufficient-funds', reason: 'withdrawable' },
  'KIT.IDEMPOTENCY_MISMATCH': { code: 'conflict', reason: 'idempotency-key-reused' },
  'KIT.INTENT_ABANDONED': { code: 'conflict', reason: 'intent-abandoned' },
  'KIT.NO_ACCOUNT': { code: 'validation', reason: 'no-account' },
  'KIT.ACCOUNT_MISMATCH': { code: 'validation', reason: 'account-mismatch' },
  'KIT.ALREADY_REPORTED': { code: 'conflict', reason: 'already-reported' },
  'KIT.LINK_REVOKED': { code: 'conflict', reason: 'link-revoked' },
  'KIT.ALREADY_ASSOCIATED': { code: 'conflict', reason: 'already-associated' },
  'KIT.NOT_FOUND': { code: 'not-found' },
  'CBC.99000038': { code: 'conflict', reason: 'account-name-taken' },
  'CBC.99000031': { code: 'validation', reason: 'account-name-format' },
  'CBC.99000029': { code: 'conflict', reason: 'mobile-taken' },
  'CBC.5017': { code: 'validation', reason: 'mobile-format' },
  'CBC.99000030': { code: 'conflict', reason: 'mobile-registration-cap' },
  'CBC.99000036': { code: 'validation', reason: 'password-format' },
  'CBC.99000051': { code: 'conflict', reason: 'reported-by-huawei' },
  'CBC.50010085': { code: 'permission', reason: 'partner-restricted' },
  'CBC.50010086': { code: 'permission', reason: 'partner-restricted' },
  'KIT.EMAIL_TAKEN': { code: 'conflict', reason: 'email-taken' },
  'KIT.REQUEST_NOT_PENDING': { code: 'conflict', reason: 'request-not-pending' },
  'KIT.VALIDITY_OUTSIDE_QUOTA': { code: 'validation', reason: 'validity-outside-quota' },
  'KIT.REMITTANCE_NOT_ENABLED': { code: 'conflict', reason: 'remittance-not-enabled' },
  'KIT.PAYER_LIMIT': { code: 'validation', reason: 'payer-limit' },
  'KIT.PAYER_EMPTY': { code: 'validation', reason: 'payer-empty' },
  'KIT.PAYER_TOO_LONG': { code: 'validation', reason: 'payer-too-long' },
  'KIT.PAYER_DUPLICATE': { code: 'validation', reason: 'payer-duplicate' },
  'KIT.SEARCH_CRITERION_REQUIRED': { code: 'validation', reason: 'search-criterion' },
  'KIT.VOUCHER_TYPE': { code: 'validation', reason: 'voucher-type' },
  'KIT.VOUCHER_SIZE': { code: 'validation', reason: 'voucher-size' },
  'KIT.ALREADY_CLAIMED': { code: 'conflict', reason: 'already-claimed' },
  'KIT.CLAIM_OVER_REMITTANCE': { code: 'validation', reason: 'amount-over-remittance' },
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

/** Builds the KitError for a backend error body (and the HTTP status it came with, where known). */
export function backendError(
  backendCode: string,
  message: string,
  init: { status?: number; retryAfterMs?: number; details?: Record<string, string | number | boolean> } = {},
): KitError {
  if (TENANT_MISMATCH.test(message)) {
    return new KitError('configuration', message, { reason: 'tenant-mismatch', backendCode });
  }
  // A 401 the table does not name is a credential that expired or was refused: a refresh may cure it.
  const mapping = BACKEND_CODES[backendCode] ?? (init.status === 401 ? { code: 'configuration' as const, reason: 'unauthorized' } : { code: fromStatus(init.status ?? 400) });
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
