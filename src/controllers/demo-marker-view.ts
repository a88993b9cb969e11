/*
 * What the "demo data" marker needs beyond its words and template, fetched with the demo backend
 * (see `demo-marker.ts`). Plain text, not Lit's `css`: a module fetched later that imported Lit
 * would make a host's bundler split Lit out of the element's own chunk, which costs more than the
 * marker saves.
 */

/** The marker's rules, for the sheet every kit element adopts: a sheet, unlike a `style` attribute, passes a CSP without `'unsafe-inline'`. */
export const demoMarkerCss = `
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

/** The one signal a developer sees when a portal forgot to wire its adapter. */
export function warnDemo(tag: string): void {
  // eslint-disable-next-line no-console -- see above
  console.warn(
    `partner-kit: <${tag}> has no \`api\` (on the element or a <partner-kit-provider>) and runs on the in-memory demo backend. ` +
      'Pass an adapter for real data; set `require-api` on the provider to make this an error.',
  );
}
