import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { KitError } from '../../model/errors.js';
import type { Invitation, InvitationSortKey, InvitationStatus } from '../../model/schemas/invitations.js';
import { InviteTableFlow, resendable } from '../../core/invites/invite-table-flow.js';
import { DebounceController } from '../../controllers/debounce-controller.js';
import { RetryFocusController } from '../../controllers/retry-focus-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { GridKeyboardController, type GridCell } from '../../controllers/grid-keyboard-controller.js';
import { API_CHANGE_EVENT, KitController } from '../../controllers/kit-controller.js';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import type { RequestCloseDetail } from '../../controllers/modal-controller.js';
import { VirtualRowsController } from '../../controllers/virtual-rows-controller.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { errorMessage, rateLimitWait } from '../../i18n/error-messages.js';
import '../../masked-field.js';
import { integerAttribute } from '../attributes.js';
import { watchLoadFailed } from '../events.js';
import { renderPager } from '../../controllers/pager.js';
import { inviteMessages } from '../../i18n/messages/invite-table.js';
import { inviteTableStyles } from './invite-table.styles.js';
import { resendModule } from './resend-module.js';
import type { Announcement, ResendPart } from './resend-part.js';

/** Detail of `invitations-resent`: what a resend (one row or a batch) achieved. Each row is in one list. */
export interface InvitationsResentDetail {
  /** Re-sent: the backend answered with the new link. */
  succeeded: string[];
  /** Not re-sent: the backend's `reason` for refusing (else the error's code), or the request never left. */
  failed: { id: string; reason: string }[];
  /**
   * No answer came (network cut, timeout, 5xx, malformed answer): re-sent or not, nobody knows.
   * Sending again reuses the row's idempotency key, so it goes out at most once; the run that
   * settles it reports it as succeeded.
   */
  unknown: { id: string; error: KitError }[];
}

/** The columns, in order; `select` and `actions` are always shown. */
export type InviteColumn = 'name' | 'mobile' | 'email' | 'status' | 'invitedAt' | 'linkExpiresAt' | 'operator';
const COLUMNS: readonly InviteColumn[] = ['name', 'mobile', 'email', 'status', 'invitedAt', 'linkExpiresAt', 'operator'];
/** Each column's track in the one template header and body share; the selection column is 3rem, the name sticks beside it. */
const TRACKS: Record<InviteColumn, string> = {
  name: 'minmax(7rem, 1fr)',
  // Read whole or not at all (a cut date or masked value hides what it is for): at least as wide as their text.
  mobile: 'minmax(max-content, 1fr)',
  email: 'minmax(max-content, 1.2fr)',
  status: 'minmax(9rem, 1.2fr)',
  invitedAt: 'minmax(max-content, 1fr)',
  linkExpiresAt: 'minmax(max-content, 1fr)',
  operator: 'minmax(6rem, 0.8fr)',
};
/** The columns the backend sorts by (each one of the schema's sort keys, checked by the compiler). */
const SORT_KEYS: readonly InvitationSortKey[] = ['invitedAt', 'linkExpiresAt', 'status', 'operator'];
const sortable = (column: InviteColumn): column is InviteColumn & InvitationSortKey => (SORT_KEYS as readonly string[]).includes(column);
const STATUSES: InvitationStatus[] = ['reported', 'invited', 'associated', 'failed'];
const TONE: Record<InvitationStatus, string> = { reported: '', invited: 'info', associated: 'success', failed: 'danger' };
const MASKED = { name: 'maskedName', mobile: 'maskedMobile', email: 'maskedEmail' } as const;
const SKELETON_ROWS = 5;

