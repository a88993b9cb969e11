import type { PartnerApi } from '../../api/adapter.js';
import { delay } from '../../model/delay.js';
import { outcomeUnknown, toKitError } from '../../model/errors.js';
import type { ReportCustomerRequest, ReportCustomerResult } from '../../model/schemas/reporting.js';
import { MoneyIntent } from '../money-intent.js';
import { Store } from '../store.js';
import { Pacer } from '../pacer.js';
import { blank, editable, mobileOf, parsePastedRows, rowErrors, rowRequest, sendable, type ReportRow, type RowField, type RowOutcome } from './report-rows.js';
import { apiGetter } from '../api-source.js';

/** The backend operations reporting needs. */
export type ReportApi = Pick<PartnerApi, 'lookupCustomerAccounts' | 'reportCustomer'>;

/** What the last run achieved, for the summary under the rows. */
export interface RunSummary {
  reported: number;
  failed: number;
  unknown: number;
  /** The user stopped the run: rows not sent yet are drafts again. */
  stopped: boolean;
}

interface Rows {
  rows: readonly ReportRow[];
  /** Whether the invitation e-mail goes out once a report is accepted (then the e-mail is required). */
  sendInvitation: boolean;
}

/**
 * Where the form stands:
 * - `editing`: rows can change; `submitted` once a submission was tried (every error shows);
 *   `lastRun` after a run;
 * - `checking`: looking up the accounts of rows before sending them;
 * - `sending` / `paused` (the backend answered 429 and the job waits until `until`) / `stopping`:
 *   a job is reporting rows, `done` of `total` answered.
 */
export type ReportState =
  | (Rows & { step: 'editing'; submitted: boolean; lastRun: RunSummary | undefined })
  | (Rows & { step: 'checking' })
  | (Rows & { step: 'sending'; total: number; done: number })
  | (Rows & { step: 'paused'; total: number; done: number; until: number })
  | (Rows & { step: 'stopping'; total: number; done: number });

/** What a run reported: the event's detail. Empty when nothing was accepted. */
export interface RunReport {
  reported: readonly ReportCustomerResult[];
  failed: number;
}

export interface ReportFlowOptions {
  api: ReportApi | (() => Promise<ReportApi>);
  /** Most rows in the form. Default 50. */
  maxRows?: number;
  /** Reports in flight at once. Default 2. */
  concurrency?: number;
  now?: () => number;
}

const DRAFT: RowOutcome = { status: 'draft' };
const LOOKUP_ATTEMPTS = 4;

/** Pasted text beyond this is refused before it is split into rows. */
const PASTE_MAX_CHARS = 100_000;

/**
 * Reports customers (报备) row by row, without any DOM. Rows are added singly or pasted in a batch,
 * removed singly or in a batch, and each row's mobile is looked up for the accounts registered with
 * it (the user picks one when there are several). Submitting checks every row, then runs a job:
 * bounded concurrency, paced by the backend's 429s as batch resends are, and one idempotency key
 * per row kept until that row's request changes. Reported rows are locked and never sent again; a
 * second submission sends only the rows that failed or whose answer was lost.
 */
export class ReportFlow extends Store<ReportState> {
  /** Most rows the form holds; the element sets it from its `max-rows` attribute. */
  maxRows: number;
  readonly #api: () => Promise<ReportApi>;
  readonly #concurrency: number;
  readonly #now: () => number;
  readonly #intents = new Map<string, MoneyIntent<ReportCustomerRequest>>();
  /** Lookups under way, by row and mobile: a submission waits for them instead of asking twice. */
  readonly #lookups = new Map<string, Promise<void>>();
  #pacer: Pacer;
  #stop = new AbortController();
  #sequence = 0;

  constructor(options: ReportFlowOptions) {
    super({ step: 'editing', rows: [], sendInvitation: true, submitted: false, lastRun: undefined });
    this.#api = apiGetter(options.api);
    this.maxRows = options.maxRows ?? 50;
    this.#concurrency = options.concurrency ?? 2;
    this.#now = options.now ?? (() => Date.now());
    this.#pacer = new Pacer(this.#now);
    this.addRow();
  }

