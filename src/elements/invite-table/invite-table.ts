import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { Invitation, InvitationSortKey, InvitationStatus } from '../../model/schemas/invitations.js';
import { InviteTableFlow } from '../../core/invites/invite-table-flow.js';
import { ResendJob, resendActive, type ResendJobRun } from '../../core/invites/resend-job.js';
import { DebounceController } from '../../controllers/debounce-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { GridKeyboardController, type GridCell } from '../../controllers/grid-keyboard-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { VirtualRowsController } from '../../controllers/virtual-rows-controller.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { errorMessage } from '../../i18n/error-messages.js';
import '../../masked-field.js';
import { emit } from '../events.js';
import { renderPager } from '../pager.js';
import { inviteMessages } from '../../i18n/messages/invite-table.js';
import { renderResendConfirm, renderResendProgress } from './batch-resend-view.js';
import { inviteTableStyles } from './invite-table.styles.js';

/** Detail of `invitations-resent`: what a resend (one row or a batch) achieved. */
export interface InvitationsResentDetail {
  succeeded: string[];
  failed: { id: string; reason: string }[];
}

/** The columns, in order; `select` and `actions` are always shown. */
export type InviteColumn = 'name' | 'mobile' | 'email' | 'status' | 'invitedAt' | 'linkExpiresAt' | 'operator';
const COLUMNS: readonly InviteColumn[] = ['name', 'mobile', 'email', 'status', 'invitedAt', 'linkExpiresAt', 'operator'];
const SORTABLE: ReadonlySet<string> = new Set<InvitationSortKey>(['invitedAt', 'linkExpiresAt', 'status', 'operator']);
const STATUSES: InvitationStatus[] = ['reported', 'invited', 'associated', 'failed'];
/** Below this width the table hides the columns a narrow screen can do without. */
const NARROW = 720;
const NARROW_HIDDEN: readonly InviteColumn[] = ['invitedAt', 'operator', 'email'];
const MASKED = { name: 'maskedName', mobile: 'maskedMobile', email: 'maskedEmail' } as const;

/**
 * The partner's invited customers: name, mobile and e-mail masked (each with its eye button),
 * status with the failure reason, invitation and link-expiry times, operator. Search, status
 * filter, sorting; paged through the adapter, or, for rows the host passes in (`rows`), sorted,
 * filtered and drawn on the client with only the visible rows in the DOM (100,000 rows stay
 * smooth). Resend one row, or select rows (selection survives paging and sorting) and resend them
 * as a batch job: confirmed first, rate limits slow it down, it can be stopped, failed rows can be
 * retried alone, nothing is sent twice.
 *
 * Keyboard: arrow keys, Home / End and Page Up / Down move between cells; Space selects the row;
 * Enter reveals a masked cell, or resends the row from any other cell.
 *
 * @summary The invited-customers table with resend and batch resend.
 *
 * @event {CustomEvent<InvitationsResentDetail>} invitations-resent - A resend (one row or a batch) finished
 *   with at least one row answered. A row re-sent while a batch runs joins the batch and is reported with it.
 * @event {CustomEvent<RequestCloseDetail>} invite-table-request-close - The user asked to close the batch
 *   confirmation (Esc, backdrop, Cancel). Cancelable: prevent it to keep the confirmation open.
 *
 * @csspart toolbar - Search, filter and batch actions.
 * @csspart grid - The table.
 * @csspart progress - The batch resend progress.
 * @csspart dialog - The batch confirmation.
 *
 * @cssproperty --pk-invite-table-height - Height of the scrolling area with host rows. Default 28rem.
 * @cssproperty --pk-row-height - Height of a table row. Default 44px; scrolling follows it.
 */
export class InviteTable extends LitElement {
  static override styles = inviteTableStyles;

