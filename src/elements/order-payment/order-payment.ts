import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import { OrderPaymentFlow, type OrderPaymentVerifier } from '../../core/payments/order-payment-flow.js';
import type { OrderPaymentReady, OrderTask, PaidOrder } from '../../core/payments/order-payment-state.js';
import { formatMoney } from '../../core/money.js';
import { outcomeUnknown, type KitError } from '../../model/errors.js';
import type { PaymentAction, PendingOrder } from '../../model/schemas/payments.js';
import { REJECT_REASON_MAX } from '../../model/rules/payments.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { API_CHANGE_EVENT, KitController } from '../../controllers/kit-controller.js';
import { focusWithin } from '../../controllers/focus-within-controller.js';
import { RetryFocusController } from '../../controllers/retry-focus-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { rateLimitWait, withSupportCode } from '../../i18n/error-messages.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { orderPaymentMessages } from '../../i18n/messages/order-payment.js';
import { badges, buttons, fields, states, table } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import { watchLoadFailed } from '../events.js';
import { qrFigure, qrFigureStyles } from '../qr-figure.js';
import '../../masked-field.js';
import { orderPaymentStyles } from './order-payment.styles.js';

/** Detail of `order-paid`: the order and what was paid. */
export type OrderPaidDetail = PaidOrder;

/** Detail of `order-payment-redirect`: where an online payment continues; cancel the event to navigate yourself. */
export interface OrderPaymentRedirectDetail {
  orderId: string;
  url: string;
}

/**
 * Detail of `top-up-requested`: the balance falls short of an order (`orderId`) or of the selected
 * orders (no `orderId`) by `shortfall` minor units.
 */
export interface OrderPaymentTopUpRequestedDetail {
  orderId?: string;
  shortfall: number;
  currency: string;
}

/**
 * The orders customers asked the partner to pay (代支付): pay one from the balance or online, pay
 * several as a rate-limited job, reject a request with a reason, or — when an order's service has
 * started — tell the customer to order again. Each order is paid at most once, whatever the
 * clicks, retries and reopenings; a lost answer freezes that order until it is checked.
 *
 * @summary Pays customers' orders on their behalf.
 * @dependency verification-code-modal
 * @dependency masked-field
 *
 * @event {CustomEvent<OrderPaidDetail>} order-paid - An order was paid (or a check found it was); once per order.
 * @event {CustomEvent<OrderPaymentRedirectDetail>} order-payment-redirect - An online payment continues on a payment page; cancelable: the element navigates only if not prevented.
 * @event {CustomEvent<OrderPaymentTopUpRequestedDetail>} top-up-requested - The user asked to top up what the balance lacks; the host opens its top-up, e.g. a `<top-up-form>`, and reloads the orders after `top-up-completed`.
 * @event {CustomEvent<LoadFailedDetail>} order-payment-load-failed - The orders could not be loaded.
 *
 * @csspart table - The orders.
 * @csspart task - The panel of the order being paid or rejected.
 * @csspart job - The pay-many job and its per-order results.
 * @csspart qr - The QR code of an online payment.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-qr-size - Width of the payment QR code. Default 12rem.
 */
export class OrderPayment extends KitElement {
  static override styles = [token.base, buttons, fields, table, badges, states, qrFigureStyles, orderPaymentStyles];

