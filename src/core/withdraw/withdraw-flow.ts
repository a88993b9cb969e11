import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { PayoutAccount, WithdrawalOverview, WithdrawRequest } from '../../model/schemas/withdrawal.js';
import { KitError, outcomeUnknown, toKitError } from '../../model/errors.js';
import { minorToDecimal } from '../../model/decimal.js';
import { lastInFirstOut } from '../../model/rules/withdraw.js';
import { MoneyIntent } from '../money-intent.js';
import { currencyDigits, parseAmount } from '../money.js';
import { Store } from '../store.js';
import { accountMissingBranch, allowedMaximumOf, checkEntries, freshEntries, maximumOf, planOf, type PlannedTake } from './withdraw-plan.js';
import type { BranchStep, WithdrawEntries, WithdrawLoaded, WithdrawOutcomeUnknown, WithdrawReviewed, WithdrawState } from './withdraw-state.js';
import { apiGetter } from '../api-source.js';

/** The backend operations a withdrawal needs. */
export type WithdrawApi = Pick<PartnerApi, 'getWithdrawalOverview' | 'searchBranches' | 'saveAccountBranch' | 'withdraw' | 'lookupIntent'>;

/** Asks the user for a verification code (always, for a withdrawal); rejects with `cancelled` when they give up. */
export type WithdrawVerifier = (request: { purpose: 'withdraw'; amount: number; currency: string }) => Promise<VerificationTicket | undefined>;

const BRANCH_PAGE = 50;

/**
 * A withdrawal of balance, without any DOM: load what can be withdrawn, supplement a missing
 * opening branch, choose route, flows and amount, review, verify, submit exactly once.
 *
 * The idempotency key is created when the user first confirms, and kept for as long as the request
 * stays the same: a retry after a timeout, a double click or a reopened dialog sends the same key,
 * so the backend makes one withdrawal of it. When the outcome is unknown the withdrawal is frozen
 * until a retry or a lookup (`check()`, run by itself when the flow starts again) settles it as
 * done, not done (the summary, editable again, a new key next time) or still unknown.
 */
export class WithdrawFlow extends Store<WithdrawState> {
  readonly #api: () => Promise<WithdrawApi>;
  readonly #verify: WithdrawVerifier;
  readonly #intent: MoneyIntent<WithdrawRequest>;
  #load: AbortController | undefined;
  #search: AbortController | undefined;

