import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { KitError } from '../../model/errors.js';
import { formatMoney } from '../../core/money.js';
import { WithdrawFlow, type WithdrawVerifier } from '../../core/withdraw/withdraw-flow.js';
import { cardAccounts } from '../../core/withdraw/withdraw-plan.js';
import type {
  WithdrawBranch,
  WithdrawChecking,
  WithdrawForm,
  WithdrawLoaded,
  WithdrawOutcomeUnknown,
  WithdrawState,
  WithdrawSubmitting,
  WithdrawSummary,
  WithdrawVerifying,
} from '../../core/withdraw/withdraw-state.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { DebounceController } from '../../controllers/debounce-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import type { KitController } from '../../controllers/kit-controller.js';
import type { CloseSource } from '../../controllers/modal-controller.js';
import { VerifierController, type VerifierHost } from '../../controllers/verifier-controller.js';
import { formatDate } from '../../i18n/format-date.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import { lostCause } from '../../i18n/lost-answer.js';
import { watchLoadFailed } from '../events.js';
import { adoptLateStyles } from '../late-styles.js';
import type { withdrawMessages } from '../../i18n/messages/withdraw-dialog.js';
import { withdrawContentsMessages } from '../../i18n/messages/withdraw-dialog-contents.js';
import type { WithdrawalSubmittedDetail } from './withdraw-dialog.js';
import { accountLabel, flowsTable, isolated } from './withdraw-flows-table.js';
import { withdrawContentsStyles } from './withdraw-contents.styles.js';
import { loadingSheet, sheet } from './withdraw-sheet.js';

/** What the contents need of the `<withdraw-dialog>` they are drawn in. */
export interface WithdrawShell {
  /** The element: its adapter, locale and verifier, and its update cycle. */
  host: VerifierHost<Parameters<WithdrawVerifier>[0]> & ReactiveElement;
  kit: KitController;
  /** The shell's words (Close, Cancel, Try again, the loading text), which the steps show too. */
  messages(): ReturnType<typeof withdrawMessages>;
  /** Asks to close, as the close button does (`withdraw-dialog-request-close` first). */
  requestClose(): void;
  /** Closes the dialog; `made` when a withdrawal went through or may have, which is no cancellation. */
  hide(made: boolean): void;
}

/**
 * Everything `<withdraw-dialog>` shows once it opens, fetched on first open (or when the browser
 * is idle): the withdrawal flow, its steps and their sheets, the flows table and the embedded code
 * dialog. Made once per element and kept for its life, so a withdrawal in flight or of unknown
 * outcome outlives a close or a removal from the page, and its `withdrawal-submitted` fires
 * exactly once.
 */
export class WithdrawContents {
  readonly #shell: WithdrawShell;
  readonly #host: WithdrawShell['host'];
  readonly #kit: KitController;
  readonly #verifier: VerifierController<Parameters<WithdrawVerifier>[0]>;
  readonly #flow: WithdrawFlow;
  readonly #view: FlowController<WithdrawState>;
  // Searched on the server as the user types, a moment after the last key: thousands of branches stay fast.
  readonly #search: DebounceController<[string]>;
  readonly #events: ConnectedEmitter;
  #last: WithdrawalSubmittedDetail | undefined;

