import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './focus.js';
import { focusWithin, type FocusWithinController } from './focus-within-controller.js';
import type { KitError } from '../model/errors.js';
import { rateLimitWait } from '../i18n/error-messages.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps focus off the page when a "Try again" is replaced by what it loads: while the retry runs,
 * focus that fell to the page goes to the element's `[data-retry-focus]` (the list or heading now
 * loading, focusable), and on to the new "Try again" (`.error-state button`) when it failed once
 * more. Focus the user put elsewhere meanwhile stays there.
 */
export class RetryFocusController implements ReactiveController {
  readonly #host: Host;
  /** Whether focus fell from inside, or the user took it elsewhere (a click on the page included). */
  readonly #within: FocusWithinController;
  /** The retry running, until it has settled and been drawn. */
  #running: Promise<unknown> | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#within = focusWithin(host);
    host.addController(this);
  }

  /**
   * The click handler of a "Try again" that runs `retry` (which settles once loaded or failed). For
   * the `error` it answers, it does nothing while a rate limit's wait lasts: the button says "Try
   * again in N s" and is `aria-disabled` (`rateLimitWait(error) > 0`); pressed early it would only
   * be limited again.
   */
  press(retry: () => Promise<unknown>, error?: KitError): () => void {
    return () => {
      if (error && rateLimitWait(error) > 0) return;
      const running = retry().catch(() => undefined);
      this.#running = running;
      void running
        .then(() => this.#host.updateComplete)
        .then(() => {
          this.#keep();
          if (this.#running === running) this.#running = undefined;
        });
    };
  }

  hostUpdated(): void {
    if (this.#running) this.#keep();
  }

  #keep(): void {
    const root = this.#host.shadowRoot ?? this.#host;
    const loading = root.querySelector<HTMLElement>('[data-retry-focus]');
    // Where the user went meanwhile, focus stays; fallen from inside, or where this put it, it follows the retry.
    if (!this.#within.lost && deepActiveElement() !== loading) return;
    (root.querySelector<HTMLElement>('.error-state button') ?? loading)?.focus();
  }
}
