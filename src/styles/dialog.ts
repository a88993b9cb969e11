import { css } from 'lit';
import * as token from './tokens.js';

/** Buttons and the action row, as every kit element with actions draws them. */
export const buttons = css`
  button {
    min-height: 2.25em;
    padding: 0 ${token.space3};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    background: ${token.surface};
    color: ${token.text};
    font: inherit;
    cursor: pointer;
  }
  button.primary,
  button[part='primary'] {
    border-color: ${token.primary};
    background: ${token.primary};
    color: ${token.onPrimary};
  }
  button[aria-disabled='true'],
  button[aria-busy='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${token.space2};
    margin-top: ${token.space3};
  }
`;

/** The chrome every kit dialog shares: the modal box and its backdrop, plus {@link buttons}. */
export const dialogBase = [
  buttons,
  css`
    :host {
      display: contents;
    }
    dialog {
      box-sizing: border-box;
      max-height: calc(100dvh - 2 * ${token.space3});
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surface};
      color: ${token.text};
      font: inherit;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
  `,
];