  constructor(shell: WithdrawShell) {
    const { host, kit } = shell;
    this.#shell = shell;
    this.#host = host;
    this.#kit = kit;
    // Made in the element's update, before the steps' first render: they never paint unstyled.
    adoptLateStyles(host, withdrawContentsStyles);
    this.#verifier = new VerifierController(host, (request) => this.#m.verifyAction(this.#money(request.amount, request.currency)));
    this.#flow = new WithdrawFlow({ api: () => kit.api(), verify: (request) => this.#verifier.verify(request) });
    this.#view = new FlowController(host, this.#flow);
    this.#search = new DebounceController(host, (query: string) => void this.#flow.searchBranches(query), 200);
    this.#events = new ConnectedEmitter(host);
    watchLoadFailed(host, this.#flow, (state) => (state.step === 'load-failed' ? state.error : undefined));
    let previous = this.#flow.state;
    this.#flow.subscribe((state) => {
      if (state.step === 'done' && previous.step !== 'done') {
        const { referenceId, amount, currency, flowIds } = state.result;
        this.#last = { referenceId, amount, currency, flowIds };
        this.#events.emit<WithdrawalSubmittedDetail>('withdrawal-submitted', this.#last);
      }
      previous = state;
    });
  }

  /** See `WithdrawDialog.lastWithdrawal`. */
  get last(): WithdrawalSubmittedDetail | undefined {
    return this.#last;
  }

  /** Which element takes focus when the step changes. */
  get focusSelector(): string {
    const state = this.#view.state;
    return 'confirmingClose' in state && state.confirmingClose ? '[data-discard-focus]' : '[data-focus]';
  }

  /** The dialog opened: starts afresh, resumes a withdrawal in flight or checks one of unknown outcome. */
  start(): void {
    void this.#flow.start();
  }

  /** Closed by the host: drops the entries, keeps a withdrawal that may have been made. Returns whether one was or may have been. */
  dismiss(): boolean {
    const made = this.#mayHaveWithdrawn();
    this.#flow.dismiss();
    return made;
  }

  /** Nobody kept the dialog open: close, unless the entries ask first. */
  requestClose(source: CloseSource): void {
    const state = this.#flow.state;
    // Esc answers the discard question with "keep editing", as it would close any other question.
    if (source === 'escape' && 'confirmingClose' in state && state.confirmingClose) {
      this.#flow.keepEditing();
      return;
    }
    const made = this.#mayHaveWithdrawn();
    if (this.#flow.requestClose()) this.#shell.hide(made);
  }

  /**
   * Closing now is not "closed without withdrawing": the withdrawal went through, or is on its way
   * (the code dialog stays open beside the closed one), or its answer was lost; `withdrawal-submitted`
   * follows once it is found done.
   */
  #mayHaveWithdrawn(): boolean {
    return this.#flow.state.step === 'done' || this.#flow.holdsWithdrawal();
  }

  /** The body and actions of the step, and the discard question over them. */
  render(): TemplateResult {
    const state = this.#view.state;
    return html`${this.#renderStep(state)} ${'confirmingClose' in state && state.confirmingClose ? this.#renderDiscard() : nothing}`;
  }

  /** The embedded code dialog, beside the `<dialog>`. */
  renderVerifier(): TemplateResult {
    return this.#verifier.render();
  }

  #renderStep(state: WithdrawState) {
    const m = this.#m;
    const s = this.#shell.messages();
    switch (state.step) {
      case 'idle':
      case 'loading':
        return loadingSheet(s.loading, s.cancel, this.#close);
      case 'load-failed':
        return sheet(
          html`<div class="error-state" role="alert"><p part="error">${m.loadFailed} ${this.#errorText(state.error)}</p></div>`,
          html`<button part="secondary" type="button" @click=${this.#close}>${s.close}</button>
            <button part="primary" type="button" data-focus @click=${() => void this.#flow.reload()}>${s.retry}</button>`,
        );
      case 'empty':
        return sheet(
          html`<div class="empty"><h3 data-focus tabindex="-1">${m.emptyTitle}</h3><p>${m.emptyText}</p></div>`,
          html`<button part="secondary" type="button" @click=${this.#close}>${s.close}</button>`,
        );
      case 'branch':
        return this.#renderBranch(state);
      case 'form':
        return this.#renderForm(state);
      case 'done': {
        const { result } = state;
        const { minBusinessDays, maxBusinessDays } = result.arrival;
        return sheet(
          html`<h3 class="success" tabindex="-1" data-focus>${m.doneTitle}</h3>
            ${state.recovered ? html`<p>${m.recovered}</p>` : nothing}
            <dl class="summary">
              <dt>${m.summaryAmount}</dt>
              <dd class="big">${this.#money(result.amount, result.currency)}</dd>
              <dt>${m.reference}</dt>
              <dd><code>${result.referenceId}</code></dd>
              <dt>${m.arrival}</dt>
              <dd>${m.arrivalDays(minBusinessDays, maxBusinessDays)}</dd>
            </dl>`,
          html`<button part="primary" type="button" @click=${this.#close}>${s.close}</button>`,
        );
      }
      default:
        return this.#renderSummary(state);
    }
  }

  // ── Steps ──────────────────────────────────────────────────────────────────────────────────

  #renderBranch({ branch }: WithdrawBranch) {
    const m = this.#m;
    const s = this.#shell.messages();
    const { account, error } = branch;
    const failure = error ? (error.reason === 'branch-missing' ? m.branchMissing : this.#errorText(error)) : '';
    return sheet(
      html`<h3 tabindex="-1">${m.branchTitle}</h3>
        <p>${isolated(m.branchText, account.bankName ?? '', account.maskedNumber)}</p>
        <div class="field">
          <label for="branch-search">${m.branchSearch}</label>
          <input id="branch-search" type="search" data-focus autocomplete="off" aria-controls="branch-list" aria-describedby="branch-count"
            .value=${live(branch.query)} @input=${(e: Event) => this.#search.call((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="branch-list">${m.branchList}</label>
          <select id="branch-list" size="6" aria-describedby="branch-count branch-error" aria-invalid=${String(Boolean(error))} aria-busy=${String(branch.searching)}
            @change=${(e: Event) => this.#flow.chooseBranch((e.target as HTMLSelectElement).value)} @keydown=${this.#onBranchKey}>
            ${branch.results.map((b) => html`<option value=${b.code} ?selected=${b.code === branch.chosen?.code}>${b.name}</option>`)}
          </select>
          <p id="branch-count" class="hint" aria-live="polite">
            ${branch.searching ? '…' : branch.results.length === 0 ? m.branchNone : m.branchCount(branch.results.length, branch.total)}
          </p>
          <p id="branch-error" part="error" role="alert">${failure}</p>
        </div>`,
      html`<button part="secondary" type="button" @click=${this.#close}>${s.cancel}</button>
        <button part="primary" type="button" aria-busy=${String(branch.saving)} @click=${() => void this.#flow.saveBranch()}>${m.saveBranch}</button>`,
    );
  }

  #renderForm(state: WithdrawForm) {
    const m = this.#m;
    const s = this.#shell.messages();
    const { overview, entries, amountIssue: issue } = state;
    const money = (minor: number) => this.#money(minor, overview.currency);
    const max = money(this.#flow.maximum());
    return sheet(
      html`<div class="headline">
          <span class="hint">${m.withdrawable}</span>
          <strong class="big" data-focus tabindex="-1">${money(overview.withdrawable)}</strong>
          <span class="hint">${m.withdrawableNote}</span>
        </div>
        ${overview.bankCardAvailable
          ? html`<fieldset>
              <legend>${m.route}</legend>
              ${this.#radio('route', 'original', entries.route === 'original', m.routeOriginal(money(overview.originalRouteAmount)), () => this.#flow.setRoute('original'))}
              ${this.#radio('route', 'bank-card', entries.route === 'bank-card', m.routeCard(money(overview.bankCardAmount)), () => this.#flow.setRoute('bank-card'))}
            </fieldset>`
          : nothing}
        ${entries.route === 'original' ? this.#renderFlows(state) : this.#renderCardAccount(state)}
        <div class="field">
          <label for="amount">${m.amount}</label>
          <div class="amount-row">
            <input id="amount" part="amount" inputmode="decimal" autocomplete="off" spellcheck="false"
              .value=${live(entries.amountText)} aria-invalid=${String(issue !== undefined)} aria-describedby="amount-hint amount-error"
              @input=${(e: Event) => this.#flow.setAmount((e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#onNext()} />
            <button part="secondary" type="button" @click=${() => this.#flow.fillMaximum()}>${m.all}</button>
          </div>
          <p id="amount-hint" class="hint">${m.amountHint(max)}</p>
          <p id="amount-error" part="error" role="alert">${issue ? m.amountIssue(issue, max) : ''}</p>
        </div>`,
      html`<button part="secondary" type="button" @click=${this.#close}>${s.cancel}</button>
        <button part="primary" type="button" @click=${this.#onNext}>${m.next}</button>`,
    );
  }

  #renderFlows(state: WithdrawForm) {
    const m = this.#m;
    const picking = state.entries.mode === 'pick';
    return html`<fieldset>
        <legend>${m.order}</legend>
        ${this.#radio('mode', 'lifo', !picking, m.lifo, () => this.#flow.setMode('lifo'))}
        ${this.#radio('mode', 'pick', picking, m.pick, () => this.#flow.setMode('pick'))}
      </fieldset>
      ${flowsTable(state, this.#flow.plan(), this.#kit.locale, (flowId) => this.#flow.togglePick(flowId))}`;
  }

  #renderCardAccount({ overview, entries }: WithdrawForm) {
    const m = this.#m;
    const accounts = cardAccounts(overview);
    if (accounts.length === 0) return html`<p part="error">${m.cardAccountNone}</p>`;
    return html`<div class="field">
      <label for="card-account">${m.cardAccount}</label>
      <select id="card-account" @change=${(e: Event) => this.#flow.chooseCardAccount((e.target as HTMLSelectElement).value)}>
        ${accounts.map((a) => html`<option value=${a.id} ?selected=${a.id === entries.cardAccountId}>${accountLabel(a, this.#kit.locale)}</option>`)}
      </select>
    </div>`;
  }

  #renderSummary(state: Exclude<WithdrawLoaded, WithdrawBranch | WithdrawForm>) {
    const m = this.#m;
    const { overview, request, step } = state;
    const money = (minor: number) => this.#money(minor, overview.currency);
    const plan = this.#flow.plan();
    const frozen = step === 'outcome-unknown' || step === 'checking';
    return sheet(
      html`${frozen
          ? html`<h3 class="unknown" tabindex="-1" data-focus>${m.unknownTitle}</h3>`
          : html`<h3 tabindex="-1" data-focus>${m.summaryTitle}</h3>`}
        <dl class="summary">
          <dt>${m.summaryAmount}</dt>
          <dd class="big">${money(request.amount)}</dd>
          <dt>${m.summaryRoute}</dt>
          <dd>${request.route === 'original' ? m.routeOriginal(money(overview.originalRouteAmount)) : m.routeCard(money(overview.bankCardAmount))}</dd>
          <dt>${m.summaryFlows}</dt>
          <dd>
            <ul>
              ${plan.map((take) => html`<li>${formatDate(take.flow.receivedAt, this.#kit.locale)} · ${m.channel(take.flow.channel)} · ${money(take.amount)}</li>`)}
            </ul>
          </dd>
          <dt>${m.summaryTo}</dt>
          <dd>
            <ul>
              ${[...new Set(plan.map((take) => take.account))].map((account) => html`<li><bdi>${accountLabel(account, this.#kit.locale)}</bdi></li>`)}
            </ul>
          </dd>
        </dl>
        ${step === 'summary' && state.notDone ? html`<p class="notice">${m.notDone}</p>` : nothing}
        <p part="error" role="alert">${this.#summaryError(state)}</p>
        <p class="hint" aria-live="polite">${step === 'verifying' ? m.verifying : step === 'submitting' ? m.submitting : step === 'checking' ? m.checkingOutcome : ''}</p>`,
      frozen ? this.#unknownActions(state) : this.#summaryActions(state),
    );
  }

  /** A definite refusal says why; an unknown outcome says so, that nothing can change until it is known, and that a retry is safe. */
  #summaryError(state: Exclude<WithdrawLoaded, WithdrawBranch | WithdrawForm>): string {
    const m = this.#m;
    if (state.step === 'summary') return this.#errorText(state.refusal);
    if (state.step === 'outcome-unknown') {
      return [state.error ? lostCause(state.error, this.#kit.locale) : '', state.checked ? m.stillUnknown : m.unknownOutcome, m.unknownFrozen].filter(Boolean).join(' ');
    }
    return '';
  }

  #summaryActions(state: WithdrawSummary | WithdrawVerifying | WithdrawSubmitting) {
    const m = this.#m;
    const s = this.#shell.messages();
    const busy = state.step !== 'summary';
    const retry = state.step === 'summary' && state.refusal !== undefined;
    return html`<button part="secondary" type="button" aria-disabled=${String(busy)} @click=${() => this.#flow.back()}>${m.back}</button>
      <button part="primary" type="button" aria-busy=${String(busy)} @click=${() => void this.#flow.confirm()}>${retry ? s.retry : m.confirm}</button>`;
  }

  #unknownActions(state: WithdrawOutcomeUnknown | WithdrawChecking) {
    const m = this.#m;
    const s = this.#shell.messages();
    const checking = state.step === 'checking';
    const checked = state.step === 'outcome-unknown' && state.checked;
    return html`<button part="secondary" type="button" aria-busy=${String(checking)} @click=${() => void this.#flow.check()}>
        ${checked ? m.checkAgain : m.checkOutcome}
      </button>
      <button part="primary" type="button" aria-disabled=${String(checking)} @click=${() => void this.#flow.confirm()}>${s.retry}</button>`;
  }

  #renderDiscard() {
    const m = this.#m;
    return html`<div class="discard" role="alertdialog" aria-modal="false" aria-labelledby="discard-title" aria-describedby="discard-text">
      <h3 id="discard-title">${m.discardTitle}</h3>
      <p id="discard-text">${m.discardText}</p>
      <div class="actions">
        <button part="secondary" type="button" data-discard-focus @click=${() => this.#flow.keepEditing()}>${m.keepEditing}</button>
        <button part="primary" class="danger" type="button" @click=${this.#onDiscard}>${m.discard}</button>
      </div>
    </div>`;
  }

  // ── Pieces ─────────────────────────────────────────────────────────────────────────────────

  get #m() {
    return withdrawContentsMessages(this.#kit.locale);
  }

  #radio(name: string, value: string, checked: boolean, label: string, choose: () => void) {
    return html`<label class="choice"><input type="radio" name=${name} value=${value} .checked=${live(checked)} @change=${choose} />${label}</label>`;
  }

  #money(minor: number, currency: string): string {
    return formatMoney(minor, this.#kit.locale, currency);
  }

  #errorText(error: KitError | undefined): string {
    return error ? withSupportCode(error, this.#kit.locale) : '';
  }

  #onNext = (): void => {
    if (!this.#flow.next()) {
      void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('#amount')?.focus());
    }
  };

  /** A list box takes its choice on arrows alone; Space and Enter choose the option in view too, Enter also saves. */
  #onBranchKey = (event: KeyboardEvent): void => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    const list = event.currentTarget as HTMLSelectElement;
    if (list.selectedIndex < 0 && list.options.length > 0) list.selectedIndex = 0;
    if (list.value) this.#flow.chooseBranch(list.value);
    if (event.key === 'Enter') void this.#flow.saveBranch();
  };

  #close = (): void => {
    this.#shell.requestClose();
  };

  #onDiscard = (): void => {
    this.#flow.discard();
    this.#shell.hide(false);
  };
}
