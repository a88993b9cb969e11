import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationChannel, VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { mask } from '../../core/masks.js';
import { CODE_LENGTH, VerificationFlow, type ConfirmRequest, type VerificationState } from '../../core/verification/verification-flow.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import { emit } from '../events.js';
import { deepActiveElement } from '../../controllers/focus.js';
import { lockedMessage, verificationFailure, verificationMessages } from './verification-code-modal.messages.js';
import { verificationStyles } from './verification-code-modal.styles.js';

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

/** Where the WebOTP API exists, the code from the SMS is filled in by the browser; elsewhere nothing happens. */
function readSmsCode(signal: AbortSignal): Promise<string | undefined> {
  if (!('OTPCredential' in window) || !navigator.credentials) return Promise.resolve(undefined);
  const request = { otp: { transport: ['sms'] }, signal } as CredentialRequestOptions;
  return navigator.credentials
    .get(request)
    .then((credential) => (credential && 'code' in credential ? String(credential.code) : undefined))
    .catch(() => undefined);
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
 * @event verification-verified - The code was accepted (or none was needed). `detail: VerificationVerifiedDetail`.
 * @event verification-cancelled - The user closed the dialog. `detail: VerificationCancelledDetail`.
 * @event verification-code-sent - A code went out. `detail: VerificationCodeSentDetail`.
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
 *
 * @cssproperty --pk-color-surface - Dialog background.
 * @cssproperty --pk-color-border - Box and input borders.
 * @cssproperty --pk-color-primary - Primary button and active box.
 * @cssproperty --pk-color-danger - Error text.
 * @cssproperty --pk-radius - Corner radius.
 */
export class VerificationCodeModal extends LitElement {
  static override styles = verificationStyles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    purpose: {},
    action: {},
    api: { attribute: false },
    locale: {},
    announcement: { state: true },
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

  /** What the live region last said. */
  private declare announcement: string;

  readonly #kit = new KitController(this);
  readonly #flow = new VerificationFlow({ api: () => this.#kit.api() });
  readonly #view = new FlowController(this, this.#flow);
  #waiting = false;
  #opener: HTMLElement | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #lastResendIn = 0;
  #otp: AbortController | undefined;
  #wasReady = false;
  #reflected = false;

  constructor() {
    super();
    this.open = false;
    this.announcement = '';
    let previous = this.#flow.state;
    this.#flow.subscribe((state) => {
      if (state.open && !this.open) this.#reflect(true);
      if (!state.open) this.announcement = '';
      // Reopened while a code is still valid: say where it went and when the next one may be asked for.
      if (state.open && previous.phase === 'loading' && state.phase === 'ready' && state.sent && this.#flow.codeAlive()) {
        this.#announceSent(state.sent.destination);
      }
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
    this.#stopTicker();
  }

  #start(request: ConfirmRequest, declarative: boolean): Promise<VerificationTicket | undefined> {
    if (!this.#waiting) this.#opener = deepActiveElement();
    this.#waiting = true;
    const promise = this.#flow.confirm(request);
    promise.then(
      (ticket) => {
        this.#settled();
        emit<VerificationVerifiedDetail>(this, 'verification-verified', {
          purpose: request.purpose,
          required: ticket !== undefined,
          ...(declarative && ticket ? { ticket: ticket.ticket } : {}),
        });
      },
      (error: KitError) => {
        // A newer confirm() for another purpose replaced this one: the dialog stays for that one.
        if (this.#flow.state.purpose !== undefined) return;
        this.#settled();
        if (error.code === 'cancelled') emit<VerificationCancelledDetail>(this, 'verification-cancelled', { purpose: request.purpose });
      },
    );
    return promise;
  }

  #settled(): void {
    this.#waiting = false;
    this.#reflect(false);
  }

  /** Sets `open` from the flow's side, so willUpdate can tell it from the host setting it. */
  #reflect(open: boolean): void {
    this.#reflected = open;
    this.open = open;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open') || this.open === this.#reflected) return;
    this.#reflected = this.open;
    if (this.open && !this.#waiting) {
      this.#start({ purpose: this.purpose ?? 'confirm', ...(this.action ? { action: this.action } : {}) }, true).catch(() => undefined);
    } else if (!this.open && this.#waiting && this.#flow.state.open) {
      this.#flow.cancel();
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    const state = this.#view.state;
    if (state.open && !dialog.open) {
      dialog.showModal();
      this.#startTicker();
      this.#wasReady = false;
    } else if (!state.open && dialog.open) {
      dialog.close();
      this.#stopTicker();
      this.#otp?.abort();
      const opener = this.#opener;
      this.#opener = undefined;
      if (opener?.isConnected) opener.focus();
    }
    // Focus goes to what the user does next once the dialog is ready, unless they moved it already.
    const ready = state.open && state.phase !== 'loading';
    if (ready && !this.#wasReady) {
      const focused = this.shadowRoot?.activeElement;
      if (!focused || focused === dialog || focused.matches('[part=cancel]')) this.#focusNext();
    }
    this.#wasReady = ready;
  }

  protected override render() {
    const m = verificationMessages(this.#kit.locale);
    const state = this.#view.state;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="action" @cancel=${this.#onEscape} @close=${this.#onClosed}>
      <form novalidate @submit=${this.#onSubmit}>
        <h2 id="title" part="title">${m.title}</h2>
        <p id="action" part="action">${state.action ?? m.purpose(state.purpose ?? '')}</p>
        ${state.phase === 'loading' ? html`<p class="loading" aria-busy="true">${m.loading}</p>` : nothing}
        ${state.errorSource === 'policy' ? this.#renderPolicyError(state) : this.#renderCodeEntry(state)}
        <div role="status" class="visually-hidden">${this.announcement}</div>
        <div class="actions">
          <button part="cancel" type="button" @click=${this.#onCancel}>${m.cancel}</button>
          ${state.errorSource === 'policy' || state.phase === 'loading'
            ? nothing
            : html`<button part="confirm" type="submit" class="primary" aria-busy=${String(state.phase === 'checking')}>
                ${state.phase === 'checking' ? m.checking : m.verify}
              </button>`}
        </div>
      </form>
    </dialog>`;
  }

  #renderPolicyError(state: VerificationState) {
    const m = verificationMessages(this.#kit.locale);
    const error = state.error as KitError;
    return html`<p id="code-error" part="error" role="alert">${m.policyFailed} ${this.#failureText(error)}</p>
      <button type="button" class="primary" @click=${() => void this.#flow.retry()}>${m.retry}</button>`;
  }

  #renderCodeEntry(state: VerificationState) {
    if (state.phase === 'loading' || state.channel === undefined) return html`<p id="code-error" part="error" role="alert"></p>`;
    const m = verificationMessages(this.#kit.locale);
    const option = state.channels.find((c) => c.channel === state.channel);
    const destination = this.#masked(state.sent?.destination || option?.destination || '', state.channel);
    const alive = state.sent !== undefined && this.#flow.codeAlive();
    const locked = this.#flow.lockedFor() > 0;
    const failure = this.#shownFailure(state);
    const busy = state.phase === 'checking';
    return html`${state.channels.length > 1
        ? html`<fieldset part="channels" ?disabled=${state.phase !== 'ready'}>
            <legend>${m.channels}</legend>
            ${state.channels.map(
              (c) => html`<label
                ><input type="radio" name="channel" value=${c.channel} .checked=${live(c.channel === state.channel)}
                  @change=${() => this.#flow.selectChannel(c.channel)} />${m[c.channel]}</label
              >`,
            )}
          </fieldset>`
        : nothing}
      <p class="destination">${alive ? m.sentTo(destination) : m.goesTo(destination)}</p>
      <label for="code" class="code-label">${m.codeLabel}</label>
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
            .value=${live(state.code)}
            ?readonly=${busy || locked}
            aria-invalid=${String(failure !== undefined)}
            aria-describedby="code-hint code-error"
            @input=${this.#onInput}
          />
          <div part="boxes" class="boxes" aria-hidden="true">
            ${Array.from({ length: CODE_LENGTH }, (_, i) => html`<span class=${i === state.code.length ? 'box next' : 'box'}>${state.code[i] ?? ''}</span>`)}
          </div>
        </div>
        ${this.#renderSend(state)}
      </div>
      <p id="code-hint" class="hint">${m.codeHint}</p>
      <p id="code-error" part="error" role="alert">${failure ?? ''}</p>`;
  }

  #renderSend(state: VerificationState) {
    const m = verificationMessages(this.#kit.locale);
    const wait = this.#flow.resendIn();
    const blocked = wait > 0 || this.#flow.lockedFor() > 0 || state.phase !== 'ready';
    const label = state.phase === 'sending' ? m.sending : wait > 0 ? m.resendIn(wait) : state.sent ? m.resend : m.getCode;
    // aria-disabled, not disabled: the button keeps focus while it counts down.
    return html`<button part="send" type="button" aria-disabled=${String(blocked)} aria-busy=${String(state.phase === 'sending')} @click=${this.#onSend}>
      ${label}
    </button>`;
  }

  #shownFailure(state: VerificationState): string | undefined {
    const lockedFor = this.#flow.lockedFor();
    // The lock outlives the error that caused it (a reopened dialog has only the clock): say it from the clock.
    if (lockedFor > 0) return lockedMessage(this.#kit.locale, lockedFor * 1000);
    const { error } = state;
    if (!error || error.reason === 'attempts-exceeded') return undefined;
    return this.#failureText(error);
  }

  #failureText(error: KitError): string {
    const locale = this.#kit.locale;
    const remaining = error.reason === 'send-limit' ? this.#flow.resendIn() * 1000 : undefined;
    return withSupportCode(error, locale, verificationFailure(error, locale, remaining));
  }

  #masked(destination: string, channel: VerificationChannel): string {
    // The backend sends destinations masked; mask again only if one ever arrives in full.
    return destination.includes('*') ? destination : mask(destination, channel === 'sms' ? 'mobile' : 'email');
  }

  #focusNext(): void {
    const root = this.shadowRoot;
    const target = this.#flow.codeAlive() || this.#flow.resendIn() > 0 ? root?.querySelector<HTMLElement>('#code') : root?.querySelector<HTMLElement>('[part=send]');
    (target ?? root?.querySelector<HTMLElement>('[part=cancel]'))?.focus();
  }

  #announceSent(destination: string): void {
    const channel = this.#flow.state.channel ?? 'sms';
    this.announcement = verificationMessages(this.#kit.locale).announceSent(this.#masked(destination, channel), this.#flow.resendIn());
  }

  #startTicker(): void {
    this.#stopTicker();
    this.#lastResendIn = this.#flow.resendIn();
    this.#ticker = setInterval(() => {
      const wait = this.#flow.resendIn();
      // Announced when it matters, not every second: a screen reader would talk over the user.
      if (wait === 0 && this.#lastResendIn > 0) this.announcement = verificationMessages(this.#kit.locale).announceResendReady;
      this.#lastResendIn = wait;
      this.requestUpdate();
    }, 1000);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#flow.input(input.value);
    // Whatever was typed or pasted is shown as the digits kept: letters and spaces never stay.
    input.value = this.#flow.state.code;
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#flow.submit();
  };

  #onSend = async (): Promise<void> => {
    const { purpose, channel } = this.#flow.state;
    const sent = await this.#flow.send();
    const state = this.#flow.state;
    if (!sent || !state.sent || purpose === undefined || channel === undefined) return;
    const destination = this.#masked(state.sent.destination, channel);
    this.#lastResendIn = this.#flow.resendIn();
    this.#announceSent(state.sent.destination);
    emit<VerificationCodeSentDetail>(this, 'verification-code-sent', { purpose, channel, destination });
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLInputElement>('#code')?.focus();
    if (channel === 'sms') this.#listenForSms();
  };

  #listenForSms(): void {
    this.#otp?.abort();
    const otp = new AbortController();
    this.#otp = otp;
    void readSmsCode(otp.signal).then((code) => {
      if (code && !otp.signal.aborted) this.#flow.input(code);
    });
  }

  #onCancel = (): void => {
    this.#flow.cancel();
  };

  #onEscape = (event: Event): void => {
    event.preventDefault();
    this.#flow.cancel();
  };

  /** The browser closed the dialog by itself (a second Esc): treat it as a cancel. Our own close() leaves the flow closed already. */
  #onClosed = (event: Event): void => {
    if (!(event.target as HTMLDialogElement).open && this.#flow.state.open) this.#flow.cancel();
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
  }
}
