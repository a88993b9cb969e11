import { css } from 'lit';
import { dialogBase } from '../../styles/dialog.js';
import * as token from '../../styles/tokens.js';

export const inviteTableStyles = [
  token.base,
  dialogBase,
  css`
    :host {
      display: block;
      min-width: 0;
      /* The one place a row's height is set: the body's rows are laid out and scrolled by it. */
      --row-height: var(--pk-row-height, 44px);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${token.space2};
      margin-bottom: ${token.space2};
    }
    .toolbar label {
      display: grid;
      gap: 2px;
      font-size: ${token.fontSizeSmall};
      color: ${token.textMuted};
    }
    .spacer {
      flex: 1;
    }
    input[type='search'],
    select {
      min-height: 2.25em;
      padding: 2px ${token.space2};
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surface};
      color: ${token.text};
      font: inherit;
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
    [role='grid'] {
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      overflow-x: auto;
    }
    .row {
      display: grid;
      grid-template-columns: var(--cols);
      align-items: center;
      min-width: max-content;
      height: var(--row-height);
      box-sizing: border-box;
      border-bottom: 1px solid ${token.border};
    }
    .head {
      height: auto;
      min-height: var(--row-height);
      background: ${token.surfaceMuted};
      font-size: ${token.fontSizeSmall};
      font-weight: 600;
      color: ${token.textMuted};
    }
    .body .row {
      position: absolute;
      inset-inline: 0;
      top: 0;
      transform: translateY(calc(var(--row) * var(--row-height)));
    }
    .row[aria-selected='true'] {
      background: color-mix(in srgb, ${token.primary} 8%, transparent);
    }
    .cell {
      min-width: 0;
      padding: 0 ${token.space2};
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font-size: 0.95em;
    }
    .cell:focus-visible {
      outline: ${token.focusRing};
      outline-offset: -2px;
    }
    .scroller {
      position: relative;
      height: var(--pk-invite-table-height, 28rem);
      overflow-y: auto;
      overflow-x: hidden;
      contain: strict;
    }
    .scroller.paged {
      height: auto;
      contain: none;
    }
    .body {
      position: relative;
      height: calc(var(--rows) * var(--row-height));
    }
    .sort {
      min-height: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
    }
    .status.failed,
    .reason,
    [part='error'] {
      color: ${token.danger};
    }
    .status.associated {
      color: ${token.success};
    }
    .reason {
      display: block;
      font-size: ${token.fontSizeSmall};
      white-space: normal;
      line-height: 1.2;
    }
    .pager,
    .select-all {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: ${token.space2};
      margin: ${token.space2} 0;
      font-size: ${token.fontSizeSmall};
    }
    .muted {
      color: ${token.textMuted};
    }
    .progress {
      margin-bottom: ${token.space2};
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
    .failures {
      max-height: 8rem;
      overflow: auto;
      margin: 0;
      font-size: ${token.fontSizeSmall};
    }
    dialog {
      width: min(30rem, calc(100vw - 2 * ${token.space3}));
      padding: ${token.space4};
    }
    dialog h2 {
      margin: 0 0 ${token.space2};
      font-size: 1.1em;
    }
    .confirm-list {
      max-height: 14rem;
      overflow: auto;
      margin: 0;
      padding-inline-start: 1.2em;
    }
  `,
];
