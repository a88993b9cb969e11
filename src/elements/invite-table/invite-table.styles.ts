import { css, type CSSResultGroup } from 'lit';
// Each sheet from its own file: the styles index also leads to the dialog's sheet, which only the resend part adopts.
import { badges } from '../../styles/badges.js';
import { buttons } from '../../styles/buttons.js';
import { fields } from '../../styles/fields.js';
import { pager } from '../../styles/pager.js';
import { states } from '../../styles/states.js';
import { table } from '../../styles/table.js';
import { base } from '../../styles/tokens.js';
import * as token from '../../styles/tokens.js';

/**
 * The shared sheets, and only what is this table's own: fixed-height rows, the sticky name, the
 * batch panel. The batch confirmation's chrome (`dialogBase`) is left out up front: the resend
 * part adopts it after these sheets when it comes.
 */
export const inviteTableStyles: CSSResultGroup = [
  base,
  buttons,
  fields,
  table,
  badges,
  pager,
  states,
  css`
    /* \`:not([hidden])\` weighs this over the dialog chrome's \`:host { display: contents }\`, for a host that is only a dialog. */
    :host(:not([hidden])) {
      display: block;
      min-width: 0;
    }
    .batch {
      display: flex;
      flex-wrap: wrap;
      gap: ${token.space2};
      margin-inline-start: auto;
    }
    .select-all {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: ${token.space2};
      margin: 0 0 ${token.space2};
      font-size: ${token.fontSizeSmall};
    }
    .table {
      /* The containing block of the cells' visually hidden text, which would otherwise escape the scroll box and widen the page. */
      position: relative;
      /* Keyboard moves scroll a cell clear of the sticky header, selection + name and actions columns. */
      scroll-padding: ${token.rowHeight} 7rem 0 10rem;
    }
    .table-wrap.virtual .table {
      max-height: var(--pk-invite-table-height, 28rem);
    }
    .tbody .td {
      flex-wrap: nowrap;
      overflow: hidden;
      white-space: nowrap;
    }
    .tr > :first-child {
      justify-content: center;
      padding-inline: ${token.space2};
    }
    @container pk-table (min-width: 480px) {
      /* One height for every row, the one the virtual rows measure. */
      .tbody .tr {
        height: ${token.rowHeight};
      }
      .tr > .name {
        position: sticky;
        inset-inline-start: 3rem;
        z-index: 1;
      }
    }
    @container pk-table (max-width: 479.98px) {
      /* One card per line, as wide as the container however long a value is. */
      .tbody {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    masked-field {
      flex-wrap: nowrap;
      min-width: 0;
    }
    masked-field::part(value) {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .sort {
      min-height: 24px;
      padding: 0;
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
    }
    .reason {
      font-size: ${token.fontSizeSmall};
      color: ${token.danger};
    }
    .progress {
      margin-bottom: ${token.space3};
      padding: ${token.space2} ${token.space3};
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surfaceMuted};
    }
    .progress p {
      margin: ${token.space1} 0;
    }
    progress {
      width: 100%;
    }
    .failures,
    .confirm-list {
      max-height: 8rem;
      overflow: auto;
      margin: 0;
      padding-inline-start: 1.2em;
      font-size: ${token.fontSizeSmall};
      overflow-wrap: anywhere;
    }
    .confirm-list {
      max-height: 14rem;
    }
  `,
];
