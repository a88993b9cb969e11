import type { PartnerApi } from '../../api/adapter.js';
import type { IssuedCoupon, ReclaimCouponRequest, ReclaimResult } from '../../model/schemas/coupons.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { toKitError } from '../../model/errors.js';
import { MoneyIntent } from '../money-intent.js';
import { Store } from '../store.js';

/** The backend operation reclaiming needs. */
export type ReclaimApi = Pick<PartnerApi, 'reclaimCoupon'>;

/** Asks for a verification code when the partner's policy guards reclaiming. */
export type ReclaimVerifier = (request: { purpose: 'reclaim-coupon'; coupon: IssuedCoupon }) => Promise<VerificationTicket | undefined>;

/**
 * Where a reclaim stands: nothing asked, the question shown, a code asked for, the call in flight,
 * refused or failed (the question stays, with a retry), or done with what the backend actually took
 * back: the remaining balance, possibly less than the face value.
 */
export type ReclaimState =
  | { step: 'idle' }
  | { step: 'confirming' | 'verifying' | 'submitting'; coupon: IssuedCoupon }
  | { step: 'failed'; coupon: IssuedCoupon; error: KitError }
  | { step: 'done'; coupon: IssuedCoupon; result: ReclaimResult };

/**
 * Reclaiming one issued voucher, without any DOM: ask, verify when the policy says so, reclaim
 * once. The idempotency key belongs to the coupon until the reclaim succeeds, so a double click, a
 * retry after a timeout or asking again after closing reaches the backend as the same reclaim.
 */
export class ReclaimFlow extends Store<ReclaimState> {
  readonly #api: () => Promise<ReclaimApi>;
  readonly #verify: ReclaimVerifier;
  readonly #intents = new Map<string, MoneyIntent<ReclaimCouponRequest>>();

  constructor(options: { api: ReclaimApi | (() => Promise<ReclaimApi>); verify: ReclaimVerifier }) {
    super({ step: 'idle' });
    const { api } = options;
    this.#api = typeof api === 'function' ? api : () => Promise.resolve(api);
    this.#verify = options.verify;
  }

  /** Whether a reclaim is in flight: it cannot be dismissed or replaced until it ends. */
  get busy(): boolean {
    return this.state.step === 'verifying' || this.state.step === 'submitting';
  }

  /** Asks to reclaim `coupon`: the UI shows what will happen and waits for `confirm()`. */
  ask(coupon: IssuedCoupon): void {
    if (!this.busy) this.#go({ step: 'confirming', coupon });
  }

  /**
   * Reclaims the coupon asked about. Resolves with what the backend took back; `undefined` when it
   * refused or failed (the state says why), or when nothing is asked or one is already in flight:
   * a second click calls nothing.
   */
  async confirm(): Promise<ReclaimResult | undefined> {
    const state = this.state;
    if (state.step !== 'confirming' && state.step !== 'failed') return undefined;
    const { coupon } = state;
    let intent = this.#intents.get(coupon.id);
    if (!intent) {
      intent = new MoneyIntent<ReclaimCouponRequest>('rc');
      this.#intents.set(coupon.id, intent);
    }
    this.#go({ step: 'verifying', coupon });
    try {
      const api = await this.#api();
      const result = await intent.run(
        { couponId: coupon.id },
        {
          verify: () => this.#verify({ purpose: 'reclaim-coupon', coupon }),
          call: (request, options) => api.reclaimCoupon(request, options),
          onPhase: (step) => this.#go({ step, coupon }),
        },
      );
      this.#intents.delete(coupon.id);
      this.#go({ step: 'done', coupon, result });
      return result;
    } catch (caught) {
      const error = toKitError(caught);
      this.#go(error.code === 'cancelled' ? { step: 'confirming', coupon } : { step: 'failed', coupon, error });
      return undefined;
    }
  }

  /** Closes the question or the result. A reclaim in flight is not abandoned: it is still awaited. */
  dismiss(): void {
    if (!this.busy) this.#go({ step: 'idle' });
  }

  #go(next: ReclaimState): void {
    this.replaceState(next);
  }
}
