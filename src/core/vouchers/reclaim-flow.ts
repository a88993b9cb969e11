import type { PartnerApi } from '../../api/adapter.js';
import type { IssuedCoupon, ReclaimCouponRequest, ReclaimResult } from '../../model/schemas/coupons.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { ItemIntents, itemBusy } from '../item-intents.js';
import { Store } from '../store.js';
import { apiGetter } from '../api-source.js';

/** The backend operations reclaiming needs. */
export type ReclaimApi = Pick<PartnerApi, 'reclaimCoupon' | 'lookupIntent'>;

/** Asks for a verification code when the partner's policy guards reclaiming. */
export type ReclaimVerifier = (request: { purpose: 'reclaim-coupon'; coupon: IssuedCoupon }) => Promise<VerificationTicket | undefined>;

/**
 * Where a reclaim stands: nothing asked, the question shown, a code asked for, the call in flight,
 * refused or failed (the question stays, with a retry), of unknown outcome (frozen until a retry
 * under the same key or a `check()` settles it; `checking` while asking the backend, `stillUnknown`
 * once an answer left it open), settled as not done (it may be asked again), or done with what the
 * backend actually took back: the remaining balance, possibly less than the face value.
 */
export type ReclaimState =
  | { step: 'idle' }
  | { step: 'confirming' | 'verifying' | 'submitting'; coupon: IssuedCoupon }
  | { step: 'failed'; coupon: IssuedCoupon; error: KitError }
  | { step: 'outcome-unknown'; coupon: IssuedCoupon; error: KitError; checking: boolean; stillUnknown: boolean }
  | { step: 'not-done'; coupon: IssuedCoupon; error: KitError | undefined }
  | { step: 'done'; coupon: IssuedCoupon; result: ReclaimResult };

/**
 * Reclaiming one issued voucher, without any DOM: ask, verify when the policy says so, reclaim
 * once. The idempotency key belongs to the coupon until the reclaim is settled, so a double click,
 * a retry after a timeout or asking again after closing reaches the backend as the same reclaim;
 * asking again about a coupon whose reclaim was lost first asks the backend what became of it.
 */
export class ReclaimFlow extends Store<ReclaimState> {
  readonly #api: () => Promise<ReclaimApi>;
  readonly #verify: ReclaimVerifier;
  readonly #intents = new ItemIntents<ReclaimCouponRequest, ReclaimResult, undefined>('rc');

  constructor(options: { api: ReclaimApi | (() => Promise<ReclaimApi>); verify: ReclaimVerifier }) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#verify = options.verify;
  }

  /** Whether a reclaim is in flight: it cannot be dismissed or replaced until it ends. */
  get busy(): boolean {
    return itemBusy(this.state);
  }

  /**
   * Asks to reclaim `coupon`: the UI shows what will happen and waits for `confirm()`. A coupon
   * whose last reclaim was lost shows that instead, while the backend is asked about it; resolves
   * with what was taken back when that answer says the reclaim went through.
   */
  ask(coupon: IssuedCoupon): Promise<ReclaimResult | undefined> {
    if (this.busy) return Promise.resolve(undefined);
    const lost = this.#intents.lost(coupon.id);
    if (!lost) {
      this.#go({ step: 'confirming', coupon });
      return Promise.resolve(undefined);
    }
    this.#go({ step: 'outcome-unknown', coupon, error: lost.error, checking: false, stillUnknown: false });
    return this.check();
  }

  /**
   * Reclaims the coupon asked about (after an unknown outcome: the same reclaim, same key). Resolves
   * with what the backend took back; `undefined` when it refused or failed (the state says why), or
   * when nothing is asked or one is already in flight: a second click calls nothing.
   */
  async confirm(): Promise<ReclaimResult | undefined> {
    const state = this.state;
    if (state.step === 'idle' || state.step === 'done' || this.busy) return undefined;
    const { coupon } = state;
    this.#go({ step: 'verifying', coupon });
    const outcome = await this.#intents.run(coupon.id, undefined, {
      request: { couponId: coupon.id },
      verify: () => this.#verify({ purpose: 'reclaim-coupon', coupon }),
      call: async (request, options) => (await this.#api()).reclaimCoupon(request, options),
      onPhase: (step) => this.#go({ step, coupon }),
    });
    if (outcome.status === 'done') return this.#done(coupon, outcome.result);
    const { error } = outcome;
    if (outcome.status === 'unknown') this.#go({ step: 'outcome-unknown', coupon, error, checking: false, stillUnknown: false });
    else this.#go(error.code === 'cancelled' ? { step: 'confirming', coupon } : { step: 'failed', coupon, error });
    return undefined;
  }

  /**
   * Asks the backend what became of the reclaim whose outcome is unknown. Resolves with what was
   * taken back when it went through; `undefined` when it did not (`not-done`: it may be asked
   * again) or is still unknown.
   */
  async check(): Promise<ReclaimResult | undefined> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return undefined;
    const { coupon } = state;
    this.#go({ ...state, checking: true });
    const answer = await this.#intents.check(
      coupon.id,
      async (idempotencyKey) => (await this.#api()).lookupIntent({ operation: 'reclaimCoupon', idempotencyKey }),
    );
    if (answer.status === 'done') return this.#done(coupon, answer.result);
    if (answer.status === 'not-done') this.#go({ step: 'not-done', coupon, error: answer.error });
    else this.#go({ ...state, error: answer.error ?? state.error, checking: false, stillUnknown: true });
    return undefined;
  }

  /** Closes the question or the result. A reclaim in flight is not abandoned: it is still awaited. */
  dismiss(): void {
    if (!this.busy) this.#go({ step: 'idle' });
  }

  #done(coupon: IssuedCoupon, result: ReclaimResult): ReclaimResult {
    this.#intents.settle(coupon.id);
    this.#go({ step: 'done', coupon, result });
    return result;
  }

  #go(next: ReclaimState): void {
    this.replaceState(next);
  }
}
