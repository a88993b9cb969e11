import { css } from 'lit';
import * as token from '../../styles/tokens.js';

export const maskedFieldStyles = [
  token.base,
  css`
    :host {
      display: inline-flex;
      align-items: center;
      flex-wrap: wrap;
      gap: ${token.space1};
      max-width: 100%;
    }
    [part='value'] {
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    button {
      display: inline-grid;
      place-items: center;
      min-width: 24px;
      min-height: 24px;
      padding: 2px;
      border: 0;
      border-radius: ${token.radius};
      background: transparent;
      color: ${token.textMuted};
      font: inherit;
      cursor: pointer;
    }
    [aria-busy=true] {
      opacity: 0.4;
    }
    button:hover {
      color: ${token.primary};
      background: ${token.surfaceMuted};
    }
    svg {
      width: 1.1em;
      height: 1.1em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    [part='status'] {
      font-size: ${token.fontSizeSmall};
      color: ${token.textMuted};
    }
    [part='status'].error {
      color: ${token.danger};
    }
  `,
];
