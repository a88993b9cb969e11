import { css } from 'lit';
import { fields } from '../../styles/fields.js';
import { table } from '../../styles/table.js';
import * as token from '../../styles/tokens.js';

/** The steps' sheets, adopted with the contents, after the dialog's own (`withdrawStyles`). */
export const withdrawContentsStyles = [
  fields,
  table,
  css`
    h3 {
      margin: 0 0 ${token.space2};
      font-size: ${token.fontSizeLarge};
    }
    h3.success {
      color: ${token.success};
    }
    p {
      margin: 0 0 ${token.space2};
    }
    .headline {
      display: grid;
      gap: 2px;
      margin-bottom: ${token.space3};
    }
    .big {
      font-size: ${token.fontSizeTitle};
      font-weight: ${token.fontWeightStrong};
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0 ${token.space3};
    }
    legend {
      flex-basis: 100%;
    }
    .amount-row {
      display: flex;
      gap: ${token.space2};
    }
    .amount-row input {
      flex: 1;
      font-variant-numeric: tabular-nums;
    }
    .table-wrap {
      margin-bottom: ${token.space3};
    }
    .table {
      --pk-table-columns: minmax(6.5rem, 0.8fr) minmax(6rem, 1fr) minmax(7rem, 1fr) minmax(8rem, 1fr) minmax(9rem, 1.4fr);
      --pk-table-max-height: 18rem;
    }
    .table.picking {
      --pk-table-columns: 3rem minmax(6.5rem, 0.8fr) minmax(6rem, 1fr) minmax(7rem, 1fr) minmax(8rem, 1fr) minmax(9rem, 1.4fr);
    }
    .takes {
      flex-basis: 100%;
      /* The cell keeps an amount on one line; this line may break after "Takes" rather than run into the next column. */
      white-space: normal;
      text-align: end;
      color: ${token.link};
    }
    .tr.blocked > .td {
      border-bottom: 0;
    }
    .tr.note > .td {
      position: static;
      grid-column: 1 / -1;
    }
    .notice {
      padding: ${token.space2} ${token.space3};
      border-inline-start: 3px solid ${token.primary};
      background: ${token.surfaceMuted};
    }
    dl.summary {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: ${token.space1} ${token.space3};
      margin: 0 0 ${token.space3};
    }
    dl.summary dt {
      color: ${token.textMuted};
    }
    dl.summary dd {
      margin: 0;
    }
    dl.summary ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .discard {
      flex: none;
      padding: ${token.space3} ${token.space4};
      border-top: 2px solid ${token.danger};
      background: ${token.surfaceMuted};
    }
    @container withdraw (max-width: 30rem) {
      dl.summary {
        grid-template-columns: minmax(0, 1fr);
      }
      .amount-row {
        flex-wrap: wrap;
      }
    }
  `,
];
