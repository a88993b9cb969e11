import { css } from 'lit';
import * as token from '../../styles/tokens.js';

export const topUpFormStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  form,
  .payment,
  .result {
    display: grid;
    justify-items: start;
    gap: ${token.space2};
    max-width: 32rem;
  }
  .field {
    justify-self: stretch;
  }
  /* The file input is visually hidden; its label is the button, and shows the input's keyboard focus. */
  .file {
    display: flex;
    align-items: center;
    gap: ${token.space2};
    min-width: 0;
  }
  .file input:focus-visible + label {
    outline: ${token.focusRing};
    outline-offset: 2px;
  }
  .file input:disabled + label {
    cursor: not-allowed;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-start;
    gap: ${token.space2};
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space1};
    margin-block-end: ${token.space3};
    border-bottom: 1px solid ${token.border};
  }
  [role='tab'] {
    margin-block-end: -1px;
    border-color: transparent;
    border-bottom: 2px solid transparent;
    border-radius: ${token.radius} ${token.radius} 0 0;
    background: none;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: ${token.primary};
    color: ${token.primary};
    font-weight: ${token.fontWeightStrong};
  }
  .block,
  [role='tabpanel'] > .result {
    display: grid;
    gap: ${token.space2};
    min-width: 0;
    margin-block-end: ${token.space5};
  }
  [part='transfers'],
  [part='results'] {
    --pk-table-columns: minmax(10rem, 2fr) minmax(10rem, 1.2fr) minmax(7rem, 1fr) minmax(9rem, 1fr) minmax(6rem, auto);
  }
  [part='records'] {
    --pk-table-columns: minmax(9rem, 1fr) minmax(10rem, 2fr) minmax(7rem, 1fr) minmax(8rem, 1.5fr) minmax(8rem, 1.2fr);
  }
  h3 {
    margin: 0;
  }
  .account {
    display: grid;
    gap: ${token.space1} ${token.space3};
    margin: 0;
  }
  .account > div {
    display: grid;
    grid-template-columns: minmax(6rem, 10rem) minmax(0, 1fr);
    gap: ${token.space3};
  }
  .account dt {
    color: ${token.textMuted};
  }
  .account dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .reference {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }
  .payer-row {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space2};
  }
  .payer-row input {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space2} ${token.space3};
  }
  .filters > .field {
    flex: 1 1 10rem;
    min-width: 0;
    max-width: 20rem;
  }
  .search {
    max-width: none;
  }
  .reason {
    color: ${token.textMuted};
    font-size: ${token.fontSizeSmall};
  }
  @container (max-width: 30rem) {
    .account > div {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
`;
