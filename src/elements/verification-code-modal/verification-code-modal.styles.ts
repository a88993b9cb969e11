import { css } from 'lit';
import { dialogBase } from '../../styles/dialog.js';
import * as token from '../../styles/tokens.js';

export const verificationStyles = [
  token.base,
  dialogBase,
  css`
    dialog {
      width: min(26rem, calc(100vw - 2 * ${token.space3}));
      padding: ${token.space4};
    }
    h2 {
      margin: 0 0 ${token.space2};
      font-size: 1.15em;
    }
    p {
      margin: 0 0 ${token.space2};
    }
    .hint,
    .destination,
    .loading {
      color: ${token.textMuted};
      font-size: ${token.fontSizeSmall};
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: ${token.space3};
      margin: 0 0 ${token.space2};
      padding: 0;
      border: 0;
    }
    legend {
      float: left;
      margin-inline-end: ${token.space2};
      padding: 0;
    }
    fieldset label {
      display: inline-flex;
      align-items: center;
      gap: ${token.space1};
    }
    .code-label {
      display: block;
      margin-bottom: ${token.space1};
      font-weight: 600;
    }
    .code-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token.space2};
    }
    .code-field {
      position: relative;
      flex: 1 1 12rem;
      min-width: 0;
      max-width: 17rem;
    }
    /* The real input lies on top of the painted boxes: one field for autofill, paste and screen readers. */
    input#code {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      box-sizing: border-box;
      margin: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: transparent;
      caret-color: transparent;
      font: inherit;
      letter-spacing: 2em;
    }
    input#code::selection {
      background: transparent;
    }
    .boxes {
      display: grid;
      grid-template-columns: repeat(6, 1fr);
      gap: ${token.space1};
    }
    .box {
      display: grid;
      place-items: center;
      height: 2.5em;
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surface};
      font-size: 1.1em;
      font-variant-numeric: tabular-nums;
    }
    .code-field:focus-within .box.next {
      border-color: ${token.primary};
      box-shadow: 0 0 0 1px ${token.primary};
    }
    .code-field:focus-within .boxes {
      outline: ${token.focusRing};
      outline-offset: 2px;
      border-radius: ${token.radius};
    }
    input#code:focus-visible {
      outline: none;
    }
    input[aria-invalid='true'] + .boxes .box {
      border-color: ${token.danger};
    }
    input[readonly] + .boxes {
      opacity: 0.6;
    }
    [part='error'] {
      min-height: 1.4em;
      color: ${token.danger};
      font-size: ${token.fontSizeSmall};
    }
    [part='send'] {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
];