/**
 * The partner's invited customers: name, mobile and e-mail masked (each with its eye button),
 * status with the failure reason, invitation and link-expiry times, operator. Search, status
 * filter, sorting; paged through the adapter, or, for rows the host passes in (`rows`), sorted,
 * filtered and drawn on the client with only the visible rows in the DOM (100,000 rows stay
 * smooth). Resend one row, or select rows (selection survives paging and sorting) and resend them
 * as a batch job: confirmed first, rate limits slow it down, it can be stopped, failed rows can be
 * retried alone, nothing is sent twice. Already associated customers cannot be selected, and a
 * batch started from a whole page or every match leaves them out and says so.
 *
 * Header and body are one CSS grid: they line up at every width, and when the columns do not fit
 * they scroll sideways together with the selection, name and actions columns kept in view. In a
 * container under 480px wide the rows become stacked cards with labelled fields. Works under a
 * `style-src 'self'` policy: nothing is positioned through a `style` attribute.
 *
 * Under a `<partner-kit-provider>`, a `customers-reported` event reaching the provider (a
 * `<customer-report-form>` beside the table) reloads the table, so new invitations show at once.
 *
 * Keyboard: arrow keys, Home / End and Page Up / Down move between cells (scrolling header and
 * body together); Space selects the row; Enter reveals a masked cell, or resends the row from any
 * other cell. The grid is one Tab stop: the eye buttons in its cells are left out of the Tab order.
 *
 * @summary The invited-customers table with resend and batch resend.
 * @dependency masked-field
 *
 * @event {CustomEvent<InvitationsResentDetail>} invitations-resent - A resend (one row or a batch) finished
 *   with at least one row answered, once per run. A row re-sent while a batch runs joins the batch and is
 *   reported with it. Each row is in one of `succeeded`, `failed` (not re-sent) or `unknown` (`{ id, error }`:
 *   the answer was lost, so it may have been re-sent; sending again cannot send it twice, and the run that
 *   settles it reports it as succeeded).
 * @event {CustomEvent<RequestCloseDetail>} invite-table-request-close - The user asked to close the batch
 *   confirmation (Esc, backdrop, Cancel). Cancelable: prevent it to keep the confirmation open.
 * @event {CustomEvent<LoadFailedDetail>} invite-table-load-failed - The first page of invitations could not be loaded; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart toolbar - Search, filter and batch actions.
 * @csspart grid - The table.
 * @csspart progress - The batch resend progress.
 * @csspart dialog - The batch confirmation.
 * @csspart error - Why the invitations could not be loaded.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-invite-table-height - Most height of the scrolling area with host rows. Default 28rem.
 * @cssproperty --pk-table-row-height - Height of a table row, shared by every kit table. Default 2.75rem (44px at a 16px root); scrolling follows it.
 */
export class InviteTable extends KitElement {
  static override styles = inviteTableStyles;

  static override properties = {
    api: { attribute: false },
    locale: {},
    rows: { attribute: false },
    hiddenColumns: { attribute: 'hidden-columns', converter: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []) },
    concurrency: { converter: integerAttribute({ attribute: 'concurrency', fallback: 4, min: 1, max: 64 }) },
    announcement: { state: true },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Invitations the host already has: sorted, filtered and paged on the client. Unset: paged through the adapter. */
  declare rows: readonly Invitation[] | undefined;
  /** Columns to hide (attribute `hidden-columns`, e.g. `"operator invitedAt"`). */
  declare hiddenColumns: InviteColumn[];
  /**
   * Resends in flight at once during a batch (attribute `concurrency`, 1–64); a change applies to
   * the next batch. Default 4, also for a value that is not a whole number (with a console warning).
   */
  declare concurrency: number;
  private declare announcement: Announcement | undefined;

  readonly #kit = new KitController(this);
  readonly #retryFocus = new RetryFocusController(this);
  readonly #table = new InviteTableFlow({ api: () => this.#kit.api() });
  readonly #view = new FlowController(this, this.#table);
  readonly #search = new DebounceController(this, (query: string) => void this.#table.setQuery(query), 200);
  /** Resending (one row or a batch) is fetched when the browser is idle, or at the first resend if that comes sooner. */
  readonly #resend = new LazyModuleController(this, () => resendModule.load(), { what: 'resend', preload: true });
  #part: ResendPart | undefined;
  /** Resends asked for while the resend part was on its way (or failed to come): run once it is here. */
  #waiting: ((part: ResendPart) => void)[] = [];
  readonly #virtual = new VirtualRowsController(this, { scroller: () => this.#gridElement() });
  readonly #grid = new GridKeyboardController(this, {
    size: () => ({ rows: this.#view.state.rows.length, cols: this.#columns().length + 2 }),
    pageRows: () => this.#virtual.pageRows,
    cell: ({ row, col }) => this.renderRoot.querySelector<HTMLElement>(`.tr[data-row="${row}"] .td[data-col="${col}"]`),
    scrollToRow: (row) => this.#virtual.scrollToRow(row),
    onActivate: (key, at, cell) => this.#activate(key, at, cell),
  });
  #shown: { rows: readonly Invitation[]; selected: ReadonlySet<string>; any: boolean; all: boolean } | undefined;
  /** The provider whose `customers-reported` reloads the table. */
  #provider: Element | undefined;
  readonly #onReported = () => void this.#table.refresh();

