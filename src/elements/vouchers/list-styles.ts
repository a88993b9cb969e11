import { css } from 'lit';
import * as token from '../../styles/tokens.js';

/** Filters, table, pager and buttons shared by the voucher list elements. */
export const listStyles = css`
  :host {
    display: block;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token.space2} ${token.space3};
    margin-bottom: ${token.space3};
  }
  .filters label {
    display: grid;
    gap: 2px;
    font-size: ${token.fontSizeSmall};
    color: ${token.textMuted};
  }
  input,
  select {
    min-height: 2em;
    padding: 2px ${token.space2};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    background: ${token.surface};
    color: ${token.text};
    font: inherit;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: ${token.space1} ${token.space2};
    border-bottom: 1px solid ${token.border};
    text-align: start;
    vertical-align: top;
  }
  th {
    font-size: ${token.fontSizeSmall};
    color: ${token.textMuted};
    font-weight: 600;
  }
  .num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .remark {
    max-width: 18rem;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${token.space2};
    margin-top: ${token.space2};
    font-size: ${token.fontSizeSmall};
  }
  [part='error'],
  .failed {
    color: ${token.danger};
  }
  .ok {
    color: ${token.success};
  }
  .muted {
    color: ${token.textMuted};
  }
  [aria-busy='true'] tbody {
    opacity: 0.6;
  }
`;
