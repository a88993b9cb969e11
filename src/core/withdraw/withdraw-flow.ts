import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { Branch, PayoutAccount, RechargeFlow, WithdrawalOverview, WithdrawRequest, WithdrawResult } from '../../model/schemas/withdrawal.js';
import { KitError, outcomeUnknown, toKitError } from '../../model/errors.js';
import { MoneyIntent } from '../money-intent.js';
import { minorToDecimal } from '../../model/decimal.js';
import { checkAmountBounds, currencyDigits, parseAmount, type AmountBoundViolation, type AmountRejection } from '../money.js';
import { Store } from '../store.js';
import { breaksNameMatch, lastInFirstOut, takeInOrder, type FlowTake } from '../../model/rules/withdraw.js';

/** The backend operations a withdrawal needs. */
export type WithdrawApi = Pick<PartnerApi, 'getWithdrawalOverview' | 'searchBranches' | 'saveAccountBranch' | 'withdraw'>;

/** Asks the user for a verification code (always, for a withdrawal); rejects with `cancelled` when they give up. */
export type WithdrawVerifier = (request: { purpose: 'withdraw'; amount: number; currency: string }) => Promise<VerificationTicket | undefined>;

/** Why the amount cannot be withdrawn as entered. */
export type AmountIssue = AmountRejection | AmountBoundViolation | 'name-mismatch' | 'no-flows' | 'no-account';

/** The opening-branch step: asked once per bank account, before anything else continues. */
export interface BranchStep {
  account: PayoutAccount;
  query: string;
  results: readonly Branch[];
  total: number;
  searching: boolean;
  chosen: Branch | undefined;
  saving: boolean;
  error: KitError | undefined;
}

/** Where a withdrawal stands. */
export interface WithdrawState {
  step: 'idle' | 'loading' | 'load-failed' | 'empty' | 'branch' | 'form' | 'summary' | 'done';
  overview: WithdrawalOverview | undefined;
  loadError: KitError | undefined;
  route: 'original' | 'bank-card';
  /** `lifo`: the backend's default order; `pick`: only the flows the partner ticked. */
  mode: 'lifo' | 'pick';
  picked: readonly string[];
  /** The amount as typed, kept verbatim so nothing the user typed is lost. */
  amountText: string;
  amountIssue: AmountIssue | undefined;
  /** Bank-card route: the account the money goes to. */
  cardAccountId: string | undefined;
  branch: BranchStep | undefined;
  /** A flow the backend refused for the name-match rule, shown at the flow like the kit's own check. */
  rejectedFlowId: string | undefined;
  verifying: boolean;
  submitting: boolean;
  submitError: KitError | undefined;
  result: WithdrawResult | undefined;
  /** The user asked to close with entries: the UI asks whether to discard them. */
  confirmingClose: boolean;
}

const INITIAL: WithdrawState = {
  step: 'idle',
  overview: undefined,
  loadError: undefined,
  route: 'original',
  mode: 'lifo',
  picked: [],
  amountText: '',
  amountIssue: undefined,
  cardAccountId: undefined,
  branch: undefined,
  rejectedFlowId: undefined,
  verifying: false,
  submitting: false,
  submitError: undefined,
  result: undefined,
  confirmingClose: false,
};

const BRANCH_PAGE = 50;

/** One flow in a withdrawal: what it gives, where it goes, and whether the name-match rule blocks it. */
export interface PlannedTake extends FlowTake {
  account: PayoutAccount | undefined;
  blocked: boolean;
}

/**
 * A withdrawal of balance, without any DOM: load what can be withdrawn, supplement a missing
 * opening branch, choose route, flows and amount, review, verify, submit exactly once.
 *
 * The idempotency key is created when the user first confirms, and kept for as long as the request
 * stays the same: a retry after a timeout, a double click or a reopened dialog sends the same key,
 * so the backend makes one withdrawal of it.
 */
export class WithdrawFlow extends Store<WithdrawState> {
  readonly #api: () => Promise<WithdrawApi>;
  readonly #verify: WithdrawVerifier;
  readonly #intent: MoneyIntent<WithdrawRequest>;
  /** Whether a submission whose outcome is unknown waits to be retried. */
  #pending = false;
  #load: AbortController | undefined;
  #search: AbortController | undefined;

