import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/themes/element-plus.js';
import { elementPlusTheme, installTheme } from '../../src/themes/index.js';
import './style-probe.js';
import type { StyleProbe } from './style-probe.js';

async function surfaceAndPrimary(): Promise<[string, string]> {
  const el = await fixture<StyleProbe>(html`<style-probe></style-probe>`);
  const input = getComputedStyle(el.shadowRoot!.querySelector('input')!);
  const primary = getComputedStyle(el.shadowRoot!.querySelector('button.primary')!);
  return [input.backgroundColor, primary.backgroundColor];
}

describe('a preset turned on with one import', () => {
  const root = document.documentElement;
  afterEach(async () => {
    root.classList.remove('dark');
    root.removeAttribute('data-pk-theme');
    await emulateMedia({ colorScheme: 'light' });
  });

  it('restyles every kit element on the page, once however often it is installed', async () => {
    const sheets = document.adoptedStyleSheets.length;
    installTheme(elementPlusTheme);
    expect(document.adoptedStyleSheets.length).to.equal(sheets);
    expect(await surfaceAndPrimary()).to.deep.equal(['rgb(255, 255, 255)', 'rgb(64, 158, 255)']);
  });

  it("follows Element Plus's own dark switch, <html class=\"dark\">", async () => {
    root.classList.add('dark');
    expect((await surfaceAndPrimary())[0]).to.equal('rgb(20, 20, 20)');
    expect(getComputedStyle(root).colorScheme).to.equal('dark');
  });

  it('follows the operating system under data-pk-theme="auto" only', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect((await surfaceAndPrimary())[0]).to.equal('rgb(255, 255, 255)');
    root.setAttribute('data-pk-theme', 'auto');
    expect((await surfaceAndPrimary())[0]).to.equal('rgb(20, 20, 20)');
  });
});