  /** Adds an empty row (or one with the given values); false when the form is full or busy. */
  addRow(values: Partial<Pick<ReportRow, 'name' | 'mobile' | 'email'>> = {}): boolean {
    const { state } = this;
    if (state.step !== 'editing' || state.rows.length >= this.maxRows) return false;
    this.#setRows([...state.rows, this.#row(values)]);
    return true;
  }

  /**
   * Adds the rows of pasted text (name, mobile, e-mail per line), replacing a single blank row, up
   * to the form's room; answers how many were added and the lines not read (not understood, or no
   * room left), as typed, for the user to mend.
   */
  pasteRows(text: string): { added: number; unread: string[] } {
    const { state } = this;
    if (state.step !== 'editing' || text.length > PASTE_MAX_CHARS) return { added: 0, unread: [] };
    const kept = state.rows.filter((row) => !(blank(row) && row.outcome.status === 'draft'));
    const { rows, unread } = parsePastedRows(text, this.maxRows - kept.length);
    if (rows.length > 0) this.#setRows([...kept, ...rows.map((values) => this.#row(values))]);
    return { added: rows.length, unread };
  }

  /** Removes rows not in flight and not possibly reported; answers how many went. */
  removeRows(ids: readonly string[]): number {
    const { state } = this;
    if (state.step !== 'editing') return 0;
    const gone = new Set(ids);
    const rows = state.rows.filter((row) => !(gone.has(row.id) && row.outcome.status !== 'unknown'));
    for (const row of state.rows) if (!rows.includes(row)) this.#intents.delete(row.id);
    this.#setRows(rows);
    return state.rows.length - rows.length;
  }

