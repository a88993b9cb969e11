import type { IntentCallOptions } from '../api/adapter.js';
import type { KitError } from '../model/errors.js';
import { outcomeUnknown, toKitError } from '../model/errors.js';
import type { IntentLookup } from '../model/schemas/intents.js';
import type { VerificationTicket } from '../model/schemas/verification.js';
import { MoneyIntent, type IntentResolution } from './money-intent.js';

/** The steps of an item's question in which its intent is in flight (a run, or a check of a lost one). */
export type ItemStep = { step: string; checking?: boolean };

/** Whether the item's intent is in flight: its question can be neither dismissed nor replaced until it ends. */
export function itemBusy(state: ItemStep): boolean {
  return state.step === 'verifying' || state.step === 'submitting' || (state.step === 'outcome-unknown' && state.checking === true);
}

/** How one run of an item's intent ended. */
export type ItemOutcome<T> = { status: 'done'; result: T } | { status: 'failed'; error: KitError } | { status: 'unknown'; error: KitError };

/** What a run needs besides the item: the code step, the call, and the phase it is in. */
export interface ItemRun<R, T> {
  request: R;
  verify: () => Promise<VerificationTicket | undefined>;
  call: (request: R, options: IntentCallOptions) => Promise<T>;
  onPhase: (phase: 'verifying' | 'submitting') => void;
}

/**
 * One money intent per item of a list (a coupon to reclaim, a customer to unbind): its idempotency
 * key belongs to the item until the intent is settled, so double clicks, a retry after a timeout
 * and asking again after closing reach the backend as one intent. An item whose answer was lost is
 * remembered with `context` (what the question showed) until a retry or a lookup settles it.
 */
export class ItemIntents<R, T, C> {
  readonly #prefix: string;
  readonly #intents = new Map<string, MoneyIntent<R>>();
  readonly #lost = new Map<string, { context: C; error: KitError }>();

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** The item's lost intent, if its outcome is unknown: what it was asked with, and why it is not known. */
  lost(id: string): { context: C; error: KitError } | undefined {
    return this.#lost.get(id);
  }

  /** Runs the item's intent (the same key while it is unsettled); an unknown outcome is remembered with `context`. */
  async run(id: string, context: C, run: ItemRun<R, T>): Promise<ItemOutcome<T>> {
    const intent = this.#intent(id);
    try {
      const result = await intent.run(run.request, { verify: run.verify, call: run.call, onPhase: run.onPhase });
      this.settle(id);
      return { status: 'done', result };
    } catch (caught) {
      const error = toKitError(caught);
      if (outcomeUnknown(error) && intent.outcomeUnknown) {
        this.#lost.set(id, { context, error });
        return { status: 'unknown', error };
      }
      return { status: 'failed', error };
    }
  }

  /** Asks the backend what became of the item's lost intent; done and not-done settle it. */
  async check(id: string, lookup: (idempotencyKey: string) => Promise<IntentLookup<T>>): Promise<IntentResolution<T>> {
    const answer = await this.#intent(id).resolve(lookup);
    if (answer.status !== 'unknown') this.settle(id);
    return answer;
  }

  /** Forgets the item's intent: the next run is a new one. */
  settle(id: string): void {
    this.#intents.delete(id);
    this.#lost.delete(id);
  }

  #intent(id: string): MoneyIntent<R> {
    let intent = this.#intents.get(id);
    if (!intent) {
      intent = new MoneyIntent<R>(this.#prefix);
      this.#intents.set(id, intent);
    }
    return intent;
  }
}
