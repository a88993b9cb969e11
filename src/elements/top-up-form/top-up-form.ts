import { LitElement, html, type PropertyValues } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import { formatMoney } from '../../core/money.js';
import { TopUpFlow } from '../../core/payments/top-up-flow.js';
import type { CompletedTopUp, OpenTopUp, RedirectPaymentAction, TopUpState } from '../../core/payments/top-up-state.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';
import { buttons, fields, states } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import { watchLoadFailed } from '../events.js';
import { qrFigure, qrFigureStyles } from '../qr-figure.js';
import { topUpFormStyles } from './top-up-form.styles.js';

/** Detail of `top-up-completed`: the top-up and the account balance it left, in minor units. */
export type TopUpCompletedDetail = CompletedTopUp;

/** Detail of `top-up-redirect`: the payment page the payer goes to; cancel the event to open it yourself. */
export interface TopUpRedirectDetail {
  topUpId: string;
  paymentId: string;
  url: string;
}

/**
 * Tops up the partner account online: the amount (parsed as every amount of the kit), then the
 * payment action the backend answers: a payment page, or a QR code drawn inline with its expiry
 * countdown. The payment's status is polled until it is paid, expired or failed; "I have paid"
 * checks at once. A top-up is opened once however often Next is pressed; a lost answer freezes it
 * until it is checked or the same top-up is sent again.
 *
 * @summary Tops up the partner account by QR code or payment page.
 *
 * @event {CustomEvent<TopUpCompletedDetail>} top-up-completed - The top-up was paid; once per top-up, with the new balance.
 * @event {CustomEvent<TopUpRedirectDetail>} top-up-redirect - The payment continues on a payment page; cancelable: the element navigates only if not prevented. Once per top-up.
 * @event {CustomEvent<LoadFailedDetail>} top-up-form-load-failed - The form cannot be used (no adapter under `require-api`).
 *
 * @csspart form - The amount form.
 * @csspart error - Why the amount or the top-up was refused.
 * @csspart qr - The payment QR code.
 * @csspart payment - The payment step: code or page link, countdown, "I have paid".
 * @csspart result - What became of the payment.
 *
 * @cssproperty --pk-qr-size - Width of the QR code. Default 12rem.
 */
export class TopUpForm extends LitElement {
  static override styles = [token.base, buttons, fields, states, qrFigureStyles, topUpFormStyles];

