import { html } from 'lit';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { Locale } from '../../i18n/locale.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';
import { wayModules, type LoadedView, type Way, type WayClass, type WayContext } from './way.js';

/**
 * A way whose code is fetched with `import()` the first time its tab is shown (a
 * {@link LazyModuleController}: one load however often it is asked for, and the element's
 * `updateComplete` waits for it), the kit's loading state meanwhile, and a failed fetch shown as a
 * network error with a retry (opening the tab again retries too). Once loaded, it is the way itself.
 */
export class LazyWay {
  readonly #context: WayContext;
  readonly #code: LazyModuleController<WayClass>;
  #way: Way | undefined;

  constructor(view: LoadedView, context: WayContext) {
    this.#context = context;
    this.#code = new LazyModuleController(context.host, () => wayModules[view](), { what: `${view} way` });
  }

  /** See {@link Way.prepare}; the first time it is shown, the way's code is fetched. */
  prepare(shown: boolean): void {
    const way = this.#ready();
    if (way) way.prepare(shown);
    else if (shown && this.#code.state.status === 'idle') this.#load();
  }

  /** See {@link Way.reopened}; a way whose code did not come is fetched again. */
  reopened(): void {
    if (this.#code.state.status === 'failed') this.#load();
    else this.#ready()?.reopened?.();
  }

  /**
   * See {@link Way.step}; `undefined` while the way's code comes for the first time: nothing was
   * shown, so no pressed control went away and focus stays where the user left it.
   */
  get step(): string | undefined {
    const way = this.#ready();
    if (way) return way.step;
    const state = this.#code.state;
    return state.status === 'failed' || (state.status === 'loading' && state.again) ? `way-${state.status}` : undefined;
  }

  render(locale: Locale): unknown {
    const way = this.#ready();
    if (way) return way.render(locale);
    const m = topUpMessages(locale);
    const state = this.#code.state;
    if (state.status === 'failed') {
      return html`<div class="error-state" role="alert">
        <p>${errorMessage(state.error, locale)}</p>
        <button type="button" data-focus @click=${() => this.#load()}>${m.retry}</button>
      </div>`;
    }
    return html`<div class="skeleton" aria-hidden="true"><div class="skeleton-row"></div><div class="skeleton-row"></div><div class="skeleton-row"></div></div>
      <p class="visually-hidden" role="status">${m.loading}</p>`;
  }

  /** The way, built the first time it is asked for once its code has come. */
  #ready(): Way | undefined {
    const WayOf = this.#code.module;
    if (WayOf) this.#way ??= new WayOf(this.#context);
    return this.#way;
  }

  #load(): void {
    this.#code.load().catch(() => undefined);
  }
}
