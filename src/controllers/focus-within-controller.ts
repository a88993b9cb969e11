import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './focus.js';

type Host = ReactiveControllerHost & HTMLElement;

const trackers = new WeakMap<Host, FocusWithinController>();

/**
 * The host's one focus tracker, made on first ask: every controller of an element that moves focus
 * on (a retry, a panel, each list of a form with several) reads the same one, so an element has
 * one pair of focus listeners whatever it holds.
 */
export function focusWithin(host: Host): FocusWithinController {
  let tracker = trackers.get(host);
  if (!tracker) {
    tracker = new FocusWithinController(host);
    trackers.set(host, tracker);
  }
  return tracker;
}

/**
 * Tells whether focus was lost from inside the host: the control a user pressed was removed or
 * disabled by the update it caused, and focus fell to the page. Only then does an element take
 * focus on to what replaced that control — never on a page that just loaded, nor from a user
 * who has since moved to another part of the page. Get it with `focusWithin(host)`.
 */
export class FocusWithinController implements ReactiveController {
  readonly #host: Host;
  /** Focus came in, and has not been moved out by the user since. */
  #inside = false;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    host.addEventListener('focusin', () => (this.#inside = true));
    host.addEventListener('focusout', (event) => {
      if (event.relatedTarget) {
        this.#inside = false;
        return;
      }
      // Focus went nowhere: a click on the page leaves the control as it was; an update removed, hid (a dialog closing) or disabled it.
      const left = event.composedPath()[0];
      queueMicrotask(() => {
        // Safari before 17.4 has no checkVisibility: there, a rendered element has boxes.
        const shown = left instanceof HTMLElement && (typeof left.checkVisibility === 'function' ? left.checkVisibility() : left.getClientRects().length > 0);
        if (shown && left.isConnected && !left.matches(':disabled')) this.#inside = false;
      });
    });
  }

  /** Focus was inside the host and now sits on the page (or the host itself). */
  get lost(): boolean {
    if (!this.#inside) return false;
    const active = deepActiveElement();
    return !active || active === document.body || active === this.#host;
  }

  /** Taken off the page: whatever had focus in it is gone with it, and put back it starts afresh. */
  hostDisconnected(): void {
    this.#inside = false;
  }
}
