import type { PartnerApi } from '../../api/adapter.js';
import type { SubCustomer, UnbindCustomerRequest, UnbindCustomerResult, UnbindPreview } from '../../model/schemas/customer-accounts.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { toKitError } from '../../model/errors.js';
import { ItemIntents, itemBusy } from '../item-intents.js';
import { Store } from '../store.js';
import { apiGetter } from '../api-source.js';

/** The backend operations unbinding needs. */
export type UnbindApi = Pick<PartnerApi, 'previewUnbind' | 'unbindCustomer' | 'lookupIntent'>;

/** Asks for a verification code when the partner's policy guards unbinding. */
export type UnbindVerifier = (request: { purpose: 'unbind'; customer: SubCustomer }) => Promise<VerificationTicket | undefined>;

/**
 * Where an unbinding stands: nothing asked; what it would change being fetched, or that fetch
 * failed (with a retry); the question shown with the coupons it reclaims; a code asked for; the
 * call in flight; refused or failed (the question stays); of unknown outcome (frozen until a retry
 * under the same key or a `check()` settles it); settled as not done; or done, with the coupons
 * the backend actually took back.
 */
export type UnbindState =
  | { step: 'idle' }
  | { step: 'previewing'; customer: SubCustomer }
  | { step: 'preview-failed'; customer: SubCustomer; error: KitError }
  | { step: 'confirming' | 'verifying' | 'submitting'; customer: SubCustomer; preview: UnbindPreview }
  | { step: 'failed'; customer: SubCustomer; preview: UnbindPreview; error: KitError }
  | { step: 'outcome-unknown'; customer: SubCustomer; preview: UnbindPreview; error: KitError; checking: boolean; stillUnknown: boolean }
  | { step: 'not-done'; customer: SubCustomer; preview: UnbindPreview; error: KitError | undefined }
  | { step: 'done'; customer: SubCustomer; preview: UnbindPreview; result: UnbindCustomerResult };

/**
 * Unbinding one customer, without any DOM: show what it changes (the coupons it reclaims
 * automatically), verify when the policy guards `unbind`, unbind once. The idempotency key belongs
 * to the customer until the unbinding is settled, so double clicks, a retry after a timeout or
 * asking again after closing reach the backend as one unbinding; asking again about a customer
 * whose unbinding was lost first asks the backend what became of it.
 */
export class UnbindFlow extends Store<UnbindState> {
  readonly #api: () => Promise<UnbindApi>;
  readonly #verify: UnbindVerifier;
  /** Per customer; a lost unbinding remembers the preview its question showed. */
  readonly #intents = new ItemIntents<UnbindCustomerRequest, UnbindCustomerResult, UnbindPreview>('ub');
  #previewing: AbortController | undefined;

  constructor(options: { api: UnbindApi | (() => Promise<UnbindApi>); verify: UnbindVerifier }) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#verify = options.verify;
  }

  /** Whether an unbinding is in flight: it cannot be dismissed or replaced until it ends. */
  get busy(): boolean {
    return itemBusy(this.state);
  }

  /**
   * Asks to unbind `customer`: fetches what it changes, then waits for `confirm()`. A customer whose
   * last unbinding was lost shows that instead, while the backend is asked about it; resolves with
   * the result when that answer says the unbinding went through.
   */
  ask(customer: SubCustomer): Promise<UnbindCustomerResult | undefined> {
    if (this.busy) return Promise.resolve(undefined);
    const lost = this.#intents.lost(customer.id);
    if (lost) {
      this.#go({ step: 'outcome-unknown', customer, preview: lost.context, error: lost.error, checking: false, stillUnknown: false });
      return this.check();
    }
    return this.#preview(customer).then(() => undefined);
  }

  /** Fetches what unbinding changes again, after that failed. */
  async retryPreview(): Promise<void> {
    const state = this.state;
    if (state.step === 'preview-failed') await this.#preview(state.customer);
  }

  /**
   * Unbinds the customer asked about (after an unknown outcome: the same unbinding, same key).
   * Resolves with the result; `undefined` when refused or failed (the state says why), or when
   * nothing is asked or one is in flight: a second click calls nothing.
   */
  async confirm(): Promise<UnbindCustomerResult | undefined> {
    const state = this.state;
    if (this.busy || !('preview' in state) || state.step === 'done') return undefined;
    const { customer, preview } = state;
    this.#go({ step: 'verifying', customer, preview });
    const outcome = await this.#intents.run(customer.id, preview, {
      request: { customerId: customer.id },
      verify: () => this.#verify({ purpose: 'unbind', customer }),
      call: async (request, options) => (await this.#api()).unbindCustomer(request, options),
      onPhase: (step) => this.#go({ step, customer, preview }),
    });
    if (outcome.status === 'done') return this.#done(customer, preview, outcome.result);
    const { error } = outcome;
    if (outcome.status === 'unknown') this.#go({ step: 'outcome-unknown', customer, preview, error, checking: false, stillUnknown: false });
    else this.#go(error.code === 'cancelled' ? { step: 'confirming', customer, preview } : { step: 'failed', customer, preview, error });
    return undefined;
  }

  /** Asks the backend what became of the unbinding whose outcome is unknown. */
  async check(): Promise<UnbindCustomerResult | undefined> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return undefined;
    const { customer, preview } = state;
    this.#go({ ...state, checking: true });
    const answer = await this.#intents.check(
      customer.id,
      async (idempotencyKey) => (await this.#api()).lookupIntent({ operation: 'unbindCustomer', idempotencyKey }),
    );
    if (answer.status === 'done') return this.#done(customer, preview, answer.result);
    if (answer.status === 'not-done') this.#go({ step: 'not-done', customer, preview, error: answer.error });
    else this.#go({ ...state, error: answer.error ?? state.error, checking: false, stillUnknown: true });
    return undefined;
  }

  /** Closes the question or the result. An unbinding in flight is not abandoned: it is still awaited. */
  dismiss(): void {
    if (this.busy) return;
    this.#previewing?.abort();
    this.#go({ step: 'idle' });
  }

  async #preview(customer: SubCustomer): Promise<void> {
    this.#previewing?.abort();
    const request = new AbortController();
    this.#previewing = request;
    this.#go({ step: 'previewing', customer });
    try {
      const preview = await (await this.#api()).previewUnbind({ customerId: customer.id }, { signal: request.signal });
      if (request === this.#previewing) this.#go({ step: 'confirming', customer, preview });
    } catch (caught) {
      if (request === this.#previewing && !request.signal.aborted) this.#go({ step: 'preview-failed', customer, error: toKitError(caught) });
    }
  }

  #done(customer: SubCustomer, preview: UnbindPreview, result: UnbindCustomerResult): UnbindCustomerResult {
    this.#intents.settle(customer.id);
    this.#go({ step: 'done', customer, preview, result });
    return result;
  }

  #go(next: UnbindState): void {
    this.replaceState(next);
  }
}
