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
 * stood in for by the padding this controller sets through the CSSOM on the rows' container
 * (`padding-block-start` and `padding-block-end`). A CSSOM write passes a `style-src 'self'`
 * policy, where a `style` attribute would be blocked; and padding, which nothing inherits, costs
 * a scroll frame one element's style, where an inherited custom property would restyle every
 * drawn row and field.
 *
 * The row pitch is measured from drawn rows, never written down here, so a host that restyles the
 * rows (e.g. through `--pk-table-row-height`) keeps scrolling right; so is whatever sits above the
 * first row inside the scroller (a sticky header), which `scrollToRow` keeps clear of. Scroll
 * events redraw at most once a frame: in the next one when a row in view is not drawn yet, else
 * once that frame is painted, so drawing the overscan never delays what the user sees.
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
  /** The frame that measures the first rows drawn. */
  #measuring = 0;
  /** Set while the redraw after the next frame is waiting for that frame's paint. */
  #afterPaint: ReturnType<typeof setTimeout> | undefined;
  /** The redraw asked for cannot wait for the next frame's paint: rows that are in view are missing. */
  #urgent = false;
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
    // Measured in the next frame, whose layout it reads: forced here, that layout would lengthen the task that drew the rows.
    if (this.#rowHeight <= 0 && !this.#measuring) {
      this.#measuring = requestAnimationFrame(() => {
        this.#measuring = 0;
        this.#measure();
      });
    }
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#measuring);
    this.#frame = 0;
    this.#measuring = 0;
    clearTimeout(this.#afterPaint);
    this.#afterPaint = undefined;
  }

  /** Stands in for the rows not drawn, above and below those that are. */
  #pad(): void {
    const container = this.#scroller()?.querySelector<HTMLElement>('[data-row]')?.parentElement;
    if (!container) return;
    const window = this.#window;
    const height = this.#rowHeight;
    if (!window || height <= 0) {
      container.style.removeProperty('padding-block-start');
      container.style.removeProperty('padding-block-end');
      return;
    }
    container.style.setProperty('padding-block-start', `${window.first * height}px`);
    container.style.setProperty('padding-block-end', `${(window.count - window.last) * height}px`);
  }

  /** Reads scroll position, viewport, row pitch and offset; redraws (see `#redraw`) when any changed. */
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
    this.#redraw(!this.#covers(this.#window));
  }

  /**
   * Whether `drawn` holds every row in view now (the overscan aside): then the frame about to be
   * painted is whole, and the rows around it can be drawn after it rather than delay it.
   */
  #covers(drawn: (RowWindow & { count: number }) | undefined): boolean {
    if (!drawn || this.#rowHeight <= 0) return false;
    const top = this.#scrollTop - this.#offset;
    const first = Math.max(0, Math.floor(top / this.#rowHeight));
    const last = Math.min(drawn.count, Math.ceil((top + this.#viewport) / this.#rowHeight));
    return drawn.first <= first && drawn.last >= last;
  }

  /** One redraw however many scroll events arrive: in the next frame when rows in view are missing, else once it is painted. */
  #redraw(urgent: boolean): void {
    this.#urgent ||= urgent;
    if (this.#frame) return;
    if (this.#afterPaint !== undefined) {
      if (!this.#urgent) return;
      clearTimeout(this.#afterPaint);
      this.#afterPaint = undefined;
    }
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#urgent) {
        this.#urgent = false;
        this.#host.requestUpdate();
        return;
      }
      this.#afterPaint = setTimeout(() => {
        this.#afterPaint = undefined;
        this.#host.requestUpdate();
      }, 0);
    });
  }
}
