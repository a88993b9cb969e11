import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { devuiTheme, installTheme } from '../../src/themes/index.js';
import './style-probe.js';
import type { StyleProbe } from './style-probe.js';

/**
 * The policy portals of payment companies ship. A `<meta>` policy inserted into `<head>` is enforced
 * from then on, and this file has a page of its own, so no other test runs under it.
 */
function enforceStrictCsp(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'";
  document.head.append(meta);
}

describe('the shared visual system under style-src \'self\'', () => {
  before(enforceStrictCsp);
  after(() => setViewport({ width: 800, height: 600 }));

  it('really blocks inline styles here, so the checks below mean something', async () => {
    const el = await fixture<HTMLElement>(html`<div><style>.csp-probe { display: block; width: 77px; }</style><span class="csp-probe"></span></div>`);
    expect(getComputedStyle(el.querySelector('.csp-probe')!).width).not.to.equal('77px');
  });

  it('draws the table as one grid and applies an installed preset', async () => {
    installTheme(devuiTheme);
    await setViewport({ width: 1280, height: 800 });
    const el = await fixture<StyleProbe>(html`<style-probe></style-probe>`);
    const root = el.shadowRoot!;
    const head = [...root.querySelectorAll('.thead .th')].map((cell) => Math.round(cell.getBoundingClientRect().left));
    const cells = [...root.querySelectorAll('.tbody .tr:first-child .td')].map((cell) => Math.round(cell.getBoundingClientRect().left));
    expect(cells).to.deep.equal(head);
    expect(new Set(head).size).to.equal(4);
    const rows = [...root.querySelectorAll('.tbody .tr')].map((row) => Math.round(row.getBoundingClientRect().top));
    expect(rows[1]).to.be.greaterThan(rows[0]!);
    const primary = root.querySelector('button.primary')!;
    expect(getComputedStyle(primary).backgroundColor).to.equal('rgb(94, 124, 224)');
    expect(primary.getBoundingClientRect().height).to.equal(28);
  });
});
