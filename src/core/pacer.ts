import { delay } from '../model/delay.js';

/**
 * The pace of a job that sends many requests: each send takes the next slot after the last one,
 * a 429 pauses every sender until the Retry-After and widens the gap between slots, and each
 * success narrows it again, so the job settles near the backend's rate instead of bouncing off it
 * (batch resends and customer reports keep this rhythm).
 */
export class Pacer {
  readonly #now: () => number;
  #pausedUntil = 0;
  #spacing = 0;
  #nextSlot = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** The epoch ms the backend asked us to wait until, while that is still ahead. */
  get pausedUntil(): number | undefined {
    return this.#pausedUntil > this.#now() ? this.#pausedUntil : undefined;
  }

  /** Waits for this sender's slot; resolves false when `stop` aborted the wait. */
  async slot(stop: AbortSignal): Promise<boolean> {
    const now = this.#now();
    const at = Math.max(now, this.#pausedUntil, this.#nextSlot);
    this.#nextSlot = at + this.#spacing;
    if (at > now) {
      try {
        await delay(at - now, stop);
      } catch {
        return false;
      }
    }
    return !stop.aborted;
  }

  /** A send went through: the gap eases off. */
  succeeded(): void {
    this.#spacing = this.#spacing < 5 ? 0 : this.#spacing * 0.985;
  }

  /** A send met a 429: every sender pauses; one burst of 429s widens the gap once, not once per sender. */
  rateLimited(retryAfterMs: number | undefined): void {
    const now = this.#now();
    if (this.#pausedUntil <= now) this.#spacing = Math.min(2000, Math.max(50, this.#spacing * 1.3));
    this.#pausedUntil = Math.max(this.#pausedUntil, now + (retryAfterMs ?? 1000));
  }
}