  constructor(options: { api: WithdrawApi | (() => Promise<WithdrawApi>); verify: WithdrawVerifier; now?: () => number }) {
    super(INITIAL);
    const { api } = options;
    this.#api = typeof api === 'function' ? api : () => Promise.resolve(api);
    this.#verify = options.verify;
    this.#intent = new MoneyIntent('wd', options.now);
  }

  /**
   * Starts, or resumes: a withdrawal whose outcome is unknown (the submit failed after it may have
   * reached the backend) comes back as it was, to be retried with the same key.
   */
  start(): Promise<void> {
    if (this.state.step === 'summary' && this.#pending) return Promise.resolve();
    this.#reset();
    return this.reload();
  }

  /** Loads (again) what can be withdrawn. */
  async reload(): Promise<void> {
    this.#load?.abort();
    const load = new AbortController();
    this.#load = load;
    this.setState({ step: 'loading', loadError: undefined });
    try {
      const overview = await (await this.#api()).getWithdrawalOverview({ signal: load.signal });
      if (load !== this.#load) return;
      const withdrawable = overview.flows.filter((f) => f.withdrawableAmount > 0);
      this.setState({ overview: { ...overview, flows: lastInFirstOut(withdrawable) } });
      if (withdrawable.length === 0 || overview.withdrawable <= 0) {
        this.setState({ step: 'empty' });
        return;
      }
      const cardAccountId = overview.accounts.find((a) => a.type === 'bank' && a.holderName === overview.companyRealName)?.id;
      this.setState({ cardAccountId });
      this.#continue();
    } catch (caught) {
      if (load !== this.#load) return;
      this.setState({ step: 'load-failed', loadError: toKitError(caught) });
    }
  }

  // ── Opening branch ─────────────────────────────────────────────────────────────────────────

  /** Searches the branches of the account's bank; a newer search cancels an older one. */
  async searchBranches(query: string): Promise<void> {
    const branch = this.state.branch;
    if (!branch?.account.bankCode) return;
    this.#search?.abort();
    const search = new AbortController();
    this.#search = search;
    this.#patchBranch({ query, searching: true, error: undefined });
    try {
      const api = await this.#api();
      const page = await api.searchBranches({ bankCode: branch.account.bankCode, query: query.trim(), offset: 0, limit: BRANCH_PAGE }, { signal: search.signal });
      if (search !== this.#search) return;
      this.#patchBranch({ results: page.items, total: page.total, searching: false });
    } catch (caught) {
      if (search !== this.#search) return;
      this.#patchBranch({ searching: false, error: toKitError(caught) });
    }
  }

  /** Picks a branch from the results. */
  chooseBranch(code: string): void {
    const chosen = this.state.branch?.results.find((b) => b.code === code);
    if (chosen) this.#patchBranch({ chosen, error: undefined });
  }

  /** Saves the chosen branch on the account; it is not asked again. */
  async saveBranch(): Promise<void> {
    const branch = this.state.branch;
    if (!branch || branch.saving) return;
    if (!branch.chosen) {
      this.#patchBranch({ error: new KitError('validation', 'Choose a branch.', { reason: 'branch-missing' }) });
      return;
    }
    this.#patchBranch({ saving: true, error: undefined });
    try {
      const saved = await (await this.#api()).saveAccountBranch({ accountId: branch.account.id, branchCode: branch.chosen.code });
      const overview = this.state.overview;
      if (overview) {
        this.setState({ overview: { ...overview, accounts: overview.accounts.map((a) => (a.id === saved.id ? saved : a)) } });
      }
      this.setState({ branch: undefined });
      this.#continue();
    } catch (caught) {
      this.#patchBranch({ saving: false, error: toKitError(caught) });
    }
  }

  // ── Route, flows, amount ───────────────────────────────────────────────────────────────────

  setRoute(route: WithdrawState['route']): void {
    if (route === 'bank-card' && !this.state.overview?.bankCardAvailable) return;
    this.setState({ route, amountIssue: undefined, rejectedFlowId: undefined });
    this.#continue();
  }

  setMode(mode: WithdrawState['mode']): void {
    this.setState({ mode, amountIssue: undefined, rejectedFlowId: undefined });
  }

  /** Ticks or unticks a flow (switches to picking flows). */
  togglePick(flowId: string): void {
    const picked = this.state.picked.includes(flowId) ? this.state.picked.filter((id) => id !== flowId) : [...this.state.picked, flowId];
    this.setState({ mode: 'pick', picked, amountIssue: undefined, rejectedFlowId: undefined });
  }

  /** Chooses the bank account for the bank-card route; one without a branch asks for it first. */
  chooseCardAccount(accountId: string): void {
    this.setState({ cardAccountId: accountId, amountIssue: undefined });
    this.#continue();
  }

  setAmount(text: string): void {
    this.setState({ amountText: text, amountIssue: undefined, rejectedFlowId: undefined });
  }

  /** Fills in everything the current choice allows. */
  fillMaximum(): void {
    this.setAmount(minorToDecimal(this.maximum(), currencyDigits(this.state.overview?.currency ?? 'CNY')));
  }

  /** The most the current route and flow choice allow, in minor units. */
  maximum(): number {
    const overview = this.state.overview;
    if (!overview) return 0;
    if (this.state.route === 'bank-card') return overview.bankCardAmount;
    return this.#sourceFlows().reduce((total, f) => total + f.withdrawableAmount, 0);
  }

  /** The amount as minor units, when it parses. */
  amount(): number | undefined {
    const parsed = parseAmount(this.state.amountText, this.state.overview?.currency ?? 'CNY');
    return parsed.ok ? parsed.minor : undefined;
  }

  /** Which flows give how much, and to which account, for the amount entered (or the maximum). */
  plan(amount = this.amount() ?? this.maximum()): PlannedTake[] {
    const overview = this.state.overview;
    if (!overview) return [];
    const { route } = this.state;
    const cardAccount = overview.accounts.find((a) => a.id === this.state.cardAccountId);
    return takeInOrder(this.#sourceFlows(), amount).map((take) => {
      const account = route === 'bank-card' ? cardAccount : overview.accounts.find((a) => a.id === take.flow.accountId);
      const blocked = account !== undefined && (breaksNameMatch(take.flow, account, overview.companyRealName, route) || take.flow.id === this.state.rejectedFlowId);
      return { ...take, account, blocked };
    });
  }

  /** Checks the entries and moves on to the summary. */
  next(): boolean {
    const issue = this.#amountIssue();
    this.setState({ amountIssue: issue });
    if (issue) return false;
    this.setState({ step: 'summary', submitError: undefined });
    return true;
  }

  /** Back from the summary to the form, every entry kept. */
  back(): void {
    if (this.state.step === 'summary' && !this.#intent.running) this.setState({ step: 'form', submitError: undefined });
  }

  // ── Confirm and submit ─────────────────────────────────────────────────────────────────────

  /**
   * Confirm withdrawal: verification code, then one withdrawal with this confirmation's key. Calls
   * while one is in flight join it; a retry after a failure repeats the same key.
   */
  async confirm(): Promise<void> {
    const { step, overview } = this.state;
    const amount = this.amount();
    if (step !== 'summary' || !overview || amount === undefined) return;
    this.setState({ submitError: undefined });
    this.#pending = true;
    try {
      const api = await this.#api();
      const result = await this.#intent.run(this.#request(amount), {
        verify: () => this.#verify({ purpose: 'withdraw', amount, currency: overview.currency }),
        call: (request, options) => api.withdraw(request, options),
        onPhase: (phase) => this.setState({ verifying: phase === 'verifying', submitting: phase === 'submitting' }),
      });
      this.#pending = false;
      this.setState({ step: 'done', verifying: false, submitting: false, result });
    } catch (caught) {
      this.#onSubmitFailed(toKitError(caught));
    }
  }

  /** The user wants to close. Returns `true` when the UI may close now; otherwise it asks first. */
  requestClose(): boolean {
    const { step, submitting, verifying, submitError } = this.state;
    if (submitting || verifying) return false;
    if (step !== 'form' && step !== 'summary' && step !== 'branch') {
      this.#reset();
      return true;
    }
    // An outcome we do not know is kept, to be retried with the same key when reopened.
    if (step === 'summary' && submitError && outcomeUnknown(submitError)) return true;
    if (this.#hasEntries()) {
      this.setState({ confirmingClose: true });
      return false;
    }
    this.#reset();
    return true;
  }

  /** Keep editing: the close was a mistake. */
  keepEditing(): void {
    this.setState({ confirmingClose: false });
  }

  /** Drops every entry (the user confirmed closing). */
  discard(): void {
    this.#reset();
  }

  #onSubmitFailed(error: KitError): void {
    this.setState({ verifying: false, submitting: false });
    if (error.code === 'cancelled') return;
    if (error.reason === 'name-mismatch') {
      const flowId = error.details['flowId'];
      this.setState({ step: 'form', rejectedFlowId: typeof flowId === 'string' ? flowId : undefined, amountIssue: 'name-mismatch', submitError: error });
      return;
    }
    if (error.reason === 'branch-required') {
      const account = this.state.overview?.accounts.find((a) => a.id === error.details['accountId']);
      if (account) {
        this.#openBranch(account);
        return;
      }
    }
    this.setState({ submitError: error });
  }

  #request(amount: number): WithdrawRequest {
    const { route, mode, cardAccountId } = this.state;
    if (route === 'bank-card') return { route, amount, accountId: cardAccountId ?? '' };
    return mode === 'pick' ? { route, amount, flowIds: this.#sourceFlows().map((f) => f.id) } : { route, amount };
  }

  #amountIssue(): AmountIssue | undefined {
    const parsed = parseAmount(this.state.amountText, this.state.overview?.currency ?? 'CNY');
    if (!parsed.ok) return parsed.reason;
    if (this.state.route === 'original' && this.#sourceFlows().length === 0) return 'no-flows';
    if (this.state.route === 'bank-card' && !this.state.cardAccountId) return 'no-account';
    const bound = checkAmountBounds(parsed.minor, { max: this.maximum() });
    if (bound) return bound;
    if (this.plan(parsed.minor).some((take) => take.blocked)) return 'name-mismatch';
    return undefined;
  }

  /** The flows money may come from, in the order it is taken. */
  #sourceFlows(): RechargeFlow[] {
    const flows = this.state.overview?.flows ?? [];
    if (this.state.route === 'bank-card') return flows.filter((f) => f.channel === 'transaction-mode-conversion');
    return this.state.mode === 'pick' ? flows.filter((f) => this.state.picked.includes(f.id)) : flows;
  }

  /** After loading or saving a branch: the next bank account without a branch, else the form. */
  #continue(): void {
    const overview = this.state.overview;
    if (!overview || this.state.step === 'empty') return;
    const inUse = new Set(
      this.state.route === 'bank-card' ? [this.state.cardAccountId] : overview.flows.map((f) => f.accountId),
    );
    const missing = overview.accounts.find((a) => inUse.has(a.id) && a.type === 'bank' && a.branch === null);
    if (missing) this.#openBranch(missing);
    else if (this.state.step !== 'summary') this.setState({ step: 'form' });
  }

  #openBranch(account: PayoutAccount): void {
    this.setState({
      step: 'branch',
      branch: { account, query: '', results: [], total: 0, searching: false, chosen: undefined, saving: false, error: undefined },
    });
    void this.searchBranches('');
  }

  #patchBranch(patch: Partial<BranchStep>): void {
    const branch = this.state.branch;
    if (branch) this.setState({ branch: { ...branch, ...patch } });
  }

  #hasEntries(): boolean {
    const { step, amountText, picked, branch } = this.state;
    return step === 'summary' || amountText.trim() !== '' || picked.length > 0 || branch?.chosen !== undefined;
  }

  #reset(): void {
    this.#load?.abort();
    this.#search?.abort();
    this.#intent.forget();
    this.#pending = false;
    this.setState(INITIAL);
  }
}
