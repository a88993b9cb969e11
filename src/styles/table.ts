import { css } from 'lit';
import * as token from './tokens.js';

/**
 * Tables and lists as one CSS grid. Header and body rows are subgrids of the `.table`, so every row
 * uses the single column template the element gives in `--pk-table-columns` and header cells sit
 * exactly over their cells at every width. Markup:
 *
 * ```html
 * <div class="table-wrap">
 *   <div class="table" role="table" aria-label=…>
 *     <div class="thead" role="rowgroup"><div class="tr" role="row"><span class="th" role="columnheader">…</span>…</div></div>
 *     <div class="tbody" role="rowgroup"><div class="tr" role="row"><span class="td" role="cell" data-label="Name">…</span>…</div></div>
 *   </div>
 * </div>
 * ```
 *
 * The `.table` scrolls; the header stays on top and, when the columns do not fit, header and body
 * scroll sideways together with the first column and the `.sticky-end` (actions) column kept in
 * view. Below 480px of container width rows become stacked cards whose cells are labelled by their
 * `data-label` (a `.table-wrap.keep-grid` scrolls sideways instead). A `.num` cell is right-aligned with tabular digits; `.truncate` shortens a value to
 * one line in the grid (give the full value in `title` or a masked-field) and shows it whole in a card.
 * Give values that must be read whole (amounts, dates, masked values) and buttons a track that fits
 * their content, e.g. `minmax(max-content, 1fr)` or `max-content`: a fixed minimum lets them be cut or
 * broken mid-word. Buttons in cells never break inside a word. Rows are at least
 * `--pk-table-row-height` tall, the token virtual rows read. A `.table` whose cells hold nothing
 * focusable needs `tabindex="0"`, or a keyboard cannot scroll it.
 */
export const table = css`
  .table-wrap {
    container: pk-table / inline-size;
    min-width: 0;
  }
  .table {
    /* The containing block of clipped text in cells: without it hidden overflow can widen the page. */
    position: relative;
    display: grid;
    grid-template-columns: var(--pk-table-columns, repeat(auto-fit, minmax(8rem, 1fr)));
    max-width: 100%;
    max-height: var(--pk-table-max-height, none);
    overflow: auto;
    overscroll-behavior-x: contain;
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    background: ${token.surface};
  }
  .thead,
  .tbody,
  .tr {
    display: grid;
    grid-template-columns: subgrid;
    grid-column: 1 / -1;
  }
  .thead {
    position: sticky;
    top: 0;
    z-index: 2;
  }
  .tr {
    min-height: ${token.rowHeight};
    background: ${token.surface};
  }
  .thead .tr {
    min-height: 0;
    background: ${token.surfaceMuted};
  }
  .tbody .tr:hover {
    background: color-mix(in srgb, ${token.text} 4%, ${token.surface});
  }
  .tbody .tr[aria-selected='true'] {
    background: color-mix(in srgb, ${token.primary} 10%, ${token.surface});
  }
  .th,
  .td {
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token.space1} ${token.space2};
    min-width: 0;
    padding: ${token.space2} ${token.space3};
    border-bottom: 1px solid ${token.border};
    background: inherit;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .tbody .tr:last-child > * {
    border-bottom: 0;
  }
  /*
   * A focused cell, header or row of a grid draws its ring inside itself: outside, the next cells and
   * rows paint over all of it but one edge. Weighed over the base ring's \`:is(…, [tabindex]…)\`.
   */
  .table :is(.th, .td, .tr)[tabindex]:focus-visible {
    outline-offset: calc(-1 * var(--pk-focus-ring-width, 2px));
  }
  /* A button's label stays whole: a cell's \`overflow-wrap: anywhere\` would split "Reclaim" into "Reclai" and "m". */
  .td button {
    overflow-wrap: normal;
    white-space: nowrap;
  }
  /* A row's note (an action's progress or failure): a line of its own below the cells, as wide as the row. */
  .row-note {
    grid-column: 1 / -1;
    justify-content: flex-end;
  }
  .th {
    font-size: ${token.fontSizeSmall};
    font-weight: ${token.fontWeightStrong};
    color: ${token.textMuted};
  }
  .tr > :first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    border-inline-end: 1px solid ${token.border};
  }
  .tr > .sticky-end {
    position: sticky;
    inset-inline-end: 0;
    z-index: 1;
    justify-content: flex-end;
    border-inline-start: 1px solid ${token.border};
  }
  .num {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .truncate {
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* A container condition cannot read a custom property, so the card breakpoint is a constant. */
  @container pk-table (max-width: 479.98px) {
    .table-wrap:not(.keep-grid) .table {
      display: block;
      max-height: none;
      border: 0;
      background: transparent;
    }
    .table-wrap:not(.keep-grid) .thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .table-wrap:not(.keep-grid) .tbody {
      display: grid;
      /* One column that may shrink below its content, so a long unbroken value wraps inside its card. */
      grid-template-columns: minmax(0, 1fr);
      gap: ${token.space2};
    }
    .table-wrap:not(.keep-grid) .tr {
      display: flex;
      flex-direction: column;
      gap: ${token.space1};
      min-height: 0;
      padding: ${token.space3};
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
    }
    .table-wrap:not(.keep-grid) .th,
    .table-wrap:not(.keep-grid) .td,
    .table-wrap:not(.keep-grid) .tr > :first-child,
    .table-wrap:not(.keep-grid) .tr > .sticky-end {
      position: static;
      justify-content: space-between;
      padding: 0;
      border: 0;
    }
    .table-wrap:not(.keep-grid) .td[data-label]::before {
      content: attr(data-label);
      margin-inline-end: auto;
      font-size: ${token.fontSizeSmall};
      color: ${token.textMuted};
    }
    .table-wrap:not(.keep-grid) .tbody .tr > .sticky-end {
      justify-content: flex-end;
      padding-top: ${token.space2};
      border-top: 1px solid ${token.border};
    }
    .table-wrap:not(.keep-grid) .row-note {
      justify-content: flex-end;
    }
    /* A card has the room a grid cell lacks: a shortened value is shown whole there. */
    .table-wrap:not(.keep-grid) .truncate {
      overflow: visible;
      white-space: normal;
    }
  }
`;
