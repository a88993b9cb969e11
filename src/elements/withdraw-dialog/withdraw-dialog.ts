import { html, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { WithdrawVerifier } from '../../core/withdraw/withdraw-flow.js';
import { KitController } from '../../controllers/kit-controller.js';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import { ModalController, type CloseSource, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { emit } from '../events.js';
import { withdrawMessages } from '../../i18n/messages/withdraw-dialog.js';
import { withdrawStyles } from './withdraw-dialog.styles.js';
import type { WithdrawContents } from './withdraw-contents.js';
import { loadingSheet, sheet } from './withdraw-sheet.js';

/**
 * Where the dialog's contents come from: fetched on first open, or earlier when the browser is
 * idle. A test stands in a fetch that waits or fails.
 */
export const withdrawContentsModule = {
  fetch: async (): Promise<{ WithdrawContents: typeof WithdrawContents }> => import('./withdraw-contents.js'),
};

/** Detail of `withdrawal-submitted`. */
export interface WithdrawalSubmittedDetail {
  referenceId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  flowIds: string[];
}

/** Detail of `withdrawal-cancelled`: the dialog closed without a withdrawal (none made, none whose answer was lost). */
export type WithdrawalCancelledDetail = Record<string, never>;

/**
 * Withdraws balance, exactly once: the withdrawable amount and the recharge flows it is made of,
 * back along the original route (newest first, or chosen flows) or to a bank card; the opening
 * branch on the first withdrawal to a bank account; the name-match rule checked at the flow; a
 * summary; a verification code; one submission per confirmation, retried with the same key.
 *
 * Open it with `show()` or the `open` attribute; removing `open` (or `open = false`) is `close()`. It asks for the code with its own
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
 * @event {CustomEvent<WithdrawalCancelledDetail>} withdrawal-cancelled - Closed without withdrawing; not while a withdrawal's answer is lost (a later check fires `withdrawal-submitted` if it went through).
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

  /** Whether the dialog is shown. Setting it to false is `close()`. */
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
    return this.#contents?.last;
  }

  readonly #kit = new KitController(this);
  // Nothing of the withdrawal shows until the dialog opens: its flow and steps come then, or when the browser is idle.
  readonly #lazy = new LazyModuleController(this, () => withdrawContentsModule.fetch(), { what: 'dialog contents', preload: true });
  readonly #modal = new ModalController(this, { isOpen: () => this.open, onRequestClose: (source) => this.#onRequestClose(source) });
  /** Made once the contents have come, and kept: a withdrawal in flight or of unknown outcome lives in it. */
  #contents: WithdrawContents | undefined;
  /** What has focus since the step last changed; a newly rendered step takes it. */
  #focused: HTMLElement | undefined;
  /** The dialog closed itself (`#hide`), having said why; a host that sets `open = false` did not. */
  #hiding = false;

  constructor() {
    super();
    this.open = false;
  }

  /** Opens the dialog (checking on a withdrawal whose outcome is unknown). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog and drops what was entered; a withdrawal whose outcome is unknown is kept, to check on `show()`. */
  close(): void {
    this.#hide(this.#contents?.dismiss() ?? false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.get('open') === true && !this.open && !this.#hiding) this.#closedByHost();
    this.#hiding = false;
    const module = this.#lazy.module;
    const arrived = !this.#contents && module !== undefined;
    if (arrived) {
      this.#contents = new module.WithdrawContents({
        host: this,
        kit: this.#kit,
        messages: () => withdrawMessages(this.#kit.locale),
        requestClose: this.#close,
        hide: (made) => this.#hide(made),
      });
    }
    if (!this.open || !(arrived || changed.has('open'))) return;
    if (this.#contents) this.#contents.start();
    else this.#load();
  }

  protected override updated(): void {
    const selector = this.#contents?.focusSelector ?? '[data-focus]';
    const target = this.#modal.dialog?.open ? (this.renderRoot.querySelector<HTMLElement>(selector) ?? undefined) : undefined;
    if (target === this.#focused) return;
    this.#focused = target;
    target?.focus();
  }

  protected override render() {
    const m = withdrawMessages(this.#kit.locale);
    const contents = this.#contents;
    return html`<dialog part="dialog" aria-labelledby="title">
        ${this.#kit.renderDemoMarker()}
        <div class="dialog-header">
          <h2 id="title" part="title">${m.title}</h2>
          <button part="secondary" class="icon" type="button" aria-label=${m.close} @click=${this.#close}>×</button>
        </div>
        ${contents ? contents.render() : this.#renderArriving()}
      </dialog>
      ${contents?.renderVerifier()}`;
  }

  /** The contents on their way: the loading step, or the network error with a retry when they did not come. */
  #renderArriving() {
    const m = withdrawMessages(this.#kit.locale);
    const state = this.#lazy.state;
    if (state.status !== 'failed') return loadingSheet(m.loading, m.cancel, this.#close);
    return sheet(
      html`<div class="error-state" role="alert"><p part="error">${errorMessage(state.error, this.#kit.locale)}</p></div>`,
      html`<button part="secondary" type="button" @click=${this.#close}>${m.close}</button>
        <button part="primary" type="button" data-focus @click=${this.#load}>${m.retry}</button>`,
    );
  }

  /** Fetches the contents; a failure is in the loader's state, shown with a retry. */
  #load = (): void => {
    this.#lazy.load().catch(() => undefined);
  };

  /** `made`: a withdrawal went through or may have (its answer was lost), so this is no cancellation. */
  #hide(made: boolean): void {
    if (!this.open) return;
    this.#hiding = true;
    this.open = false;
    if (!made) emit<WithdrawalCancelledDetail>(this, 'withdrawal-cancelled', {});
  }

  /** The host closed it (`open` removed): as `close()`, entries dropped and a cancellation said unless a withdrawal is or may be made. */
  #closedByHost(): void {
    if (!(this.#contents?.dismiss() ?? false)) emit<WithdrawalCancelledDetail>(this, 'withdrawal-cancelled', {});
  }

  #close = (): void => {
    this.#modal.requestClose('close-button');
  };

  #onRequestClose(source: CloseSource): void {
    if (this.#contents) this.#contents.requestClose(source);
    else this.#hide(false);
  }
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
