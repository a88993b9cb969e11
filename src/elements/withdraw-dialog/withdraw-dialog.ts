import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { PayoutAccount } from '../../model/schemas/withdrawal.js';
import { outcomeUnknown, type KitError } from '../../model/errors.js';
import { formatMoney } from '../../core/money.js';
import { WithdrawFlow, type WithdrawState, type WithdrawVerifier } from '../../core/withdraw/withdraw-flow.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { formatDate } from '../../i18n/format-date.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import '../../verification-code-modal.js';
import type { VerificationCodeModal } from '../verification-code-modal/verification-code-modal.js';
import { emit } from '../events.js';
import { deepActiveElement } from '../../controllers/focus.js';
import { withdrawMessages } from './withdraw-dialog.messages.js';
import { withdrawStyles } from './withdraw-dialog.styles.js';

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
 * `<verification-code-modal>`, or with `verifier` when the host brings its own.
 *
 * @summary A modal dialog that withdraws balance.
 *
 * @event withdrawal-submitted - The backend took the withdrawal. `detail: WithdrawalSubmittedDetail`.
 * @event withdrawal-cancelled - Closed without withdrawing. `detail: {}`.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart body - The scrolling content.
 * @csspart flows - The table of recharge flows.
 * @csspart amount - The amount input.
 * @csspart error - A message at a field or step.
 * @csspart primary - The button that moves on (Next, Confirm withdrawal, Save and continue).
 * @csspart secondary - Back, Cancel and Close buttons.
 *
 * @cssproperty --pk-color-surface - Dialog background.
 * @cssproperty --pk-color-primary - Primary button.
 * @cssproperty --pk-color-danger - Errors and blocked flows.
 * @cssproperty --pk-color-success - The submitted state.
 */
export class WithdrawDialog extends LitElement {
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

