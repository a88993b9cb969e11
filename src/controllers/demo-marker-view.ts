/*
 * The "demo data" marker beyond its words, fetched with the demo backend (see `demo-marker.ts`):
 * its rules, its template and the console's warning. It imports nothing a page's first download
 * has (Lit's `html` is handed in, the rules are plain text): a module fetched later that imported
 * Lit or the kit's catalogues would make a host's bundler split them out of the element's own chunk,
 * which costs more than the marker saves.
 */
import type { html as litHtml, TemplateResult } from 'lit';
import type { kitMessages } from '../i18n/messages/kit.js';

/** The marker's rules, in a sheet every element on the demo backend adopts: a sheet, unlike a `style` attribute, passes a CSP without `'unsafe-inline'`. */
const demoMarkerCss = `
  .pk-demo-marker {
    display: inline-block;
    margin: 0 0 var(--pk-space-2, 8px);
    padding: 0 var(--pk-space-2, 8px);
    border: 1px dashed var(--pk-color-warning, #8a5300);
    border-radius: var(--pk-radius, 4px);
    color: var(--pk-color-warning, #8a5300);
    font-size: var(--pk-font-size-small, 0.75rem);
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

let sheet: CSSStyleSheet | undefined;
let warned = false;

/**
 * Readies `root` (an element that fell back to the demo backend) for the marker: gives it the
 * marker's sheet, once, where the browser adopts sheets (`adopting`, Lit's test); and tells the
 * developer, once per page (a page of ten elements would say it ten times), which element it was.
 */
export function onDemo(root: Node, tag: string, adopting: boolean): void {
  if (root instanceof ShadowRoot && adopting) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(demoMarkerCss);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  if (warned) return;
  warned = true;
  // eslint-disable-next-line no-console -- the one signal a developer sees when a portal forgot to wire its adapter
  console.warn(
    `partner-kit: <${tag}> has no \`api\` (on the element or a <partner-kit-provider>) and runs on the in-memory demo backend. ` +
      'Pass an adapter for real data; set `require-api` on the provider to make this an error.',
  );
}

/** The visible "demo data" badge in `m`'s words, its title saying why. */
export function demoMarker(html: typeof litHtml, m: ReturnType<typeof kitMessages>): TemplateResult {
  return html`<p class="pk-demo-marker" part="demo-marker" role="note" title=${m.demoMarkerNote}>
    ${m.demoMarker}<span class="pk-demo-note">: ${m.demoMarkerNote}</span>
  </p>`;
}
