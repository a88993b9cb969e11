import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { CODE_LENGTH, VerificationFlow } from '../../core/verification/verification-flow.js';
import { deskOf, isShown, type Asked, type ConfirmRequest, type DeskState } from '../../core/verification/verification-state.js';
import type { SentCode } from '../../core/verification/code-clock.js';
import type { KitController } from '../../controllers/kit-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { SmsCodeController } from '../../controllers/sms-code-controller.js';
import { emit, watchLoadFailed } from '../events.js';
import { adoptLateStyles } from '../late-styles.js';
import { lockedMessage, verificationDeskMessages, verificationFailure } from '../../i18n/messages/verification-code-modal-desk.js';
import type { VerificationCodeSentDetail } from './verification-code-modal.js';
import type { PendingConfirmation } from './pending-confirmation.js';
import { verificationStyles } from './code-entry.styles.js';

/** What the live region last had to say, kept as data so it is worded in the language of each render. */
type Announcement = { kind: 'sent'; destination: string; seconds: number } | { kind: 'resend-ready' };

/** The element the desk draws into: the `<verification-code-modal>` shell. */
export interface DeskHost extends ReactiveElement {
  open: boolean;
}

/**
 * What the dialog shows between its action sentence and its Cancel button, drawn by the shell: the
 * shell draws the same loading and failure views while this code is still on its way.
 */
export type DeskView =
  | { step: 'closed' }
  | { step: 'loading'; asked: Asked }
  | { step: 'failed'; asked: Asked; message: string; retry: () => void }
  | { step: 'entry'; asked: Asked; fields: TemplateResult; confirm: TemplateResult };

/**
 * The part of `<verification-code-modal>` fetched on first use: the verification flow, the
 * countdown and SMS controllers, and the code entry. It takes over a `confirm()` the shell held
 * while it came, and re-renders its host as the flow moves.
 */
export class VerificationDesk {
  readonly #host: DeskHost;
  readonly #kit: KitController;
  readonly #dialog: () => HTMLDialogElement | undefined;
  readonly #flow: VerificationFlow;
  readonly #ticker: TickerController;
  readonly #sms: SmsCodeController;
  /** The `confirm()` taken over from the shell: the flow's promise for it, and the one its caller holds. */
  #takenOver: { flow: Promise<VerificationTicket | undefined>; caller: Promise<VerificationTicket | undefined> } | undefined;
  /** What the live region says, worded on render so a change of language reaches it too. */
  #announcement: Announcement | undefined;
  #wasHeld = false;
  #wasReady = false;

  constructor(host: DeskHost, kit: KitController, dialog: () => HTMLDialogElement | undefined) {
    this.#host = host;
    this.#kit = kit;
    this.#dialog = dialog;
    // Made in the shell's update, before the entry's first render: it never paints unstyled.
    adoptLateStyles(host, verificationStyles);
    this.#flow = new VerificationFlow({ api: () => kit.api() });
    new FlowController(host, this.#flow);
    this.#ticker = new TickerController(host, {
      ms: 1000,
      onTick: () => {
        const held = this.#sendsHeld();
        // Announced when it matters, not every second (a screen reader would talk over the user), and
        // only once a new code can really be asked for: a countdown that ends inside a lock says nothing.
        if (this.#wasHeld && !held && this.#flow.canSend()) this.#announcement = { kind: 'resend-ready' };
        this.#wasHeld = held;
      },
    });
    this.#sms = new SmsCodeController(host);
    watchLoadFailed(host, this.#flow, (state) => (state.step === 'policy-failed' ? state.error : undefined));
    let previous = this.#flow.state;
    this.#flow.subscribe((state) => {
      if (isShown(state)) {
        host.open = true;
        this.#ticker.start();
      }
      if (state.step === 'closed') this.#closed();
      // Reopened while a code is still valid: say where it went and when the next one may be asked for.
      if (previous.step === 'loading' && state.step === 'ready' && state.sent && this.#flow.codeAlive()) this.#announceSent(state.sent);
      // A check found the code dead: "sent to …, a new code in 60 s" is no longer true, and the alert says what to do.
      if (state.step === 'ready' && state.failure?.during === 'check' && !this.#flow.codeAlive()) {
        this.#announcement = undefined;
        this.#wasHeld = this.#sendsHeld();
      }
      previous = state;
    });
  }

