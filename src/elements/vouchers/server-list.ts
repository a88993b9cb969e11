import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PagedList } from '../../core/paged-list.js';
import { DebounceController } from '../../controllers/debounce-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { Locale } from '../../i18n/locale.js';
import { renderPager } from '../pager.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';

/** Filters as the user set them: text, empty for "any". */
export type Filters<K extends string> = Record<K, string>;

/** A column of a server-paged table. */
export interface Column {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
  /** Named for screen readers only (an actions column). */
  hidden?: boolean;
}

/**
 * What the voucher elements' server-paged lists share: re-render on the list's changes, filters
 * that apply at once (a select, a date) or once typing pauses (dropped when the element leaves the
 * page, so a removed element never calls its backend), the table, and under it the loading /
 * nothing-matches / failed-with-retry line and the pager.
 */
export class ServerListController<K extends string, T> implements ReactiveController {
  readonly list: PagedList<Filters<K>, T>;
  readonly #typing: DebounceController<[Partial<Filters<K>>]>;

  constructor(host: ReactiveControllerHost, list: PagedList<Filters<K>, T>) {
    this.list = list;
    new FlowController(host, list);
    this.#typing = new DebounceController(host, (patch: Partial<Filters<K>>) => void list.setFilters(patch), 250);
    host.addController(this);
  }

  /** A `<select>` filter: one option per `[value, text]`, after "All". */
  select(key: K, label: string, options: readonly (readonly [string, string])[], locale: Locale): TemplateResult {
    const chosen = this.list.state.filters[key];
    return html`<label
      >${label}
      <select @change=${(event: Event) => void this.list.setFilters(this.#patch(key, event))}>
        <option value="">${voucherMessages(locale).all}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === chosen}>${text}</option>`)}
      </select></label
    >`;
  }

  /** A text filter applied once typing pauses. */
  search(key: K, label: string): TemplateResult {
    return html`<label>${label}<input type="search" .value=${this.list.state.filters[key]} @input=${this.typed(key)} /></label>`;
  }

  /** A date filter applied at once. */
  date(key: K, label: string): TemplateResult {
    return html`<label>${label}<input type="date" .value=${this.list.state.filters[key]} @change=${(event: Event) => void this.list.setFilters(this.#patch(key, event))} /></label>`;
  }

  /** An input handler that filters by `key` once typing pauses. */
  typed(key: K): (event: Event) => void {
    return (event) => this.#typing.call(this.#patch(key, event));
  }

  /** The table of the current page. */
  table(part: string, caption: string, columns: readonly Column[], row: (item: T) => TemplateResult): TemplateResult {
    return html`<div class="table-wrap">
      <table part=${part} aria-busy=${String(this.list.state.load.status === 'loading')}>
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            ${columns.map(
              (c) => html`<th scope="col" class=${c.num ? 'num' : nothing}>${c.hidden ? html`<span class="visually-hidden">${c.label}</span>` : c.label}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${this.list.items.map(row)}
        </tbody>
      </table>
    </div>`;
  }

  /** Why the list is empty (still loading, nothing matches, or failed with a retry), then the pager. */
  footer(locale: Locale, failed: string): TemplateResult {
    const m = voucherMessages(locale);
    const { load, page, offset, limit } = this.list.state;
    const status =
      load.status === 'failed'
        ? html`<p part="error" role="alert">${failed} ${errorMessage(load.error, locale)} <button type="button" @click=${() => void this.list.reload()}>${m.retry}</button></p>`
        : !page && load.status === 'loading'
          ? html`<p class="muted">${m.loading}</p>`
          : page?.total === 0
            ? html`<p class="muted">${m.none}</p>`
            : nothing;
    return html`${status}${renderPager({ offset, limit, total: page?.total ?? 0 }, locale, (to) => void this.list.goTo(to))}`;
  }

  hostConnected(): void {}

  #patch(key: K, event: Event): Partial<Filters<K>> {
    const { value } = event.target as HTMLInputElement;
    const patch: Partial<Filters<K>> = {};
    patch[key] = value;
    return patch;
  }
}
