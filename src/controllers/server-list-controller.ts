import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PagedList } from '../core/paged-list.js';
import type { KitError } from '../model/errors.js';
import { watchLoadFailed } from '../elements/events.js';
import { DebounceController } from './debounce-controller.js';
import { API_CHANGE_EVENT } from './kit-controller.js';
import { FlowController } from './flow-controller.js';
import { RetryFocusController } from './retry-focus-controller.js';
import { errorMessage, rateLimitWait } from '../i18n/error-messages.js';
import type { Locale } from '../i18n/locale.js';
import { renderPager } from './pager.js';
import { voucherMessages } from '../i18n/messages/vouchers.js';

/** Filters as the user set them: text, empty for "any". */
export type Filters<K extends string> = Record<K, string>;

/** A column of a server-paged table: its header and what each row shows in it. */
export interface Column<T> {
  label: string;
  cell: (item: T) => unknown;
  /** Right-aligned figures. */
  num?: boolean;
  /** The row's actions: kept in view at the end, its header named for screen readers only. */
  actions?: boolean;
}

const SKELETON_ROWS = 5;

/**
 * What the voucher elements' server-paged lists share: re-render on the list's changes, filters
 * that apply at once (a select, a date) or once typing pauses (dropped when the element leaves the
 * page, so a removed element never calls its backend), and the table on the shared grid sheet with
 * its states: skeleton rows while nothing is shown yet, "nothing matches", a failure with a retry in
 * place of rows that no longer answer the filters (under the page kept when only a page move
 * failed), and the pager of the page actually shown. A list that loaded (or tried to) from one
 * adapter loads again when the element's adapter changes.
 */
