import type { PartnerApi } from '../../api/adapter.js';
import type { Invitation, ResendInvitationResult } from '../../model/schemas/invitations.js';
import { delay } from '../../model/delay.js';
import type { KitError } from '../../model/errors.js';
import { toKitError } from '../../model/errors.js';
import { createIntentKey } from '../intent-key.js';
import { Store } from '../store.js';

/** The backend operation a resend needs. */
export type ResendApi = Pick<PartnerApi, 'resendInvitation'>;

export interface ResendJobState {
  status: 'idle' | 'running' | 'cancelling' | 'finished' | 'cancelled';
  total: number;
  /** Rows answered so far (succeeded, failed or skipped). */
  done: number;
  /** What the backend answered for each row it re-sent: new send time and link expiry. */
  succeeded: readonly ResendInvitationResult[];
  failed: readonly { id: string; error: KitError }[];
  /** Sent moments ago (by this page) and still valid: not sent again. */
  skipped: readonly string[];
  /** Epoch ms until which the backend asked us to wait (429); the job slows down, it does not fail. */
  waitingUntil: number | undefined;
}

export interface ResendJobOptions {
  api: ResendApi | (() => Promise<ResendApi>);
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** A row sent less than this long ago is skipped rather than sent again. Default 60 s. */
  recentMs?: number;
  now?: () => number;
}

const IDLE: ResendJobState = { status: 'idle', total: 0, done: 0, succeeded: [], failed: [], skipped: [], waitingUntil: undefined };

/**
 * Resends many invitations as one job, without any DOM: bounded concurrency, a 429 pauses every
 * worker for the Retry-After, puts the row back (it slows the job down, never fails it) and widens
 * the gap between sends, which each success narrows again, so the job settles near the backend's
 * rate instead of bouncing off it;
 * cancel stops sending new ones (what was sent stays sent), and "retry the failed ones" runs only
 * those. Each row keeps one idempotency key for the life of the job, so a retry after an
 * ambiguous failure cannot send it twice.
 */
export class ResendJob extends Store<ResendJobState> {
  readonly #api: () => Promise<ResendApi>;
  readonly #concurrency: number;
  readonly #recentMs: number;
  readonly #now: () => number;
  readonly #keys = new Map<string, string>();
  readonly #sentAt = new Map<string, number>();
  #stop: AbortController | undefined;
  #pausedUntil = 0;
  /** Gap kept between two sends, learnt from 429s: doubled on each, eased off on each success. */
  #spacing = 0;
  #nextSlot = 0;

  constructor(options: ResendJobOptions) {
    super(IDLE);
    const { api } = options;
    this.#api = typeof api === 'function' ? api : () => Promise.resolve(api);
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#recentMs = options.recentMs ?? 60_000;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Resends `rows`; resolves when every row was answered or the job was cancelled. */
  async run(rows: readonly Pick<Invitation, 'id'>[]): Promise<ResendJobState> {
    if (this.state.status === 'running' || this.state.status === 'cancelling') return this.state;
    const stop = new AbortController();
    this.#stop = stop;
    const ids = [...new Set(rows.map((r) => r.id))];
    const now = this.#now();
    const skipped = ids.filter((id) => now - (this.#sentAt.get(id) ?? -Infinity) < this.#recentMs);
    const queue = ids.filter((id) => !skipped.includes(id));
    this.setState({ status: 'running', total: ids.length, done: skipped.length, succeeded: [], failed: [], skipped, waitingUntil: undefined });
    const api = await this.#api();
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !stop.signal.aborted; id = queue.shift()) {
        const outcome = await this.#send(api, id, stop.signal);
        if (outcome === 'again') {
          // Rate limited: the row goes back in line; the pause applies to every worker.
          queue.unshift(id);
          continue;
        }
        if (outcome === 'stopped') return;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, queue.length) }, worker));
    this.setState({ status: stop.signal.aborted ? 'cancelled' : 'finished', waitingUntil: undefined });
    return this.state;
  }

  /** Runs the failed rows again, each under the key it had. */
  retryFailed(): Promise<ResendJobState> {
    return this.run(this.state.failed.map((f) => ({ id: f.id })));
  }

  /** Stops sending new rows; those in flight finish and count. */
  cancel(): void {
    if (this.state.status !== 'running') return;
    this.#stop?.abort();
    this.setState({ status: 'cancelling' });
  }

  /** Forgets the last job's figures (keys and recent sends are kept). */
  reset(): void {
    if (this.state.status === 'running' || this.state.status === 'cancelling') return;
    this.setState(IDLE);
  }

  async #send(api: ResendApi, id: string, stop: AbortSignal): Promise<'ok' | 'failed' | 'again' | 'stopped'> {
    // Workers take turns: each send waits for the pause and for its slot after the last one.
    const now = this.#now();
    const at = Math.max(now, this.#pausedUntil, this.#nextSlot);
    this.#nextSlot = at + this.#spacing;
    const wait = at - now;
    if (wait > 0) {
      try {
        await delay(wait, stop);
      } catch {
        return 'stopped';
      }
    }
    if (stop.aborted) return 'stopped';
    let key = this.#keys.get(id);
    if (!key) {
      key = createIntentKey('inv');
      this.#keys.set(id, key);
    }
    try {
      const receipt = await api.resendInvitation({ invitationId: id }, { idempotencyKey: key });
      this.#spacing = this.#spacing < 5 ? 0 : this.#spacing * 0.985;
      this.#sentAt.set(id, this.#now());
      this.setState({ done: this.state.done + 1, succeeded: [...this.state.succeeded, receipt] });
      return 'ok';
    } catch (caught) {
      const error = toKitError(caught);
      if (error.code === 'rate-limited') {
        const now = this.#now();
        const until = now + (error.retryAfterMs ?? 1000);
        // One burst of 429s (every worker hitting the same full window) slows the pace once, not once per worker.
        if (this.#pausedUntil <= now) this.#spacing = Math.min(2000, Math.max(50, this.#spacing * 1.3));
        this.#pausedUntil = Math.max(this.#pausedUntil, until);
        this.setState({ waitingUntil: this.#pausedUntil });
        return 'again';
      }
      this.setState({ done: this.state.done + 1, failed: [...this.state.failed, { id, error }] });
      return 'failed';
    }
  }
}