  static override properties = {
    api: { attribute: false },
    locale: {},
    rows: { attribute: false },
    hiddenColumns: { attribute: 'hidden-columns', converter: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []) },
    concurrency: { type: Number },
    announcement: { state: true },
    confirming: { state: true },
    narrow: { state: true },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Invitations the host already has: sorted, filtered and paged on the client. Unset: paged through the adapter. */
  declare rows: readonly Invitation[] | undefined;
  /** Columns to hide (attribute `hidden-columns`, e.g. `"operator invitedAt"`). */
  declare hiddenColumns: InviteColumn[];
  /** Resends in flight at once during a batch (attribute `concurrency`); a change applies to the next batch. Default 4. */
  declare concurrency: number;
  private declare announcement: string;
  private declare confirming: Invitation[] | undefined;
  private declare narrow: boolean;

  readonly #kit = new KitController(this);
  readonly #table = new InviteTableFlow({ api: () => this.#kit.api() });
  readonly #job = new ResendJob({ api: () => this.#kit.api() });
  readonly #view = new FlowController(this, this.#table);
  readonly #jobView = new FlowController(this, this.#job);
  // The countdown of a rate-limit pause is redrawn each second while a job runs.
  readonly #ticker = new TickerController(this, { ms: 1000 });
  readonly #search = new DebounceController(this, (query: string) => void this.#table.setQuery(query), 200);
  readonly #modal = new ModalController(this, { isOpen: () => this.confirming !== undefined, onRequestClose: () => (this.confirming = undefined) });
  readonly #virtual = new VirtualRowsController(this, { scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller') });
  readonly #grid = new GridKeyboardController(this, {
    size: () => ({ rows: this.#view.state.rows.length, cols: this.#columns().length + 2 }),
    pageRows: () => this.#virtual.pageRows,
    cell: ({ row, col }) => this.renderRoot.querySelector<HTMLElement>(`.row[data-row="${row}"] .cell[data-col="${col}"]`),
    scrollToRow: (row) => this.#virtual.scrollToRow(row),
    onActivate: (key, at, cell) => this.#activate(key, at, cell),
  });
  readonly #resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(([entry]) => this.#fit(entry?.contentRect.width ?? NARROW));

  constructor() {
    super();
    this.hiddenColumns = [];
    this.concurrency = 4;
    this.announcement = '';
    this.narrow = false;
    this.confirming = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#job.cancel();
  }

  /** Loads the list again. */
  refresh(): Promise<void> {
    return this.#table.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows') || !this.hasUpdated) void this.#table.setData(this.rows);
    this.#job.concurrency = this.concurrency;
  }

