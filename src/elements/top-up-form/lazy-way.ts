import { html } from 'lit';
import { KitError } from '../../model/errors.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { Locale } from '../../i18n/locale.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';
import { wayModules, type LoadedView, type Way, type WayContext } from './way.js';

type LazyWayState = { status: 'idle' } | { status: 'loading'; again: boolean } | { status: 'ready'; way: Way } | { status: 'failed'; error: KitError };

/**
 * A way whose code is fetched with `import()` the first time its tab is shown: one load however
 * often it is asked for, the kit's loading state meanwhile, and a failed fetch shown as a network
 * error with a retry (opening the tab again retries too). Once loaded, it is the way itself.
 */
export class LazyWay {
  readonly #view: LoadedView;
  readonly #context: WayContext;
  #state: LazyWayState = { status: 'idle' };
  #arrival: Promise<void> = Promise.resolve();

  constructor(view: LoadedView, context: WayContext) {
    this.#view = view;
    this.#context = context;
  }

  /** See {@link Way.prepare}; the first time it is shown, the way's code is fetched. */
  prepare(shown: boolean): void {
    if (shown && this.#state.status === 'idle') this.#load();
    if (this.#state.status === 'ready') this.#state.way.prepare(shown);
  }

  /** See {@link Way.reopened}; a way whose code did not come is fetched again. */
  reopened(): void {
    if (this.#state.status === 'failed') this.#load();
    else if (this.#state.status === 'ready') this.#state.way.reopened?.();
  }

  /** Settles once the code asked for last has come or failed to (at once when none is on its way). */
  get arrival(): Promise<void> {
    return this.#arrival;
  }

  /**
   * See {@link Way.step}; `undefined` while the way's code comes for the first time: nothing was
   * shown, so no pressed control went away and focus stays where the user left it.
   */
  get step(): string | undefined {
    const state = this.#state;
    if (state.status === 'ready') return state.way.step;
    return state.status === 'failed' || (state.status === 'loading' && state.again) ? `way-${state.status}` : undefined;
  }

  render(locale: Locale): unknown {
    const m = topUpMessages(locale);
    switch (this.#state.status) {
      case 'idle':
      case 'loading':
        return html`<div class="skeleton" aria-hidden="true"><div class="skeleton-row"></div><div class="skeleton-row"></div><div class="skeleton-row"></div></div>
          <p class="visually-hidden" role="status">${m.loading}</p>`;
      case 'failed':
        return html`<div class="error-state" role="alert">
          <p>${errorMessage(this.#state.error, locale)}</p>
          <button type="button" data-focus @click=${() => this.#load()}>${m.retry}</button>
        </div>`;
      case 'ready':
        return this.#state.way.render(locale);
    }
  }

  #load(): void {
    this.#set({ status: 'loading', again: this.#state.status === 'failed' });
    this.#arrival = wayModules[this.#view]().then(
      (WayOf) => this.#set({ status: 'ready', way: new WayOf(this.#context) }),
      (cause: unknown) => {
        const reason = navigator.onLine === false ? 'offline' : 'module-load';
        this.#set({ status: 'failed', error: new KitError('network', `<top-up-form> could not load its ${this.#view} way.`, { reason, details: { module: this.#view }, cause }) });
      },
    );
  }

  #set(state: LazyWayState): void {
    this.#state = state;
    this.#context.host.requestUpdate();
  }
}
