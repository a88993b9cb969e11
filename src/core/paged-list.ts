import type { Page } from '../model/schemas/common.js';
import type { KitError } from '../model/errors.js';
import { toKitError } from '../model/errors.js';
import { Store } from './store.js';

/** One page of a server-paged list and the filters that produced it. */
export interface PagedState<F, T> {
  filters: F;
  offset: number;
  limit: number;
  items: readonly T[];
  total: number;
  loading: boolean;
  /** Set once the first page arrived: tells "no matches" from "not loaded yet". */
  loaded: boolean;
  error: KitError | undefined;
}

/** What a {@link PagedList} asks of its source. */
export interface PagedListOptions<F, T> {
  fetch: (filters: F, page: { offset: number; limit: number }, signal: AbortSignal) => Promise<Page<T>>;
  filters: F;
  limit?: number;
}

/**
 * A list paged and filtered on the server: a newer request cancels an older one, so a fast typist
 * or pager never sees an older page land over a newer one. The last page stays shown while the next
 * loads and when it fails.
 */
export class PagedList<F extends object, T> extends Store<PagedState<F, T>> {
  readonly #fetch: PagedListOptions<F, T>['fetch'];
  #request: AbortController | undefined;

  constructor(options: PagedListOptions<F, T>) {
    super({ filters: options.filters, offset: 0, limit: options.limit ?? 20, items: [], total: 0, loading: false, loaded: false, error: undefined });
    this.#fetch = options.fetch;
  }

  /** Changes filters and goes back to the first page. */
  setFilters(patch: Partial<F>): Promise<void> {
    this.setState({ filters: { ...this.state.filters, ...patch }, offset: 0 });
    return this.reload();
  }

  /** Goes to the page starting at `offset`. */
  goTo(offset: number): Promise<void> {
    const last = Math.max(0, Math.ceil(this.state.total / this.state.limit) - 1) * this.state.limit;
    this.setState({ offset: Math.min(Math.max(0, offset), last) });
    return this.reload();
  }

  /** Loads the current page again. */
  async reload(): Promise<void> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.setState({ loading: true, error: undefined });
    try {
      const { filters, offset, limit } = this.state;
      const page = await this.#fetch(filters, { offset, limit }, request.signal);
      if (request !== this.#request) return;
      this.setState({ items: page.items, total: page.total, loading: false, loaded: true });
    } catch (caught) {
      if (request !== this.#request) return;
      this.setState({ loading: false, error: toKitError(caught) });
    }
  }

  /** Replaces the items `match` picks (e.g. a voucher just reclaimed) without reloading. */
  update(match: (item: T) => boolean, change: (item: T) => T): void {
    this.setState({ items: this.state.items.map((item) => (match(item) ? change(item) : item)) });
  }
}