  protected override render() {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const columns = this.#columns();
    const template = ['2.5rem', ...columns.map((c) => (c === 'status' ? 'minmax(8rem, 1.2fr)' : 'minmax(6.5rem, 1fr)')), '6.5rem'].join(' ');
    const progress = renderResendProgress(this.#jobView.state, this.#kit.locale, {
      name: (id) => this.#table.row(id)?.maskedName ?? id,
      cancel: () => this.#job.cancel(),
      retry: () => void this.#runJob(() => this.#job.retryFailed()),
      close: () => this.#job.reset(),
    });
    return html`${this.#renderToolbar()} ${progress}
      ${state.error ? html`<p part="error" role="alert">${m.loadFailed} ${errorMessage(state.error, this.#kit.locale)}
        <button type="button" @click=${() => void this.#table.refresh()}>${m.retry}</button></p>` : nothing}
      <div part="grid" role="grid" aria-label=${m.caption} aria-rowcount=${state.total + 1} aria-colcount=${columns.length + 2}
        aria-busy=${String(state.loading)} style=${`--cols: ${template}`} @keydown=${this.#grid.onKeydown} @focusin=${this.#grid.onFocusIn}>
        ${this.#renderHeader(columns)} ${this.#renderBody(columns)}
      </div>
      ${state.loaded && state.total === 0 ? html`<p class="muted">${m.empty}</p>` : nothing}
      ${!state.loaded && state.loading ? html`<p class="muted">${m.loading}</p>` : nothing}
      ${state.mode === 'adapter' ? renderPager(state, this.#kit.locale, (offset) => void this.#table.goTo(offset)) : nothing}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${renderResendConfirm(this.confirming ?? [], this.#kit.locale, { cancel: () => this.#modal.requestClose('close-button'), confirm: this.#startBatch })}`;
  }

  // ── Toolbar, header, body ──────────────────────────────────────────────────────────────────

  #renderToolbar() {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const count = state.selected.size;
    const pageAll = state.rows.length > 0 && state.rows.every((r) => state.selected.has(r.id));
    return html`<div part="toolbar" class="toolbar">
        <label>${m.search}<input type="search" .value=${live(state.query)} @input=${(e: Event) => this.#search.call((e.target as HTMLInputElement).value)} /></label>
        <label>${m.status}
          <select @change=${(e: Event) => void this.#table.setStatus(((e.target as HTMLSelectElement).value || undefined) as InvitationStatus | undefined)}>
            <option value="">${m.all}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === state.status}>${m.statusLabel(s)}</option>`)}
          </select></label>
        <span class="spacer"></span>
        ${count > 0 ? html`<button type="button" @click=${() => this.#table.clearSelection()}>${m.clearSelection}</button>` : nothing}
        <button type="button" class="primary" ?disabled=${count === 0 || resendActive(this.#jobView.state)} @click=${this.#askBatch}>${m.resendSelected(count)}</button>
      </div>
      ${state.mode === 'adapter' && pageAll && state.total > state.rows.length && count < state.total
        ? html`<p class="select-all">${m.pageSelected(state.rows.length, state.total)}
            <button type="button" ?disabled=${state.selectingAll} @click=${() => void this.#selectAll()}>${m.selectAllShown(state.total)}</button></p>`
        : nothing}`;
  }

  #renderHeader(columns: readonly InviteColumn[]) {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const pageAll = state.rows.length > 0 && state.rows.every((r) => state.selected.has(r.id));
    const label = state.mode === 'local' ? m.selectAllShown(state.total) : m.selectPage;
    return html`<div role="row" class="row head" aria-rowindex="1">
      <div role="columnheader" class="cell" data-col="0">
        <input type="checkbox" aria-label=${label} .checked=${live(pageAll)} @change=${() => this.#table.togglePage()} />
      </div>
      ${columns.map((c, i) => {
        const sorted = state.sortBy === c;
        const sort = sorted ? (state.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
        return html`<div role="columnheader" class="cell" data-col=${i + 1} aria-sort=${SORTABLE.has(c) ? sort : nothing}>
          ${SORTABLE.has(c)
            ? html`<button type="button" class="sort" @click=${() => void this.#table.sort(c as InvitationSortKey)}>${m[c]}<span aria-hidden="true">${sorted ? (sort === 'ascending' ? ' ▲' : ' ▼') : ''}</span></button>`
            : m[c]}
        </div>`;
      })}
      <div role="columnheader" class="cell" data-col=${columns.length + 1}><span class="visually-hidden">${m.actions}</span></div>
    </div>`;
  }

  #renderBody(columns: readonly InviteColumn[]) {
    const state = this.#view.state;
    // A page from the adapter is drawn whole; the host's rows only where the user looks.
    const paged = state.mode === 'adapter';
    const { first, last } = paged ? { first: 0, last: state.rows.length } : this.#virtual.range(state.rows.length);
    return html`<div class=${paged ? 'scroller paged' : 'scroller'} @scroll=${this.#virtual.onScroll}>
      <div role="rowgroup" class="body" style=${`--rows: ${state.rows.length}`}>
        ${state.rows.slice(first, last).map((row, i) => this.#renderRow(row, first + i, columns))}
      </div>
    </div>`;
  }

  #renderRow(row: Invitation, index: number, columns: readonly InviteColumn[]) {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const selected = state.selected.has(row.id);
    const rowIndex = (state.mode === 'adapter' ? state.offset : 0) + index + 2;
    const tabindex = (col: number) => this.#grid.tabindex({ row: index, col });
    return html`<div role="row" class="row" aria-rowindex=${rowIndex} aria-selected=${String(selected)} data-row=${index} style=${`--row: ${index}`}>
      <div role="gridcell" class="cell" data-col="0" tabindex=${tabindex(0)}>
        <input type="checkbox" tabindex="-1" aria-label=${m.selectRow(row.maskedName)} .checked=${live(selected)} @change=${() => this.#toggle(row)} />
      </div>
      ${columns.map((c, i) => html`<div role="gridcell" class="cell" data-col=${i + 1} tabindex=${tabindex(i + 1)}>${this.#cell(row, c)}</div>`)}
      <div role="gridcell" class="cell" data-col=${columns.length + 1} tabindex=${tabindex(columns.length + 1)}>
        <button type="button" tabindex="-1" aria-label=${m.resendRow(row.maskedName)} ?disabled=${row.status === 'associated'} @click=${() => void this.#resendOne(row)}>${m.resend}</button>
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
        return html`<masked-field kind=${column} masked=${row[MASKED[column]]} reveal-resource="invitation" reveal-id=${row.id} .api=${this.api} .locale=${this.locale}></masked-field>`;
      case 'status':
        return html`<span class=${`status ${row.status}`}>${m.statusLabel(row.status)}</span>${row.failure ? html`<span class="reason">${m.failure(row.failure)}</span>` : nothing}`;
      case 'invitedAt':
        return formatDateTime(row.invitedAt, locale);
      case 'linkExpiresAt':
        return formatDateTime(row.linkExpiresAt, locale);
      case 'operator':
        return row.operator;
    }
  }

  // ── Resend ─────────────────────────────────────────────────────────────────────────────────

  #askBatch = (): void => {
    this.confirming = this.#table.selectedRows();
  };

  #startBatch = (): void => {
    const rows = this.confirming ?? [];
    this.confirming = undefined;
    void this.#runJob(() => this.#job.run(rows));
  };

  async #resendOne(row: Invitation): Promise<void> {
    const m = inviteMessages(this.#kit.locale);
    const job = this.#job.state;
    if (resendActive(job)) {
      // The running batch takes the row and reports it with its own event; a stopping one cannot.
      if (job.status === 'cancelling') this.announcement = m.cancelling;
      else {
        this.announcement = m.queued(row.maskedName);
        void this.#job.run([row]);
      }
      return;
    }
    const result = await this.#runJob(() => this.#job.run([row]));
    if (result.progress.succeeded.length === 1) this.announcement = m.sentOne(row.maskedName);
  }

  async #runJob(start: () => Promise<ResendJobRun>): Promise<ResendJobRun> {
    this.#ticker.start();
    const result = await start();
    this.#ticker.stop();
    const { succeeded, failed } = result.progress;
    // The rows show what the backend answered: its send time and link expiry, not ours.
    this.#table.markResent(succeeded);
    if (succeeded.length + failed.length > 0) {
      emit<InvitationsResentDetail>(this, 'invitations-resent', {
        succeeded: succeeded.map((r) => r.invitationId),
        failed: failed.map((f) => ({ id: f.id, reason: f.error.reason ?? f.error.code })),
      });
    }
    return result;
  }

  // ── Selection, keyboard, sizing ────────────────────────────────────────────────────────────

  #toggle(row: Invitation): void {
    this.#table.toggle(row.id);
    this.announcement = inviteMessages(this.#kit.locale).selectedCount(this.#table.state.selected.size);
  }

  async #selectAll(): Promise<void> {
    await this.#table.selectAllMatches();
    this.announcement = inviteMessages(this.#kit.locale).selectedCount(this.#table.state.selected.size);
  }

  /** Space selects the row; Enter shows or hides a masked cell, or resends the row from any other cell. */
  #activate(key: 'Enter' | ' ', at: GridCell, cell: HTMLElement): void {
    const row = this.#view.state.rows[at.row];
    const field = cell.querySelector('masked-field');
    if (key === ' ') {
      if (row) this.#toggle(row);
    } else if (field) {
      if (field.revealed) field.hide();
      else void field.show();
    } else if (row && row.status !== 'associated') {
      void this.#resendOne(row);
    }
  }

  #fit(width: number): void {
    this.narrow = width > 0 && width < NARROW;
  }

  #columns(): InviteColumn[] {
    const hidden = new Set<string>([...this.hiddenColumns, ...(this.narrow ? NARROW_HIDDEN : [])]);
    return COLUMNS.filter((c) => !hidden.has(c));
  }
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