  constructor() {
    super();
    this.hiddenColumns = [];
    this.concurrency = 4;
    this.announcement = undefined;
    watchLoadFailed(this, this.#table, (state) => (state.loaded ? undefined : state.error));
    this.addEventListener(API_CHANGE_EVENT, () => void (this.#table.state.mode === 'adapter' && this.#table.refresh()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#provider = closestAcrossShadows(this, 'partner-kit-provider');
    this.#provider?.addEventListener('customers-reported', this.#onReported);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#provider?.removeEventListener('customers-reported', this.#onReported);
    this.#part?.cancel();
  }

  /** Loads the list again. */
  refresh(): Promise<void> {
    return this.#table.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows') || !this.hasUpdated) void this.#table.setData(this.rows);
    // A selection is the first step to a batch: its code is fetched now if the idle time has not come yet.
    if (this.#view.state.selected.size > 0 && this.#resend.state.status === 'idle') this.#resend.load().catch(() => undefined);
    // Made before the controllers' own update, so the confirmation dialog sees what opened it.
    this.#resendPart();
  }

  protected override updated(): void {
    // Through the CSSOM: a `style` attribute would be dropped under `style-src 'self'`.
    const tracks = ['3rem', ...this.#columns().map((c) => TRACKS[c]), 'max-content'].join(' ');
    this.#gridElement()?.style.setProperty('--pk-table-columns', tracks);
  }

  protected override render() {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const columns = this.#columns();
    const resend = this.#part?.render(this.#kit.locale, m);
    const paged = state.mode === 'adapter';
    return html`${this.#kit.renderDemoMarker()}${this.#renderToolbar()} ${this.#renderResendFailed()} ${resend?.progress ?? nothing}
      ${state.error
        ? html`<div part="error" class="error-state" role="alert">
            <p>${m.loadFailed} ${errorMessage(state.error, this.#kit.locale)}</p>
            <button type="button" aria-disabled=${String(rateLimitWait(state.error) > 0)} @click=${this.#retryFocus.press(() => this.#table.refresh(), state.error)}>${m.retry}</button>
          </div>`
        : nothing}
      <div class=${paged ? 'table-wrap' : 'table-wrap virtual'}>
        <div part="grid" class="table" role="grid" tabindex="-1" data-retry-focus aria-label=${m.caption} aria-rowcount=${state.total + 1} aria-colcount=${columns.length + 2}
          aria-busy=${String(state.loading)} @keydown=${this.#grid.onKeydown} @focusin=${this.#grid.onFocusIn} @scroll=${this.#virtual.onScroll}>
          ${this.#renderHeader(columns)}
          <div role="rowgroup" class="tbody">${!state.loaded && state.loading ? renderSkeleton() : this.#renderRows(columns)}</div>
        </div>
      </div>
      ${!state.loaded && state.loading ? html`<p class="visually-hidden">${m.loading}</p>` : nothing}
      ${state.loaded && state.total === 0 ? html`<div class="empty">${m.empty}</div>` : nothing}
      ${paged ? renderPager(state, this.#kit.locale, (offset) => void this.#table.goTo(offset)) : nothing}
      <div role="status" class="visually-hidden">${this.announcement?.(m) ?? ''}</div>
      ${resend?.confirm ?? nothing}`;
  }

  /** A resend asked for could not start: its code did not come. Nothing was sent; the retry fetches it again. */
  #renderResendFailed() {
    const load = this.#resend.state;
    if (load.status !== 'failed' || this.#waiting.length === 0) return nothing;
    return html`<div class="error-state" role="alert">
      <p>${errorMessage(load.error, this.#kit.locale)}</p>
      <button type="button" @click=${() => this.#withResend()}>${inviteMessages(this.#kit.locale).retry}</button>
    </div>`;
  }

  // ── Toolbar, header, body ──────────────────────────────────────────────────────────────────

  #renderToolbar() {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const count = state.selectedResendable;
    return html`<div part="toolbar" class="field-row toolbar">
        <div class="field">
          <label for="search">${m.search}</label>
          <input id="search" type="search" .value=${live(state.query)} @input=${(e: Event) => this.#search.call((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="status">${m.status}</label>
          <select id="status" @change=${(e: Event) => void this.#table.setStatus(((e.target as HTMLSelectElement).value || undefined) as InvitationStatus | undefined)}>
            <option value="">${m.all}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === state.status}>${m.statusLabel(s)}</option>`)}
          </select>
        </div>
        <div class="batch">
          ${state.selected.size > 0 ? html`<button type="button" @click=${() => this.#table.clearSelection()}>${m.clearSelection}</button>` : nothing}
          <button type="button" class="primary" ?disabled=${count === 0 || this.#part?.active === true} aria-busy=${String(this.#waiting.length > 0 && this.#resend.state.status === 'loading')}
            @click=${this.#askBatch}>${m.resendSelected(count)}</button>
        </div>
      </div>
      ${state.mode === 'adapter' && this.#shownSelection().all && state.total > state.rows.length && state.selected.size < state.total
        ? html`<p class="select-all">${m.pageSelected(state.rows.filter(resendable).length, state.total)}
            <button type="button" class="link" ?disabled=${state.selectingAll} @click=${() => void this.#selectAll()}>${m.selectAllShown(state.total)}</button></p>`
        : nothing}`;
  }

  #renderHeader(columns: readonly InviteColumn[]) {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const label = state.mode === 'local' ? m.selectAllShown(state.total) : m.selectPage;
    const shown = this.#shownSelection();
    return html`<div role="rowgroup" class="thead"><div role="row" class="tr" aria-rowindex="1">
      <div role="columnheader" class="th">
        <input type="checkbox" aria-label=${label} ?disabled=${!shown.any} .checked=${live(shown.all)}
          @change=${() => this.#table.togglePage()} />
      </div>
      ${columns.map((c) => {
        const sorted = state.sortBy === c;
        const sort = sorted ? (state.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
        return html`<div role="columnheader" class="th ${c}" aria-sort=${sortable(c) ? sort : nothing}>
          ${sortable(c)
            ? html`<button type="button" class="sort" @click=${() => void this.#table.sort(c)}>${m[c]}<span aria-hidden="true">${sorted ? (sort === 'ascending' ? '▲' : '▼') : ''}</span></button>`
            : m[c]}
        </div>`;
      })}
      <div role="columnheader" class="th sticky-end"><span class="visually-hidden">${m.actions}</span></div>
    </div></div>`;
  }

  #renderRows(columns: readonly InviteColumn[]) {
    const state = this.#view.state;
    // A page from the adapter is drawn whole; the host's rows only where the user looks.
    const { first, last } = state.mode === 'adapter' ? { first: 0, last: state.rows.length } : this.#virtual.range(state.rows.length);
    return state.rows.slice(first, last).map((row, i) => this.#renderRow(row, first + i, columns));
  }

  #renderRow(row: Invitation, index: number, columns: readonly InviteColumn[]) {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const selected = state.selected.has(row.id) && resendable(row);
    const rowIndex = (state.mode === 'adapter' ? state.offset : 0) + index + 2;
    const tabindex = (col: number) => this.#grid.tabindex({ row: index, col });
    return html`<div role="row" class="tr" aria-rowindex=${rowIndex} aria-selected=${String(selected)} data-row=${index}>
      <div role="gridcell" class="td" data-col="0" data-label=${m.select} tabindex=${tabindex(0)}>
        <input type="checkbox" tabindex="-1" aria-label=${m.selectRow(row.maskedName)} ?disabled=${!resendable(row)} .checked=${live(selected)} @change=${() => this.#toggle(row)} />
      </div>
      ${columns.map((c, i) => html`<div role="gridcell" class="td ${c}" data-col=${i + 1} data-label=${m[c]} tabindex=${tabindex(i + 1)}>${this.#cell(row, c)}</div>`)}
      <div role="gridcell" class="td sticky-end" data-col=${columns.length + 1} tabindex=${tabindex(columns.length + 1)}>
        <button type="button" class="small" tabindex="-1" aria-label=${m.resendRow(row.maskedName)} ?disabled=${!resendable(row)} @click=${() => this.#resendOne(row)}>${m.resend}</button>
      </div>
    </div>`;
  }

  #cell(row: Invitation, column: InviteColumn) {
    const m = inviteMessages(this.#kit.locale);
    const locale = this.#kit.locale;
    switch (column) {
      case 'name':
      case 'mobile':
      case 'email':
        // Out of the Tab order, eye button and all (a negative tabindex on a shadow host skips its tree): the grid is one
        // Tab stop, and Enter on the cell shows or hides the value. The eye still answers a click.
        return html`<masked-field tabindex="-1" kind=${column} masked=${row[MASKED[column]]} reveal-resource="invitation" reveal-id=${row.id} .api=${this.api} .locale=${this.locale}></masked-field>`;
      case 'status':
        return html`<span class="badge ${TONE[row.status]}">${m.statusLabel(row.status)}</span>${row.failure ? html`<span class="reason truncate" title=${m.failure(row.failure)}>${m.failure(row.failure)}</span>` : nothing}`;
      case 'invitedAt':
        return formatDateTime(row.invitedAt, locale);
      case 'linkExpiresAt':
        return formatDateTime(row.linkExpiresAt, locale);
      case 'operator':
        return html`<bdi class="truncate" title=${row.operator}>${row.operator}</bdi>`;
    }
  }

  // ── Resend ─────────────────────────────────────────────────────────────────────────────────

  #askBatch = (): void => {
    // Read once, when asked: the count alone is kept up to date.
    const rows = this.#table.selectedRows().filter(resendable);
    const associated = this.#view.state.selected.size - rows.length;
    this.#withResend((part) => part.ask(rows, associated));
  };

  #resendOne(row: Invitation): void {
    this.#withResend((part) => void part.resendOne(row));
  }

  /** The resend part, made once (when its code has come). */
  #resendPart(module = this.#resend.module): ResendPart | undefined {
    this.#part ??= module
      ? new module.ResendPart({
          host: this,
          api: () => this.#kit.api(),
          table: this.#table,
          concurrency: () => this.concurrency,
          announce: (announcement) => (this.announcement = announcement),
          closed: () => this.#focusRows(),
        })
      : undefined;
    return this.#part;
  }

  /** Runs `intent` with the resend part, at once when its code is here, else once it comes (announced meanwhile). */
  #withResend(intent?: (part: ResendPart) => void): void {
    const part = this.#resendPart();
    if (part) {
      intent?.(part);
      return;
    }
    if (intent) this.#waiting.push(intent);
    this.announcement = (m) => m.loading;
    this.#resend.load().then(
      (module) => {
        const waiting = this.#waiting;
        this.#waiting = [];
        this.announcement = undefined;
        const ready = this.#resendPart(module);
        for (const run of waiting) if (ready) run(ready);
      },
      () => (this.announcement = undefined),
    );
  }

  /** The progress panel closed: focus goes back to the cell it was on, or to the search when no row is left. */
  #focusRows(): void {
    const rows = this.#view.state.rows.length;
    if (rows > 0) this.#grid.moveTo({ row: Math.min(this.#grid.active.row, rows - 1), col: this.#grid.active.col });
    else this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
  }

  // ── Selection, keyboard, columns ───────────────────────────────────────────────────────────

  /**
   * Whether the rows shown (with host rows: every match) hold any that can be selected, and whether
   * all of those are. Kept per rows and selection, and each walk stops at its answer: a keystroke
   * over 100,000 matches with nothing selected reads a row or two, not all of them; after selecting
   * (or unselecting) every match the flow knows the answer, and none of them is read.
   */
  #shownSelection(): { any: boolean; all: boolean } {
    const { rows, selected } = this.#view.state;
    if (this.#shown?.rows !== rows || this.#shown.selected !== selected) {
      const any = rows.some(resendable);
      const all = any && selected.size > 0 && (this.#table.allShownSelected() ?? rows.every((r) => !resendable(r) || selected.has(r.id)));
      this.#shown = { rows, selected, any, all };
    }
    return this.#shown;
  }

  #toggle(row: Invitation): void {
    this.#table.toggle(row.id);
    this.#announceSelection();
  }

  async #selectAll(): Promise<void> {
    await this.#table.selectAllMatches();
    this.#announceSelection();
  }

  #announceSelection(): void {
    const count = this.#view.state.selectedResendable;
    this.announcement = (m) => m.selectedCount(count);
  }

  /** Space selects the row; Enter shows or hides a masked cell, or resends the row from any other cell. */
  #activate(key: 'Enter' | ' ', at: GridCell, cell: HTMLElement): void {
    const row = this.#view.state.rows[at.row];
    const field = cell.querySelector('masked-field');
    if (!row) return;
    if (key === ' ') {
      if (resendable(row)) this.#toggle(row);
    } else if (field) {
      if (field.revealed) field.hide();
      else void field.show();
    } else if (resendable(row)) {
      this.#resendOne(row);
    }
  }

  #columns(): InviteColumn[] {
    const hidden = new Set<string>(this.hiddenColumns);
    return COLUMNS.filter((c) => !hidden.has(c));
  }

  #gridElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.table');
  }
}

/** The nearest ancestor matching `selector`, crossing shadow roots outward: the provider may be outside the host's tree. */
function closestAcrossShadows(from: Element, selector: string): Element | undefined {
  let node: Node | null = from.parentNode;
  while (node) {
    if (node instanceof Element && node.matches(selector)) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

function renderSkeleton() {
  return html`<div class="skeleton" aria-hidden="true">${Array.from({ length: SKELETON_ROWS }, () => html`<div class="skeleton-row"></div>`)}</div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-table': InviteTable;
  }
  interface GlobalEventHandlersEventMap {
    'invitations-resent': CustomEvent<InvitationsResentDetail>;
    'invite-table-request-close': CustomEvent<RequestCloseDetail>;
  }
}
