import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './focus.js';

/** What asked a dialog to close. */
export type CloseSource = 'escape' | 'backdrop' | 'close-button';

/** The longest gap between the two clicks of a double click (the platforms' default). Tests change it. */
export const modalTiming = { doubleClickMs: 500 };

/** Detail of every `<tag>-request-close` event: cancel the event to keep the dialog open. */
export interface RequestCloseDetail {
  source: CloseSource;
}

export interface ModalOptions {
  /** Whether the dialog should be shown now; read after every update of the element. */
  isOpen: () => boolean;
  /** The user asked to close and no listener cancelled `<tag>-request-close`: the element decides what closing means. */
  onRequestClose: (source: CloseSource) => void;
  /** Where focus goes when the dialog opens. Default: its first `[data-focus]`, else the browser's choice. */
  focusOnOpen?: (dialog: HTMLDialogElement) => void;
  /** Where focus goes on close when the element that opened the dialog has left the page or cannot take focus (disabled, hidden). */
  fallbackFocus?: () => HTMLElement | undefined;
}

/**
 * Owns an element's `<dialog>`: `showModal()` when `isOpen()` turns true, `close()` when it turns
 * false, focus back to whatever had it before (through shadow roots) and, when that element is gone
 * or cannot take focus, to `fallbackFocus` or else the nearest focusable ancestor of the element.
 *
 * Esc, a click on the backdrop and the element's close button all become one cancelable
 * `<tag>-request-close` event (bubbling, composed) whose `detail.source` names what asked; when
 * no listener cancels it, `onRequestClose` runs. The `<dialog>` is found in the render root.
 */
export class ModalController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ModalOptions;
  #dialog: HTMLDialogElement | undefined;
  #opener: HTMLElement | undefined;
  #wasOpen = false;
  /** The element was taken off the page while its dialog was open: the opener then is the one to return to. */
  #movedWhileOpen = false;
  /** Set when this controller closes the dialog: the `close` event that follows a task later is its own, not the browser's. */
  #closedByUs = false;
  /** When the dialog was last shown, on the events' clock. */
  #shownAt = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ModalOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The dialog element, once rendered. */
  get dialog(): HTMLDialogElement | undefined {
    return this.#dialog;
  }

  /**
   * Asks to close on behalf of `source`. Returns false when a listener of `<tag>-request-close`
   * kept the dialog open.
   */
  requestClose(source: CloseSource): boolean {
    const event = new CustomEvent<RequestCloseDetail>(`${this.#host.localName}-request-close`, {
      detail: { source },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.#host.dispatchEvent(event)) return false;
    this.#options.onRequestClose(source);
    return true;
  }

  hostUpdate(): void {
    const open = this.#options.isOpen();
    // Taken before the dialog renders, while focus is still on what the user pressed to open it
    // (kept when the element was moved while open: focus is on the page then, not on the opener).
    if (open && !this.#wasOpen && !this.#movedWhileOpen) this.#opener = deepActiveElement();
    if (open) this.#movedWhileOpen = false;
    this.#wasOpen = open;
  }

  hostUpdated(): void {
    const root = (this.#host as { renderRoot?: ParentNode }).renderRoot ?? this.#host.shadowRoot;
    const dialog = root?.querySelector('dialog') ?? undefined;
    if (dialog !== this.#dialog) this.#attach(dialog);
    if (!dialog) return;
    const open = this.#options.isOpen();
    if (open && !dialog.open && dialog.isConnected) {
      dialog.showModal();
      this.#shownAt = performance.now();
      (this.#options.focusOnOpen ?? focusFirstMarked)(dialog);
    } else if (!open && (dialog.open || this.#opener)) {
      // Closed here, or already by the browser (an uncancelable Esc), whose own focus return fails when the opener is gone or disabled.
      if (dialog.open) {
        this.#closedByUs = true;
        dialog.close();
      }
      // Closed while off the page (a route change, a kept-alive view): the user is elsewhere, and keeps focus there.
      if (this.#host.isConnected) this.#returnFocus();
      else this.#forgetOpener();
    }
  }

  /**
   * Put back on the page: a modal `<dialog>` left the top layer when its element was removed and
   * stays open but no longer modal. Close it quietly; the next update shows it modally again.
   */
  hostConnected(): void {
    // Closed while away: nothing to give focus back to, and no focus taken from where the user is now.
    if (!this.#options.isOpen()) this.#forgetOpener();
    const dialog = this.#dialog;
    if (dialog?.open && !dialog.matches(':modal')) {
      this.#closedByUs = true;
      dialog.close();
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.#movedWhileOpen = this.#wasOpen;
    if (!this.#wasOpen) this.#opener = undefined;
    this.#wasOpen = false;
  }

  #forgetOpener(): void {
    this.#opener = undefined;
    this.#movedWhileOpen = false;
  }

  #attach(dialog: HTMLDialogElement | undefined): void {
    this.#dialog?.removeEventListener('cancel', this.#onCancel);
    this.#dialog?.removeEventListener('click', this.#onClick);
    this.#dialog?.removeEventListener('close', this.#onClose);
    this.#dialog = dialog;
    dialog?.addEventListener('cancel', this.#onCancel);
    dialog?.addEventListener('click', this.#onClick);
    dialog?.addEventListener('close', this.#onClose);
  }

  #returnFocus(): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (takeFocus(opener) || takeFocus(this.#options.fallbackFocus?.())) return;
    focusableAncestor(this.#host)?.focus();
  }

  readonly #onCancel = (event: Event): void => {
    // Chromium makes Esc without an earlier user gesture uncancelable: the dialog closes anyway and #onClose asks.
    if (!event.cancelable) return;
    event.preventDefault();
    this.requestClose('escape');
  };

  readonly #onClick = (event: MouseEvent): void => {
    const dialog = this.#dialog;
    // A pointer click on the ::backdrop reaches the <dialog> itself, outside its box; keyboard clicks have detail 0.
    if (!dialog || event.target !== dialog || event.detail === 0) return;
    // The second click of a double click on what opened the dialog lands on the backdrop too (Chromium counts it as a
    // first click, on a new target): a close only once a double click would be over.
    if (event.timeStamp - this.#shownAt < modalTiming.doubleClickMs) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.requestClose('backdrop');
  };

  /**
   * The browser closed the dialog by itself (an uncancelable or repeated Esc): ask as Esc would, and
   * show it again if the element keeps it open. The close event of our own `close()` arrives a task
   * later, when the element may be opening the dialog again: that one is ignored.
   */
  readonly #onClose = (): void => {
    if (this.#closedByUs) {
      this.#closedByUs = false;
      return;
    }
    if (!this.#options.isOpen() || this.#dialog?.open) return;
    this.requestClose('escape');
    this.#host.requestUpdate();
  };
}

/** Focuses `element`; false when it is gone or refused focus (disabled, hidden, inert). */
function takeFocus(element: HTMLElement | undefined): boolean {
  element?.focus();
  return element?.matches(':focus') === true;
}

function focusFirstMarked(dialog: HTMLDialogElement): void {
  dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** The nearest focusable element around `from`, crossing shadow roots outward. */
function focusableAncestor(from: Element): HTMLElement | undefined {
  let node: Node | null = from.parentNode;
  while (node) {
    if (node instanceof HTMLElement && node.matches(FOCUSABLE)) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
