import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A body cell of the grid, by its row and column index. */
export interface GridCell {
  row: number;
  col: number;
}

export interface GridKeyboardOptions {
  /** Body rows and columns there are now. */
  size: () => { rows: number; cols: number };
  /** Rows Page Up / Page Down move. */
  pageRows: () => number;
  /** The rendered cell at a position, to move focus to. */
  cell: (at: GridCell) => HTMLElement | null | undefined;
  /** Brings a row into view before focus moves there (a virtualised body draws only what is seen). */
  scrollToRow?: (row: number) => void;
  /** Enter or Space on a cell: the element decides what it means. */
  onActivate: (key: 'Enter' | ' ', at: GridCell, cell: HTMLElement) => void;
}

/**
 * Keyboard navigation of an ARIA grid with a roving tabindex: one cell is in the tab order
 * (`tabindex(at)` says which), arrows move by a cell, Home / End to the row's ends (with Ctrl, the
 * grid's), Page Up / Down by a screenful. Body cells carry `data-col` inside a row with `data-row`;
 * header cells (no `data-row` around them) are left to the browser.
 */
export class GridKeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: GridKeyboardOptions;
  #active: GridCell = { row: 0, col: 0 };
  /** The cell to focus once the update `moveTo` asked for has drawn it. */
  #focusNext: GridCell | undefined;

  constructor(host: ReactiveControllerHost, options: GridKeyboardOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The cell in the tab order. */
  get active(): GridCell {
    return this.#active;
  }

  /** `0` for the active cell, `-1` for every other. */
  tabindex(at: GridCell): '0' | '-1' {
    return at.row === this.#active.row && at.col === this.#active.col ? '0' : '-1';
  }

  /** Put on the grid: `@keydown=${grid.onKeydown}`. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const found = bodyCell(event);
    if (!found) {
      // Focus on the grid itself (put there while its rows loaded): an arrow takes it to the cell in the Tab order.
      if (event.target === event.currentTarget && event.key.startsWith('Arrow')) {
        event.preventDefault();
        this.moveTo(this.#active);
      }
      return;
    }
    const { rows, cols } = this.#options.size();
    let { row, col } = this.#active;
    switch (event.key) {
      case 'ArrowDown': row += 1; break;
      case 'ArrowUp': row -= 1; break;
      case 'ArrowRight': col += 1; break;
      case 'ArrowLeft': col -= 1; break;
      case 'Home': col = 0; if (event.ctrlKey) row = 0; break;
      case 'End': col = cols - 1; if (event.ctrlKey) row = rows - 1; break;
      case 'PageDown': row += this.#options.pageRows(); break;
      case 'PageUp': row -= this.#options.pageRows(); break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#options.onActivate(event.key, this.#active, found.cell);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.moveTo({ row: clamp(row, rows - 1), col: clamp(col, cols - 1) });
  };

  /** Put on the grid: `@focusin=${grid.onFocusIn}`, so a click or Tab into a cell makes it the active one. */
  readonly onFocusIn = (event: FocusEvent): void => {
    const found = bodyCell(event);
    if (!found || (found.at.row === this.#active.row && found.at.col === this.#active.col)) return;
    this.#active = found.at;
    this.#host.requestUpdate();
  };

  /**
   * Makes `at` the active cell, scrolls it into view and focuses it once drawn. The scroll is the
   * nearest one that shows the cell, so it honours the grid's `scroll-padding` and a cell never ends
   * up under a sticky header or column.
   */
  moveTo(at: GridCell): void {
    this.#active = at;
    this.#focusNext = at;
    this.#options.scrollToRow?.(at.row);
    this.#host.requestUpdate();
  }

  hostConnected(): void {}

  /**
   * Focus moves right after the update that draws the cell, not on `updateComplete`: a kit element's
   * waits for parts it is fetching (the resend confirmation), and the arrows must not stall meanwhile.
   */
  hostUpdated(): void {
    const at = this.#focusNext;
    if (!at) return;
    this.#focusNext = undefined;
    const cell = this.#options.cell(at);
    cell?.focus({ preventScroll: true });
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

/** The body cell an event came from, through shadow roots; none for header cells. */
function bodyCell(event: Event): { at: GridCell; cell: HTMLElement } | undefined {
  const cell = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.dataset['col'] !== undefined);
  const row = cell?.closest<HTMLElement>('[data-row]');
  if (!cell || !row) return undefined;
  return { at: { row: Number(row.dataset['row']), col: Number(cell.dataset['col']) }, cell };
}
