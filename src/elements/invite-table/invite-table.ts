import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { Invitation, InvitationSortKey, InvitationStatus } from '../../model/schemas/invitations.js';
import { InviteTableFlow } from '../../core/invites/invite-table-flow.js';
import { ResendJob } from '../../core/invites/resend-job.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { errorMessage } from '../../i18n/error-messages.js';
import '../../masked-field.js';
import type { MaskedField } from '../masked-field/masked-field.js';
import { emit } from '../events.js';
import { deepActiveElement } from '../../controllers/focus.js';
import { renderPager } from '../pager.js';
import { inviteMessages } from './invite-table.messages.js';
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
/** Rows drawn above and below the visible ones, so a fast scroll never shows a gap. */
const OVERSCAN = 6;
const CONFIRM_LIST = 50;
/** Every body row has this height (px), so the visible slice follows from the scroll position alone. */
const ROW_HEIGHT = 44;


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
 * @event invitations-resent - A resend finished. `detail: InvitationsResentDetail`.
 *
 * @csspart toolbar - Search, filter and batch actions.
 * @csspart grid - The table.
 * @csspart progress - The batch resend progress.
 * @csspart dialog - The batch confirmation.
 *
 * @cssproperty --pk-invite-table-height - Height of the scrolling area with host rows. Default 28rem.
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
  /** Resends in flight at once during a batch. Default 4. */
  declare concurrency: number;
  private declare announcement: string;
  private declare confirming: Invitation[] | undefined;
  private declare narrow: boolean;

  readonly #kit = new KitController(this);
  readonly #table = new InviteTableFlow({ api: () => this.#kit.api() });
  #job = this.#newJob(4);
  readonly #view = new FlowController(this, this.#table);
  #jobView = new FlowController(this, this.#job);
  #active = { row: 0, col: 0 };
  #scrollTop = 0;
  #viewport = 480;
  #frame = 0;
  #typing: ReturnType<typeof setTimeout> | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #opener: HTMLElement | undefined;
  readonly #resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver((entries) => this.#onResize(entries));

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
    clearInterval(this.#ticker);
  }

  /** Loads the list again. */
  refresh(): Promise<void> {
    return this.#table.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows') || !this.hasUpdated) void this.#table.setData(this.rows);
    if (changed.has('concurrency') && this.hasUpdated) this.#replaceJob();
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && this.confirming && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.primary')?.focus();
    } else if (dialog && !this.confirming && dialog.open) {
      dialog.close();
      if (this.#opener?.isConnected) this.#opener.focus();
    }
  }

  protected override render() {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const columns = this.#columns();
    const template = ['2.5rem', ...columns.map((c) => (c === 'status' ? 'minmax(8rem, 1.2fr)' : 'minmax(6.5rem, 1fr)')), '6.5rem'].join(' ');
    return html`${this.#renderToolbar()} ${this.#renderProgress()}
      ${state.error ? html`<p part="error" role="alert">${m.loadFailed} ${errorMessage(state.error, this.#kit.locale)}
        <button type="button" @click=${() => void this.#table.refresh()}>${m.retry}</button></p>` : nothing}
      <div part="grid" role="grid" aria-label=${m.caption} aria-rowcount=${state.total + 1} aria-colcount=${columns.length + 2}
        aria-busy=${String(state.loading)} style=${`--cols: ${template}`} @keydown=${this.#onKeydown} @focusin=${this.#onFocusIn}>
        ${this.#renderHeader(columns)} ${this.#renderBody(columns)}
      </div>
      ${state.loaded && state.total === 0 ? html`<p class="muted">${m.empty}</p>` : nothing}
      ${!state.loaded && state.loading ? html`<p class="muted">${m.loading}</p>` : nothing}
      ${state.mode === 'adapter' ? renderPager(state, this.#kit.locale, (offset) => void this.#table.goTo(offset)) : nothing}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.#renderConfirm()}`;
  }

  // ── Toolbar, header, body ──────────────────────────────────────────────────────────────────

  #renderToolbar() {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const count = state.selected.size;
    const pageAll = state.rows.length > 0 && state.rows.every((r) => state.selected.has(r.id));
    const running = this.#jobView.state.status === 'running' || this.#jobView.state.status === 'cancelling';
    return html`<div part="toolbar" class="toolbar">
        <label>${m.search}<input type="search" .value=${live(state.query)} @input=${this.#onSearch} /></label>
        <label>${m.status}
          <select @change=${(e: Event) => void this.#table.setStatus(((e.target as HTMLSelectElement).value || undefined) as InvitationStatus | undefined)}>
            <option value="">${m.all}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === state.status}>${m.statusLabel(s)}</option>`)}
          </select></label>
        <span class="spacer"></span>
        ${count > 0 ? html`<button type="button" @click=${() => this.#table.clearSelection()}>${m.clearSelection}</button>` : nothing}
        <button type="button" class="primary" ?disabled=${count === 0 || running} @click=${this.#askBatch}>${m.resendSelected(count)}</button>
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
    const rowHeight = ROW_HEIGHT;
    // A page from the adapter is drawn whole; the host's rows only where the user looks.
    const paged = state.mode === 'adapter';
    const first = paged ? 0 : Math.max(0, Math.floor(this.#scrollTop / rowHeight) - OVERSCAN);
    const last = paged ? state.rows.length : Math.min(state.rows.length, Math.ceil((this.#scrollTop + this.#viewport) / rowHeight) + OVERSCAN);
    const visible = state.rows.slice(first, last);
    return html`<div class=${paged ? 'scroller paged' : 'scroller'} @scroll=${this.#onScroll}>
      <div role="rowgroup" class="body" style=${`height: ${state.rows.length * rowHeight}px`}>
        ${visible.map((row, i) => this.#renderRow(row, first + i, columns, rowHeight))}
      </div>
    </div>`;
  }

  #renderRow(row: Invitation, index: number, columns: readonly InviteColumn[], rowHeight: number) {
    const m = inviteMessages(this.#kit.locale);
    const state = this.#view.state;
    const selected = state.selected.has(row.id);
    const rowIndex = (state.mode === 'adapter' ? state.offset : 0) + index + 2;
    const active = (col: number) => (index === this.#active.row && col === this.#active.col ? '0' : '-1');
    return html`<div role="row" class="row" aria-rowindex=${rowIndex} aria-selected=${String(selected)} data-row=${index}
      style=${`transform: translateY(${index * rowHeight}px)`}>
      <div role="gridcell" class="cell" data-col="0" tabindex=${active(0)}>
        <input type="checkbox" tabindex="-1" aria-label=${m.selectRow(row.maskedName)} .checked=${live(selected)} @change=${() => this.#toggle(row)} />
      </div>
      ${columns.map((c, i) => html`<div role="gridcell" class="cell" data-col=${i + 1} tabindex=${active(i + 1)}>${this.#cell(row, c)}</div>`)}
      <div role="gridcell" class="cell" data-col=${columns.length + 1} tabindex=${active(columns.length + 1)}>
        <button type="button" tabindex="-1" aria-label=${m.resendRow(row.maskedName)} ?disabled=${row.status === 'associated'} @click=${() => void this.#resendOne(row)}>${m.resend}</button>
      </div>
    </div>`;
  }

  #cell(row: Invitation, column: InviteColumn) {
    const m = inviteMessages(this.#kit.locale);
    const locale = this.#kit.locale;
    switch (column) {
      case 'name':
        return html`<masked-field kind="name" masked=${row.maskedName} reveal-resource="invitation" reveal-id=${row.id} .api=${this.api} .locale=${this.locale}></masked-field>`;
      case 'mobile':
        return html`<masked-field kind="mobile" masked=${row.maskedMobile} reveal-resource="invitation" reveal-id=${row.id} .api=${this.api} .locale=${this.locale}></masked-field>`;
      case 'email':
        return html`<masked-field kind="email" masked=${row.maskedEmail} reveal-resource="invitation" reveal-id=${row.id} .api=${this.api} .locale=${this.locale}></masked-field>`;
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

  // ── Batch resend ───────────────────────────────────────────────────────────────────────────

  #renderConfirm() {
    const m = inviteMessages(this.#kit.locale);
    const rows = this.confirming ?? [];
    return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${this.#closeConfirm}>
      <h2 id="confirm-title">${m.confirmTitle(rows.length)}</h2>
      <p id="confirm-text">${m.confirmText}</p>
      <ul class="confirm-list" tabindex="0" aria-labelledby="confirm-title">
        ${rows.slice(0, CONFIRM_LIST).map((r) => html`<li>${r.maskedName} · ${r.maskedMobile}</li>`)}
        ${rows.length > CONFIRM_LIST ? html`<li class="muted">${m.more(rows.length - CONFIRM_LIST)}</li>` : nothing}
      </ul>
      <div class="actions">
        <button type="button" @click=${this.#closeConfirm}>${m.cancel}</button>
        <button type="button" class="primary" @click=${this.#startBatch}>${m.ok}</button>
      </div>
    </dialog>`;
  }

  #renderProgress() {
    const m = inviteMessages(this.#kit.locale);
    const job = this.#jobView.state;
    if (job.status === 'idle' || job.total <= 1) return nothing;
    const waiting = job.waitingUntil ? Math.ceil((job.waitingUntil - Date.now()) / 1000) : 0;
    const running = job.status === 'running';
    return html`<section part="progress" class="progress" aria-label=${m.progressLabel}>
      <progress max=${job.total} .value=${job.done} aria-label=${m.progressLabel}></progress>
      <p aria-live="polite">${m.progress(job.done, job.total, job.succeeded.length, job.failed.length, job.skipped.length)}</p>
      ${running && waiting > 0 ? html`<p class="muted">${m.waiting(waiting)}</p>` : nothing}
      ${job.status === 'cancelling' ? html`<p class="muted">${m.cancelling}</p>` : nothing}
      ${job.status === 'finished' ? html`<p>${m.finished}</p>` : nothing}
      ${job.status === 'cancelled' ? html`<p>${m.cancelled}</p>` : nothing}
      ${job.failed.length > 0
        ? html`<ul class="failures">
            ${job.failed.slice(0, 20).map((f) => html`<li>${this.#table.row(f.id)?.maskedName ?? f.id}: ${errorMessage(f.error, this.#kit.locale)}</li>`)}
            ${job.failed.length > 20 ? html`<li class="muted">${m.more(job.failed.length - 20)}</li>` : nothing}
          </ul>`
        : nothing}
      <div class="actions">
        ${running ? html`<button type="button" @click=${() => this.#job.cancel()}>${m.cancelJob}</button>` : nothing}
        ${!running && job.status !== 'cancelling' && job.failed.length > 0
          ? html`<button type="button" class="primary" @click=${() => void this.#runJob(() => this.#job.retryFailed())}>${m.retryFailed(job.failed.length)}</button>`
          : nothing}
        ${!running && job.status !== 'cancelling' ? html`<button type="button" @click=${() => this.#job.reset()}>${m.close}</button>` : nothing}
      </div>
    </section>`;
  }

  #askBatch = (): void => {
    this.#opener = deepActiveElement();
    this.confirming = this.#table.selectedRows();
  };

  #closeConfirm = (event?: Event): void => {
    event?.preventDefault();
    this.confirming = undefined;
  };

  #startBatch = (): void => {
    const rows = this.confirming ?? [];
    this.confirming = undefined;
    void this.#runJob(() => this.#job.run(rows));
  };

  async #resendOne(row: Invitation): Promise<void> {
    const result = await this.#runJob(() => this.#job.run([row]));
    if (result.succeeded.length === 1) this.announcement = inviteMessages(this.#kit.locale).sentOne(row.maskedName);
  }

  async #runJob(start: () => Promise<ResendJob['state']>) {
    // The countdown of a rate-limit pause is redrawn each second while the job runs.
    this.#ticker = setInterval(() => this.requestUpdate(), 1000);
    const result = await start();
    clearInterval(this.#ticker);
    // The rows show what the backend answered: its send time and link expiry, not ours.
    this.#table.markResent(result.succeeded);
    emit<InvitationsResentDetail>(this, 'invitations-resent', {
      succeeded: result.succeeded.map((r) => r.invitationId),
      failed: result.failed.map((f) => ({ id: f.id, reason: f.error.reason ?? f.error.code })),
    });
    return result;
  }

  #newJob(concurrency: number): ResendJob {
    return new ResendJob({ api: () => this.#kit.api(), concurrency });
  }

  #replaceJob(): void {
    if (this.#job.state.status === 'running') return;
    this.removeController(this.#jobView);
    this.#job = this.#newJob(this.concurrency);
    this.#jobView = new FlowController(this, this.#job);
  }

  // ── Selection, keyboard, scrolling ─────────────────────────────────────────────────────────

  #toggle(row: Invitation): void {
    this.#table.toggle(row.id);
    this.announcement = inviteMessages(this.#kit.locale).selectedCount(this.#table.state.selected.size);
  }

  async #selectAll(): Promise<void> {
    await this.#table.selectAllMatches();
    this.announcement = inviteMessages(this.#kit.locale).selectedCount(this.#table.state.selected.size);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const cell = (event.composedPath().find((n) => n instanceof HTMLElement && n.classList.contains('cell')) as HTMLElement | undefined) ?? undefined;
    if (!cell || cell.closest('.head')) return;
    const rows = this.#view.state.rows;
    const cols = this.#columns().length + 2;
    const page = Math.max(1, Math.floor(this.#viewport / ROW_HEIGHT) - 1);
    let { row, col } = this.#active;
    switch (event.key) {
      case 'ArrowDown': row += 1; break;
      case 'ArrowUp': row -= 1; break;
      case 'ArrowRight': col += 1; break;
      case 'ArrowLeft': col -= 1; break;
      case 'Home': col = 0; if (event.ctrlKey) row = 0; break;
      case 'End': col = cols - 1; if (event.ctrlKey) row = rows.length - 1; break;
      case 'PageDown': row += page; break;
      case 'PageUp': row -= page; break;
      case ' ': {
        event.preventDefault();
        const target = rows[row];
        if (target) this.#toggle(target);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        this.#activate(cell, rows[row]);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.#moveTo(Math.max(0, Math.min(rows.length - 1, row)), Math.max(0, Math.min(cols - 1, col)));
  };

  #activate(cell: HTMLElement, row: Invitation | undefined): void {
    const field = cell.querySelector<MaskedField>('masked-field');
    if (field) {
      if (field.shadowRoot?.querySelector('[aria-pressed=true]')) field.hide();
      else void field.show();
      return;
    }
    if (row && row.status !== 'associated') void this.#resendOne(row);
  }

  async #moveTo(row: number, col: number): Promise<void> {
    this.#active = { row, col };
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const height = ROW_HEIGHT;
    if (scroller) {
      // Keep the active row on screen, so the virtualised body has drawn it.
      if (row * height < scroller.scrollTop) scroller.scrollTop = row * height;
      else if ((row + 1) * height > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = (row + 1) * height - scroller.clientHeight;
      this.#scrollTop = scroller.scrollTop;
    }
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.row[data-row="${row}"] .cell[data-col="${col}"]`)?.focus();
  }

  #onFocusIn = (event: FocusEvent): void => {
    const cell = event.composedPath().find((n) => n instanceof HTMLElement && n.classList.contains('cell')) as HTMLElement | undefined;
    const row = cell?.closest<HTMLElement>('.row[data-row]');
    if (!cell || !row) return;
    const next = { row: Number(row.dataset['row']), col: Number(cell.dataset['col']) };
    if (next.row !== this.#active.row || next.col !== this.#active.col) {
      this.#active = next;
      this.requestUpdate();
    }
  };

  #onScroll = (event: Event): void => {
    const scroller = event.target as HTMLElement;
    this.#scrollTop = scroller.scrollTop;
    this.#viewport = scroller.clientHeight || this.#viewport;
    // One redraw per frame however many scroll events arrive.
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.requestUpdate();
    });
  };

  #onSearch = (event: Event): void => {
    const query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => void this.#table.setQuery(query), 200);
  };

  #onResize(entries: ResizeObserverEntry[]): void {
    const width = entries[0]?.contentRect.width ?? NARROW;
    const narrow = width > 0 && width < NARROW;
    if (narrow !== this.narrow) this.narrow = narrow;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller?.clientHeight) this.#viewport = scroller.clientHeight;
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
  }
}
