import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The rows to draw: `first` included, `last` excluded. */
export interface RowWindow {
  first: number;
  last: number;
}

export interface VirtualRowsOptions {
  /** The scrolling element, once rendered; its rows carry `data-row` and all have the same height. */
  scroller: () => HTMLElement | null | undefined;
  /** Rows drawn above and below the visible ones, so a fast scroll never shows a gap. Default 6. */
  overscan?: number;
}

/**
 * Draws only the rows a user can see in a long list of same-height rows. The row height is
 * measured from a drawn row, never written down here, so a host that restyles the rows (e.g.
 * through a CSS custom property) keeps scrolling right. Scroll events redraw at most once a frame.
 * The element lays rows out at `row × height` in CSS; this only decides which ones exist.
 */
export class VirtualRowsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #scroller: () => HTMLElement | null | undefined;
  readonly #overscan: number;
  #rowHeight = 0;
  #scrollTop = 0;
  #viewport = 0;
  #frame = 0;
  #observed: HTMLElement | undefined;
  readonly #resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.#measure());

  constructor(host: ReactiveControllerHost, options: VirtualRowsOptions) {
    this.#host = host;
    this.#scroller = options.scroller;
    this.#overscan = options.overscan ?? 6;
    host.addController(this);
  }

  /** Height of one row in px, as drawn; 0 until a row was drawn. */
  get rowHeight(): number {
    return this.#rowHeight;
  }

  /** Rows one Page Up / Page Down moves: a screenful less one, so the user keeps a row of context. */
  get pageRows(): number {
    return this.#rowHeight > 0 ? Math.max(1, Math.floor(this.#viewport / this.#rowHeight) - 1) : 1;
  }

  /** Which of `count` rows to draw now. Before any row was measured: the first few, to measure them. */
  range(count: number): RowWindow {
    if (this.#rowHeight <= 0 || this.#viewport <= 0) return { first: 0, last: Math.min(count, this.#overscan * 2) };
    const first = Math.max(0, Math.floor(this.#scrollTop / this.#rowHeight) - this.#overscan);
    const last = Math.min(count, Math.ceil((this.#scrollTop + this.#viewport) / this.#rowHeight) + this.#overscan);
    return { first, last };
  }

  /** Scrolls just enough to show row `index` whole. */
  scrollToRow(index: number): void {
    const scroller = this.#scroller();
    const height = this.#rowHeight;
    if (!scroller || height <= 0) return;
    const top = index * height;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + height > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + height - scroller.clientHeight;
    this.#scrollTop = scroller.scrollTop;
    this.#host.requestUpdate();
  }

  /** Put on the scroller: `@scroll=${rows.onScroll}`. */
  readonly onScroll = (): void => {
    this.#measure();
  };

  hostConnected(): void {
    if (this.#observed) this.#resize?.observe(this.#observed);
  }

  hostUpdated(): void {
    const scroller = this.#scroller() ?? undefined;
    if (scroller !== this.#observed) {
      if (this.#observed) this.#resize?.unobserve(this.#observed);
      this.#observed = scroller;
      if (scroller) this.#resize?.observe(scroller);
    }
    if (this.#rowHeight <= 0) this.#measure();
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Reads scroll position, viewport and row height; redraws on the next frame when any changed. */
  #measure(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    const row = scroller.querySelector('[data-row]');
    const next = {
      rowHeight: row ? row.getBoundingClientRect().height : this.#rowHeight,
      scrollTop: scroller.scrollTop,
      viewport: scroller.clientHeight || this.#viewport,
    };
    if (next.rowHeight === this.#rowHeight && next.scrollTop === this.#scrollTop && next.viewport === this.#viewport) return;
    this.#rowHeight = next.rowHeight;
    this.#scrollTop = next.scrollTop;
    this.#viewport = next.viewport;
    // One redraw per frame however many scroll events arrive.
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#host.requestUpdate();
    });
  }
}
