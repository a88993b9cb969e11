import { delay } from '../../model/delay.js';

/**
 * A token bucket per operation: at most `perSecond` calls a second, bursts up to the same number.
 * One limiter belongs to one adapter, so every element on the page that shares the adapter shares
 * the budget — the partner API's quota is per API and per account (10/s by default).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();
  readonly #rates: (operation: string) => number;
  readonly #now: () => number;

  constructor(rates: (operation: string) => number, now: () => number = () => performance.now()) {
    this.#rates = rates;
    this.#now = now;
  }

  /** Waits until `operation` may be called, then takes its token. */
  async acquire(operation: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.#tryTake(operation);
      if (wait === 0) return;
      await delay(wait, signal);
    }
  }

  #tryTake(operation: string): number {
    const rate = this.#rates(operation);
    if (!(rate > 0) || rate === Number.POSITIVE_INFINITY) return 0;
    const now = this.#now();
    const bucket = this.#buckets.get(operation) ?? { tokens: rate, updatedAt: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = now;
    this.#buckets.set(operation, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / rate) * 1000);
  }
}
