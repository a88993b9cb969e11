import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
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
import { KitController } from '../../controllers/kit-controller.js';
import { ModalController, type CloseSource, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { formatDate } from '../../i18n/format-date.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import { emit, watchLoadFailed } from '../events.js';
import { withdrawMessages } from '../../i18n/messages/withdraw-dialog.js';
import { withdrawStyles } from './withdraw-dialog.styles.js';
import { accountLabel, flowsTable, isolated } from './withdraw-flows-table.js';

/** Detail of `withdrawal-submitted`. */
export interface WithdrawalSubmittedDetail {
  referenceId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  flowIds: string[];
}

/** Detail of `withdrawal-cancelled`: the dialog closed without a withdrawal. */
export type WithdrawalCancelledDetail = Record<string, never>;

/**
 * Withdraws balance, exactly once: the withdrawable amount and the recharge flows it is made of,
 * back along the original route (newest first, or chosen flows) or to a bank card; the opening
 * branch on the first withdrawal to a bank account; the name-match rule checked at the flow; a
 * summary; a verification code; one submission per confirmation, retried with the same key.
 *
 * Open it with `show()` or the `open` attribute. It asks for the code with its own
 * `<verification-code-modal>`, or with `verifier` when the host brings its own. Closing with
 * entries asks whether to discard them.
 *
 * When the backend's answer is lost (timeout, 5xx, offline), the withdrawal is frozen: no Back, no
 * edit, no new key. The user sends the same withdrawal again (same key) or checks what happened
 * (the backend is asked by the key; also by itself when the dialog opens again), and the dialog
 * says which is true: done (the result, and `withdrawal-submitted`), not done (the summary,
 * editable again) or still unknown (frozen, check again or retry).
 *
 * A withdrawal that finishes after the dialog was removed from the page is reported when it is put
 * back (`withdrawal-submitted` then, once, and the true state shown), and is readable at once as
 * `lastWithdrawal`.
 *
 * @summary A modal dialog that withdraws balance.
 * @dependency verification-code-modal
 *
 * @event {CustomEvent<WithdrawalSubmittedDetail>} withdrawal-submitted - The backend took the withdrawal.
 * @event {CustomEvent<WithdrawalCancelledDetail>} withdrawal-cancelled - Closed without withdrawing.
 * @event {CustomEvent<RequestCloseDetail>} withdraw-dialog-request-close - Esc, a click on the backdrop, the close button, Cancel or Close asked to close; cancel it to keep the dialog open. `detail.source` says which.
 * @event {CustomEvent<LoadFailedDetail>} withdraw-dialog-load-failed - The withdrawable balance could not be loaded; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart body - The scrolling content.
 * @csspart flows - The table of recharge flows.
 * @csspart amount - The amount input.
 * @csspart error - A message at a field or step.
 * @csspart primary - The button that moves on (Next, Confirm withdrawal, Save and continue).
 * @csspart secondary - Back, Cancel and Close buttons.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-color-surface - Dialog background.
 * @cssproperty --pk-color-primary - Primary button.
 * @cssproperty --pk-color-danger - Errors and blocked flows.
 * @cssproperty --pk-color-success - The submitted state.
 */
export class WithdrawDialog extends KitElement {
  static override styles = withdrawStyles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    api: { attribute: false },
    locale: {},
    verifier: { attribute: false },
  };

  /** Whether the dialog is shown. */
  declare open: boolean;

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;

  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;

  /** Asks for the verification code instead of the built-in `<verification-code-modal>`. */
  declare verifier: WithdrawVerifier | undefined;

  /**
   * The last withdrawal that went through, as `withdrawal-submitted` reports it, also one that
   * finished while the dialog was off the page (the event follows when it is put back).
   */
  get lastWithdrawal(): WithdrawalSubmittedDetail | undefined {
    return this.#last;
  }

  readonly #kit = new KitController(this);
  readonly #verifier = new VerifierController<Parameters<WithdrawVerifier>[0]>(this, (request) =>
    this.#m.verifyAction(this.#money(request.amount, request.currency)),
  );
  readonly #flow = new WithdrawFlow({ api: () => this.#kit.api(), verify: (request) => this.#verifier.verify(request) });
  readonly #view = new FlowController(this, this.#flow);
  readonly #modal = new ModalController(this, { isOpen: () => this.open, onRequestClose: (source) => this.#onRequestClose(source) });
  // Searched on the server as the user types, a moment after the last key: thousands of branches stay fast.
  readonly #search = new DebounceController(this, (query: string) => void this.#flow.searchBranches(query), 200);
  /** What has focus since the step last changed; a newly rendered step takes it. */
  #focused: HTMLElement | undefined;
  #last: WithdrawalSubmittedDetail | undefined;
  readonly #events = new ConnectedEmitter(this);

  constructor() {
    super();
    this.open = false;
    watchLoadFailed(this, this.#flow, (state) => (state.step === 'load-failed' ? state.error : undefined));
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

  /** Opens the dialog (checking on a withdrawal whose outcome is unknown). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog and drops what was entered; a withdrawal whose outcome is unknown is kept, to check on `show()`. */
  close(): void {
    const done = this.#flow.state.step === 'done';
    this.#flow.dismiss();
    this.#hide(done);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void this.#flow.start();
  }

  protected override updated(): void {
    const state = this.#view.state;
    const selector = 'confirmingClose' in state && state.confirmingClose ? '[data-discard-focus]' : '[data-focus]';
    const target = this.#modal.dialog?.open ? (this.renderRoot.querySelector<HTMLElement>(selector) ?? undefined) : undefined;
    if (target === this.#focused) return;
    this.#focused = target;
    target?.focus();
  }

  protected override render() {
    const m = this.#m;
    const state = this.#view.state;
    return html`<dialog part="dialog" aria-labelledby="title">
        ${this.#kit.renderDemoMarker()}
        <div class="dialog-header">
          <h2 id="title" part="title">${m.title}</h2>
          <button part="secondary" class="icon" type="button" aria-label=${m.close} @click=${this.#close}>×</button>
        </div>
        ${this.#renderStep(state)} ${'confirmingClose' in state && state.confirmingClose ? this.#renderDiscard() : nothing}
      </dialog>
      ${this.#verifier.render()}`;
  }

  #renderStep(state: WithdrawState) {
    const m = this.#m;
    switch (state.step) {
      case 'idle':
      case 'loading':
        return sheet(
          html`<div class="skeleton" role="status" aria-busy="true" aria-label=${m.loading} data-focus tabindex="-1">
            <div class="skeleton-row"></div>
            <div class="skeleton-row"></div>
            <div class="skeleton-row"></div>
          </div>`,
          html`<button part="secondary" type="button" @click=${this.#close}>${m.cancel}</button>`,
        );
      case 'load-failed':
        return sheet(
          html`<div class="error-state" role="alert"><p part="error">${m.loadFailed} ${this.#errorText(state.error)}</p></div>`,
          html`<button part="secondary" type="button" @click=${this.#close}>${m.close}</button>
            <button part="primary" type="button" data-focus @click=${() => void this.#flow.reload()}>${m.retry}</button>`,
        );
      case 'empty':
        return sheet(
          html`<div class="empty"><h3 data-focus tabindex="-1">${m.emptyTitle}</h3><p>${m.emptyText}</p></div>`,
          html`<button part="secondary" type="button" @click=${this.#close}>${m.close}</button>`,
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
          html`<button part="primary" type="button" @click=${this.#close}>${m.close}</button>`,
        );
      }
      default:
        return this.#renderSummary(state);
    }
  }

  // ── Steps ──────────────────────────────────────────────────────────────────────────────────

  #renderBranch({ branch }: WithdrawBranch) {
    const m = this.#m;
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
      html`<button part="secondary" type="button" @click=${this.#close}>${m.cancel}</button>
        <button part="primary" type="button" aria-busy=${String(branch.saving)} @click=${() => void this.#flow.saveBranch()}>${m.saveBranch}</button>`,
    );
  }

  #renderForm(state: WithdrawForm) {
    const m = this.#m;
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
      html`<button part="secondary" type="button" @click=${this.#close}>${m.cancel}</button>
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
      return [this.#errorText(state.error), state.checked ? m.stillUnknown : m.unknownOutcome, m.unknownFrozen].filter(Boolean).join(' ');
    }
    return '';
  }

  #summaryActions(state: WithdrawSummary | WithdrawVerifying | WithdrawSubmitting) {
    const m = this.#m;
    const busy = state.step !== 'summary';
    const retry = state.step === 'summary' && state.refusal !== undefined;
    return html`<button part="secondary" type="button" aria-disabled=${String(busy)} @click=${() => this.#flow.back()}>${m.back}</button>
      <button part="primary" type="button" aria-busy=${String(busy)} @click=${() => void this.#flow.confirm()}>${retry ? m.retry : m.confirm}</button>`;
  }

  #unknownActions(state: WithdrawOutcomeUnknown | WithdrawChecking) {
    const m = this.#m;
    const checking = state.step === 'checking';
    const checked = state.step === 'outcome-unknown' && state.checked;
    return html`<button part="secondary" type="button" aria-busy=${String(checking)} @click=${() => void this.#flow.check()}>
        ${checked ? m.checkAgain : m.checkOutcome}
      </button>
      <button part="primary" type="button" aria-disabled=${String(checking)} @click=${() => void this.#flow.confirm()}>${m.retry}</button>`;
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
    return withdrawMessages(this.#kit.locale);
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

  #hide(done: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (!done) emit<WithdrawalCancelledDetail>(this, 'withdrawal-cancelled', {});
  }

  #onNext = (): void => {
    if (!this.#flow.next()) {
      void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#amount')?.focus());
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
    this.#modal.requestClose('close-button');
  };

  #onRequestClose(source: CloseSource): void {
    const state = this.#flow.state;
    // Esc answers the discard question with "keep editing", as it would close any other question.
    if (source === 'escape' && 'confirmingClose' in state && state.confirmingClose) {
      this.#flow.keepEditing();
      return;
    }
    const done = state.step === 'done';
    if (this.#flow.requestClose()) this.#hide(done);
  }

  #onDiscard = (): void => {
    this.#flow.discard();
    this.#hide(false);
  };
}

/** One step of the dialog: its scrolling body and the actions kept in view below it. */
function sheet(body: TemplateResult, actions: TemplateResult): TemplateResult {
  return html`<div part="body" class="dialog-body">${body}</div>
    <div class="dialog-actions">${actions}</div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'withdraw-dialog': WithdrawDialog;
  }
  interface GlobalEventHandlersEventMap {
    'withdrawal-submitted': CustomEvent<WithdrawalSubmittedDetail>;
    'withdrawal-cancelled': CustomEvent<WithdrawalCancelledDetail>;
    'withdraw-dialog-request-close': CustomEvent<RequestCloseDetail>;
  }
}
