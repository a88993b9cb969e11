import { css } from 'lit';
import { dialogBase } from '../../styles/dialog.js';
import * as token from '../../styles/tokens.js';

export const withdrawStyles = [
  token.base,
  dialogBase,
  css`
    dialog {
      width: min(44rem, calc(100vw - 2 * ${token.space3}));
      padding: 0;
      overflow: auto;
    }
    header {
      position: sticky;
      top: 0;
      z-index: 1;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: ${token.space2};
      padding: ${token.space3} ${token.space4};
      border-bottom: 1px solid ${token.border};
      background: ${token.surface};
    }
    h2 {
      margin: 0;
      font-size: 1.15em;
    }
    h3 {
      margin: 0 0 ${token.space2};
      font-size: 1.05em;
    }
    h3.success {
      color: ${token.success};
    }
    .body {
      padding: ${token.space3} ${token.space4} ${token.space4};
    }
    p {
      margin: 0 0 ${token.space2};
    }
    .muted {
      color: ${token.textMuted};
    }
    .small {
      font-size: ${token.fontSizeSmall};
    }
    .headline {
      display: grid;
      gap: 2px;
      margin-bottom: ${token.space3};
    }
    .big {
      font-size: 1.4em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: ${token.space1} ${token.space3};
      margin: 0 0 ${token.space3};
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: ${token.space1};
      padding: 0;
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: ${token.space1};
    }
    .field-label,
    label[for] {
      display: block;
      margin: ${token.space2} 0 ${token.space1};
      font-weight: 600;
    }
    input:not([type]),
    input[type='search'],
    select {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.25em;
      padding: ${token.space1} ${token.space2};
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surface};
      color: inherit;
      font: inherit;
    }
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: ${token.danger};
    }
    .amount-row {
      display: flex;
      gap: ${token.space2};
    }
    .amount-row input {
      flex: 1;
      min-width: 0;
      font-variant-numeric: tabular-nums;
    }
    .table-wrap {
      overflow-x: auto;
      margin-bottom: ${token.space2};
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: ${token.fontSizeSmall};
    }
    th,
    td {
      padding: ${token.space1} ${token.space2};
      border-bottom: 1px solid ${token.border};
      text-align: start;
      vertical-align: top;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .takes {
      color: ${token.primary};
    }
    tr.blocked td {
      border-bottom: 0;
    }
    tr.note td {
      color: ${token.danger};
    }
    [part='error'] {
      color: ${token.danger};
      font-size: ${token.fontSizeSmall};
    }
    p[part='error']:empty {
      margin: 0;
    }
    dl.summary {
      display: grid;
      grid-template-columns: max-content 1fr;
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
    button.icon {
      min-width: 2.25em;
      padding: 0;
      border-color: transparent;
      font-size: 1.3em;
      line-height: 1;
    }
    [part='primary'].danger {
      border-color: ${token.danger};
      background: ${token.danger};
    }
    .discard {
      position: sticky;
      bottom: 0;
      padding: ${token.space3} ${token.space4};
      border-top: 2px solid ${token.danger};
      background: ${token.surfaceMuted};
    }
    @media (max-width: 480px) {
      dl.summary {
        grid-template-columns: 1fr;
      }
    }
  `,
];
