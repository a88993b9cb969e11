import { css } from 'lit';
import { buttons } from './buttons.js';
import * as token from './tokens.js';

export { buttons };

/**
 * The chrome every kit dialog shares, plus {@link buttons}. Markup:
 * `<dialog><header class="dialog-header"><h2>…</h2><button class="icon">×</button></header>
 * <div class="dialog-body">…</div><footer class="dialog-actions">…</footer></dialog>`.
 * The body scrolls and the header and actions stay in view, so a long form never hides its
 * confirm button; on a screen up to 480px wide the dialog is a full-height sheet. A dialog without
 * those sections keeps a plain padded box.
 */
export const dialogBase = [
  buttons,
  css`
    :host {
      display: contents;
    }
    dialog {
      box-sizing: border-box;
      width: min(var(--pk-dialog-width, 32rem), calc(100vw - 2 * ${token.space3}));
      max-width: calc(100vw - 2 * ${token.space3});
      max-height: calc(100dvh - 2 * ${token.space3});
      padding: ${token.space4};
      border: 1px solid ${token.border};
      border-radius: ${token.radiusLarge};
      background: ${token.surface};
      color: ${token.text};
      box-shadow: ${token.shadow};
      font: inherit;
      overflow-wrap: anywhere;
    }
    dialog::backdrop {
      background: ${token.backdrop};
    }
    dialog[open]:has(> .dialog-body) {
      display: flex;
      flex-direction: column;
      padding: 0;
      overflow: hidden;
    }
    .dialog-header {
      display: flex;
      flex: none;
      align-items: center;
      justify-content: space-between;
      gap: ${token.space2};
      /* A title naming something long (a 3,000-character account name) scrolls; the actions stay in view. */
      max-height: 30dvh;
      overflow-y: auto;
      padding: ${token.space3} ${token.space4};
      border-bottom: 1px solid ${token.border};
    }
    .dialog-header :is(h1, h2, h3) {
      margin: 0;
      font-size: ${token.fontSizeLarge};
      font-weight: ${token.fontWeightStrong};
    }
    .dialog-body {
      flex: 1 1 auto;
      min-height: 0;
      padding: ${token.space3} ${token.space4};
      overflow: auto;
      overscroll-behavior: contain;
    }
    .dialog-actions {
      display: flex;
      flex: none;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: ${token.space2};
      padding: ${token.space3} ${token.space4};
      border-top: 1px solid ${token.border};
    }
    @media (max-width: 480px) {
      dialog {
        width: 100vw;
        max-width: 100vw;
        max-height: 100dvh;
        margin: auto 0 0;
        border-radius: ${token.radiusLarge} ${token.radiusLarge} 0 0;
      }
      dialog:has(> .dialog-body) {
        height: 100dvh;
        margin: 0;
        border: 0;
        border-radius: 0;
      }
      .dialog-actions > button {
        flex: 1 1 auto;
      }
    }
  `,
];
