import type { PartnerApi } from '../../api/adapter.js';
import type { Invitation, InvitationSortKey, InvitationStatus, ResendInvitationResult } from '../../model/schemas/invitations.js';
import type { KitError } from '../../model/errors.js';
import { isAbort, toKitError } from '../../model/errors.js';
import { Store } from '../store.js';
import { InviteIndex, Slicer, type InviteQuery } from './invite-view.js';
import { apiGetter } from '../api-source.js';

/** The backend operation listing needs. */
export type InviteListApi = Pick<PartnerApi, 'listInvitations'>;

export interface InviteTableState extends InviteQuery {
  /** `adapter`: paged on the server; `local`: rows the host passed in, filtered and sorted here. */
  mode: 'adapter' | 'local';
  /** Adapter mode: the current page. Local mode: every row that matches, in order. */
  rows: readonly Invitation[];
  total: number;
  offset: number;
  limit: number;
  loading: boolean;
  loaded: boolean;
  error: KitError | undefined;
  /** Ids chosen for a batch resend; survives paging, sorting and filtering. */
  selected: ReadonlySet<string>;
  /**
   * How many of `selected` can be re-sent (see `resendable`): the batch's size, kept as the
   * selection changes, so nothing walks 100,000 selected rows to show it.
   */
  selectedResendable: number;
  /** Selecting every match (adapter mode reads all pages): in progress. */
  selectingAll: boolean;
}

const MAX_PAGE = 100;

/** An associated customer has nothing to resend: never offered, never counted. */
export const resendable = (row: Invitation): boolean => row.status !== 'associated';

/** Adds `row` to `selected`, or removes it; the change to the count of rows that can be re-sent. */
function pick(selected: Set<string>, row: Invitation, remove: boolean): number {
  const changed = remove ? selected.delete(row.id) : !selected.has(row.id);
  if (!changed) return 0;
  if (!remove) selected.add(row.id);
  return resendable(row) ? (remove ? -1 : 1) : 0;
}

/**
 * The invited-customers table, without any DOM: status filter, search, sort, paging through the
 * adapter or over rows the host passed in, and a selection that survives all of them.
 */
export class InviteTableFlow extends Store<InviteTableState> {
  readonly #api: () => Promise<InviteListApi>;
  /** Every row the adapter sent or a resend changed, by id: a selection can be shown (masked) even after paging away from it. */
  readonly #known = new Map<string, Invitation>();
  /** Local mode: the host's rows, indexed. */
  #data: InviteIndex | undefined;
  #request: AbortController | undefined;
  /** Local mode: selecting or unselecting every match, in slices; a newer selection intent stops it. */
  #selecting: AbortController | undefined;
  /** The rows and selection a pass over every match left, and whether it selected them all. */
  #covered: { rows: readonly Invitation[]; selected: ReadonlySet<string>; all: boolean } | undefined;
  /** Local mode: the host passed other rows, whose statuses may differ; the selection's count is made again. */
  #recount = false;

  constructor(options: { api: InviteListApi | (() => Promise<InviteListApi>); limit?: number }) {
    super({
      mode: 'adapter',
      rows: [],
      total: 0,
      offset: 0,
      limit: options.limit ?? 20,
      loading: false,
      loaded: false,
      error: undefined,
      status: undefined,
      query: '',
      sortBy: 'invitedAt',
      sortDirection: 'desc',
      selected: new Set(),
      selectedResendable: 0,
      selectingAll: false,
    });
    this.#api = apiGetter(options.api);
  }

  /** Rows from the host (local mode), or `undefined` to page through the adapter. */
  setData(rows: readonly Invitation[] | undefined): Promise<void> {
    this.#data = rows ? new InviteIndex(rows) : undefined;
    this.#recount = rows !== undefined && this.state.selected.size > 0;
    this.setState({ mode: rows ? 'local' : 'adapter', offset: 0 });
    return this.refresh();
  }

  setStatus(status: InvitationStatus | undefined): Promise<void> {
    this.setState({ status, offset: 0 });
    return this.refresh();
  }