  /** Types into a field; a changed mobile forgets the accounts looked up for the old one. */
  setField(id: string, field: Exclude<RowField, 'account'>, value: string): void {
    if (this.state.step !== 'editing') return;
    this.#patch(id, (row) =>
      editable(row) ? { ...row, [field]: value, outcome: DRAFT, ...(field === 'mobile' ? { accounts: { status: 'idle' }, chosenAccountId: undefined } : {}) } : row,
    );
  }

  /**
   * The user left a field: its error shows from now on. Only while editing: a field also loses focus
   * when submitting disables the form, and every row's errors show after a submission anyway.
   */
  touch(id: string, field: RowField): void {
    if (this.state.step !== 'editing') return;
    this.#patch(id, (row) => (row.touched.includes(field) ? row : { ...row, touched: [...row.touched, field] }));
  }

  /** Picks the account among the several registered with the row's mobile. */
  chooseAccount(id: string, accountId: string): void {
    if (this.state.step !== 'editing') return;
    this.#patch(id, (row) => (editable(row) ? { ...row, chosenAccountId: accountId, outcome: DRAFT, touched: [...row.touched, 'account'] } : row));
  }

  setSendInvitation(on: boolean): void {
    const { state } = this;
    if (state.step === 'editing') this.replaceState({ ...state, sendInvitation: on });
  }

  /**
   * Looks up the accounts registered with the row's mobile; resolves when they are known (a lookup
   * already under way for that mobile is joined, not repeated). An answer for a mobile since changed is dropped.
   */
  lookup(id: string): Promise<void> {
    const row = this.state.rows.find((r) => r.id === id);
    const mobile = row ? mobileOf(row) : undefined;
    if (!row || !mobile || !editable(row)) return Promise.resolve();
    const current = row.accounts;
    const key = `${id}|${mobile}`;
    if (current.status === 'loading' && current.mobile === mobile) return this.#lookups.get(key) ?? Promise.resolve();
    if (current.status !== 'idle' && current.status !== 'failed' && current.mobile === mobile) return Promise.resolve();
    const running = this.#look(id, mobile).finally(() => this.#lookups.delete(key));
    this.#lookups.set(key, running);
    return running;
  }

  async #look(id: string, mobile: string): Promise<void> {
    this.#patch(id, (r) => ({ ...r, accounts: { status: 'loading', mobile } }));
    let next: ReportRow['accounts'] | undefined;
    // A read the backend rate-limited is asked again after its Retry-After, a few times, as the HTTP adapter does.
    for (let attempt = 1; !next; attempt += 1) {
      try {
        const accounts = await (await this.#api()).lookupCustomerAccounts({ mobile });
        next = accounts.length === 0 ? { status: 'none', mobile } : { status: 'found', mobile, accounts };
      } catch (caught) {
        const error = toKitError(caught);
        if (error.code === 'rate-limited' && attempt < LOOKUP_ATTEMPTS) await delay(error.retryAfterMs ?? 1000);
        else next = { status: 'failed', mobile, error };
      }
    }
    this.#patch(id, (r) => (r.accounts.status === 'loading' && r.accounts.mobile === mobile ? { ...r, accounts: next } : r));
  }

  /**
   * Checks every row that is not reported yet, looks up accounts still unknown, and reports the rows
   * that pass as one paced job. Resolves with what the run reported, or `undefined` when a row needs
   * the user first (the state shows every error) or nothing was sent.
   */
  async submit(): Promise<RunReport | undefined> {
    const start = this.state;
    if (start.step !== 'editing') return undefined;
    const candidates = start.rows.filter((row) => sendable(row) && !blank(row));
    if (candidates.length === 0) {
      this.replaceState({ ...start, submitted: true });
      return undefined;
    }
    this.replaceState({ step: 'checking', rows: start.rows, sendInvitation: start.sendInvitation });
    await Promise.all(candidates.filter((row) => row.outcome.status !== 'unknown').map((row) => this.lookup(row.id)));
    const { rows, sendInvitation } = this.state;
    const ready = rows.filter((row) => sendable(row) && !blank(row));
    if (ready.some((row) => row.outcome.status !== 'unknown' && Object.keys(rowErrors(row, sendInvitation, rows)).length > 0)) {
      this.replaceState({ step: 'editing', rows, sendInvitation, submitted: true, lastRun: undefined });
      return undefined;
    }
    const requests = new Map<string, ReportCustomerRequest>();
    for (const row of ready) {
      // A row whose answer was lost is retried with that very request, under its key.
      const request = this.#intents.get(row.id)?.frozen?.request ?? rowRequest(row, sendInvitation);
      if (request) requests.set(row.id, request);
    }
    return this.#run(requests);
  }

  /** Stops the job: rows in flight finish and count; rows waiting become drafts again. */
  cancel(): void {
    const { state } = this;
    if (state.step !== 'sending' && state.step !== 'paused') return;
    this.#stop.abort();
    this.replaceState({ step: 'stopping', rows: state.rows, sendInvitation: state.sendInvitation, total: state.total, done: state.done });
  }

  /** Clears the form after a run: one empty row, keys of the old rows forgotten. */
  reset(): void {
    const { state } = this;
    if (state.step !== 'editing') return;
    this.#intents.clear();
    this.replaceState({ step: 'editing', rows: [this.#row({})], sendInvitation: state.sendInvitation, submitted: false, lastRun: undefined });
  }

  async #run(requests: ReadonlyMap<string, ReportCustomerRequest>): Promise<RunReport | undefined> {
    const ids = [...requests.keys()];
    const stop = new AbortController();
    this.#stop = stop;
    this.#pacer = new Pacer(this.#now);
    const { sendInvitation } = this.state;
    const queue = [...requests];
    const prior = new Map(this.state.rows.map((row) => [row.id, row.outcome]));
    const reported: ReportCustomerResult[] = [];
    let done = 0;
    this.#outcomes(ids, { status: 'queued' });
    this.replaceState({ step: 'sending', rows: this.state.rows, sendInvitation, total: ids.length, done });
    let api: ReportApi;
    try {
      api = await this.#api();
    } catch (caught) {
      const error = toKitError(caught);
      this.replaceState({ step: 'editing', rows: this.#mapRows((row) => (ids.includes(row.id) ? { ...row, outcome: { status: 'failed', error } } : row)), sendInvitation, submitted: true, lastRun: { reported: 0, failed: ids.length, unknown: 0, stopped: false } });
      return undefined;
    }
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [id, request] = next;
        if (!(await this.#pacer.slot(stop.signal))) {
          queue.unshift(next);
          return;
        }
        if (this.state.step === 'paused') this.#progress(done);
        this.#outcomes([id], { status: 'sending' });
        const outcome = await this.#report(api, id, request);
        if (outcome === 'again') {
          queue.unshift(next);
          this.#outcomes([id], { status: 'queued' });
          this.#progress(done);
          continue;
        }
        if (outcome.status === 'reported') reported.push(outcome.result);
        this.#outcomes([id], outcome);
        this.#progress((done += 1));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, ids.length) }, worker));
    // Rows the stop left waiting go back to what they were before the run.
    const left = new Set(queue.map(([id]) => id));
    const rows = this.#mapRows((row) => (left.has(row.id) ? { ...row, outcome: prior.get(row.id) ?? { status: 'draft' } } : row));
    const count = (status: RowOutcome['status']) => rows.filter((row) => ids.includes(row.id) && row.outcome.status === status).length;
    const lastRun = { reported: reported.length, failed: count('failed'), unknown: count('unknown'), stopped: stop.signal.aborted };
    this.replaceState({ step: 'editing', rows, sendInvitation, submitted: false, lastRun });
    return reported.length > 0 ? { reported, failed: lastRun.failed + lastRun.unknown } : undefined;
  }

  async #report(api: ReportApi, id: string, request: ReportCustomerRequest): Promise<RowOutcome | 'again'> {
    let intent = this.#intents.get(id);
    if (!intent) {
      intent = new MoneyIntent<ReportCustomerRequest>('rep', this.#now);
      this.#intents.set(id, intent);
    }
    try {
      const result = await intent.run(request, { verify: () => Promise.resolve(undefined), call: (r, o) => api.reportCustomer(r, o) });
      this.#pacer.succeeded();
      return { status: 'reported', result };
    } catch (caught) {
      const error = toKitError(caught);
      if (error.code === 'rate-limited' && error.reason === undefined) {
        this.#pacer.rateLimited(error.retryAfterMs);
        return 'again';
      }
      return outcomeUnknown(error) ? { status: 'unknown', error } : { status: 'failed', error };
    }
  }

  /** Publishes progress under `sending`, `paused` or `stopping`, whichever holds now. */
  #progress(done: number): void {
    const { state } = this;
    if (state.step !== 'sending' && state.step !== 'paused' && state.step !== 'stopping') return;
    const base = { rows: state.rows, sendInvitation: state.sendInvitation, total: state.total, done };
    const until = this.#pacer.pausedUntil;
    if (state.step === 'stopping') this.replaceState({ step: 'stopping', ...base });
    else if (until !== undefined) this.replaceState({ step: 'paused', ...base, until });
    else this.replaceState({ step: 'sending', ...base });
  }

  #outcomes(ids: readonly string[], outcome: RowOutcome): void {
    const set = new Set(ids);
    this.replaceState({ ...this.state, rows: this.#mapRows((row) => (set.has(row.id) ? { ...row, outcome } : row)) });
  }

  #row(values: Partial<Pick<ReportRow, 'name' | 'mobile' | 'email'>>): ReportRow {
    return {
      id: `row-${++this.#sequence}`,
      name: values.name ?? '',
      mobile: values.mobile ?? '',
      email: values.email ?? '',
      chosenAccountId: undefined,
      accounts: { status: 'idle' },
      touched: [],
      outcome: { status: 'draft' },
    };
  }

  #mapRows(map: (row: ReportRow) => ReportRow): ReportRow[] {
    return this.state.rows.map(map);
  }

  /** Changes row `id`; a change that leaves it as it was notifies nobody (no re-render for nothing). */
  #patch(id: string, map: (row: ReportRow) => ReportRow): void {
    let changed = false;
    const rows = this.#mapRows((row) => {
      const next = row.id === id ? map(row) : row;
      changed ||= next !== row;
      return next;
    });
    if (changed) this.replaceState({ ...this.state, rows });
  }

  #setRows(rows: readonly ReportRow[]): void {
    const { state } = this;
    if (state.step === 'editing') this.replaceState({ ...state, rows, lastRun: undefined });
  }
}
