import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationChannel, VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { CODE_LENGTH, VerificationFlow } from '../../core/verification/verification-flow.js';
import { deskOf, isShown, type ConfirmRequest, type DeskState, type VerificationState } from '../../core/verification/verification-state.js';
import type { SentCode } from '../../core/verification/code-clock.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { emit, watchLoadFailed } from '../events.js';
import { SmsCodeController } from '../../controllers/sms-code-controller.js';
import { lockedMessage, verificationFailure, verificationMessages } from '../../i18n/messages/verification-code-modal.js';
import { verificationStyles } from './verification-code-modal.styles.js';

/** What the live region last had to say, kept as data so it is worded in the language of each render. */
type Announcement = { kind: 'sent'; destination: string; seconds: number } | { kind: 'resend-ready' };

/** Detail of `verification-verified`. */
export interface VerificationVerifiedDetail {
  purpose: string;
  /** False when the partner's policy does not guard this purpose: go on without a ticket. */
  required: boolean;
  /**
   * The single-use ticket, only when the dialog was opened declaratively (`open`); `confirm()`
   * hands it to its caller instead and leaves it out here.
   */
  ticket?: string;
}

/** Detail of `verification-cancelled`. */
export interface VerificationCancelledDetail {
  purpose: string;
}

/** Detail of `verification-code-sent`: where the code went, masked. Never the code. */
export interface VerificationCodeSentDetail {
  purpose: string;
  channel: VerificationChannel;
  destination: string;
}

/**
 * Confirms a sensitive action with a code sent by SMS or e-mail. Call `confirm({ purpose, action })`
 * and pass the resolved ticket with the money-moving call; it resolves `undefined` without showing
 * anything when the partner's policy does not guard the purpose, and rejects with a `cancelled`
 * KitError when the user closes the dialog. It also works declaratively: set `purpose` and `open`,
 * and listen for `verification-verified` / `verification-cancelled`.
 *
 * The code is never logged, put in an attribute or an event; it is cleared when the dialog closes.
 *
 * @summary A modal dialog that asks for an SMS / e-mail verification code.
 *
 * @event {CustomEvent<VerificationVerifiedDetail>} verification-verified - The code was accepted (or none was needed).
 * @event {CustomEvent<VerificationCancelledDetail>} verification-cancelled - The user closed the dialog, or `close()` was called.
 * @event {CustomEvent<VerificationCodeSentDetail>} verification-code-sent - A code went out.
 * @event {CustomEvent<RequestCloseDetail>} verification-code-modal-request-close - Esc, a click on the backdrop or
 *   Cancel asks to close; `detail.source` says which. Cancelable: `preventDefault()` keeps the dialog open.
 * @event {CustomEvent<LoadFailedDetail>} verification-code-modal-load-failed - The verification policy could not be loaded; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart action - The sentence saying what is confirmed.
 * @csspart channels - The SMS / e-mail choice.
 * @csspart input - The one code input.
 * @csspart boxes - The six boxes painted behind the input.
 * @csspart send - The get-code / resend button.
 * @csspart error - The message at the input.
 * @csspart cancel - The cancel button.
 * @csspart confirm - The verify button.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-color-surface - Dialog background.
 * @cssproperty --pk-color-border - Box and input borders.
 * @cssproperty --pk-color-primary - Primary button and active box.
 * @cssproperty --pk-color-danger - Error text.
 * @cssproperty --pk-radius - Corner radius.
 */