  static override properties = {
    api: { attribute: false },
    locale: {},
    verifier: { attribute: false },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Asks for the verification code instead of the built-in `<verification-code-modal>`. */
  declare verifier: OrderPaymentVerifier | undefined;

  readonly #kit = new KitController(this);
  readonly #focus = focusWithin(this);
  readonly #retryFocus = new RetryFocusController(this);
  readonly #events = new ConnectedEmitter(this);
  readonly #verifier = new VerifierController<Parameters<OrderPaymentVerifier>[0]>(this, (request) =>
    orderPaymentMessages(this.#kit.locale).verifyAction(formatMoney(request.amount, this.#kit.locale, request.currency)),
  );
  readonly #flow = new OrderPaymentFlow({
    api: () => this.#kit.api(),
    verify: (request) => this.#verifier.verify(request),
    onPaid: (result) => this.#events.emit<OrderPaidDetail>('order-paid', result),
  });
  readonly #view = new FlowController(this, this.#flow);
  /** The task last rendered, to tell when focus must follow it. */
  #shownTask: { orderId: string; phase: OrderTask['phase'] } | undefined;

  constructor() {
    super();
    watchLoadFailed(this, this.#flow, (state) => (state.step === 'load-failed' ? state.error : undefined));
    this.addEventListener(API_CHANGE_EVENT, () => void this.refresh());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#flow.state.step === 'idle') void this.#flow.load();
  }

  /** Loads the orders and balances again, e.g. after a top-up; an order being paid stays as it is. */
  refresh(): Promise<void> {
    return this.#flow.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.#view.state;
    const task = state.step === 'ready' ? state.task : undefined;
    const before = this.#shownTask;
    if (task?.orderId === before?.orderId && task?.phase === before?.phase) return;
    this.#shownTask = task && { orderId: task.orderId, phase: task.phase };
    // The control that was pressed may be gone with its phase: take focus on, not to the page.
    const { lost } = this.#focus;
    const root = this.renderRoot;
    if (task && (task.orderId !== before?.orderId || lost)) root.querySelector<HTMLElement>('[data-focus]')?.focus();
    else if (!task && before && lost) (root.querySelector<HTMLElement>(`[data-pay="${before.orderId}"]`) ?? root.querySelector<HTMLElement>('[part=table]') ?? root.querySelector<HTMLElement>('#title'))?.focus();
  }

  protected override render() {
    const m = orderPaymentMessages(this.#kit.locale);
    const state = this.#view.state;
    let body;
    if (state.step === 'ready') body = this.#renderReady(state);
    else if (state.step === 'load-failed')
      body = html`<div class="error-state" role="alert"><p>${m.loadFailed} ${withSupportCode(state.error, this.#kit.locale)}</p><button type="button" aria-disabled=${String(rateLimitWait(state.error) > 0)} @click=${this.#retryFocus.press(() => this.#flow.load(), state.error)}>${m.retry}</button></div>`;
    else body = html`<p role="status">${m.loading}</p>`;
    return html`${this.#kit.renderDemoMarker()}<section aria-labelledby="title"><h2 id="title" tabindex="-1" data-retry-focus>${m.title}</h2>${body}</section>${this.#verifier.render()}`;
  }

  #renderReady(state: OrderPaymentReady) {
    const { locale } = this.#kit;
    const m = orderPaymentMessages(locale);
    const { overview } = state;
    const money = (minor: number) => formatMoney(minor, locale, overview.currency);
    return html`<p>${m.balances(money(overview.accountBalance), money(overview.allocatableBalance))}</p>
      ${state.task ? this.#renderTask(state.task) : nothing}
      ${overview.orders.length === 0
        ? html`<p class="empty">${m.empty}</p>`
        : html`<div class="table-wrap">
            <div class="table" part="table" role="table" tabindex="-1" aria-label=${m.title}>
              <div class="thead" role="rowgroup">
                <div class="tr" role="row">
                  <span class="th" role="columnheader"><span class="visually-hidden">${m.selectColumn}</span></span>
                  <span class="th order" role="columnheader">${m.order}</span>
                  <span class="th" role="columnheader">${m.customer}</span>
                  <span class="th" role="columnheader">${m.product}</span>
                  <span class="th num" role="columnheader">${m.amount}</span>
                  <span class="th" role="columnheader">${m.serviceStart}</span>
                  <span class="th" role="columnheader">${m.deadline}</span>
                  <span class="th sticky-end" role="columnheader"><span class="visually-hidden">${m.actions}</span></span>
                </div>
              </div>
              <div class="tbody" role="rowgroup">${overview.orders.map((order) => this.#renderRow(order, state))}</div>
            </div>
          </div>`}
      ${this.#renderSelection(state)}`;
  }

  #renderRow(order: PendingOrder, state: OrderPaymentReady) {
    const { locale } = this.#kit;
    const m = orderPaymentMessages(locale);
    const started = this.#flow.startPassed(order);
    const busy = state.job?.running ?? false;
    const selected = state.selected.includes(order.id);
    return html`<div class="tr" role="row" aria-selected=${String(selected)} data-key=${order.id}>
      <span class="td select" role="cell" data-label=${m.selectColumn}
        ><label class="choice"
          ><input type="checkbox" aria-label=${m.select(order.id)} .checked=${live(selected)} ?disabled=${started || busy} @change=${() => this.#flow.toggleSelect(order.id)} /></label
      ></span>
      <span class="td order" role="cell" data-label=${m.order}>${order.id}</span>
      <span class="td" role="cell" data-label=${m.customer}
        ><masked-field kind="name" .masked=${order.maskedCustomer} reveal-resource="customer" reveal-id=${order.customerId} .api=${this.api} locale=${locale}></masked-field
      ></span>
      <span class="td" role="cell" data-label=${m.product}>${order.product}</span>
      <span class="td num" role="cell" data-label=${m.amount}>${formatMoney(order.amount, locale, order.currency)}</span>
      <span class="td" role="cell" data-label=${m.serviceStart}><span class="when">${formatDateTime(order.serviceStartAt, locale)}</span>${started ? html`<span class="badge warning">${m.started}</span>` : nothing}</span>
      <span class="td" role="cell" data-label=${m.deadline}><span class="when">${formatDateTime(order.paymentDeadline, locale)}</span></span>
      <span class="td sticky-end" role="cell">
        <span class="row-actions">
          <button type="button" class="primary small" data-pay=${order.id} aria-label=${`${m.pay} ${order.id}`} @click=${() => this.#flow.open(order.id)}>${m.pay}</button>
          <button type="button" class="small" aria-label=${`${m.reject} ${order.id}`} @click=${() => this.#flow.beginReject(order.id)}>${m.reject}</button>
        </span>
      </span>
    </div>`;
  }

  #renderTask(task: OrderTask) {
    const { locale } = this.#kit;
    const m = orderPaymentMessages(locale);
    const order = this.#flow.order(task.orderId);
    const close = html`<button type="button" @click=${() => this.#flow.close()}>${m.close}</button>`;
    let content;
    switch (task.phase) {
      case 'choosing':
      case 'verifying':
      case 'submitting': {
        if (!order) return nothing;
        const busy = task.phase !== 'choosing';
        const block = task.phase === 'choosing' ? task.block : undefined;
        const refusal = task.phase === 'choosing' ? task.refusal : undefined;
        content = html`<fieldset ?disabled=${busy}>
            <legend>${m.method}</legend>
            <label class="choice"><input type="radio" name="method" .checked=${task.method.type === 'balance'} @change=${() => this.#flow.setMethod({ type: 'balance' })} />${m.balance}</label>
            ${order.onlineChannels.map(
              (channel) =>
                html`<label class="choice"><input type="radio" name="method" .checked=${task.method.type === 'online' && task.method.channel === channel} @change=${() => this.#flow.setMethod({ type: 'online', channel })} />${m.online(channel)}</label>`,
            )}
          </fieldset>
          <p class="estimate">${m.rebate(formatMoney(order.estimatedRebate, locale, order.currency))}<span class="note">${m.rebateNote}</span></p>
          <p role="alert">${block ? m[block] : refusal ? this.#refusal(refusal) : ''}</p>
          ${block === 'balance-insufficient' || block === 'allocatable-insufficient' || refusal?.code === 'insufficient-funds' ? this.#topUpOffer(order.id, order.amount) : nothing}
          <p aria-live="polite">${task.phase === 'verifying' ? m.verifying : task.phase === 'submitting' ? m.submitting : ''}</p>
          <div class="actions">
            <button type="button" class="primary" aria-busy=${String(busy)} @click=${() => void this.#flow.confirm()}>${m.confirm} ${formatMoney(order.amount, locale, order.currency)}</button>
            ${busy ? nothing : close}
          </div>`;
        break;
      }
      case 'outcome-unknown':
        content = html`<h3>${m.unknownTitle}</h3>
          <p role="alert">${task.checked ? m.stillUnknown : m.unknownText}</p>
          <div class="actions">
            <button type="button" aria-busy=${String(task.checking)} @click=${() => void this.#flow.check()}>${m.check}</button>
            <button type="button" class="primary" @click=${() => void this.#flow.confirm()}>${m.payAgain}</button>
            ${close}
          </div>`;
        break;
      case 'paid':
        content = html`<p role="status">${m.paid(formatMoney(task.result.amount, locale, task.result.currency))}</p>${close}`;
        break;
      case 'action':
        content =
          task.action.kind === 'qr'
            ? html`<p>${m.scanToPay}</p>${qrFigure(task.action.payload, m.qr)}<p>${m.qrExpires(formatDateTime(task.action.expiresAt, locale))}</p>${close}`
            : html`<div class="actions"><button type="button" class="primary" @click=${() => this.#redirect(task.orderId, task.action)}>${m.redirect}</button>${close}</div>`;
        break;
      case 'start-passed':
        content = html`<p role="alert">${m['start-passed']}</p>
          <p role="status">${task.notified ? m.notified : task.error ? withSupportCode(task.error, locale) : ''}</p>
          <div class="actions">
            ${task.notified ? nothing : html`<button type="button" class="primary" aria-busy=${String(task.notifying)} @click=${() => void this.#flow.notifyCustomer()}>${task.notifying ? m.notifying : m.notify}</button>`}
            ${close}
          </div>`;
        break;
      case 'rejecting': {
        // A rejection that may have gone through is sent again as it was, or it would be a second one.
        const frozen = task.error !== undefined && outcomeUnknown(task.error);
        const refused = task.error ? reasonRefusal(task.error, m) : undefined;
        const error = !task.error ? '' : (refused ?? (frozen ? m.rejectUnknown : this.#refusal(task.error)));
        // Twice the limit, so a longer paste arrives whole and is refused with a message rather than cut unseen.
        content = html`<label for="reason">${m.rejectReason}</label>
          <textarea id="reason" maxlength=${REJECT_REASON_MAX * 2} aria-describedby="reason-hint reason-error" aria-invalid=${String(refused !== undefined)}
            .value=${task.reason} ?disabled=${task.busy} ?readonly=${frozen}
            @input=${(e: Event) => this.#flow.setReason((e.target as HTMLTextAreaElement).value)}></textarea>
          <p id="reason-hint" class="hint">${m.reasonHint(REJECT_REASON_MAX)}</p>
          <p id="reason-error" class="error" role="alert">${error}</p>
          <div class="actions"><button type="button" class="primary" aria-busy=${String(task.busy)} @click=${this.#reject}>${m.rejectConfirm}</button>${close}</div>`;
        break;
      }
      case 'rejected':
        content = html`<p role="status">${m.rejected}</p>${close}`;
        break;
    }
    return html`<section class="task" part="task" aria-label=${task.orderId}><h3 data-focus tabindex="-1">${task.orderId}</h3>${content}</section>`;
  }

  /** Rejects; a reason refused at the field takes focus, whose message says why. */
  #reject = async (): Promise<void> => {
    await this.#flow.reject();
    const task = this.#flow.state.step === 'ready' ? this.#flow.state.task : undefined;
    if (task?.phase !== 'rejecting' || !task.error || task.error.code !== 'validation') return;
    await this.drawn;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.focus();
  };

  #renderSelection(state: OrderPaymentReady) {
    const { locale } = this.#kit;
    const m = orderPaymentMessages(locale);
    const { job } = state;
    const selection = this.#flow.selection();
    const outcomes = job ? [...job.outcomes] : [];
    const failed = outcomes.some(([, o]) => o.status === 'failed' || o.status === 'unknown');
    if (state.selected.length === 0 && !job) return nothing;
    return html`<section class="job" part="job" aria-label=${m.payMany}>
      <p>${m.selected(state.selected.length, formatMoney(selection.total, locale, state.overview.currency))}</p>
      <p role="alert">${selection.shortfall ? m[selection.shortfall] : ''}</p>
      ${selection.shortfall ? this.#topUpOffer(undefined, selection.total) : nothing}
      ${job
        ? html`<p role="status">${m.jobProgress(outcomes.filter(([, o]) => o.status === 'paid').length, outcomes.length)}</p>
            <ul>
              ${outcomes.map(([id, o]) => html`<li>${id}: ${m.outcome(o.status)}${'error' in o ? html` — ${this.#refusal(o.error)}` : nothing}</li>`)}
            </ul>`
        : nothing}
      <div class="actions">
        <button type="button" class="primary" aria-busy=${String(job?.running ?? false)} ?disabled=${state.selected.length === 0 || !!selection.shortfall} @click=${() => void this.#flow.payMany()}>${m.payMany}</button>
        ${failed && !job?.running ? html`<button type="button" @click=${() => void this.#flow.retryFailed()}>${m.retryFailed}</button>` : nothing}
      </div>
    </section>`;
  }

  #refusal(error: KitError): string {
    const m = orderPaymentMessages(this.#kit.locale);
    const key = `refusal:${error.reason ?? error.code}` as keyof typeof m;
    const own = m[key];
    return withSupportCode(error, this.#kit.locale, typeof own === 'string' ? own : undefined);
  }

  /** "Top up" for what the balance lacks: the host opens its top-up (e.g. a `<top-up-form>`) on the event. */
  #topUpOffer(orderId: string | undefined, amount: number) {
    const state = this.#view.state;
    if (state.step !== 'ready') return nothing;
    const { overview } = state;
    const shortfall = amount - Math.min(overview.accountBalance, overview.allocatableBalance);
    const detail: OrderPaymentTopUpRequestedDetail = { ...(orderId ? { orderId } : {}), shortfall, currency: overview.currency };
    return html`<button type="button" @click=${() => this.#events.emit<OrderPaymentTopUpRequestedDetail>('top-up-requested', detail)}>
      ${orderPaymentMessages(this.#kit.locale).topUp(formatMoney(shortfall, this.#kit.locale, overview.currency))}
    </button>`;
  }

  #redirect(orderId: string, action: PaymentAction): void {
    if (action.kind !== 'redirect') return;
    const event = new CustomEvent<OrderPaymentRedirectDetail>('order-payment-redirect', { detail: { orderId, url: action.url }, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) window.location.assign(action.url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'order-payment': OrderPayment;
  }
  interface GlobalEventHandlersEventMap {
    'order-paid': CustomEvent<OrderPaidDetail>;
    'order-payment-redirect': CustomEvent<OrderPaymentRedirectDetail>;
    'top-up-requested': CustomEvent<OrderPaymentTopUpRequestedDetail>;
  }
}

/** The words of a reason refused at the field, or `undefined` for any other error. */
function reasonRefusal(error: KitError, m: ReturnType<typeof orderPaymentMessages>): string | undefined {
  if (error.reason === 'reason-missing') return m.reasonMissing;
  if (error.reason === 'reason-too-long') return m.reasonTooLong(REJECT_REASON_MAX);
  if (error.reason === 'reason-hidden-characters') return m.reasonHidden;
  return undefined;
}
