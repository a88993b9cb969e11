import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The rows to draw: `first` included, `last` excluded. */
export interface RowWindow {
  first: number;
  last: number;
}

export interface VirtualRowsOptions {
  /** The scrolling element, once rendered; its rows carry `data-row` (their index) and all have the same height. */
  scroller: () => HTMLElement | null | undefined;
  /** Rows drawn above and below the visible ones, so a fast scroll never shows a gap. Default 6. */
  overscan?: number;
}

/**
 * Draws only the rows a user can see in a long list of same-height rows. The rows stay in normal
 * flow (so a CSS grid lays header and body out on one column template); what is not drawn is
 * stood in for by `--pk-virtual-before` and `--pk-virtual-after`, lengths this controller sets
 * through the CSSOM on the rows' container, which pads itself with them:
 * `padding-block: var(--pk-virtual-before, 0) var(--pk-virtual-after, 0)`. A CSSOM write passes a
 * `style-src 'self'` policy, where a `style` attribute would be blocked.
 *
 * The row pitch is measured from drawn rows, never written down here, so a host that restyles the
 * rows (e.g. through `--pk-table-row-height`) keeps scrolling right; so is whatever sits above the
 * first row inside the scroller (a sticky header), which `scrollToRow` keeps clear of. Scroll
 * events redraw at most once a frame.
 */
export class VirtualRowsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #scroller: () => HTMLElement | null | undefined;
  readonly #overscan: number;
  #rowHeight = 0;
  /** Distance from the top of the scroller's content to the first row (a header above the rows). */
  #offset = 0;
  #scrollTop = 0;
  #viewport = 0;
  #frame = 0;
  #observed: HTMLElement | undefined;
  /** What the last render drew; `undefined` when it drew no virtual rows. */
  #window: (RowWindow & { count: number }) | undefined;
  #asked = false;
  readonly #resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.#measure());

  constructor(host: ReactiveControllerHost, options: VirtualRowsOptions) {
    this.#host = host;
    this.#scroller = options.scroller;
    this.#overscan = options.overscan ?? 6;
    host.addController(this);
  }

  /** Distance in px from one row's top to the next, as drawn; 0 until a row was drawn. */
  get rowHeight(): number {
    return this.#rowHeight;
  }

  /** Rows one Page Up / Page Down moves: a screenful less one, so the user keeps a row of context. */
  get pageRows(): number {
    return this.#rowHeight > 0 ? Math.max(1, Math.floor((this.#viewport - this.#offset) / this.#rowHeight) - 1) : 1;
  }

  /** Which of `count` rows to draw now; call it from `render()`. Before any row was measured: the first few, to measure them. */
  range(count: number): RowWindow {
    const height = this.#rowHeight;
    const window =
      height <= 0 || this.#viewport <= 0
        ? { first: 0, last: Math.min(count, this.#overscan * 2) }
        : {
            first: Math.min(count, Math.max(0, Math.floor((this.#scrollTop - this.#offset) / height) - this.#overscan)),
            last: Math.min(count, Math.ceil((this.#scrollTop - this.#offset + this.#viewport) / height) + this.#overscan),
          };
    this.#window = { ...window, count };
    this.#asked = true;
    return window;
  }

  /** Scrolls just enough to show row `index` whole, below whatever sits above the rows. */
  scrollToRow(index: number): void {
    const scroller = this.#scroller();
    const height = this.#rowHeight;
    if (!scroller || height <= 0) return;
    const top = index * height;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (this.#offset + top + height > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = this.#offset + top + height - scroller.clientHeight;
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

  hostUpdate(): void {
    this.#asked = false;
  }

  hostUpdated(): void {
    const scroller = this.#scroller() ?? undefined;
    if (scroller !== this.#observed) {
      if (this.#observed) this.#resize?.unobserve(this.#observed);
      this.#observed = scroller;
      if (scroller) this.#resize?.observe(scroller);
    }
    if (!this.#asked) this.#window = undefined;
    this.#pad();
    if (this.#rowHeight <= 0) this.#measure();
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Stands in for the rows not drawn, above and below those that are. */
  #pad(): void {
    const container = this.#scroller()?.querySelector<HTMLElement>('[data-row]')?.parentElement;
    if (!container) return;
    const window = this.#window;
    const height = this.#rowHeight;
    if (!window || height <= 0) {
      container.style.removeProperty('--pk-virtual-before');
      container.style.removeProperty('--pk-virtual-after');
      return;
    }
    container.style.setProperty('--pk-virtual-before', `${window.first * height}px`);
    container.style.setProperty('--pk-virtual-after', `${(window.count - window.last) * height}px`);
  }

  /** Reads scroll position, viewport, row pitch and offset; redraws on the next frame when any changed. */
  #measure(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    const [row, next] = scroller.querySelectorAll<HTMLElement>('[data-row]');
    const box = row?.getBoundingClientRect();
    // The pitch, not the height: stacked cards have a gap between them.
    const rowHeight = !box ? this.#rowHeight : next ? next.getBoundingClientRect().top - box.top : box.height;
    const measured = {
      rowHeight,
      offset: box && rowHeight > 0 ? box.top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop - Number(row?.dataset['row']) * rowHeight : this.#offset,
      scrollTop: scroller.scrollTop,
      viewport: scroller.clientHeight || this.#viewport,
    };
    if (
      measured.rowHeight === this.#rowHeight &&
      Math.abs(measured.offset - this.#offset) < 0.5 &&
      measured.scrollTop === this.#scrollTop &&
      measured.viewport === this.#viewport
    ) {
      return;
    }
    this.#rowHeight = measured.rowHeight;
    this.#offset = measured.offset;
    this.#scrollTop = measured.scrollTop;
    this.#viewport = measured.viewport;
    // Padded at once: the scroll range is whole before the redraw, so a scroll to a far row lands.
    this.#pad();
    // One redraw per frame however many scroll events arrive.
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#host.requestUpdate();
    });
  }
}