  static override properties = {
    api: { attribute: false },
    locale: {},
    currency: {},
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** The currency the amount is typed in. Unset: the provider's, else CNY. */
  declare currency: string | undefined;

  readonly #kit = new KitController(this);
  readonly #events = new ConnectedEmitter(this);
  readonly #flow = new TopUpFlow({
    api: () => this.#kit.api(),
    currency: () => this.#kit.currency,
    onRedirect: (topUp) => this.#redirect(topUp),
    onCompleted: (completed) => this.#events.emit<TopUpCompletedDetail>('top-up-completed', completed),
  });
  readonly #view = new FlowController(this, this.#flow);
  readonly #ticker = new TickerController(this, { ms: 1000, onTick: () => this.#flow.tick() });
  #shownStep: TopUpState['step'] | undefined;

  constructor() {
    super();
    watchLoadFailed(this, this.#flow, (state) => (state.step === 'load-failed' ? state.error : undefined));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first render: a provider in the same template hands over its settings in its own first update.
    void this.updateComplete.then(() => this.#flow.start());
  }

  protected override willUpdate(): void {
    if (this.#view.state.step === 'awaiting-payment' && !this.#ticker.running) this.#ticker.start();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { step } = this.#view.state;
    if (step === this.#shownStep) return;
    // The control that was pressed is gone with its step: take focus to the new step, not the page.
    const lost = !this.shadowRoot?.activeElement && (document.activeElement === document.body || document.activeElement === this);
    if (this.#shownStep !== undefined && lost) this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    this.#shownStep = step;
  }

  protected override render() {
    const m = topUpMessages(this.#kit.locale);
    return html`${this.#kit.renderDemoMarker()}<section aria-labelledby="title"><h2 id="title">${m.title}</h2>${this.#renderStep(this.#view.state)}</section>`;
  }

  #renderStep(state: TopUpState) {
    const { locale } = this.#kit;
    const m = topUpMessages(locale);
    switch (state.step) {
      case 'idle':
        return html`<p role="status">${m.loading}</p>`;
      case 'load-failed':
        return html`<div class="error-state" role="alert">
          <p>${m.loadFailed} ${withSupportCode(state.error, locale)}</p>
          <button type="button" data-focus @click=${() => void this.#flow.start()}>${m.retry}</button>
        </div>`;
      case 'editing':
      case 'creating':
        return this.#renderForm(state);
      case 'outcome-unknown':
        return html`<div part="result" class="result">
          <h3 data-focus tabindex="-1">${m.unknownTitle}</h3>
          <p>${m.amount}: ${state.amount}</p>
          <p role="alert">${state.checked ? m.stillUnknown : m.unknownText}</p>
          <div class="actions">
            <button type="button" class="primary" aria-busy=${String(state.checking)} @click=${() => void this.#flow.check()}>${m.check}</button>
            <button type="button" ?disabled=${state.checking} @click=${() => void this.#flow.retry()}>${m.sendAgain}</button>
          </div>
        </div>`;
      case 'awaiting-payment':
        return this.#renderPayment(state);
      case 'paid': {
        const { completed } = state;
        return html`<div part="result" class="result">
          <p role="status" data-focus tabindex="-1">${m.paid(formatMoney(completed.amount, locale, completed.currency), formatMoney(completed.balance, locale, completed.currency))}</p>
          <button type="button" @click=${() => this.#flow.startOver()}>${m.again}</button>
        </div>`;
      }
      case 'expired':
      case 'failed':
        return html`<div part="result" class="result">
          <p role="alert" data-focus tabindex="-1">${state.step === 'expired' ? m.expired : m.failed}</p>
          <button type="button" class="primary" @click=${() => this.#flow.startOver()}>${m.again}</button>
        </div>`;
    }
  }

  #renderForm(state: Extract<TopUpState, { step: 'editing' | 'creating' }>) {
    const { locale } = this.#kit;
    const m = topUpMessages(locale);
    const creating = state.step === 'creating';
    const issue = state.step === 'editing' ? state.issue : undefined;
    const refusal = state.step === 'editing' ? state.refusal : undefined;
    const submit = (event: Event) => {
      event.preventDefault();
      void this.#flow.next();
    };
    return html`<form part="form" novalidate @submit=${submit}>
      <div class="field">
        <label for="amount">${m.amount}</label>
        <input id="amount" data-focus inputmode="decimal" autocomplete="off" maxlength="40" .value=${state.amount} ?readonly=${creating}
          aria-invalid=${String(issue !== undefined)} aria-describedby="amount-hint amount-error"
          @input=${(e: Event) => this.#flow.setAmount((e.target as HTMLInputElement).value)} />
        <p id="amount-hint" class="hint">${m.amountHint}</p>
        <p id="amount-error" class="error" part="error" role="alert">${issue ? m.amountIssue(issue) : refusal ? withSupportCode(refusal, locale) : ''}</p>
      </div>
      <p class="hint" aria-live="polite">${creating ? m.creating : ''}</p>
      <button type="submit" class="primary" aria-busy=${String(creating)}>${m.next}</button>
    </form>`;
  }

  #renderPayment(state: Extract<TopUpState, { step: 'awaiting-payment' }>) {
    const { locale } = this.#kit;
    const m = topUpMessages(locale);
    const { topUp } = state;
    const amount = formatMoney(topUp.amount, locale, topUp.currency);
    const left = this.#flow.secondsLeft();
    const action =
      topUp.action.kind === 'qr'
        ? html`<p data-focus tabindex="-1">${m.scan(amount)}</p>
            ${qrFigure(topUp.action.payload, m.qr)}
            <p class="countdown">${left ? m.expiresIn(left) : m.expiredNow}</p>`
        : html`<p data-focus tabindex="-1">${m.redirected(amount)}</p>
            <p><a href=${topUp.action.url} target="_blank" rel="noopener noreferrer">${m.openPage}</a></p>`;
    return html`<div part="payment" class="payment">
      ${action}
      <p class="hint" aria-live="polite">${state.checking ? m.checking : state.error ? m.pollFailed : m.waiting}</p>
      <button type="button" class="primary" aria-busy=${String(state.checking)} @click=${() => void this.#flow.checkPayment()}>${m.havePaid}</button>
    </div>`;
  }

  /**
   * Navigates to the payment page unless the host cancels the event to open it its own way. A form
   * taken off the page meanwhile navigates nowhere: its page link stays for when it comes back.
   */
  #redirect(topUp: OpenTopUp & { action: RedirectPaymentAction }): void {
    if (!this.isConnected) return;
    const detail: TopUpRedirectDetail = { topUpId: topUp.topUpId, paymentId: topUp.action.paymentId, url: topUp.action.url };
    const event = new CustomEvent<TopUpRedirectDetail>('top-up-redirect', { detail, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) window.location.assign(topUp.action.url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'top-up-form': TopUpForm;
  }
  interface GlobalEventHandlersEventMap {
    'top-up-completed': CustomEvent<TopUpCompletedDetail>;
    'top-up-redirect': CustomEvent<TopUpRedirectDetail>;
  }
}
