import { css, html, type TemplateResult } from 'lit';
import { kitMessages } from '../i18n/messages/kit.js';
import type { Locale } from '../i18n/locale.js';

/**
 * Adopted into the shadow root of every kit element rather than listed in each element's styles:
 * the marker belongs to the kit, and a stylesheet (unlike a `style` attribute) passes a CSP
 * without `'unsafe-inline'`.
 */
const demoMarkerStyles = css`
  .pk-demo-marker {
    display: inline-block;
    margin: 0 0 var(--pk-space-2, 8px);
    padding: 0 var(--pk-space-2, 8px);
    border: 1px dashed var(--pk-color-warning, #8a5300);
    border-radius: var(--pk-radius, 4px);
    color: var(--pk-color-warning, #8a5300);
    font-size: var(--pk-font-size-small, 12px);
    line-height: 1.6;
  }
  .pk-demo-note {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** Gives `root` the marker's sheet, once. */
export function adoptDemoMarkerStyles(root: Node): void {
  const sheet = demoMarkerStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The visible "demo data" badge; its title says why. */
export function demoMarker(locale: Locale): TemplateResult {
  const m = kitMessages(locale);
  return html`<p class="pk-demo-marker" part="demo-marker" role="note" title=${m.demoMarkerNote}>
    ${m.demoMarker}<span class="pk-demo-note">: ${m.demoMarkerNote}</span>
  </p>`;
}

let warned = false;

/** Tells the developer once per page, not once per element: a page of ten elements would say it ten times. */
export function warnDemoOnce(tag: string): void {
  if (warned) return;
  warned = true;
  // eslint-disable-next-line no-console -- the one signal a developer sees when a portal forgot to wire its adapter
  console.warn(
    `partner-kit: <${tag}> has no \`api\` (on the element or a <partner-kit-provider>) and runs on the in-memory demo backend. ` +
      'Pass an adapter for real data; set `require-api` on the provider to make this an error.',
  );
}