export class ServerListController<K extends string, T> implements ReactiveController {
  readonly list: PagedList<Filters<K>, T>;
  readonly #typing: DebounceController<[]>;
  /**
   * Every text filter changed since the last request, merged: clearing one box and typing in another
   * before the pause must send both, or the cleared filter stays applied while its box shows empty.
   */
  #typed: Partial<Filters<K>> = {};
  readonly #loadWhenConnected: boolean;
  readonly #host: HTMLElement;
  readonly #retryFocus: RetryFocusController;
  readonly #onApiChange = () => {
    if (this.list.state.load.status !== 'idle') void this.list.reload();
  };

  /**
   * `main`: the list is the element's own content, so its first page is loaded when the element
   * is attached (unless one is shown already), and a failed first load fires `<tag>-load-failed`
   * (again after a failed retry, never once a page has loaded).
   */
  constructor(host: ReactiveControllerHost & HTMLElement, list: PagedList<Filters<K>, T>, options: { main?: 'load-when-connected' | 'report-only' } = {}) {
    this.list = list;
    this.#host = host;
    new FlowController(host, list);
    this.#retryFocus = new RetryFocusController(host);
    this.#typing = new DebounceController(host, () => this.#apply({}), 250);
    this.#loadWhenConnected = options.main === 'load-when-connected';
    if (options.main) watchLoadFailed(host, list, (state) => (state.load.status === 'failed' && !state.page ? state.load.error : undefined));
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener(API_CHANGE_EVENT, this.#onApiChange);
    if (this.#loadWhenConnected && !this.list.state.page) void this.list.reload();
  }

  hostDisconnected(): void {
    this.#host.removeEventListener(API_CHANGE_EVENT, this.#onApiChange);
  }

  /** A `<select>` filter: one option per `[value, text]`, after "All". */
  select(key: K, label: string, options: readonly (readonly [string, string])[], locale: Locale): TemplateResult {
    const chosen = this.list.state.filters[key];
    return html`<div class="field">
      <label for=${`filter-${key}`}>${label}</label>
      <select id=${`filter-${key}`} @change=${(event: Event) => this.#apply(this.#patch(key, event))}>
        <option value="">${voucherMessages(locale).all}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === chosen}>${text}</option>`)}
      </select>
    </div>`;
  }

  /** A text filter applied once typing pauses. */
  search(key: K, label: string): TemplateResult {
    return html`<div class="field">
      <label for=${`filter-${key}`}>${label}</label>
      <input id=${`filter-${key}`} type="search" autocomplete="off" .value=${this.list.state.filters[key]} @input=${this.typed(key)} />
    </div>`;
  }

  /** A date filter applied at once; `issue` says at the field what is wrong with it (an end before the start). */
  date(key: K, label: string, issue = ''): TemplateResult {
    const id = `filter-${key}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type="date" aria-invalid=${String(issue !== '')} aria-describedby=${issue ? `${id}-error` : nothing} .value=${this.list.state.filters[key]}
        @change=${(event: Event) => this.#apply(this.#patch(key, event))} />
      ${issue ? html`<p class="error" id=${`${id}-error`} role="alert">${issue}</p>` : nothing}
    </div>`;
  }

  /** An input handler that filters by `key` once typing pauses. */
  typed(key: K): (event: Event) => void {
    return (event) => {
      this.#typed = { ...this.#typed, ...this.#patch(key, event) };
      this.#typing.call();
    };
  }

  /** Sends `patch` with the text still waiting for its pause: one request that answers every box. */
  #apply(patch: Partial<Filters<K>>): void {
    this.#typing.cancel();
    const filters = { ...this.#typed, ...patch };
    this.#typed = {};
    void this.list.setFilters(filters);
  }

  /**
   * The current page as one grid, then the pager. A failed load replaces both when the rows shown
   * no longer answer the filters; a failed page move keeps the page shown, the failure under its
   * pager. `failed` says what could not be loaded; `key` names a row (its `data-key`), for focus
   * to find it again. `note` is what a row says below its cells
   * across the whole width (an action's progress or failure), so no column widens for it. `none`
   * is what an empty list says while no filter is set ("no customers yet"), not "nothing matches".
   */
  table(
    part: string,
    caption: string,
    columns: readonly Column<T>[],
    locale: Locale,
    failed: string,
    key: (item: T) => string,
    note: (item: T) => unknown = () => nothing,
    none?: string,
  ): TemplateResult {
    const m = voucherMessages(locale);
    const { load, page, limit, filters } = this.list.state;
    if (load.status === 'failed' && !this.list.pageAnswersFilters) return this.#failure(failed, load.error, locale);
    const busy = load.status === 'loading' || load.status === 'idle';
    const rows = page?.items ?? [];
    return html`<div class="table-wrap">
        <div class="table" part=${part} role="table" aria-label=${caption} aria-busy=${String(busy)} tabindex="0" data-retry-focus>
          <div class="thead" role="rowgroup">
            <div class="tr" role="row">
              ${columns.map(
                (c) => html`<span class=${c.num ? 'th num' : c.actions ? 'th sticky-end' : 'th'} role="columnheader"
                  >${c.actions ? html`<span class="visually-hidden">${c.label}</span>` : c.label}</span
                >`,
              )}
            </div>
          </div>
          <div class="tbody" role="rowgroup">
            ${busy && rows.length === 0
              ? html`<div class="skeleton" role="row">
                  <span role="cell" class="visually-hidden">${m.loading}</span>
                  ${Array.from({ length: SKELETON_ROWS }, () => html`<div class="skeleton-row" aria-hidden="true"></div>`)}
                </div>`
              : rows.length === 0
                ? html`<div class="empty" role="row"><span role="cell">${none !== undefined && Object.values(filters).every((v) => v === '') ? none : m.none}</span></div>`
                : rows.map((item) => this.#row(columns, item, key(item), note(item)))}
          </div>
        </div>
      </div>
      ${page ? renderPager({ offset: page.offset, limit, total: page.total }, locale, (to) => void this.list.goTo(to)) : nothing}
      ${load.status === 'failed' ? this.#failure(failed, load.error, locale) : nothing}`;
  }

  /**
   * Why the list could not be loaded, with a retry: in place of the rows, or under the page kept.
   * While a rate limit's wait lasts ("Try again in 5 s") the retry is inert: pressed, it would only
   * be limited again. The element draws again when the wait is over.
   */
  #failure(failed: string, error: KitError, locale: Locale): TemplateResult {
    const message = errorMessage(error, locale);
    return html`<div class="error-state" part="error" role="alert">
      <p>${failed} ${message}</p>
      <button type="button" aria-disabled=${String(rateLimitWait(error) > 0)} @click=${this.#retryFocus.press(() => this.list.reload(), error)}>${voucherMessages(locale).retry}</button>
    </div>`;
  }

  #row(columns: readonly Column<T>[], item: T, key: string, note: unknown): TemplateResult {
    return html`<div class="tr" role="row" data-key=${key}>
      ${columns.map(
        (c) => html`<span class=${c.num ? 'td num' : c.actions ? 'td sticky-end' : 'td'} role="cell" data-label=${c.actions ? nothing : c.label}>${c.cell(item)}</span>`,
      )}${note === nothing ? nothing : html`<span class="td row-note" role="cell" aria-colspan=${columns.length}>${note}</span>`}
    </div>`;
  }

  #patch(key: K, event: Event): Partial<Filters<K>> {
    const { value } = event.target as HTMLInputElement;
    const patch: Partial<Filters<K>> = {};
    patch[key] = value;
    return patch;
  }
}
