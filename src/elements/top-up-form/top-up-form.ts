import { html, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import { TopUpFlow } from '../../core/payments/top-up-flow.js';
import type { CompletedTopUp, OpenTopUp, RedirectPaymentAction } from '../../core/payments/top-up-state.js';
import type { RemittanceClaim } from '../../model/schemas/remittance.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { API_CHANGE_EVENT, KitController } from '../../controllers/kit-controller.js';
import { focusWithin } from '../../controllers/focus-within-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { VerifierController, type Verifier } from '../../controllers/verifier-controller.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';
import { badges, buttons, fields, pager, states, table } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import { watchLoadFailed } from '../events.js';
import { qrFigureStyles } from '../qr-figure.js';
import { LazyWay } from './lazy-way.js';
import { renderOnline } from './online-panel.js';
import { topUpFormStyles } from './top-up-form.styles.js';
import { TOP_UP_VIEWS, renderPanel, renderTabs, topUpView, type TopUpView } from './view-tabs.js';
import type { LoadedView, WayContext } from './way.js';

/** Detail of `top-up-completed`: the top-up and the account balance it left, in minor units. */
export type TopUpCompletedDetail = CompletedTopUp;

/** Detail of `top-up-redirect`: the payment page the payer goes to; cancel the event to open it yourself. */
export interface TopUpRedirectDetail {
  topUpId: string;
  paymentId: string;
  url: string;
}

/** Detail of `remittance-account-enabled`: when the dedicated account was issued (never its number). */
export interface RemittanceAccountEnabledDetail {
  enabledAt: string;
}

/** Detail of `remittance-claimed`: the claim made, in minor units; it is reviewed before the money counts. */
export interface RemittanceClaimedDetail {
  claimId: string;
  remittanceId: string;
  amount: number;
  currency: string;
  status: RemittanceClaim['status'];
}

/** What the code dialog is asked for: enabling the remittance account. */
export type TopUpVerifier = Verifier<{ purpose: 'remittance-account' }>;

/**
 * Tops up the partner account three ways, as tabs (`view`). **Online**: the amount (parsed as every
 * amount of the kit), then the payment action the backend answers: a payment page, or a QR code
 * drawn inline with its expiry countdown, polled until paid, expired or failed; opened once however
 * often Next is pressed, a lost answer frozen until checked. **Bank transfer**: the dedicated
 * remittance account, enabled behind a verification code, with its number masked (revealed and
 * copied through the audited reveal), its reference, details by SMS, the account proof, up to five
 * payers on the partner's behalf and the transfers to it. **Claim**: find an offline remittance by
 * remitter, account or amount and claim it with a transfer voucher (JPG, PNG or PDF up to 5 MB,
 * checked before upload), once whatever the clicks; the claim records show each review. The code
 * of the bank-transfer and claim ways is fetched the first time their tab is shown, so a page that
 * only tops up online never downloads it (`updateComplete` waits for it).
 *
 * @summary Tops up the partner account online, by bank transfer, or by claiming a remittance.
 * @dependency verification-code-modal
 * @dependency masked-field
 *
 * @event {CustomEvent<TopUpCompletedDetail>} top-up-completed - The top-up was paid; once per top-up, with the new balance.
 * @event {CustomEvent<TopUpRedirectDetail>} top-up-redirect - The payment continues on a payment page; cancelable: the element navigates only if not prevented. Once per top-up.
 * @event {CustomEvent<RemittanceAccountEnabledDetail>} remittance-account-enabled - The dedicated remittance account was enabled (or a check found it was); once.
 * @event {CustomEvent<RemittanceClaimedDetail>} remittance-claimed - An offline remittance was claimed (or a check found it was); once per claim. The claim is then under review.
 * @event {CustomEvent<LoadFailedDetail>} top-up-form-load-failed - The form cannot be used (no adapter under `require-api`).
 *
 * @csspart tabs - The tab list of the three ways.
 * @csspart panel - The shown way's panel.
 * @csspart form - The amount form.
 * @csspart error - Why the amount, the search or the top-up was refused.
 * @csspart qr - The payment QR code.
 * @csspart payment - The payment step: code or page link, countdown, "I have paid".
 * @csspart result - What became of the payment, the enabling or the claim.
 * @csspart enable - The "Verify and enable" step of the remittance account.
 * @csspart account - The remittance account's details.
 * @csspart payers - The payer-on-behalf names.
 * @csspart transfers - The transfers to the remittance account.
 * @csspart search - The offline-remittance search.
 * @csspart results - The remittances the search found.
 * @csspart claim - The claim form: amount and voucher.
 * @csspart records - The claim records.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-qr-size - Width of the QR code. Default 12rem.
 */
export class TopUpForm extends KitElement {
  static override styles = [token.base, buttons, fields, table, badges, pager, states, qrFigureStyles, topUpFormStyles];

  static override properties = {
    api: { attribute: false },
    locale: {},
    currency: {},
    view: {},
    verifier: { attribute: false },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** The currency the amount is typed in. Unset: the provider's, else CNY. */
  declare currency: string | undefined;
  /** The way shown: `online` (default), `transfer` (the dedicated remittance account) or `claim` (an offline remittance). The tabs change it. */
  declare view: TopUpView;
  /** Asks for the code that enables the remittance account instead of the built-in `<verification-code-modal>`. */
  declare verifier: TopUpVerifier | undefined;

  readonly #kit = new KitController(this);
  readonly #focus = focusWithin(this);
  readonly #events = new ConnectedEmitter(this);
  readonly #verifier = new VerifierController<{ purpose: 'remittance-account' }>(this, () => topUpMessages(this.#kit.locale).verifyAction);
  readonly #flow = new TopUpFlow({
    api: () => this.#kit.api(),
    currency: () => this.#kit.currency,
    onRedirect: (topUp) => this.#redirect(topUp),
    onCompleted: (completed) => this.#events.emit<TopUpCompletedDetail>('top-up-completed', completed),
  });
  readonly #online = new FlowController(this, this.#flow);
  readonly #ticker = new TickerController(this, { ms: 1000, onTick: () => this.#flow.tick() });
  readonly #context: WayContext = { host: this, kit: this.#kit, events: this.#events, verifier: this.#verifier, focus: (selector) => this.#focusAfterUpdate(selector) };
  /** The other two ways come with `import()` the first time they are shown: a page that only tops up online never fetches them. */
  readonly #ways: Record<LoadedView, LazyWay> = { transfer: new LazyWay('transfer', this.#context), claim: new LazyWay('claim', this.#context) };
  /** The view and step last rendered, to tell when focus must follow a step that replaced the pressed control. */
  #shown: { view: TopUpView; step: string | undefined } | undefined;
  #focusTab = false;

  constructor() {
    super();
    this.view = 'online';
    watchLoadFailed(this, this.#flow, (state) => (state.step === 'load-failed' ? state.error : undefined));
    this.addEventListener(API_CHANGE_EVENT, () => void this.#flow.retryStart());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first render: a provider in the same template hands over its settings in its own first update.
    void this.updateComplete.then(() => this.#flow.start());
  }

  protected override willUpdate(): void {
    const view = topUpView(this.view);
    // Loading here, not after the update: the first state change is drawn in this same update.
    this.#ways.transfer.prepare(view === 'transfer');
    this.#ways.claim.prepare(view === 'claim');
    if (this.#online.state.step === 'awaiting-payment' && !this.#ticker.running) this.#ticker.start();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const view = topUpView(this.view);
    const step = this.#step(view);
    const before = this.#shown;
    this.#shown = { view, step };
    if (this.#focusTab) {
      this.#focusTab = false;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
      return;
    }
    if (!before || before.view !== view || before.step === undefined || before.step === step) return;
    // The control that was pressed is gone with its step: take focus to the new step, not the page.
    if (this.#focus.lost) this.renderRoot.querySelector<HTMLElement>('#panel [data-focus]')?.focus();
  }

  protected override render() {
    const { locale } = this.#kit;
    const m = topUpMessages(locale);
    const view = topUpView(this.view);
    const names = { online: m.viewOnline, transfer: m.viewTransfer, claim: m.viewClaim };
    return html`${this.#kit.renderDemoMarker()}<section aria-labelledby="title" @submit=${this.#focusRefused}>
        <h2 id="title">${m.title}</h2>
        ${renderTabs(view, m.ways, names, (chosen, byKey) => this.#select(chosen, byKey))} ${renderPanel(view, this.#renderView(view))}
      </section>
      ${this.#verifier.render()}`;
  }

  #renderView(view: TopUpView) {
    const { locale } = this.#kit;
    return view === 'online' ? renderOnline(this.#flow, this.#online.state, locale) : this.#ways[view].render(locale);
  }

  #select(view: TopUpView, byKey: boolean): void {
    this.#focusTab = byKey;
    if (view !== 'online' && view !== topUpView(this.view)) this.#ways[view].reopened();
    this.view = view;
  }

  #step(view: TopUpView): string | undefined {
    return view === 'online' ? this.#online.state.step : this.#ways[view].step;
  }

  /** A form of any way that refused what was typed: focus goes to its first field in error, not left on the button. */
  #focusRefused = (event: Event): void => {
    const form = event.target as HTMLFormElement;
    void this.drawn.then(() => (form.isConnected ? form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus() : undefined));
  };

  #focusAfterUpdate(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
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

export { TOP_UP_VIEWS, type TopUpView };

declare global {
  interface HTMLElementTagNameMap {
    'top-up-form': TopUpForm;
  }
  interface GlobalEventHandlersEventMap {
    'top-up-completed': CustomEvent<TopUpCompletedDetail>;
    'top-up-redirect': CustomEvent<TopUpRedirectDetail>;
    'remittance-account-enabled': CustomEvent<RemittanceAccountEnabledDetail>;
    'remittance-claimed': CustomEvent<RemittanceClaimedDetail>;
  }
}
