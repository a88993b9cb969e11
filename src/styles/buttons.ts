import { css } from 'lit';
import * as token from './tokens.js';

/**
 * Buttons and the action row. Every `<button>` is a secondary button; add a class for the rest:
 * `primary`, `danger`, `link` (looks like a link, still a 24 px target), and `small` / `large` for
 * size. A busy or `aria-disabled` button keeps readable contrast (it is greyed, not faded), so the
 * confirm button behind a code step still passes axe. A `<label class="button">` for a visually
 * hidden file input looks like a button too (the picker's own face is in the browser's language).
 */
export const buttons = css`
  button,
  label.button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token.space1};
    min-width: 24px;
    min-height: ${token.controlHeight};
    padding: 0 ${token.space3};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    background: ${token.surface};
    color: ${token.text};
    font: inherit;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
  }
  button:hover,
  label.button:hover {
    border-color: ${token.primary};
    color: ${token.link};
  }
  button.primary,
  button[part~='primary'] {
    border-color: ${token.primary};
    background: ${token.primary};
    color: ${token.onPrimary};
  }
  button.danger {
    border-color: ${token.danger};
    background: ${token.danger};
    color: ${token.onDanger};
  }
  button:is(.primary, [part~='primary'], .danger):hover {
    filter: brightness(1.08);
  }
  button.link {
    min-width: 24px;
    padding: 0 ${token.space1};
    border-color: transparent;
    background: transparent;
    color: ${token.link};
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  button.small {
    min-height: ${token.controlHeightSmall};
    padding: 0 ${token.space2};
    font-size: ${token.fontSizeSmall};
  }
  button.large {
    min-height: ${token.controlHeightLarge};
    padding: 0 ${token.space4};
  }
  button.icon {
    min-width: ${token.controlHeight};
    padding: 0;
  }
  button:disabled,
  button[aria-disabled='true'],
  button[aria-busy='true'] {
    border-color: ${token.border};
    background: ${token.surfaceMuted};
    color: ${token.textMuted};
    filter: none;
    cursor: not-allowed;
  }
  button.link:is(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: transparent;
    text-decoration: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${token.space2};
    margin-top: ${token.space3};
  }
`;
