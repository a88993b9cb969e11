import type { PartnerApi } from '../../api/adapter.js';
import type { Invitation, ResendInvitationResult } from '../../model/schemas/invitations.js';
import type { KitError } from '../../model/errors.js';
import { definiteRefusal, outcomeUnknown, toKitError } from '../../model/errors.js';
import { createIntentKey } from '../intent-key.js';
import { Pacer } from '../pacer.js';
import { Store } from '../store.js';
import { apiGetter } from '../api-source.js';

/** The backend operation a resend needs. */
export type ResendApi = Pick<PartnerApi, 'resendInvitation'>;

/** A row that was not re-sent, or whose answer never came. */
export interface ResendFailure {
  id: string;
  error: KitError;
}

/** What a job has done so far (or did, once it ended). */
export interface ResendProgress {
  total: number;
  /** Rows settled so far (succeeded, failed, of unknown outcome or skipped). */
  done: number;
  /** What the backend answered for each row it re-sent: new send time and link expiry. */
  succeeded: readonly ResendInvitationResult[];
  /** Rows not re-sent: the backend refused them, or the request never left. */
  failed: readonly ResendFailure[];
  /**
   * Rows whose answer never came (network cut, timeout, 5xx, malformed answer): the backend may
   * have re-sent them. Their key is kept, so sending again settles them and cannot send twice.
   */
  unknown: readonly ResendFailure[];
  /** Sent moments ago (by this page) and still valid: not sent again. */
  skipped: readonly string[];
}

/**
 * Where the job stands. Every variant but `idle` carries the job's `progress`; a 429 makes it
 * `paused-rate-limited` until the epoch ms the backend named (it slows down, it does not fail);
 * `failed` is the job itself failing (no adapter), not a row, which lands in `progress.failed`.
 */
export type ResendJobState =
  | { status: 'idle' }
  | { status: 'running'; progress: ResendProgress }
  | { status: 'paused-rate-limited'; progress: ResendProgress; until: number }
  | { status: 'cancelling'; progress: ResendProgress }
  | { status: 'done'; progress: ResendProgress }
  | { status: 'cancelled'; progress: ResendProgress }
  | { status: 'failed'; progress: ResendProgress; error: KitError };

/** Every state but `idle`: what `run` resolves with. */
export type ResendJobRun = Exclude<ResendJobState, { status: 'idle' }>;

/**
 * The rows worth another try: every one of unknown outcome (under its key, so at most once), and
 * the failures but a definite refusal (already associated, gone, not allowed, invalid), which the
 * same request would meet again.
 */
export function retryableFailures(progress: ResendProgress): ResendFailure[] {
  return [...progress.failed.filter(({ error }) => !FINAL.has(error.code)), ...progress.unknown];
}

const FINAL: ReadonlySet<KitError['code']> = new Set(['conflict', 'not-found', 'permission', 'validation']);

/** Whether a job is under way: rows added to `run` then join it. */
export function resendActive(state: ResendJobState): state is Extract<ResendJobState, { status: 'running' | 'paused-rate-limited' | 'cancelling' }> {
  return state.status === 'running' || state.status === 'paused-rate-limited' || state.status === 'cancelling';
}

export interface ResendJobOptions {
  api: ResendApi | (() => Promise<ResendApi>);
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** A row sent less than this long ago is skipped rather than sent again. Default 60 s. */
  recentMs?: number;
  now?: () => number;
}

const IDLE: ResendJobState = { status: 'idle' };
const NO_PROGRESS: ResendProgress = { total: 0, done: 0, succeeded: [], failed: [], unknown: [], skipped: [] };
const DEFAULT_CONCURRENCY = 4;

/**
 * Resends many invitations as one job, without any DOM: bounded concurrency, a 429 pauses every
 * worker for the Retry-After, puts the row back (it slows the job down, never fails it) and widens
 * the gap between sends, which each success narrows again, so the job settles near the backend's
 * rate instead of bouncing off it; rows asked for while a job runs join it; cancel stops sending
 * new ones (what was sent stays sent), and "retry" runs only the rows that may yet succeed. A row
 * whose answer was lost is of unknown outcome, not failed: the backend may have re-sent it. Each row
 * keeps one idempotency key until an answer spends it, so a retry after a lost answer cannot send
 * it twice.
 */
export class ResendJob extends Store<ResendJobState> {
  /** Requests in flight at once, read when a job starts; anything but a whole number from 1 means the default. */
  concurrency: number;
  readonly #api: () => Promise<ResendApi>;
  readonly #recentMs: number;
  readonly #now: () => number;
  readonly #keys = new Map<string, string>();
  readonly #sentAt = new Map<string, number>();
  #stop = new AbortController();
  #queue: string[] = [];
  /** Every row of the current job, so a row asked for twice is sent once. */
  #rows = new Set<string>();
  #progress: ResendProgress = NO_PROGRESS;
  #running: Promise<ResendJobRun> | undefined;
  readonly #pacer: Pacer;

  constructor(options: ResendJobOptions) {
    super(IDLE);
    this.#api = apiGetter(options.api);
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.#recentMs = options.recentMs ?? 60_000;
    this.#now = options.now ?? (() => Date.now());
    this.#pacer = new Pacer(this.#now);
  }

