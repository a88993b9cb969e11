/**
 * The one error type every flow and adapter speaks. A `code` is a stable category the UI maps to a
 * message; `reason` narrows it (e.g. `code-expired`) where one category has several user-visible
 * cases; `backendCode` keeps what the server said (e.g. `CBC.99004010`) for support tickets.
 */
export const KIT_ERROR_CODES = [
  'validation',
  'verification-required',
  'rate-limited',
  'configuration',
  'permission',
  'conflict',
  'not-found',
  'insufficient-funds',
  'network',
  'timeout',
  'server',
  'malformed-response',
  'cancelled',
] as const;
export type KitErrorCode = (typeof KIT_ERROR_CODES)[number];

/** Whether `code` (e.g. read back from a backend's record) is one of ours. */
export function isKitErrorCode(code: string): code is KitErrorCode {
  return (KIT_ERROR_CODES as readonly string[]).includes(code);
}

/** Options a {@link KitError} is built with. */
export interface KitErrorInit {
  /** Narrower, stable case within the code, e.g. `code-expired`, `name-mismatch`. */
  reason?: string;
  /** The backend's own error code, kept verbatim for support. */
  backendCode?: string;
  /** How long the server asked us to wait before trying again. */
  retryAfterMs?: number;
  /** Structured facts a message may need (attempts left, limits). Never secrets. */
  details?: Readonly<Record<string, string | number | boolean>>;
  cause?: unknown;
}

const TRANSIENT: ReadonlySet<KitErrorCode> = new Set(['rate-limited', 'network', 'timeout', 'server']);

/** A typed failure of a flow or an adapter call. */
export class KitError extends Error {
  override readonly name = 'KitError';
  readonly code: KitErrorCode;
  readonly reason: string | undefined;
  readonly backendCode: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(code: KitErrorCode, message: string, init: KitErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.reason = init.reason;
    this.backendCode = init.backendCode;
    this.retryAfterMs = init.retryAfterMs;
    this.details = init.details ?? {};
  }
}

/** Whether trying the same request again may succeed, so the user should be offered a retry. */
export function isTransient(error: KitError): boolean {
  return TRANSIENT.has(error.code);
}

const OUTCOME_UNKNOWN: ReadonlySet<KitErrorCode> = new Set(['timeout', 'server', 'network', 'malformed-response']);

/**
 * Whether a money-moving call that failed this way may still have taken effect on the backend, so
 * the same intent (same idempotency key) must be kept for the retry rather than dropped. A failure
 * that says nothing was sent (`details.sent === false`: the adapter's code for the call could not be
 * loaded) is known not to have.
 */
export function outcomeUnknown(error: KitError): boolean {
  return OUTCOME_UNKNOWN.has(error.code) && error.details['sent'] !== false;
}

const NOT_RECORDED: ReadonlySet<KitErrorCode> = new Set([
  'verification-required',
  'rate-limited',
  'configuration',
  'cancelled',
  'timeout',
  'server',
  'network',
  'malformed-response',
]);

/**
 * Whether the backend turned a keyed request down for what the request says, so that it records
 * the refusal under the key and answers the same refusal to every repeat of it (see the
 * idempotency rule in docs/http-contract.md). A missing or spent code, a rate limit, a rejected
 * credential and every failure whose outcome is unknown are not recorded: the same key may be
 * tried again once their cause has passed.
 */
export function definiteRefusal(error: KitError): boolean {
  return !NOT_RECORDED.has(error.code);
}

/** Narrows an unknown thrown value to a KitError, wrapping anything else as a network failure. */
export function toKitError(error: unknown): KitError {
  if (error instanceof KitError) return error;
  if (isAbort(error)) return new KitError('cancelled', 'The operation was cancelled.', { cause: error });
  return new KitError('network', error instanceof Error ? error.message : 'Unexpected failure.', { cause: error });
}

/** True for the DOMException an aborted `fetch` or `AbortSignal` rejects with. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
