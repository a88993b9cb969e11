import { adoptStyles, supportsAdoptingStyleSheets, type CSSResultGroup, type CSSResultOrNative, type ReactiveElement } from 'lit';

/** Per shadow root, the styles that are its element's: its `elementStyles`, then each late part's, in the order they came. */
const owned = new WeakMap<ShadowRoot, CSSResultOrNative[]>();

const sheetOf = (style: CSSResultOrNative): CSSStyleSheet | undefined => (style instanceof CSSStyleSheet ? style : style.styleSheet);

/** A part's `styles`, nested as `static styles` may be, in order. */
const flatten = (styles: CSSResultGroup): CSSResultOrNative[] => (Array.isArray(styles) ? styles.flatMap(flatten) : [styles]);

/**
 * Adopts the sheets of a part that arrived after the element (fetched on first use) into the
 * element's shadow root, as if they had been listed last in its `static styles`: after the
 * element's own sheets and after those of parts that came earlier, but before any sheet the kit
 * or a host added to the root since (the demo marker's, a theme installed there), so those still
 * win. Adopting a sheet the root already has, the element's own (`base`) or one adopted before,
 * adds nothing and moves nothing. Call it once the element is connected, before the part's first
 * render (from `willUpdate`, or the part's constructor made there), and the part never paints
 * unstyled.
 *
 * Constructed sheets, as Lit's `adoptStyles` makes them: no `<style>` element, so a page with a
 * strict `style-src` applies them. Where a browser has no constructed sheets Lit falls back to
 * `<style>` elements (carrying `litNonce`), and so does this.
 */
export function adoptLateStyles(host: ReactiveElement, styles: CSSResultGroup): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  const ours = owned.get(root) ?? [...(host.constructor as typeof ReactiveElement).elementStyles];
  owned.set(root, ours);
  const fresh = [...new Set(flatten(styles))].filter((style) => !ours.includes(style));
  if (fresh.length === 0) return;
  if (!supportsAdoptingStyleSheets) {
    adoptStyles(root, fresh);
    ours.push(...fresh);
    return;
  }
  const current = root.adoptedStyleSheets;
  const mine = new Set(ours.map(sheetOf));
  const after = current.findLastIndex((sheet) => mine.has(sheet)) + 1;
  const adding = fresh.map(sheetOf).filter((sheet): sheet is CSSStyleSheet => sheet !== undefined && !current.includes(sheet));
  root.adoptedStyleSheets = [...current.slice(0, after), ...adding, ...current.slice(after)];
  ours.push(...fresh);
}