  constructor(options: { api: WithdrawApi | (() => Promise<WithdrawApi>); verify: WithdrawVerifier; now?: () => number }) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#verify = options.verify;
    this.#intent = new MoneyIntent('wd', options.now);
  }

  /** Starts afresh, or resumes a withdrawal in flight, or asks the backend what became of one of unknown outcome. */
  start(): Promise<void> {
    const { step } = this.state;
    if (step === 'outcome-unknown' || step === 'checking') return this.check();
    if (this.holdsWithdrawal()) return Promise.resolve();
    this.#reset();
    return this.reload();
  }

  /** Loads (again) what can be withdrawn, the entries afresh. */
  async reload(): Promise<void> {
    if (this.holdsWithdrawal()) return;
    this.#load?.abort();
    const load = new AbortController();
    this.#load = load;
    this.#go({ step: 'loading' });
    try {
      const loaded = await (await this.#api()).getWithdrawalOverview({ signal: load.signal });
      if (load !== this.#load) return;
      const flows = lastInFirstOut(loaded.flows.filter((f) => f.withdrawableAmount > 0));
      if (flows.length === 0 || loaded.withdrawable <= 0) {
        this.#go({ step: 'empty' });
        return;
      }
      const overview = { ...loaded, flows };
      this.#continue(overview, freshEntries(overview));
    } catch (caught) {
      if (load === this.#load) this.#go({ step: 'load-failed', error: toKitError(caught) });
    }
  }

  // ── Opening branch ─────────────────────────────────────────────────────────────────────────

  /** Searches the branches of the account's bank; a newer search cancels an older one. */
  async searchBranches(query: string): Promise<void> {
    const state = this.state;
    if (state.step !== 'branch') return;
    const { account } = state.branch;
    this.#search?.abort();
    const search = new AbortController();
    this.#search = search;
    if (!account.bankCode) {
      this.#patchBranch(account, { query, error: new KitError('malformed-response', 'The bank account has no bank code to find its branches by.') });
      return;
    }
    this.#patchBranch(account, { query, searching: true, error: undefined });
    try {
      const api = await this.#api();
      const page = await api.searchBranches({ bankCode: account.bankCode, query: query.trim(), offset: 0, limit: BRANCH_PAGE }, { signal: search.signal });
      if (search === this.#search) this.#patchBranch(account, { results: page.items, total: page.total, searching: false });
    } catch (caught) {
      if (search === this.#search) this.#patchBranch(account, { searching: false, error: toKitError(caught) });
    }
  }

  /** Picks a branch from the results. */
  chooseBranch(code: string): void {
    const state = this.state;
    if (state.step !== 'branch') return;
    const chosen = state.branch.results.find((b) => b.code === code);
    if (chosen) this.#patchBranch(state.branch.account, { chosen, error: undefined });
  }

  /** Saves the chosen branch on the account; it is not asked again. */
  async saveBranch(): Promise<void> {
    const state = this.state;
    if (state.step !== 'branch' || state.branch.saving) return;
    const { account, chosen } = state.branch;
    if (!chosen) {
      this.#patchBranch(account, { error: new KitError('validation', 'Choose a branch.', { reason: 'branch-missing' }) });
      return;
    }
    this.#patchBranch(account, { saving: true, error: undefined });
    try {
      const saved = await (await this.#api()).saveAccountBranch({ accountId: account.id, branchCode: chosen.code });
      // Anything else would ask for the same branch again, forever.
      if (saved.id !== account.id || saved.branch === null) throw new KitError('malformed-response', 'The account came back without its branch.');
      const now = this.state;
      if (now.step !== 'branch' || now.branch.account.id !== account.id) return;
      this.#continue({ ...now.overview, accounts: now.overview.accounts.map((a) => (a.id === saved.id ? saved : a)) }, now.entries);
    } catch (caught) {
      this.#patchBranch(account, { saving: false, error: toKitError(caught) });
    }
  }

  // ── Route, flows, amount ───────────────────────────────────────────────────────────────────

  setRoute(route: WithdrawEntries['route']): void {
    const state = this.state;
    if (state.step !== 'form' || (route === 'bank-card' && !state.overview.bankCardAvailable)) return;
    this.#continue(state.overview, { ...state.entries, route, rejectedFlowId: undefined });
  }

  setMode(mode: WithdrawEntries['mode']): void {
    this.#edit({ mode, rejectedFlowId: undefined });
  }

  /** Ticks or unticks a flow (switches to picking flows). */
  togglePick(flowId: string): void {
    const state = this.state;
    if (state.step !== 'form') return;
    const { picked } = state.entries;
    this.#edit({ mode: 'pick', picked: picked.includes(flowId) ? picked.filter((id) => id !== flowId) : [...picked, flowId], rejectedFlowId: undefined });
  }

  /** Chooses the bank account for the bank-card route; one without a branch asks for it first. */
  chooseCardAccount(accountId: string): void {
    const state = this.state;
    if (state.step === 'form') this.#continue(state.overview, { ...state.entries, cardAccountId: accountId });
  }

  setAmount(text: string): void {
    this.#edit({ amountText: text, rejectedFlowId: undefined });
  }

  /** Fills in the most the current choice allows that the name-match rule lets through. */
  fillMaximum(): void {
    const state = this.state;
    if (state.step === 'form') this.setAmount(minorToDecimal(allowedMaximumOf(state.overview, state.entries), currencyDigits(state.overview.currency)));
  }

  /** The most the current route and flow choice allow, in minor units. */
  maximum(): number {
    const state = this.#loaded();
    return state ? maximumOf(state.overview, state.entries) : 0;
  }

  /** Which flows give how much, and to which account: for the reviewed amount, else the one typed; nothing before an amount is typed. */
  plan(): PlannedTake[] {
    const state = this.#loaded();
    if (!state) return [];
    const { overview, entries } = state;
    if (state.step !== 'form' && state.step !== 'branch') return planOf(overview, entries, state.request.amount);
    const typed = parseAmount(entries.amountText, overview.currency);
    return typed.ok ? planOf(overview, entries, typed.minor) : [];
  }

  /** Checks the entries and moves on to the summary. */
  next(): boolean {
    const state = this.state;
    if (state.step !== 'form') return false;
    const checked = checkEntries(state.overview, state.entries);
    if ('issue' in checked) {
      this.#go({ ...state, amountIssue: checked.issue });
      return false;
    }
    const { overview, entries } = state;
    this.#go({ step: 'summary', overview, entries, request: checked.request, refusal: undefined, notDone: false, confirmingClose: false });
    return true;
  }

  /** Back from the summary to the form, every entry kept. Never from an unknown outcome: that request stays as it was sent. */
  back(): void {
    const state = this.state;
    if (state.step === 'summary') this.#go({ step: 'form', overview: state.overview, entries: state.entries, amountIssue: undefined, confirmingClose: false });
  }

  // ── Confirm and submit ─────────────────────────────────────────────────────────────────────

  /**
   * Confirm withdrawal: verification code, then one withdrawal with this confirmation's key. Calls
   * while one is in flight join it; a retry after a failure repeats the same key.
   */
  confirm(): Promise<void> {
    const state = this.state;
    if (state.step === 'verifying' || state.step === 'submitting') return state.submission;
    if (state.step !== 'summary' && state.step !== 'outcome-unknown') return Promise.resolve();
    const { overview, entries, request } = state;
    // Started a tick later, so the submission is in state before any of its steps reports.
    const submission: Promise<void> = Promise.resolve().then(() => this.#submit(state, submission));
    this.#go({ step: 'verifying', overview, entries, request, submission });
    return submission;
  }

  /**
   * Check what happened: asks the backend about the withdrawal whose outcome is unknown, by its key.
   * Done shows the result; not done returns to the summary, editable; still unknown stays frozen.
   * Calls while one is asking join it.
   */
  check(): Promise<void> {
    const state = this.state;
    if (state.step === 'checking') return state.lookup;
    if (state.step !== 'outcome-unknown') return Promise.resolve();
    const { overview, entries, request } = state;
    const lookup: Promise<void> = Promise.resolve().then(() => this.#lookUp(state));
    this.#go({ step: 'checking', overview, entries, request, lookup });
    return lookup;
  }

  /** The user wants to close. Returns `true` when the UI may close now; otherwise it asks first. */
  requestClose(): boolean {
    const state = this.state;
    if (state.step === 'verifying' || state.step === 'submitting') return false;
    // An outcome we do not know is kept, to be looked up when reopened.
    if (state.step === 'outcome-unknown' || state.step === 'checking') return true;
    if (state.step === 'form' || state.step === 'branch' || state.step === 'summary') {
      const { entries } = state;
      if (state.step === 'summary' || entries.amountText.trim() !== '' || entries.picked.length > 0 || (state.step === 'branch' && state.branch.chosen)) {
        this.#go({ ...state, confirmingClose: true });
        return false;
      }
    }
    this.#reset();
    return true;
  }

  /** Keep editing: the close was a mistake. */
  keepEditing(): void {
    const state = this.state;
    if (state.step === 'form' || state.step === 'branch' || state.step === 'summary') this.#go({ ...state, confirmingClose: false });
  }

  /** Drops every entry (the user confirmed closing). A submission in flight cannot be called back and stays. */
  discard(): void {
    const { step } = this.state;
    if (step !== 'verifying' && step !== 'submitting') this.#reset();
  }

  /**
   * Closed by the host, without asking: the entries go, but a withdrawal in flight or of unknown
   * outcome stays, so `start()` resumes it under the same key.
   */
  dismiss(): void {
    if (!this.holdsWithdrawal()) this.#reset();
  }

  async #submit(from: WithdrawReviewed, submission: Promise<void>): Promise<void> {
    const { overview, entries, request } = from;
    try {
      const api = await this.#api();
      const result = await this.#intent.run(request, {
        verify: () => this.#verify({ purpose: 'withdraw', amount: request.amount, currency: overview.currency }),
        call: (withdrawal, options) => api.withdraw(withdrawal, options),
        onPhase: (step) => this.#go({ step, overview, entries, request, submission }),
      });
      this.#go({ step: 'done', result, recovered: false });
    } catch (caught) {
      this.#onSubmitFailed(from, toKitError(caught));
    }
  }

  async #lookUp(from: WithdrawOutcomeUnknown): Promise<void> {
    const { overview, entries, request } = from;
    let api: WithdrawApi;
    try {
      api = await this.#api();
    } catch (caught) {
      this.#go({ ...from, error: toKitError(caught), checked: true });
      return;
    }
    const settled = await this.#intent.resolve((idempotencyKey) => api.lookupIntent({ operation: 'withdraw', idempotencyKey }));
    if (this.state.step !== 'checking') return;
    if (settled.status === 'done') this.#go({ step: 'done', result: settled.result, recovered: true });
    else if (settled.status === 'unknown') this.#go({ ...from, error: settled.error, checked: true });
    else this.#go({ step: 'summary', overview, entries, request, refusal: settled.error, notDone: true, confirmingClose: false });
  }

  #onSubmitFailed(from: WithdrawReviewed, error: KitError): void {
    const { overview, entries, request } = from;
    if (error.code === 'cancelled') {
      this.#go(from.step === 'summary' ? { ...from, refusal: undefined } : from);
      return;
    }
    if (outcomeUnknown(error)) {
      this.#go({ step: 'outcome-unknown', overview, entries, request, error, checked: false });
      return;
    }
    if (error.reason === 'name-mismatch') {
      const flowId = error.details['flowId'];
      const rejectedFlowId = typeof flowId === 'string' ? flowId : undefined;
      this.#go({ step: 'form', overview, entries: { ...entries, rejectedFlowId }, amountIssue: 'name-mismatch', confirmingClose: false });
      return;
    }
    const account = error.reason === 'branch-required' ? overview.accounts.find((a) => a.id === error.details['accountId']) : undefined;
    if (account) this.#openBranch(overview, entries, account);
    else this.#go({ step: 'summary', overview, entries, request, refusal: error, notDone: false, confirmingClose: false });
  }

  /** After loading, a route change or a saved branch: the next bank account without a branch, else the form. */
  #continue(overview: WithdrawalOverview, entries: WithdrawEntries): void {
    const account = accountMissingBranch(overview, entries);
    if (account) this.#openBranch(overview, entries, account);
    else this.#go({ step: 'form', overview, entries, amountIssue: undefined, confirmingClose: false });
  }

  #openBranch(overview: WithdrawalOverview, entries: WithdrawEntries, account: PayoutAccount): void {
    const branch: BranchStep = { account, query: '', results: [], total: 0, searching: false, chosen: undefined, saving: false, error: undefined };
    this.#go({ step: 'branch', overview, entries, branch, confirmingClose: false });
    void this.searchBranches('');
  }

  /** Updates the branch step, as long as it still asks for `account`. */
  #patchBranch(account: PayoutAccount, patch: Partial<BranchStep>): void {
    const state = this.state;
    if (state.step === 'branch' && state.branch.account.id === account.id) this.#go({ ...state, branch: { ...state.branch, ...patch } });
  }

  #edit(patch: Partial<WithdrawEntries>): void {
    const state = this.state;
    if (state.step === 'form') this.#go({ ...state, entries: { ...state.entries, ...patch }, amountIssue: undefined });
  }

  /** The state, when it holds the overview and the entries. */
  #loaded(): WithdrawLoaded | undefined {
    const state = this.state;
    return state.step === 'idle' || state.step === 'loading' || state.step === 'load-failed' || state.step === 'empty' || state.step === 'done' ? undefined : state;
  }

  /** Whether a withdrawal may have been made: it is resumed, never dropped, by `start()` and `dismiss()`. */
  /** A withdrawal is on its way (code being asked for, sent) or of unknown outcome: the flow keeps it, whatever closes. */
  holdsWithdrawal(): boolean {
    const { step } = this.state;
    return step === 'verifying' || step === 'submitting' || step === 'outcome-unknown' || step === 'checking';
  }

  #reset(): void {
    this.#load?.abort();
    this.#search?.abort();
    this.#load = undefined;
    this.#search = undefined;
    this.#intent.forget();
    this.#go({ step: 'idle' });
  }

  #go(next: WithdrawState): void {
    this.replaceState(next);
  }
}
