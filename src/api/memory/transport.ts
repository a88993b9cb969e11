import type * as z from 'zod/mini';
import { delay } from '../../model/delay.js';
import { KitError, definiteRefusal } from '../../model/errors.js';
import { IntentLookup, type LookupIntentRequest } from '../../model/schemas/intents.js';
import type { ApiOperation, CallOptions, IntentCallOptions } from '../adapter.js';
import { backendError } from '../backend-errors.js';
import { parseResponse } from '../parse.js';
import { FaultSchedule, faultError, type FaultPlan, type FaultSpec, type Refusal } from './faults.js';

/** How the simulated network between the kit and the in-memory backend behaves. */
export interface TransportOptions {
  latencyMs?: number;
  faults?: FaultPlan | undefined;
  rateLimitPerSecond?: number | undefined;
  now: () => number;
}

/** What an intent produced, kept per idempotency key: its result (with the schema that reads it), or the definite refusal it met. */
type StoredIntent = { fingerprint: string } & ({ result: unknown; schema: z.ZodMiniType } | { refusal: KitError });

/**
 * The one way into the in-memory backend: every call counts, waits out the latency, meets the rate
 * limit and the fault plan, and leaves with a validated copy of its answer. Keyed calls (intents)
 * also go through the idempotency store.
 */
export class Transport {
  /** How often each operation was called (including failed calls). */
  readonly calls = new Map<ApiOperation, number>();
  latencyMs: number;
  readonly #faults: FaultSchedule;
  readonly #intents = new Map<string, StoredIntent>();
  /** Keys a lookup answered `not-done` for: refused for good from then on. */
  readonly #abandoned = new Set<string>();
  readonly #recentCalls = new Map<ApiOperation, number[]>();
  readonly #rateLimitPerSecond: number | undefined;
  readonly #now: () => number;

  constructor(options: TransportOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.#faults = new FaultSchedule(options.faults);
    this.#rateLimitPerSecond = options.rateLimitPerSecond;
    this.#now = options.now;
  }

  /** Replaces the fault plan. */
  setFaults(plan: FaultPlan): void {
    this.#faults.replace(plan);
  }

  /**
   * A call without an idempotency key: a read, or a write the API does not key (sending or
   * checking a code, saving a branch, a reveal and its audit entry). `handle` runs once per call.
   */
  async call<S extends z.ZodMiniType>(operation: ApiOperation, options: CallOptions | undefined, schema: S, handle: () => unknown): Promise<z.infer<S>> {
    const fault = await this.#arrive(operation, options?.signal);
    return this.#answer(operation, schema, handle(), fault);
  }

  /**
   * A keyed call that changes state: `effect` runs at most once per idempotency key, and a retry
   * with the same key and request is answered from that run. A planned refusal is handed to
   * `effect`, whose rule gives it.
   */
  async intent<S extends z.ZodMiniType>(
    operation: ApiOperation,
    request: unknown,
    options: IntentCallOptions,
    schema: S,
    effect: (refusal: Refusal | undefined) => unknown,
  ): Promise<z.infer<S>> {
    if (!options?.idempotencyKey) throw new KitError('validation', `${operation} needs an idempotency key.`, { reason: 'idempotency-key' });
    const fault = await this.#arrive(operation, options.signal);
    const key = `${operation}|${options.idempotencyKey}`;
    const fingerprint = JSON.stringify(request);
    if (this.#abandoned.has(key)) {
      throw backendError('KIT.INTENT_ABANDONED', 'This idempotency key was looked up and reported as not done; use a new one.', { status: 409 });
    }
    let stored = this.#intents.get(key);
    if (stored && stored.fingerprint !== fingerprint) {
      throw backendError('KIT.IDEMPOTENCY_MISMATCH', 'This idempotency key was used for a different request.', { status: 409 });
    }
    if (!stored) {
      try {
        stored = { fingerprint, result: effect(fault?.kind === 'refused' ? fault.refusal : undefined), schema };
      } catch (caught) {
        // A definite refusal is the key's answer for good; a missing code or a rate limit is not recorded.
        if (!(caught instanceof KitError) || !definiteRefusal(caught)) throw caught;
        stored = { fingerprint, refusal: caught };
      }
      this.#intents.set(key, stored);
    }
    if ('refusal' in stored) throw stored.refusal;
    return this.#answer(operation, schema, stored.result, fault);
  }

  /**
   * What became of a keyed call; an unknown key is abandoned so that it can never take effect later.
   * A `done` result is read by its operation's schema, as the call's own answer is.
   */
  async lookup(request: LookupIntentRequest, options: CallOptions | undefined): Promise<IntentLookup> {
    const fault = await this.#arrive('lookupIntent', options?.signal);
    const key = `${request.operation}|${request.idempotencyKey}`;
    const stored = this.#intents.get(key);
    let answer: IntentLookup;
    if (!stored) {
      this.#abandoned.add(key);
      answer = { status: 'not-done' };
    } else if ('refusal' in stored) {
      const { code, message, backendCode, reason } = stored.refusal;
      answer = { status: 'refused', error: { code, message, ...(backendCode ? { backendCode } : {}), ...(reason ? { reason } : {}) } };
    } else {
      answer = { status: 'done', result: parseResponse(stored.schema, structuredClone(stored.result), 'lookupIntent') };
    }
    return this.#answer('lookupIntent', IntentLookup, answer, fault);
  }

  /** Latency, rate limit and the faults that strike before the backend acts. */
  async #arrive(operation: ApiOperation, signal: AbortSignal | undefined): Promise<FaultSpec | undefined> {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    if (signal?.aborted) throw new KitError('cancelled', 'The call was cancelled.');
    if (this.latencyMs > 0) await delay(this.latencyMs, signal);
    this.#throttle(operation);
    const fault = this.#faults.take(operation);
    if (fault && fault.kind !== 'refused' && fault.kind !== 'malformed' && !fault.afterEffect) throw faultError(fault, operation);
    return fault;
  }

  #answer<S extends z.ZodMiniType>(operation: ApiOperation, schema: S, result: unknown, fault: FaultSpec | undefined): z.infer<S> {
    if (fault && fault.kind !== 'refused' && fault.afterEffect) throw faultError(fault, operation);
    // A structured copy: callers must never hold references into the backend's state.
    const payload: unknown = fault?.kind === 'malformed' ? { unexpected: true } : structuredClone(result);
    return parseResponse(schema, payload, operation);
  }

  #throttle(operation: ApiOperation): void {
    const limit = this.#rateLimitPerSecond;
    if (!limit) return;
    const now = this.#now();
    const recent = (this.#recentCalls.get(operation) ?? []).filter((t) => t > now - 1000);
    if (recent.length >= limit) {
      this.#recentCalls.set(operation, recent);
      throw backendError('CBC.0250', 'Too many requests.', { status: 429, retryAfterMs: (recent[0] as number) + 1000 - now });
    }
    recent.push(now);
    this.#recentCalls.set(operation, recent);
  }
}
