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

export interface ReclaimState {
  coupon: IssuedCoupon | undefined;
  phase: 'idle' | 'confirming' | 'verifying' | 'submitting' | 'done';
  error: KitError | undefined;
  /** What the backend actually took back: the remaining balance, possibly less than the face value. */
  result: ReclaimResult | undefined;
}

const IDLE: ReclaimState = { coupon: undefined, phase: 'idle', error: undefined, result: undefined };

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
    super(IDLE);
    const { api } = options;
    this.#api = typeof api === 'function' ? api : () => Promise.resolve(api);
    this.#verify = options.verify;
  }

  /** Asks to reclaim `coupon`: the UI shows what will happen and waits for `confirm()`. */
  ask(coupon: IssuedCoupon): void {
    if (this.state.phase === 'verifying' || this.state.phase === 'submitting') return;
    this.setState({ coupon, phase: 'confirming', error: undefined, result: undefined });
  }

  /** Reclaims the coupon asked about; calls while one is in flight join it. */
  async confirm(): Promise<ReclaimResult | undefined> {
    const { coupon, phase } = this.state;
    if (!coupon || (phase !== 'confirming' && phase !== 'verifying' && phase !== 'submitting')) return undefined;
    let intent = this.#intents.get(coupon.id);
    if (!intent) {
      intent = new MoneyIntent<ReclaimCouponRequest>('rc');
      this.#intents.set(coupon.id, intent);
    }
    this.setState({ error: undefined });
    try {
      const api = await this.#api();
      const result = await intent.run(
        { couponId: coupon.id },
        {
          verify: () => this.#verify({ purpose: 'reclaim-coupon', coupon }),
          call: (request, options) => api.reclaimCoupon(request, options),
          onPhase: (next) => this.setState({ phase: next }),
        },
      );
      this.#intents.delete(coupon.id);
      this.setState({ phase: 'done', result });
      return result;
    } catch (caught) {
      const error = toKitError(caught);
      this.setState({ phase: 'confirming', error: error.code === 'cancelled' ? undefined : error });
      return undefined;
    }
  }

  /** Closes the question or the result. A reclaim in flight is not abandoned: it is still awaited. */
  dismiss(): void {
    if (this.state.phase === 'verifying' || this.state.phase === 'submitting') return;
    this.setState(IDLE);
  }
}