  setQuery(query: string): Promise<void> {
    this.setState({ query, offset: 0 });
    return this.refresh();
  }

  /** Sorts by `key`; the same key again flips the direction. */
  sort(key: InvitationSortKey): Promise<void> {
    const { sortBy, sortDirection } = this.state;
    this.setState({ sortBy: key, sortDirection: sortBy === key && sortDirection === 'asc' ? 'desc' : 'asc', offset: 0 });
    return this.refresh();
  }

  /** Adapter mode: goes to the page at `offset`. */
  goTo(offset: number): Promise<void> {
    this.setState({ offset: Math.max(0, Math.min(offset, Math.max(0, this.state.total - 1))) });
    return this.refresh();
  }

  /** Loads (adapter) or recomputes (local) what the table shows. */
  async refresh(): Promise<void> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.setState({ loading: true, error: undefined });
    try {
      const { rows, total } = this.#data ? await this.#local(this.#data, request) : await this.#page(request.signal);
      if (request !== this.#request) return;
      if (!this.#data) for (const row of rows) this.#known.set(row.id, row);
      const recount = this.#recount && this.#data ? await this.#countResendable(this.state.selected, this.#data, new Slicer(request.signal)) : undefined;
      if (request !== this.#request) return;
      if (recount !== undefined) this.#recount = false;
      this.setState({ rows, total, loading: false, loaded: true, ...(recount === undefined ? {} : { selectedResendable: recount }) });
    } catch (caught) {
      if (request !== this.#request || isAbort(caught)) return;
      this.setState({ loading: false, error: toKitError(caught) });
    }
  }

  toggle(id: string): void {
    this.#stopSelecting();
    const selected = new Set(this.state.selected);
    const added = !selected.delete(id);
    if (added) selected.add(id);
    const row = this.row(id);
    const step = row && resendable(row) ? (added ? 1 : -1) : 0;
    this.setState({ selected, selectedResendable: this.state.selectedResendable + step });
  }

  /** Selects (or, when all are selected, unselects) the rows on screen: the page, or every match in local mode. */
  togglePage(): void {
    if (this.state.mode === 'local') {
      void this.#selectMatches(true);
      return;
    }
    const { rows } = this.state;
    const selected = new Set(this.state.selected);
    const all = rows.length > 0 && rows.every((row) => selected.has(row.id));
    let count = this.state.selectedResendable;
    for (const row of rows) count += pick(selected, row, all);
    this.setState({ selected, selectedResendable: count });
  }

  /** Adapter mode: selects every match of the current filter, reading all pages. */
  async selectAllMatches(): Promise<void> {
    if (this.state.mode === 'local') return this.#selectMatches(false);
    this.setState({ selectingAll: true, error: undefined });
    try {
      const api = await this.#api();
      const { status, query, sortBy, sortDirection } = this.state;
      const selected = new Set(this.state.selected);
      let count = this.state.selectedResendable;
      for (let offset = 0; ; offset += MAX_PAGE) {
        const page = await api.listInvitations({ offset, limit: MAX_PAGE, ...this.#filters(status, query, sortBy, sortDirection) });
        for (const row of page.items) {
          this.#known.set(row.id, row);
          count += pick(selected, row, false);
        }
        if (offset + MAX_PAGE >= page.total) break;
      }
      this.setState({ selected, selectedResendable: count, selectingAll: false });
    } catch (caught) {
      this.setState({ selectingAll: false, error: toKitError(caught) });
    }
  }

  clearSelection(): void {
    this.#stopSelecting();
    this.setState({ selected: new Set(), selectedResendable: 0 });
  }

  /** The selected rows, as last seen: one pass, no array of 100,000 ids on the way. */
  selectedRows(): Invitation[] {
    const rows: Invitation[] = [];
    for (const id of this.state.selected) {
      const row = this.row(id);
      if (row) rows.push(row);
    }
    return rows;
  }

  /**
   * Whether every row shown (with host rows: every match) that can be re-sent is selected, when
   * known without a walk: the selection is the one a pass over every match (select all, or
   * unselect all) left on these rows. `undefined` otherwise.
   */
  allShownSelected(): boolean | undefined {
    const covered = this.#covered;
    if (covered?.rows === this.state.rows && covered.selected === this.state.selected) return covered.all;
    // Stale for good: rows and selection only ever change to new ones. Let go of the old 100,000.
    this.#covered = undefined;
    return undefined;
  }

  /** A row as last seen (for the row action). */
  row(id: string): Invitation | undefined {
    return this.#data?.get(id) ?? this.#known.get(id);
  }

  /** Marks rows as just re-sent without reloading: status invited, new link expiry. */
  markResent(updates: readonly ResendInvitationResult[]): void {
    const byId = new Map(updates.map((u) => [u.invitationId, u]));
    const patch = (row: Invitation): Invitation => {
      const update = byId.get(row.id);
      if (!update) return row;
      const next: Invitation = { ...row, status: 'invited', invitedAt: update.sentAt, linkExpiresAt: update.linkExpiresAt };
      delete next.failure;
      this.#known.set(row.id, next);
      return next;
    };
    // The host's rows are indexed anew (in slices, on the next query); the view keeps its order.
    if (this.#data && byId.size > 0) this.#data = new InviteIndex(this.#data.rows.map(patch));
    this.setState({ rows: this.state.rows.map(patch) });
  }

  /**
   * Local mode: adds every match to the selection, or (`toggle`, when all are selected already)
   * removes them, in slices, counting the rows that can be re-sent as it goes: 100,000 ids never
   * hold the main thread at once, and the render after it walks none of them.
   */
  async #selectMatches(toggle: boolean): Promise<void> {
    this.#stopSelecting();
    const control = new AbortController();
    this.#selecting = control;
    const slicer = new Slicer(control.signal);
    const { rows, selected: before, selectedResendable } = this.state;
    this.setState({ selectingAll: true });
    try {
      // Known after a pass like this one over the same rows; otherwise read, stopping at the first row left out.
      const known = toggle ? this.allShownSelected() : false;
      let all = known ?? rows.length > 0;
      for (let i = 0; known === undefined && all && i < rows.length; i++) {
        all = before.has((rows[i] as Invitation).id);
        if (slicer.due()) await slicer.pause();
      }
      const selected = new Set<string>();
      for (const id of before) {
        selected.add(id);
        if (slicer.due()) await slicer.pause();
      }
      let count = selectedResendable;
      for (const row of rows) {
        count += pick(selected, row, all);
        if (slicer.due()) await slicer.pause();
      }
      this.#selecting = undefined;
      this.#covered = { rows, selected, all: !all && rows.some(resendable) };
      this.setState({ selected, selectedResendable: count, selectingAll: false });
    } catch (caught) {
      if (!isAbort(caught)) throw caught;
    }
  }

  /** How many of `selected` are rows of `data` that can be re-sent. */
  async #countResendable(selected: ReadonlySet<string>, data: InviteIndex, slicer: Slicer): Promise<number> {
    let count = 0;
    for (const id of selected) {
      const row = data.get(id);
      if (row && resendable(row)) count++;
      if (slicer.due()) await slicer.pause();
    }
    return count;
  }

  #stopSelecting(): void {
    if (!this.#selecting) return;
    this.#selecting.abort();
    this.#selecting = undefined;
    this.setState({ selectingAll: false });
  }

  async #local(data: InviteIndex, request: AbortController) {
    const rows = await data.view(this.state, request.signal, (first, total) => {
      if (request === this.#request) this.setState({ rows: first, total, loaded: true });
    });
    return { rows, total: rows.length };
  }

  async #page(signal: AbortSignal) {
    const { offset, limit, status, query, sortBy, sortDirection } = this.state;
    const page = await (await this.#api()).listInvitations({ offset, limit, ...this.#filters(status, query, sortBy, sortDirection) }, { signal });
    return { rows: page.items, total: page.total };
  }

  #filters(status: InvitationStatus | undefined, query: string, sortBy: InvitationSortKey | undefined, sortDirection: 'asc' | 'desc') {
    return {
      ...(status ? { status } : {}),
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(sortBy ? { sortBy, sortDirection } : {}),
    };
  }
}
