import { html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import { kitMessages } from '../i18n/messages/kit.js';
import type { Locale } from '../i18n/locale.js';
import type * as DemoMarkerView from './demo-marker-view.js';

type View = typeof DemoMarkerView;

/**
 * The marker's rules come with the demo backend (`loadDemoMarker()` from `defaultApi()`), so a
 * page on a real adapter never downloads them, and the marker is drawn once they are there. Its
 * words stay here: the catalogue is then defined up front and its locale fetched before an
 * element's first paint.
 */
let view: View | undefined;
let loading: Promise<void> | undefined;
/** One sheet adopted by every kit element at connect, empty until the view's rules arrive. */
let sheet: CSSStyleSheet | undefined;
/** The tag of the first element on the demo backend: the console is told once per page, not once per element. */
let demoTag: string | undefined;

/** Fetches the marker's rules into its sheet; once, however often it is asked. */
export function loadDemoMarker(): Promise<void> {
  loading ??= import('./demo-marker-view.js').then((module) => {
    view = module;
    sheet?.replaceSync(module.demoMarkerCss);
    if (demoTag !== undefined) module.warnDemo(demoTag);
  });
  return loading;
}

/** Gives `root` the marker's sheet, once. */
export function adoptDemoMarkerStyles(root: Node): void {
  if (!(root instanceof ShadowRoot) || !supportsAdoptingStyleSheets) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    if (view) sheet.replaceSync(view.demoMarkerCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The visible "demo data" badge, its title saying why, once its rules have come with the demo backend; nothing before. */
export function demoMarker(locale: Locale): TemplateResult | typeof nothing {
  if (!view) return nothing;
  const m = kitMessages(locale);
  return html`<p class="pk-demo-marker" part="demo-marker" role="note" title=${m.demoMarkerNote}>
    ${m.demoMarker}<span class="pk-demo-note">: ${m.demoMarkerNote}</span>
  </p>`;
}

/** Tells the developer once per page (a page of ten elements would say it ten times), in words that come with the marker. */
export function warnDemoOnce(tag: string): void {
  if (demoTag !== undefined) return;
  demoTag = tag;
  view?.warnDemo(tag);
}