  readonly #kit = new KitController(this);
  readonly #flow = new WithdrawFlow({ api: () => this.#kit.api(), verify: (request) => this.#verify(request) });
  readonly #view = new FlowController(this, this.#flow);
  #opener: HTMLElement | undefined;
  #focusStep = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.open = false;
    let previous = this.#flow.state;
    this.#flow.subscribe((state) => {
      if (state.step !== previous.step || state.confirmingClose !== previous.confirmingClose) this.#focusStep = true;
      if (state.step === 'done' && previous.step !== 'done' && state.result) {
        const { referenceId, amount, currency, flowIds } = state.result;
        emit<WithdrawalSubmittedDetail>(this, 'withdrawal-submitted', { referenceId, amount, currency, flowIds });
      }
      previous = state;
    });
  }

  /** Opens the dialog (resuming a withdrawal whose outcome is unknown). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog and drops what was entered. */
  close(): void {
    const done = this.#flow.state.step === 'done';
    this.#flow.discard();
    this.#hide(done);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && changed.get('open') === false) {
      this.#opener = deepActiveElement();
      void this.#flow.start();
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part=dialog]');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.#focusStep = true;
    } else if (!this.open && dialog.open) {
      dialog.close();
      const opener = this.#opener;
      this.#opener = undefined;
      if (opener?.isConnected) opener.focus();
    }
    if (this.#focusStep && dialog.open) {
      this.#focusStep = false;
      this.#focusCurrentStep();
    }
  }

  protected override render() {
    const m = withdrawMessages(this.#kit.locale);
    const state = this.#view.state;
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#onEscape} @close=${this.#onClosed}>
        <header>
          <h2 id="title" part="title">${m.title}</h2>
          <button part="secondary" class="icon" type="button" aria-label=${m.close} @click=${this.#onCloseRequest}>×</button>
        </header>
        <div part="body" class="body">${this.#renderStep(state)}</div>
        ${state.confirmingClose ? this.#renderDiscard() : nothing}
      </dialog>
      <verification-code-modal .api=${this.api} .locale=${this.locale}></verification-code-modal>`;
  }

  #renderStep(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    switch (state.step) {
      case 'idle':
      case 'loading':
        return html`<p class="muted" aria-busy="true" data-focus tabindex="-1">${m.loading}</p>`;
      case 'load-failed':
        return html`<p part="error" role="alert">${m.loadFailed} ${this.#errorText(state.loadError)}</p>
          <div class="actions">
            <button part="secondary" type="button" @click=${this.#onCloseRequest}>${m.close}</button>
            <button part="primary" type="button" data-focus @click=${() => void this.#flow.reload()}>${m.retry}</button>
          </div>`;
      case 'empty':
        return html`<h3 data-focus tabindex="-1">${m.emptyTitle}</h3>
          <p class="muted">${m.emptyText}</p>
          <div class="actions"><button part="secondary" type="button" @click=${this.#onCloseRequest}>${m.close}</button></div>`;
      case 'branch':
        return this.#renderBranch(state);
      case 'form':
        return this.#renderForm(state);
      case 'summary':
        return this.#renderSummary(state);
      case 'done':
        return this.#renderDone(state);
    }
  }

  // ── Steps ──────────────────────────────────────────────────────────────────────────────────

  #renderBranch(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    const branch = state.branch;
    if (!branch) return nothing;
    const { account } = branch;
    const failure = branch.error ? (branch.error.reason === 'branch-missing' ? m.branchMissing : this.#errorText(branch.error)) : '';
    return html`<h3 tabindex="-1">${m.branchTitle}</h3>
      <p>${m.branchText(account.bankName ?? '', account.maskedNumber)}</p>
      <label for="branch-search">${m.branchSearch}</label>
      <input id="branch-search" type="search" data-focus autocomplete="off" aria-controls="branch-list" aria-describedby="branch-count"
        .value=${live(branch.query)} @input=${this.#onBranchSearch} />
      <label for="branch-list">${m.branchList}</label>
      <select id="branch-list" size="6" aria-describedby="branch-count branch-error" aria-invalid=${String(Boolean(branch.error))} aria-busy=${String(branch.searching)}
        @change=${(e: Event) => this.#flow.chooseBranch((e.target as HTMLSelectElement).value)}>
        ${branch.results.map((b) => html`<option value=${b.code} ?selected=${b.code === branch.chosen?.code}>${b.name}</option>`)}
      </select>
      <p id="branch-count" class="muted" aria-live="polite">
        ${branch.searching ? '…' : branch.results.length === 0 ? m.branchNone : m.branchCount(branch.results.length, branch.total)}
      </p>
      <p id="branch-error" part="error" role="alert">${failure}</p>
      <div class="actions">
        <button part="secondary" type="button" @click=${this.#onCloseRequest}>${m.cancel}</button>
        <button part="primary" type="button" aria-busy=${String(branch.saving)} @click=${() => void this.#flow.saveBranch()}>${m.saveBranch}</button>
      </div>`;
  }

  #renderForm(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    const overview = state.overview;
    if (!overview) return nothing;
    const money = (minor: number) => this.#money(minor, overview.currency);
    const max = money(this.#flow.maximum());
    const issue = state.amountIssue;
    return html`<div class="headline">
        <span class="muted">${m.withdrawable}</span>
        <strong class="big" data-focus tabindex="-1">${money(overview.withdrawable)}</strong>
        <span class="muted small">${m.withdrawableNote}</span>
      </div>
      ${overview.bankCardAvailable
        ? html`<fieldset>
            <legend>${m.route}</legend>
            ${this.#radio('route', 'original', state.route === 'original', m.routeOriginal(money(overview.originalRouteAmount)), () => this.#flow.setRoute('original'))}
            ${this.#radio('route', 'bank-card', state.route === 'bank-card', m.routeCard(money(overview.bankCardAmount)), () => this.#flow.setRoute('bank-card'))}
          </fieldset>`
        : nothing}
      ${state.route === 'original' ? this.#renderFlows(state) : this.#renderCardAccount(state)}
      <label for="amount" class="field-label">${m.amount}</label>
      <div class="amount-row">
        <input id="amount" part="amount" inputmode="decimal" autocomplete="off" spellcheck="false"
          .value=${live(state.amountText)} aria-invalid=${String(issue !== undefined)} aria-describedby="amount-hint amount-error"
          @input=${(e: Event) => this.#flow.setAmount((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#onNext()} />
        <button part="secondary" type="button" @click=${() => this.#flow.fillMaximum()}>${m.all}</button>
      </div>
      <p id="amount-hint" class="muted small">${m.amountHint(max)}</p>
      <p id="amount-error" part="error" role="alert">${issue ? m.amountIssue(issue, max) : ''}</p>
      <div class="actions">
        <button part="secondary" type="button" @click=${this.#onCloseRequest}>${m.cancel}</button>
        <button part="primary" type="button" @click=${this.#onNext}>${m.next}</button>
      </div>`;
  }

  #renderFlows(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    const overview = state.overview as NonNullable<WithdrawState['overview']>;
    const locale = this.#kit.locale;
    const plan = new Map(this.#flow.plan().map((take) => [take.flow.id, take]));
    const picking = state.mode === 'pick';
    return html`<fieldset>
        <legend>${m.order}</legend>
        ${this.#radio('mode', 'lifo', !picking, m.lifo, () => this.#flow.setMode('lifo'))}
        ${this.#radio('mode', 'pick', picking, m.pick, () => this.#flow.setMode('pick'))}
      </fieldset>
      <div class="table-wrap">
        <table part="flows">
          <caption class="visually-hidden">${m.flows}</caption>
          <thead>
            <tr>
              ${picking ? html`<th scope="col"><span class="visually-hidden">${m.pick}</span></th>` : nothing}
              <th scope="col">${m.flowDate}</th>
              <th scope="col">${m.flowChannel}</th>
              <th scope="col" class="num">${m.flowOriginal}</th>
              <th scope="col" class="num">${m.flowLeft}</th>
              <th scope="col">${m.flowAccount}</th>
            </tr>
          </thead>
          <tbody>
            ${overview.flows.map((flow) => {
              const take = plan.get(flow.id);
              const account = overview.accounts.find((a) => a.id === flow.accountId);
              const date = formatDate(flow.receivedAt, locale);
              const blocked = take?.blocked === true;
              const noteId = `note-${flow.id}`;
              return html`<tr class=${blocked ? 'blocked' : ''}>
                  ${picking
                    ? html`<td><input type="checkbox" .checked=${live(state.picked.includes(flow.id))} aria-label=${m.pickFlow(date, this.#money(flow.withdrawableAmount, overview.currency))}
                        aria-describedby=${blocked ? noteId : nothing} @change=${() => this.#flow.togglePick(flow.id)} /></td>`
                    : nothing}
                  <td>${date}</td>
                  <td>${m.channel(flow.channel)}</td>
                  <td class="num">${this.#money(flow.originalAmount, overview.currency)}</td>
                  <td class="num">${this.#money(flow.withdrawableAmount, overview.currency)}${take ? html`<div class="takes">${m.takes(this.#money(take.amount, overview.currency))}</div>` : nothing}</td>
                  <td>${this.#accountLabel(account)}</td>
                </tr>
                ${blocked && account
                  ? html`<tr class="note">
                      <td colspan=${picking ? 6 : 5} id=${noteId} part="error">${m.nameMismatch(overview.companyRealName, account.holderName)}</td>
                    </tr>`
                  : nothing}`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  #renderCardAccount(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    const overview = state.overview as NonNullable<WithdrawState['overview']>;
    const accounts = overview.accounts.filter((a) => a.type === 'bank' && a.holderName === overview.companyRealName);
    if (accounts.length === 0) return html`<p part="error">${m.cardAccountNone}</p>`;
    return html`<label for="card-account" class="field-label">${m.cardAccount}</label>
      <select id="card-account" @change=${(e: Event) => this.#flow.chooseCardAccount((e.target as HTMLSelectElement).value)}>
        ${accounts.map((a) => html`<option value=${a.id} ?selected=${a.id === state.cardAccountId}>${this.#accountLabel(a)}</option>`)}
      </select>`;
  }

  #renderSummary(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    const overview = state.overview as NonNullable<WithdrawState['overview']>;
    const amount = this.#flow.amount() ?? 0;
    const plan = this.#flow.plan(amount);
    const busy = state.verifying || state.submitting;
    const error = state.submitError;
    const destinations = [...new Set(plan.map((take) => take.account))];
    return html`<h3 tabindex="-1" data-focus>${m.summaryTitle}</h3>
      <dl class="summary">
        <dt>${m.summaryAmount}</dt>
        <dd class="big">${this.#money(amount, overview.currency)}</dd>
        <dt>${m.summaryRoute}</dt>
        <dd>${state.route === 'original' ? m.routeOriginal(this.#money(overview.originalRouteAmount, overview.currency)) : m.routeCard(this.#money(overview.bankCardAmount, overview.currency))}</dd>
        <dt>${m.summaryFlows}</dt>
        <dd>
          <ul>
            ${plan.map((take) => html`<li>${formatDate(take.flow.receivedAt, this.#kit.locale)} · ${m.channel(take.flow.channel)} · ${this.#money(take.amount, overview.currency)}</li>`)}
          </ul>
        </dd>
        <dt>${m.summaryTo}</dt>
        <dd>
          <ul>
            ${destinations.map((account) => html`<li>${this.#accountLabel(account)}</li>`)}
          </ul>
        </dd>
      </dl>
      <p part="error" role="alert">${error ? this.#submitErrorText(error) : ''}</p>
      <p class="muted" aria-live="polite">${state.verifying ? m.verifying : state.submitting ? m.submitting : ''}</p>
      <div class="actions">
        <button part="secondary" type="button" aria-disabled=${String(busy)} @click=${() => this.#flow.back()}>${m.back}</button>
        <button part="primary" type="button" aria-busy=${String(busy)} @click=${() => void this.#flow.confirm()}>${error ? m.retry : m.confirm}</button>
      </div>`;
  }

  #renderDone(state: WithdrawState) {
    const m = withdrawMessages(this.#kit.locale);
    const result = state.result;
    if (!result) return nothing;
    return html`<h3 class="success" tabindex="-1" data-focus>${m.doneTitle}</h3>
      <dl class="summary">
        <dt>${m.summaryAmount}</dt>
        <dd class="big">${this.#money(result.amount, result.currency)}</dd>
        <dt>${m.reference}</dt>
        <dd><code>${result.referenceId}</code></dd>
        <dt>${m.arrival}</dt>
        <dd>${result.expectedArrival}</dd>
      </dl>
      <div class="actions"><button part="primary" type="button" @click=${this.#onCloseRequest}>${m.close}</button></div>`;
  }

  #renderDiscard() {
    const m = withdrawMessages(this.#kit.locale);
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

  #radio(name: string, value: string, checked: boolean, label: string, choose: () => void) {
    return html`<label class="choice"><input type="radio" name=${name} value=${value} .checked=${live(checked)} @change=${choose} />${label}</label>`;
  }

  #accountLabel(account: PayoutAccount | undefined): string {
    if (!account) return '—';
    const m = withdrawMessages(this.#kit.locale);
    const bank = account.type === 'bank' ? account.bankName ?? '' : m.channel(account.type === 'alipay' ? 'alipay' : 'wechat');
    return `${bank} ${account.maskedNumber}`.trim();
  }

  #money(minor: number, currency: string): string {
    return formatMoney(minor, this.#kit.locale, currency);
  }

  #errorText(error: KitError | undefined): string {
    return error ? withSupportCode(error, this.#kit.locale) : '';
  }

  #submitErrorText(error: KitError): string {
    const m = withdrawMessages(this.#kit.locale);
    // After a timeout or a 5xx the backend may have acted: say so, and that a retry is safe.
    return outcomeUnknown(error) ? `${this.#errorText(error)} ${m.unknownOutcome}` : this.#errorText(error);
  }

  #focusCurrentStep(): void {
    const root = this.shadowRoot;
    if (!root) return;
    const target = this.#flow.state.confirmingClose
      ? root.querySelector<HTMLElement>('[data-discard-focus]')
      : root.querySelector<HTMLElement>('.body [data-focus]');
    target?.focus();
  }

  async #verify(request: Parameters<WithdrawVerifier>[0]) {
    if (this.verifier) return this.verifier(request);
    const modal = this.renderRoot.querySelector('verification-code-modal') as VerificationCodeModal;
    const action = withdrawMessages(this.#kit.locale).verifyAction(this.#money(request.amount, request.currency));
    return modal.confirm({ purpose: request.purpose, action });
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

  #onBranchSearch = (event: Event): void => {
    const query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    // Searched on the server as the user types, a moment after the last key: thousands of branches stay fast.
    this.#searchTimer = setTimeout(() => void this.#flow.searchBranches(query), 200);
  };

  #onCloseRequest = (): void => {
    const done = this.#flow.state.step === 'done';
    if (this.#flow.requestClose()) this.#hide(done);
  };

  #onDiscard = (): void => {
    this.#flow.discard();
    this.#hide(false);
  };

  #onEscape = (event: Event): void => {
    event.preventDefault();
    if (this.#flow.state.confirmingClose) this.#flow.keepEditing();
    else this.#onCloseRequest();
  };

  #onClosed = (event: Event): void => {
    if (this.open && !(event.target as HTMLDialogElement).open) this.#onCloseRequest();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'withdraw-dialog': WithdrawDialog;
  }
  interface GlobalEventHandlersEventMap {
    'withdrawal-submitted': CustomEvent<WithdrawalSubmittedDetail>;
    'withdrawal-cancelled': CustomEvent<WithdrawalCancelledDetail>;
  }
}
