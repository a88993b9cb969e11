import { css, unsafeCSS } from 'lit';

/*
 * The kit's design tokens. Elements read tokens only through these references, each with its light
 * default as the fallback, so an element looks right with no provider and a host restyles the whole
 * kit by setting `--pk-*` properties once (on `:root`, or on `<partner-kit-provider>`). The dark set
 * lives in `themes.ts`, the design-system presets in `src/themes/`. One export per token, each a pure
 * call (a tagged template is not one to bundlers), so an element's bundle carries only the tokens it
 * uses. The values are constants, so `unsafeCSS` carries no injection risk here.
 */

/*
 * Type ramp. The body size and family inherit from the page unless set (see `base`). The small size is
 * in rem, 12px at the browser's default 16px: a user who sets a larger text size gets larger hints,
 * headers and row buttons too, not only larger body text.
 */
export const fontSizeSmall = /* @__PURE__ */ unsafeCSS("var(--pk-font-size-small, 0.75rem)");
export const fontSizeLarge = /* @__PURE__ */ unsafeCSS("var(--pk-font-size-large, 1.15em)");
export const fontSizeTitle = /* @__PURE__ */ unsafeCSS("var(--pk-font-size-title, 1.3em)");
export const fontWeightStrong = /* @__PURE__ */ unsafeCSS("var(--pk-font-weight-strong, 600)");

/* Colours. */
export const text = /* @__PURE__ */ unsafeCSS("var(--pk-color-text, #1f2329)");
export const textMuted = /* @__PURE__ */ unsafeCSS("var(--pk-color-text-muted, #5f6670)");
export const surface = /* @__PURE__ */ unsafeCSS("var(--pk-color-surface, #ffffff)");
export const surfaceMuted = /* @__PURE__ */ unsafeCSS("var(--pk-color-surface-muted, #f5f6f7)");
export const border = /* @__PURE__ */ unsafeCSS("var(--pk-color-border, #c9cdd4)");
export const primary = /* @__PURE__ */ unsafeCSS("var(--pk-color-primary, #0b5fd9)");
export const onPrimary = /* @__PURE__ */ unsafeCSS("var(--pk-color-on-primary, #ffffff)");
export const link = /* @__PURE__ */ unsafeCSS("var(--pk-color-link, var(--pk-color-primary, #0b5fd9))");
export const danger = /* @__PURE__ */ unsafeCSS("var(--pk-color-danger, #c4221b)");
export const onDanger = /* @__PURE__ */ unsafeCSS("var(--pk-color-on-danger, #ffffff)");
export const success = /* @__PURE__ */ unsafeCSS("var(--pk-color-success, #137333)");
export const warning = /* @__PURE__ */ unsafeCSS("var(--pk-color-warning, #8a5300)");
export const backdrop = /* @__PURE__ */ unsafeCSS("var(--pk-color-backdrop, rgb(0 0 0 / 0.45))");

/* Spacing scale. */
export const space1 = /* @__PURE__ */ unsafeCSS("var(--pk-space-1, 4px)");
export const space2 = /* @__PURE__ */ unsafeCSS("var(--pk-space-2, 8px)");
export const space3 = /* @__PURE__ */ unsafeCSS("var(--pk-space-3, 12px)");
export const space4 = /* @__PURE__ */ unsafeCSS("var(--pk-space-4, 16px)");
export const space5 = /* @__PURE__ */ unsafeCSS("var(--pk-space-5, 24px)");
export const space6 = /* @__PURE__ */ unsafeCSS("var(--pk-space-6, 32px)");

/*
 * Shape and size. Control heights never go under 24px, the WCAG 2.2 minimum target size. Heights that
 * hold a line of text are in rem (the px value at a 16px root), so they grow with the user's text size.
 */
export const radius = /* @__PURE__ */ unsafeCSS("var(--pk-radius, 4px)");
export const radiusLarge = /* @__PURE__ */ unsafeCSS("var(--pk-radius-large, 8px)");
export const controlHeight = /* @__PURE__ */ unsafeCSS("max(24px, var(--pk-control-height, 2rem))");
export const controlHeightSmall = /* @__PURE__ */ unsafeCSS("max(24px, var(--pk-control-height-small, 1.5rem))");
export const controlHeightLarge = /* @__PURE__ */ unsafeCSS("max(24px, var(--pk-control-height-large, 2.5rem))");
export const rowHeight = /* @__PURE__ */ unsafeCSS("var(--pk-table-row-height, 2.75rem)");
export const shadow = /* @__PURE__ */ unsafeCSS("var(--pk-shadow, 0 6px 24px rgb(0 0 0 / 0.18))");
export const focusRing = /* @__PURE__ */ unsafeCSS("var(--pk-focus-ring-width, 2px) solid var(--pk-focus-ring-color, #0b5fd9)");

/**
 * Shared pieces every element needs: type, the visually-hidden helper and the focus ring.
 * Type and text colour use the tokens without a fallback on purpose: unset, such a declaration
 * falls back to inheriting, so an element takes the portal's own font, size and colour (a masked
 * field inside a 16 px sentence is 16 px) unless the host sets `--pk-*`.
 * The focus ring is drawn only on things a user can operate, and only when the browser judges focus
 * should be visible: a heading focused by script for a screen reader, or a button clicked with the
 * mouse, shows none.
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
  /* Important: a field sheet's \`.field input { width: 100% }\` must not bring a hidden control back. */
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    border: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
  }
  :focus {
    outline: none;
  }
  :is(a[href], button, input, select, textarea, summary, [role='gridcell'], [role='columnheader'], [role='row'], [role='option'], [role='tab'], [tabindex]:not([tabindex='-1'])):focus-visible {
    outline: ${focusRing};
    outline-offset: 2px;
  }
`;
