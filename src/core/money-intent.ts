import type { IntentCallOptions } from '../api/adapter.js';
import type { IntentLookup } from '../model/schemas/intents.js';
import type { VerificationTicket } from '../model/schemas/verification.js';
import { KitError, definiteRefusal, isKitErrorCode, outcomeUnknown, toKitError } from '../model/errors.js';
import { createIntentKey } from './intent-key.js';

/** What one run of a {@link MoneyIntent} needs. */
export interface IntentRun<R, T> {
  /** Asks for a verification code when the action needs one; resolves `undefined` when it does not. */
  verify: () => Promise<VerificationTicket | undefined>;
  /** The money-moving call itself. */
  call: (request: R, options: IntentCallOptions) => Promise<T>;
  /** Told when the run moves from asking for a code to calling the backend. */
  onPhase?: (phase: 'verifying' | 'submitting') => void;
}

/**
 * What a lookup of an intent whose outcome was unknown settled: `done` with the result the backend
 * recorded, `not-done` (refused, with its error, or never acted on), or still `unknown` (the
 * backend is processing it, or could not be asked).
 */
export type IntentResolution<T> =
  | { status: 'done'; result: T }
  | { status: 'not-done'; error: KitError | undefined }
  | { status: 'unknown'; error: KitError | undefined };

/**
 * One user intent that moves money (an issue, a reclaim, a withdrawal). Its idempotency key is made
 * on the first run and kept for as long as the request stays the same, so a retry after a timeout,
 * a double click or a reopened dialog reaches the backend as the same intent and takes effect once.
 *
 * The rule, the same as the backend's (docs/http-contract.md): after a success or a definite
 * refusal the key is spent and the next run gets a new one; after a missing code or a rate limit
 * the same key is tried again; after a failure whose outcome is unknown (timeout, 5xx, network,
 * malformed answer) the intent is **frozen**: only the same request may run again (same key) until
 * {@link resolve} learns what happened. A verification ticket is reused until the backend spends or
 * refuses it. Runs while one is in flight join it.
 */
export class MoneyIntent<R> {
  readonly #prefix: string;
  readonly #now: () => number;
  #key: { value: string; fingerprint: string; request: R } | undefined;
  /** A passed code check, for the request it was asked for: a changed request asks again. */
  #ticket: { value: VerificationTicket; fingerprint: string } | undefined;
  #running: Promise<unknown> | undefined;
  /** The failure that left the last run's outcome unknown; `undefined` while nothing is unknown. */
  #unknown: KitError | undefined;

  constructor(prefix: string, now: () => number = () => Date.now()) {
    this.#prefix = prefix;
    this.#now = now;
  }

  /** Whether a run is in flight. */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /** Whether the last run may or may not have taken effect: until resolved, only the same request may run. */
  get outcomeUnknown(): boolean {
    return this.#unknown !== undefined;
  }

  /**
   * While the outcome is unknown: the very request a retry must send (a form reopened on it shows
   * what was sent, not what was typed since) and the failure that left it so.
   */
  get frozen(): { request: R; error: KitError } | undefined {
    return this.#unknown && this.#key ? { request: this.#key.request, error: this.#unknown } : undefined;
  }

  /** The key of the intent in hand, if any: what a lookup asks about. */
  get key(): string | undefined {
    return this.#key?.value;
  }

  /**
   * Runs the intent for `request`; resolves with the backend's answer, rejects with a KitError.
   * While the outcome of an earlier run is unknown, a different request is refused (`conflict`,
   * reason `outcome-unknown`) without reaching the backend.
   */
  run<T>(request: R, steps: IntentRun<R, T>): Promise<T> {
    this.#running ??= this.#run(request, steps).finally(() => {
      this.#running = undefined;
    });
    return this.#running as Promise<T>;
  }

  /**
   * Asks the backend what became of the intent whose outcome is unknown. `done` and `not-done`
   * settle it (the key is spent; a changed request may now run under a new key); `unknown` leaves
   * it frozen. A `done` result is the one the adapter read (see `PartnerApi.lookupIntent`); a lookup
   * that fails, a recorded result the adapter could not read among them, leaves it frozen.
   */
  async resolve<T>(lookup: (idempotencyKey: string) => Promise<IntentLookup<T>>): Promise<IntentResolution<T>> {
    const key = this.#key?.value;
    if (!this.#unknown || !key) {
      this.forget();
      return { status: 'not-done', error: undefined };
    }
    let answer: IntentLookup<T>;
    try {
      answer = await lookup(key);
    } catch (caught) {
      return { status: 'unknown', error: toKitError(caught) };
    }
    switch (answer.status) {
      case 'pending':
        return { status: 'unknown', error: undefined };
      case 'done':
        this.forget();
        return { status: 'done', result: answer.result };
      case 'refused': {
        const { code, message, backendCode, reason } = answer.error;
        this.#settle();
        return { status: 'not-done', error: new KitError(isKitErrorCode(code) ? code : 'conflict', message, { ...(backendCode ? { backendCode } : {}), ...(reason ? { reason } : {}) }) };
      }
      case 'not-done':
        this.#settle();
        return { status: 'not-done', error: undefined };
    }
  }

  /**
   * It did not happen: the key is spent, nothing is unknown. The ticket stays for the same request:
   * the backend spends one only with the effect it guards, so confirming that request again sends no
   * second code (a send counts against the hourly cap); a ticket spent after all is answered with
   * `verification-required`, and the next run asks for a new code.
   */
  #settle(): void {
    this.#key = undefined;
    this.#unknown = undefined;
  }

  /** Drops the key, the ticket and an unknown outcome: the next run is a new intent. */
  forget(): void {
    this.#settle();
    this.#ticket = undefined;
  }

  async #run<T>(request: R, steps: IntentRun<R, T>): Promise<T> {
    const fingerprint = JSON.stringify(request);
    if (this.#key?.fingerprint !== fingerprint) {
      if (this.#unknown) {
        throw new KitError('conflict', 'An earlier request may have gone through; settle it before sending another.', { reason: 'outcome-unknown' });
      }
      this.#key = { value: createIntentKey(this.#prefix), fingerprint, request };
    }
    const key = this.#key.value;
    try {
      if (this.#ticket?.fingerprint !== fingerprint || Date.parse(this.#ticket.value.expiresAt) <= this.#now()) {
        steps.onPhase?.('verifying');
        const ticket = await steps.verify();
        this.#ticket = ticket ? { value: ticket, fingerprint } : undefined;
      }
      steps.onPhase?.('submitting');
      const ticket = this.#ticket?.value;
      const result = await steps.call(request, { idempotencyKey: key, ...(ticket ? { verificationTicket: ticket.ticket } : {}) });
      this.forget();
      return result;
    } catch (caught) {
      const error = toKitError(caught);
      // A spent or expired ticket: the next run asks for a new code, under the same key.
      if (error.code === 'verification-required') this.#ticket = undefined;
      else if (outcomeUnknown(error)) this.#unknown = error;
      // The backend recorded this refusal under the key: it answered, so nothing is unknown any more,
      // and a fixed request needs a new key (the same request keeps its unspent ticket).
      else if (definiteRefusal(error) && this.#key?.value === key) this.#settle();
      throw error;
    }
  }
}
