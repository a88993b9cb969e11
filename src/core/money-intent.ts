import type { IntentCallOptions } from '../api/adapter.js';
import type { VerificationTicket } from '../model/schemas/verification.js';
import { toKitError } from '../model/errors.js';
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
 * One user intent that moves money (an issue, a reclaim, a withdrawal). Its idempotency key is made
 * on the first run and kept for as long as the request stays the same, so a retry after a timeout,
 * a double click or a reopened dialog reaches the backend as the same intent and takes effect once.
 * A verification ticket is reused until the backend spends or refuses it. Runs while one is in
 * flight join it.
 */
export class MoneyIntent<R> {
  readonly #prefix: string;
  readonly #now: () => number;
  #key: { value: string; fingerprint: string } | undefined;
  #ticket: VerificationTicket | undefined;
  #running: Promise<unknown> | undefined;

  constructor(prefix: string, now: () => number = () => Date.now()) {
    this.#prefix = prefix;
    this.#now = now;
  }

  /** Whether a run is in flight. */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /** Runs the intent for `request`; resolves with the backend's answer, rejects with a KitError. */
  run<T>(request: R, steps: IntentRun<R, T>): Promise<T> {
    this.#running ??= this.#run(request, steps).finally(() => {
      this.#running = undefined;
    });
    return this.#running as Promise<T>;
  }

  /** Drops the key and ticket: the next run is a new intent. */
  forget(): void {
    this.#key = undefined;
    this.#ticket = undefined;
  }

  async #run<T>(request: R, steps: IntentRun<R, T>): Promise<T> {
    const fingerprint = JSON.stringify(request);
    if (this.#key?.fingerprint !== fingerprint) {
      this.#key = { value: createIntentKey(this.#prefix), fingerprint };
      this.#ticket = undefined;
    }
    const key = this.#key.value;
    try {
      if (!this.#ticket || Date.parse(this.#ticket.expiresAt) <= this.#now()) {
        steps.onPhase?.('verifying');
        this.#ticket = await steps.verify();
      }
      steps.onPhase?.('submitting');
      const result = await steps.call(request, { idempotencyKey: key, ...(this.#ticket ? { verificationTicket: this.#ticket.ticket } : {}) });
      this.forget();
      return result;
    } catch (caught) {
      const error = toKitError(caught);
      // A spent or expired ticket: the next run asks for a new code, under the same key.
      if (error.code === 'verification-required') this.#ticket = undefined;
      throw error;
    }
  }
}
