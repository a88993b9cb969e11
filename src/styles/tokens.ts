import { css, unsafeCSS } from 'lit';

/*
 * The kit's design tokens. Elements read tokens only through these references, each with its light
 * default as the fallback, so a host restyles the whole kit by setting `--pk-*` properties once (on
 * `:root`, or on `<partner-kit-provider>`). The dark set lives in `themes.ts`. One export per token,
 * each a pure call (a tagged template is not one to bundlers), so an element's bundle carries only
 * the tokens it uses. The values are constants, so `unsafeCSS` carries no injection risk here.
 */
export const fontSizeSmall = /* @__PURE__ */ unsafeCSS("var(--pk-font-size-small, 12px)");
export const text = /* @__PURE__ */ unsafeCSS("var(--pk-color-text, #1f2329)");
export const textMuted = /* @__PURE__ */ unsafeCSS("var(--pk-color-text-muted, #5f6670)");
export const surface = /* @__PURE__ */ unsafeCSS("var(--pk-color-surface, #ffffff)");
export const surfaceMuted = /* @__PURE__ */ unsafeCSS("var(--pk-color-surface-muted, #f5f6f7)");
export const border = /* @__PURE__ */ unsafeCSS("var(--pk-color-border, #c9cdd4)");
export const primary = /* @__PURE__ */ unsafeCSS("var(--pk-color-primary, #0b5fd9)");
export const onPrimary = /* @__PURE__ */ unsafeCSS("var(--pk-color-on-primary, #ffffff)");
export const danger = /* @__PURE__ */ unsafeCSS("var(--pk-color-danger, #c4221b)");
export const success = /* @__PURE__ */ unsafeCSS("var(--pk-color-success, #137333)");
export const warning = /* @__PURE__ */ unsafeCSS("var(--pk-color-warning, #8a5300)");
export const space1 = /* @__PURE__ */ unsafeCSS("var(--pk-space-1, 4px)");
export const space2 = /* @__PURE__ */ unsafeCSS("var(--pk-space-2, 8px)");
export const space3 = /* @__PURE__ */ unsafeCSS("var(--pk-space-3, 12px)");
export const space4 = /* @__PURE__ */ unsafeCSS("var(--pk-space-4, 16px)");
export const radius = /* @__PURE__ */ unsafeCSS("var(--pk-radius, 4px)");
export const focusRing = /* @__PURE__ */ unsafeCSS("var(--pk-focus-ring-width, 2px) solid var(--pk-focus-ring-color, #0b5fd9)");

/**
 * Shared pieces every element needs: type, the visually-hidden helper and the focus ring.
 * Type and text colour use the tokens without a fallback on purpose: unset, such a declaration
 * falls back to inheriting, so an element takes the portal's own font, size and colour (a masked
 * field inside a 16 px sentence is 16 px) unless the host sets `--pk-*`.
 */
export const base = css`
  :host {
    font-family: var(--pk-font-family);
    font-size: var(--pk-font-size);
    line-height: var(--pk-line-height);
    color: var(--pk-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  :focus-visible {
    outline: ${focusRing};
    outline-offset: 2px;
  }
`;