  /** Whether the dialog waits for the user. */
  get shown(): boolean {
    return isShown(this.#flow.state);
  }

  /** Whether no confirmation is under way. */
  get closed(): boolean {
    return this.#flow.state.step === 'closed';
  }

  /** The flow's promise for `request`; for the one taken over from the shell, the promise its caller already holds. */
  confirm(request: ConfirmRequest): Promise<VerificationTicket | undefined> {
    const promise = this.#flow.confirm(request);
    return promise === this.#takenOver?.flow ? this.#takenOver.caller : promise;
  }

  /** Takes over a `confirm()` the shell held while this code came: its caller's promise settles as the flow's does. */
  takeOver(pending: PendingConfirmation): void {
    const flow = this.#flow.confirm(pending.request);
    this.#takenOver = { flow, caller: pending.promise };
    pending.follow(flow);
  }

  cancel(): void {
    this.#flow.cancel();
  }

  submit(): void {
    void this.#flow.submit();
  }

  view(): DeskView {
    const state = this.#flow.state;
    if (state.step === 'closed') return state;
    const asked = { purpose: state.purpose, action: state.action };
    if (state.step === 'loading') return { step: 'loading', asked };
    if (state.step === 'policy-failed') {
      const message = `${verificationDeskMessages(this.#kit.locale).policyFailed} ${this.#failureText(state.error)}`;
      return { step: 'failed', asked, message, retry: () => void this.#flow.retry() };
    }
    return { step: 'entry', asked, fields: this.#renderCodeEntry(state), confirm: this.#renderConfirm(state) };
  }

  announcementText(): string {
    const said = this.#announcement;
    if (!said) return '';
    const m = verificationDeskMessages(this.#kit.locale);
    return said.kind === 'sent' ? m.announceSent(said.destination, said.seconds) : m.announceResendReady;
  }

  /** Focus goes to what the user does next once the dialog is ready, unless they moved it already. */
  updated(): void {
    const root = this.#host.shadowRoot;
    const state = this.#flow.state;
    const ready = isShown(state) && state.step !== 'loading';
    if (ready && !this.#wasReady) {
      const focused = root?.activeElement;
      if (!focused || focused === this.#dialog() || focused.matches('[part=cancel]')) {
        const next = this.#flow.codeAlive() || this.#flow.resendIn() > 0 ? '#code' : '[part=send]';
        (root?.querySelector<HTMLElement>(next) ?? root?.querySelector<HTMLElement>('[part=cancel]'))?.focus();
      }
    }
    this.#wasReady = ready;
  }

  #closed(): void {
    this.#host.open = false;
    this.#ticker.stop();
    this.#sms.stop();
    this.#announcement = undefined;
    this.#wasHeld = false;
  }

  /** Whether a countdown or a lock keeps the user from asking for a code. */
  #sendsHeld(): boolean {
    return this.#flow.resendIn() > 0 || this.#flow.state.step === 'locked';
  }

  #renderCodeEntry(entry: DeskState) {
    const m = verificationDeskMessages(this.#kit.locale);
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
    const m = verificationDeskMessages(this.#kit.locale);
    const wait = this.#flow.resendIn();
    const label = entry.step === 'sending' ? m.sending : wait > 0 ? m.resendIn(wait) : entry.sent ? m.resend : m.getCode;
    // aria-disabled, not disabled: the button keeps focus while it counts down.
    return html`<button part="send" type="button" aria-disabled=${String(!this.#flow.canSend())} aria-busy=${String(entry.step === 'sending')}
      @click=${this.#onSend}>
      ${label}
    </button>`;
  }

  #renderConfirm(entry: DeskState) {
    const m = verificationDeskMessages(this.#kit.locale);
    return html`<button part="confirm" type="submit" form="code-form" class="primary" aria-busy=${String(entry.step === 'checking')}
      aria-disabled=${String(entry.step === 'locked')}>
      ${entry.step === 'checking' ? m.checking : m.verify}
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

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#flow.input(input.value);
    // Whatever was typed or pasted is shown as the digits kept: letters and spaces never stay.
    const entry = deskOf(this.#flow.state);
    input.value = entry?.code ?? '';
  };

  #onSend = async (): Promise<void> => {
    if (!(await this.#flow.send())) return;
    const state = this.#flow.state;
    if (state.step !== 'ready' || !state.sent) return;
    const { purpose, channel, sent } = state;
    this.#announceSent(sent);
    emit<VerificationCodeSentDetail>(this.#host, 'verification-code-sent', { purpose, channel, destination: sent.destination });
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLInputElement>('#code')?.focus();
    if (channel === 'sms') this.#sms.listen((code) => this.#flow.input(code));
  };
}
