import { KitError, isAbort, isTransient } from '../../model/errors.js';
import { delay } from '../../model/delay.js';
import type { ApiOperation, CallOptions, IntentCallOptions } from '../adapter.js';
import { errorDetails } from '../error-mapping.js';
import { transportError } from './error-table.js';
import type { HttpAdapterOptions } from './options.js';
import { RateLimiter } from './rate-limiter.js';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy.js';

/** One request as a domain module builds it; the answer comes back as parsed, not yet validated, JSON. */
export interface WireCall {
  operation: ApiOperation;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string | number | readonly (string | number)[] | undefined>;
  /** JSON text, or a multipart form (an upload; `fetch` writes its Content-Type with the boundary). */
  body?: string | FormData;
  options: CallOptions | IntentCallOptions | undefined;
}

/** Sends a call with its retries and resolves with the JSON it answered. */
export type Send = (call: WireCall) => Promise<unknown>;

const DEFAULT_RATE = 10;
/** Operations the partner API limits more tightly than the default 10/s. */
const TIGHTER_RATES: Partial<Record<ApiOperation, number>> = { checkVerificationCode: 5 };

/**
 * Calls that change state without an idempotency key: repeated blindly after a timeout, a send
 * would text a second code (and count against the send cap) and a check would spend the code.
 */
const NOT_REPEATABLE: ReadonlySet<ApiOperation> = new Set<ApiOperation>(['sendVerificationCode', 'checkVerificationCode']);

/**
 * The HTTP transport every domain shares: credentials, time limit, rate limits, retries with
 * back-off and Retry-After, the Idempotency-Key and verification-ticket headers, one credential
 * refresh on 401, and an error answer mapped onto a KitError. It knows no schema, so it costs a page
 * nothing before the first call of a domain loads that domain's.
 */
export class HttpTransport {
  readonly #options: HttpAdapterOptions;
  readonly #retry: RetryPolicy;
  readonly #limiter: RateLimiter;

  constructor(options: HttpAdapterOptions) {
    this.#options = options;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const rates = options.rateLimitPerSecond;
    this.#limiter = new RateLimiter((operation) =>
      typeof rates === 'number'
        ? rates
        : (rates?.[operation as ApiOperation] ?? TIGHTER_RATES[operation as ApiOperation] ?? DEFAULT_RATE),
    );
  }

  /**
   * One operation, with its retries. Reads are retried on rate limits, 5xx, timeouts and network
   * failures. Money-moving calls and code sends / checks are retried automatically only on rate
   * limits (the server did not act); after a timeout or 5xx the server may have acted, so the error
   * goes to the user, whose retry repeats the same idempotency key.
   */
  readonly send: Send = async (call) => {
    const intent = call.options && 'idempotencyKey' in call.options ? call.options : undefined;
    const signal = call.options?.signal;
    const random = this.#options.random ?? Math.random;
    let refreshed = false;
    for (let attempt = 0; ; attempt += 1) {
      await this.#limiter.acquire(call.operation, signal);
      let error: KitError;
      try {
        return await this.#attempt(call, intent, signal);
      } catch (caught) {
        if (!(caught instanceof KitError)) throw caught;
        error = caught;
      }
      // One refresh per call: the repeat carries the same Idempotency-Key and ticket as the first try.
      if ((error.reason === 'unauthorized' || error.reason === 'token-invalid') && !refreshed && this.#options.onUnauthorized) {
        refreshed = true;
        if (await this.#options.onUnauthorized(error)) continue;
      }
      const repeatable = !intent && !NOT_REPEATABLE.has(call.operation);
      const retryable = error.code === 'rate-limited' ? error.reason === undefined : repeatable && isTransient(error);
      if (!retryable || attempt >= this.#retry.maxRetries) throw error;
      await delay(retryDelay(this.#retry, attempt, error.retryAfterMs, random), signal);
    }
  };

  async #attempt(call: WireCall, intent: IntentCallOptions | undefined, signal: AbortSignal | undefined): Promise<unknown> {
    let credentials: Record<string, string> | undefined;
    try {
      credentials = await this.#options.headers?.();
    } catch (caught) {
      // Nothing was sent: a money call whose token could not be had did not happen.
      throw new KitError('configuration', 'The credentials for the partner API could not be had.', { reason: 'credentials', cause: caught });
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(typeof call.body === 'string' ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}),
      ...credentials,
      ...(intent ? { 'Idempotency-Key': intent.idempotencyKey } : {}),
      ...(intent?.verificationTicket ? { 'X-Verification-Ticket': intent.verificationTicket } : {}),
    };
    const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? 15_000);
    const fetchImpl = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(this.#url(call), {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: call.body }),
        signal: combined,
      });
      // The body is read under the same time limit: headers may arrive while the body stalls.
      text = await response.text();
    } catch (caught) {
      if (signal?.aborted) throw new KitError('cancelled', 'The call was cancelled.', { cause: caught });
      if (timeout.aborted || (isAbort(caught) && !signal?.aborted)) throw new KitError('timeout', `${call.operation} timed out.`, { cause: caught });
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new KitError('network', 'The partner API could not be reached.', { cause: caught, ...(offline ? { reason: 'offline' } : {}) });
    }
    let json: unknown = {};
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        if (response.ok) throw new KitError('malformed-response', `${call.operation} did not answer JSON.`, { reason: 'json' });
        json = {};
      }
    }
    // The error body is two fields, checked by hand: no schema library before a domain is loaded.
    const body = (typeof json === 'object' && json !== null ? json : {}) as { error_code?: unknown; error_msg?: unknown };
    const code = typeof body.error_code === 'string' ? body.error_code : undefined;
    // A 200 may carry a business failure; CBC.0000 is the legacy APIs' explicit success.
    if (!response.ok || (code !== undefined && code !== 'CBC.0000')) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      const details = errorDetails(body);
      throw transportError(code ?? `HTTP.${response.status}`, typeof body.error_msg === 'string' ? body.error_msg : response.statusText, {
        status: response.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(Object.keys(details).length === 0 ? {} : { details }),
      });
    }
    return json;
  }

  #url(call: WireCall): string {
    const base = this.#options.baseUrl.replace(/\/+$/, '');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    const search = params.toString();
    return `${base}${call.path}${search ? `?${search}` : ''}`;
  }
}