  /**
   * Resends `rows`; resolves when every row was answered or the job was cancelled. While a job
   * runs the rows join it and the call resolves with it; while one is stopping they are refused
   * and the call resolves at once with the stopping state.
   */
  run(rows: readonly Pick<Invitation, 'id'>[]): Promise<ResendJobRun> {
    const ids = rows.map((r) => r.id);
    if (this.state.status === 'cancelling') return Promise.resolve(this.state);
    if (this.#running && resendActive(this.state)) {
      this.#enqueue(ids);
      this.#report();
      return this.#running;
    }
    this.#running = this.#work(ids);
    return this.#running;
  }

  /** Runs the rows of unknown outcome and the failed ones that may yet succeed, each under the key it had. */
  retryFailed(): Promise<ResendJobRun> {
    const { state } = this;
    return this.run(state.status === 'idle' ? [] : retryableFailures(state.progress));
  }

  /** Stops sending new rows; those in flight finish and count. */
  cancel(): void {
    if (this.state.status !== 'running' && this.state.status !== 'paused-rate-limited') return;
    this.#stop.abort();
    this.#report();
  }

  /** Forgets the last job's figures (keys and recent sends are kept). */
  reset(): void {
    if (resendActive(this.state)) return;
    this.replaceState(IDLE);
  }

  async #work(ids: readonly string[]): Promise<ResendJobRun> {
    const stop = new AbortController();
    this.#stop = stop;
    this.#queue = [];
    this.#rows = new Set();
    this.#progress = NO_PROGRESS;
    this.#enqueue(ids);
    this.#report();
    try {
      const api = await this.#api();
      const worker = async () => {
        for (let id = this.#queue.shift(); id !== undefined && !stop.signal.aborted; id = this.#queue.shift()) {
          const outcome = await this.#send(api, id, stop.signal);
          // Rate limited: the row goes back in line; the pause applies to every worker.
          if (outcome === 'again') this.#queue.unshift(id);
          if (outcome === 'stopped') return;
        }
      };
      // Rows that join after the last worker left start new workers.
      while (this.#queue.length > 0 && !stop.signal.aborted) {
        await Promise.all(Array.from({ length: Math.min(this.#width(), this.#queue.length) }, worker));
      }
      return this.#end({ status: stop.signal.aborted ? 'cancelled' : 'done', progress: this.#progress });
    } catch (caught) {
      return this.#end({ status: 'failed', progress: this.#progress, error: toKitError(caught) });
    }
  }

  /** NaN from a bad attribute would start no worker at all and report an empty job as done. */
  #width(): number {
    const { concurrency } = this;
    return Number.isInteger(concurrency) && concurrency >= 1 ? concurrency : DEFAULT_CONCURRENCY;
  }

  #end(outcome: ResendJobRun): ResendJobRun {
    this.replaceState(outcome);
    return outcome;
  }

  #enqueue(ids: readonly string[]): void {
    const now = this.#now();
    const fresh = [...new Set(ids)].filter((id) => !this.#rows.has(id));
    const skipped = fresh.filter((id) => now - (this.#sentAt.get(id) ?? -Infinity) < this.#recentMs);
    for (const id of fresh) this.#rows.add(id);
    this.#queue.push(...fresh.filter((id) => !skipped.includes(id)));
    const p = this.#progress;
    this.#progress = { ...p, total: p.total + fresh.length, done: p.done + skipped.length, skipped: [...p.skipped, ...skipped] };
  }

  /** Publishes the progress under the status it implies now. */
  #report(): void {
    const progress = this.#progress;
    if (this.#stop.signal.aborted) this.replaceState({ status: 'cancelling', progress });
    else if (this.#pacer.pausedUntil !== undefined) this.replaceState({ status: 'paused-rate-limited', progress, until: this.#pacer.pausedUntil });
    else this.replaceState({ status: 'running', progress });
  }

  async #send(api: ResendApi, id: string, stop: AbortSignal): Promise<'ok' | 'failed' | 'unknown' | 'again' | 'stopped'> {
    // Workers take turns: each send waits for the pause and for its slot after the last one.
    if (!(await this.#pacer.slot(stop))) return 'stopped';
    if (this.state.status === 'paused-rate-limited') this.#report();
    let key = this.#keys.get(id);
    if (!key) {
      key = createIntentKey('inv');
      this.#keys.set(id, key);
    }
    try {
      const receipt = await api.resendInvitation({ invitationId: id }, { idempotencyKey: key });
      // Spent: a resend asked for later is a new one, not a replay of this receipt.
      this.#keys.delete(id);
      this.#pacer.succeeded();
      this.#sentAt.set(id, this.#now());
      this.#tally({ succeeded: [...this.#progress.succeeded, receipt] });
      return 'ok';
    } catch (caught) {
      const error = toKitError(caught);
      if (error.code === 'rate-limited') {
        this.#pacer.rateLimited(error.retryAfterMs);
        this.#report();
        return 'again';
      }
      // The backend may have acted: not a failure. The key is kept, so a retry settles it without a second send.
      if (outcomeUnknown(error)) {
        this.#tally({ unknown: [...this.#progress.unknown, { id, error }] });
        return 'unknown';
      }
      // A refusal the backend recorded spends the key.
      if (definiteRefusal(error)) this.#keys.delete(id);
      this.#tally({ failed: [...this.#progress.failed, { id, error }] });
      return 'failed';
    }
  }

  #tally(answer: Pick<Partial<ResendProgress>, 'succeeded' | 'failed' | 'unknown'>): void {
    this.#progress = { ...this.#progress, ...answer, done: this.#progress.done + 1 };
    this.#report();
  }
}
