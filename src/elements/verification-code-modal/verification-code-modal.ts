import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationChannel, VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import type { ConfirmRequest } from '../../core/verification/verification-state.js';
import { KitController } from '../../controllers/kit-controller.js';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { verificationMessages } from '../../i18n/messages/verification-code-modal.js';
import { emit } from '../events.js';
import { deskModule } from './desk-module.js';
import { PendingConfirmation } from './pending-confirmation.js';
import { shellStyles } from './verification-code-modal.styles.js';
import type { DeskView, VerificationDesk } from './verification-desk.js';

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
 * The code entry itself is fetched the first time it is needed (or once the browser is idle), so a
 * page pays up front only for the closed dialog; `updateComplete` waits for it.
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
  /** What the closed dialog and its loading state need; the code entry brings the rest of its sheets. */
  static override styles = shellStyles;

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
  readonly #modal = new ModalController(this, { isOpen: () => this.#shown(), onRequestClose: () => this.close() });
  readonly #code = new LazyModuleController(this, () => deskModule.fetch(), { what: 'code entry', preload: true });
  /** The code entry, once its module has come and the first use (or an idle moment) built it. */
  #desk: VerificationDesk | undefined;
  /** A `confirm()` waiting for the code entry's module. */
  #pending: PendingConfirmation | undefined;
  /** The promise of the confirmation under way, so a repeated `confirm()` fires its events once. */
  #confirming: Promise<VerificationTicket | undefined> | undefined;
  /** The Retry on screen: each one that appears takes focus, so Enter retries instead of cancelling. */
  #retry: HTMLElement | undefined;

  constructor() {
    super();
    this.open = false;
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
    const desk = this.#loadedDesk();
    if (desk) {
      desk.cancel();
      return;
    }
    const pending = this.#pending;
    this.#pending = undefined;
    this.open = false;
    pending?.cancel();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  #start(request: ConfirmRequest, declarative: boolean): Promise<VerificationTicket | undefined> {
    const promise = this.#ask(request);
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

  /** The flow's promise once the code entry is here; until then one the flow takes over when it comes. */
  #ask(request: ConfirmRequest): Promise<VerificationTicket | undefined> {
    const desk = this.#loadedDesk();
    if (desk) return desk.confirm(request);
    const waiting = this.#pending;
    if (waiting?.request.purpose === request.purpose) return waiting.promise;
    const pending = new PendingConfirmation(request);
    this.#pending = pending;
    waiting?.cancel(true);
    if (pending.shown) this.open = true;
    this.#fetchDesk();
    this.requestUpdate();
    return pending.promise;
  }

  #fetchDesk(): void {
    this.#code.load().then(
      () => this.#loadedDesk(),
      () => {
        // Shown whatever the purpose, as a policy that cannot be read is: the user sees why and can retry.
        if (!this.#pending) return;
        this.#pending.shown = true;
        this.open = true;
      },
    );
  }

  /** The code entry, built the first time it is asked for once its module has come; it takes over a waiting `confirm()`. */
  #loadedDesk(): VerificationDesk | undefined {
    const loaded = this.#code.module;
    if (this.#desk || !loaded) return this.#desk;
    const desk = new loaded.VerificationDesk(this, this.#kit, () => this.#modal.dialog);
    this.#desk = desk;
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) desk.takeOver(pending);
    return desk;
  }

  /** Whether the dialog waits for the user. */
  #shown(): boolean {
    return this.#desk ? this.#desk.shown : (this.#pending?.shown ?? false);
  }

  /** What the dialog shows: the code entry's view, or the shell's while the entry is on its way. */
  #view(): DeskView {
    if (this.#desk) return this.#desk.view();
    const pending = this.#pending;
    if (!pending) return { step: 'closed' };
    const asked = { purpose: pending.request.purpose, action: pending.request.action };
    const state = this.#code.state;
    if (state.status !== 'failed') return { step: 'loading', asked };
    return { step: 'failed', asked, message: errorMessage(state.error, this.#kit.locale), retry: () => this.#fetchDesk() };
  }

  /** The host set `open`: the flow's own changes of it always agree with the flow, so they start or cancel nothing. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const desk = this.#loadedDesk();
    if (!changed.has('open')) return;
    const idle = desk ? desk.closed : !this.#pending;
    if (this.open && idle) {
      this.#start({ purpose: this.purpose ?? 'confirm', ...(this.action ? { action: this.action } : {}) }, true).catch(() => undefined);
    } else if (!this.open && this.#shown()) {
      this.close();
    }
  }

  protected override updated(): void {
    this.#desk?.updated();
    const retry = this.renderRoot.querySelector<HTMLElement>('[data-focus]') ?? undefined;
    if (retry !== this.#retry) retry?.focus();
    this.#retry = retry;
  }

  protected override render() {
    const view = this.#view();
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="action">${this.#kit.renderDemoMarker()}
      ${view.step === 'closed' ? nothing : this.#renderForm(view)}
    </dialog>`;
  }

  #renderForm(view: Exclude<DeskView, { step: 'closed' }>) {
    const m = verificationMessages(this.#kit.locale);
    return html`<div class="dialog-header"><h2 id="title" part="title">${m.title}</h2></div>
      <div class="dialog-body">
        <form id="code-form" novalidate @submit=${this.#onSubmit}>
          <p id="action" part="action">${view.asked.action ?? m.purpose(view.asked.purpose)}</p>
          ${view.step === 'loading'
            ? html`<div class="skeleton" aria-hidden="true"><div class="skeleton-row"></div><div class="skeleton-row"></div></div>
                <p class="visually-hidden" role="status">${m.loading}</p>
                <p id="code-error" part="error" role="alert"></p>`
            : nothing}
          ${view.step === 'failed' ? html`<div class="error-state" role="alert"><p id="code-error" part="error">${view.message}</p></div>` : nothing}
          ${view.step === 'entry' ? view.fields : nothing}
          <div role="status" class="visually-hidden">${this.#desk?.announcementText() ?? ''}</div>
        </form>
      </div>
      <div class="dialog-actions">
        <button part="cancel" type="button" @click=${() => this.#modal.requestClose('close-button')}>${m.cancel}</button>
        ${view.step === 'failed' ? html`<button type="button" class="primary" data-focus @click=${view.retry}>${m.retry}</button>` : nothing}
        ${view.step === 'entry' ? view.confirm : nothing}
      </div>`;
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    this.#desk?.submit();
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
