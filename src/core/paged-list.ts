import type { Page } from '../model/schemas/common.js';
import type { KitError } from '../model/errors.js';
import { toKitError } from '../model/errors.js';
import { Store } from './store.js';

/** Where loading stands: nothing asked yet, a request in flight, the last one answered, or it failed. */
export type PageLoad = { status: 'idle' } | { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: KitError };

/** A page that arrived, with where it starts: what a pager counts from, whatever was asked since. */
export interface ShownPage<T> extends Page<T> {
  offset: number;
}

/** The filters and page asked for, the last page that arrived and how the latest request went. */
export interface PagedState<F, T> {
  filters: F;
  /** Where the page asked for starts; the page shown starts at `page.offset` until it arrives. */
  offset: number;
  limit: number;
  /**
   * The last page that arrived, kept while the next loads and after it fails; `undefined` until the
   * first one arrives, which tells "not loaded yet" from "no matches".
   */
  page: Readonly<ShownPage<T>> | undefined;
  load: PageLoad;
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
 * loads and when it fails; `reload()` retries.
 */
export class PagedList<F extends object, T> extends Store<PagedState<F, T>> {
  readonly #fetch: PagedListOptions<F, T>['fetch'];
  #request: AbortController | undefined;
  /** The filters the page shown answers (the very object: a filter change makes a new one). */
  #shownFilters: F | undefined;

  constructor(options: PagedListOptions<F, T>) {
    super({ filters: options.filters, offset: 0, limit: options.limit ?? 20, page: undefined, load: { status: 'idle' } });
    this.#fetch = options.fetch;
  }

  /** The items shown: the last page's, or none before the first arrives. */
  get items(): readonly T[] {
    return this.state.page?.items ?? [];
  }

  /**
   * Whether the page shown answers the filters asked: only the page moved (or was reloaded) since it
   * arrived, so its rows stay worth showing when the next page fails.
   */
  get pageAnswersFilters(): boolean {
    return this.state.page !== undefined && this.#shownFilters === this.state.filters;
  }

  /** Changes filters and goes back to the first page. */
  setFilters(patch: Partial<F>): Promise<void> {
    this.setState({ filters: { ...this.state.filters, ...patch }, offset: 0 });
    return this.reload();
  }

  /** Goes to the page starting at `offset`, kept inside the pages the last answer counted. */
  goTo(offset: number): Promise<void> {
    const { limit, page } = this.state;
    const last = Math.max(0, Math.ceil((page?.total ?? 0) / limit) - 1) * limit;
    this.setState({ offset: Math.min(Math.max(0, offset), last) });
    return this.reload();
  }

  /** Loads the current page again: the retry after a failure. */
  async reload(): Promise<void> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.setState({ load: { status: 'loading' } });
    try {
      const { filters, offset, limit } = this.state;
      const page = await this.#fetch(filters, { offset, limit }, request.signal);
      if (request !== this.#request) return;
      this.#shownFilters = filters;
      this.setState({ page: { items: page.items, total: page.total, offset }, load: { status: 'ready' } });
    } catch (caught) {
      if (request !== this.#request) return;
      this.setState({ load: { status: 'failed', error: toKitError(caught) } });
    }
  }

  /** Replaces the items `match` picks (e.g. a voucher just reclaimed) without reloading. */
  update(match: (item: T) => boolean, change: (item: T) => T): void {
    const { page } = this.state;
    if (!page) return;
    this.setState({ page: { ...page, items: page.items.map((item) => (match(item) ? change(item) : item)) } });
  }
}