export class VerificationCodeModal extends KitElement {
  static override styles = verificationStyles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    purpose: {},
    action: {},
    api: { attribute: false },
    locale: {},
  };

  /** Whether the dialog is shown. Set it to open declaratively; it drops back when the dialog closes. */
  declare open: boolean;

  /** For declarative use: what is being confirmed (`withdraw`, `issue-coupon`, …). */
  declare purpose: string | undefined;

  /** For declarative use: the sentence that says what is confirmed, e.g. "Confirm withdrawal of ¥1,200.00". */
  declare action: string | undefined;

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;

  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;

  readonly #kit = new KitController(this);
  readonly #flow = new VerificationFlow({ api: () => this.#kit.api() });
  readonly #view = new FlowController(this, this.#flow);
  readonly #modal = new ModalController(this, { isOpen: () => isShown(this.#flow.state), onRequestClose: () => this.#flow.cancel() });
  readonly #ticker = new TickerController(this, {
    ms: 1000,
    onTick: () => {
      const held = this.#sendsHeld();
      // Announced when it matters, not every second (a screen reader would talk over the user), and
      // only once a new code can really be asked for: a countdown that ends inside a lock says nothing.
      if (this.#wasHeld && !held && this.#flow.canSend()) this.#announcement = { kind: 'resend-ready' };
      this.#wasHeld = held;
    },
  });
  readonly #sms = new SmsCodeController(this);
  /** The promise of the confirmation under way, so a repeated `confirm()` fires its events once. */
  #confirming: Promise<VerificationTicket | undefined> | undefined;
  /** What the live region says, worded on render so a change of language reaches it too. */
  #announcement: Announcement | undefined;
  #wasHeld = false;
  #wasReady = false;

  constructor() {
    super();
    this.open = false;
    watchLoadFailed(this, this.#flow, (state) => (state.step === 'policy-failed' ? state.error : undefined));
    let previous = this.#flow.state;
    this.#flow.subscribe((state) => {
      if (isShown(state)) {
        this.open = true;
        this.#ticker.start();
      }
      if (state.step === 'closed') this.#closed();
      // Reopened while a code is still valid: say where it went and when the next one may be asked for.
      if (previous.step === 'loading' && state.step === 'ready' && state.sent && this.#flow.codeAlive()) this.#announceSent(state.sent);
      previous = state;
    });
  }

  /**
   * Asks the user to confirm `request.purpose` with a code. Resolves with the ticket to pass as
   * `verificationTicket`, or `undefined` when no code is needed; rejects with a `cancelled`
   * KitError when the user closes the dialog. Calling again for the same purpose while the dialog
   * is up returns the same promise.
   */
  confirm(request: ConfirmRequest): Promise<VerificationTicket | undefined> {
    return this.#start(request, false);
  }

  /** Closes the dialog as if the user cancelled. */
  close(): void {
    this.#flow.cancel();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow.cancel();
  }

  #start(request: ConfirmRequest, declarative: boolean): Promise<VerificationTicket | undefined> {
    const promise = this.#flow.confirm(request);
    if (promise === this.#confirming) return promise;
    this.#confirming = promise;
    promise.then(
      (ticket) => {
        emit<VerificationVerifiedDetail>(this, 'verification-verified', {
          purpose: request.purpose,
          required: ticket !== undefined,
          ...(declarative && ticket ? { ticket: ticket.ticket } : {}),
        });
      },
      (error: KitError) => {
        // A newer confirm() for another purpose took its place: the dialog stays up for that one.
        if (error.code === 'cancelled' && error.reason !== 'replaced') emit<VerificationCancelledDetail>(this, 'verification-cancelled', { purpose: request.purpose });
      },
    );
    return promise;
  }

  #closed(): void {
    this.open = false;
    this.#ticker.stop();
    this.#sms.stop();
    this.#announcement = undefined;
    this.#wasHeld = false;
  }

  /** Whether a countdown or a lock keeps the user from asking for a code. */
  #sendsHeld(): boolean {
    return this.#flow.resendIn() > 0 || this.#flow.state.step === 'locked';
  }

  /** The host set `open`: the flow's own changes of it always agree with the flow, so they start or cancel nothing. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const state = this.#flow.state;
    if (this.open && state.step === 'closed') {
      this.#start({ purpose: this.purpose ?? 'confirm', ...(this.action ? { action: this.action } : {}) }, true).catch(() => undefined);
    } else if (!this.open && isShown(state)) {
      this.#flow.cancel();
    }
  }

  protected override updated(): void {
    // Focus goes to what the user does next once the dialog is ready, unless they moved it already.
    const state = this.#view.state;
    const ready = isShown(state) && state.step !== 'loading';
    if (ready && !this.#wasReady) {
      const focused = this.shadowRoot?.activeElement;
      if (!focused || focused === this.#modal.dialog || focused.matches('[part=cancel]')) {
        const next = this.#flow.codeAlive() || this.#flow.resendIn() > 0 ? '#code' : '[part=send]';
        (this.shadowRoot?.querySelector<HTMLElement>(next) ?? this.shadowRoot?.querySelector<HTMLElement>('[part=cancel]'))?.focus();
      }
    }
    this.#wasReady = ready;
  }

  protected override render() {
    const state = this.#view.state;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="action">${this.#kit.renderDemoMarker()}
      ${state.step === 'closed' ? nothing : this.#renderForm(state)}
    </dialog>`;
  }

  #renderForm(state: Exclude<VerificationState, { step: 'closed' }>) {
    const m = verificationMessages(this.#kit.locale);
    const entry = deskOf(state);
    return html`<div class="dialog-header"><h2 id="title" part="title">${m.title}</h2></div>
      <div class="dialog-body">
        <form id="code-form" novalidate @submit=${this.#onSubmit}>
          <p id="action" part="action">${state.action ?? m.purpose(state.purpose)}</p>
          ${state.step === 'loading' ? html`<p class="hint" aria-busy="true">${m.loading}</p><p id="code-error" part="error" role="alert"></p>` : nothing}
          ${state.step === 'policy-failed'
            ? html`<div class="error-state" role="alert"><p id="code-error" part="error">${m.policyFailed} ${this.#failureText(state.error)}</p></div>`
            : nothing}
          ${entry ? this.#renderCodeEntry(entry) : nothing}
          <div role="status" class="visually-hidden">${this.#announcementText()}</div>
        </form>
      </div>
      <div class="dialog-actions">
        <button part="cancel" type="button" @click=${() => this.#modal.requestClose('close-button')}>${m.cancel}</button>
        ${state.step === 'policy-failed' ? html`<button type="button" class="primary" @click=${() => void this.#flow.retry()}>${m.retry}</button>` : nothing}
        ${entry
          ? html`<button part="confirm" type="submit" form="code-form" class="primary" aria-busy=${String(entry.step === 'checking')}
              aria-disabled=${String(entry.step === 'locked')}>
              ${entry.step === 'checking' ? m.checking : m.verify}
            </button>`
          : nothing}
      </div>`;
  }

  #renderCodeEntry(entry: DeskState) {
    const m = verificationMessages(this.#kit.locale);
    const option = entry.channels.find((c) => c.channel === entry.channel);
    const destination = entry.sent?.destination || option?.destination || '';
    const failure = this.#shownFailure(entry);
    return html`${entry.channels.length > 1
        ? html`<fieldset part="channels" ?disabled=${entry.step !== 'ready'}>
            <legend>${m.channels}</legend>
            ${entry.channels.map(
              (c) => html`<label class="choice"
                ><input type="radio" name="channel" value=${c.channel} .checked=${live(c.channel === entry.channel)}
                  @change=${() => this.#flow.selectChannel(c.channel)} />${m[c.channel]}</label
              >`,
            )}
          </fieldset>`
        : nothing}
      <p class="hint destination">${this.#flow.codeAlive() ? m.sentTo(destination) : m.goesTo(destination)}</p>
      <label for="code">${m.codeLabel}</label>
      <div class="code-row">
        <div class="code-field">
          <input
            id="code"
            part="input"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            enterkeyhint="done"
            spellcheck="false"
            autocapitalize="off"
            .value=${live(entry.code)}
            ?readonly=${entry.step === 'checking' || entry.step === 'locked'}
            aria-invalid=${String(failure !== undefined)}
            aria-describedby="code-hint code-error"
            @input=${this.#onInput}
          />
          <div part="boxes" class="boxes" aria-hidden="true">
            ${Array.from({ length: CODE_LENGTH }, (_, i) => html`<span class=${i === entry.code.length ? 'box next' : 'box'}>${entry.code[i] ?? ''}</span>`)}
          </div>
        </div>
        ${this.#renderSend(entry)}
      </div>
      <p id="code-hint" class="hint">${m.codeHint}</p>
      <p id="code-error" part="error" role="alert">${failure ?? ''}</p>`;
  }

  #renderSend(entry: DeskState) {
    const m = verificationMessages(this.#kit.locale);
    const wait = this.#flow.resendIn();
    const label = entry.step === 'sending' ? m.sending : wait > 0 ? m.resendIn(wait) : entry.sent ? m.resend : m.getCode;
    // aria-disabled, not disabled: the button keeps focus while it counts down.
    return html`<button part="send" type="button" aria-disabled=${String(!this.#flow.canSend())} aria-busy=${String(entry.step === 'sending')}
      @click=${this.#onSend}>
      ${label}
    </button>`;
  }

  #shownFailure(entry: DeskState): string | undefined {
    // The lock is said from the clock: a reopened dialog has no error, only the lock.
    if (entry.step === 'locked') return lockedMessage(this.#kit.locale, this.#flow.lockedFor() * 1000);
    return entry.step === 'ready' && entry.failure ? this.#failureText(entry.failure.error) : undefined;
  }

  #failureText(error: KitError): string {
    return verificationFailure(error, this.#kit.locale, this.#flow.resendIn() * 1000);
  }

  #announceSent(sent: SentCode): void {
    this.#announcement = { kind: 'sent', destination: sent.destination, seconds: this.#flow.resendIn() };
  }

  #announcementText(): string {
    const said = this.#announcement;
    if (!said) return '';
    const m = verificationMessages(this.#kit.locale);
    return said.kind === 'sent' ? m.announceSent(said.destination, said.seconds) : m.announceResendReady;
  }

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#flow.input(input.value);
    // Whatever was typed or pasted is shown as the digits kept: letters and spaces never stay.
    const entry = deskOf(this.#flow.state);
    input.value = entry?.code ?? '';
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#flow.submit();
  };

  #onSend = async (): Promise<void> => {
    if (!(await this.#flow.send())) return;
    const state = this.#flow.state;
    if (state.step !== 'ready' || !state.sent) return;
    const { purpose, channel, sent } = state;
    this.#announceSent(sent);
    emit<VerificationCodeSentDetail>(this, 'verification-code-sent', { purpose, channel, destination: sent.destination });
    this.requestUpdate();
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLInputElement>('#code')?.focus();
    if (channel === 'sms') this.#sms.listen((code) => this.#flow.input(code));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'verification-code-modal': VerificationCodeModal;
  }
  interface GlobalEventHandlersEventMap {
    'verification-verified': CustomEvent<VerificationVerifiedDetail>;
    'verification-cancelled': CustomEvent<VerificationCancelledDetail>;
    'verification-code-sent': CustomEvent<VerificationCodeSentDetail>;
    'verification-code-modal-request-close': CustomEvent<RequestCloseDetail>;
  }
}
