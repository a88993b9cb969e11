import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { attributeScope, installTheme, kitTheme } from '../../src/themes/index.js';
import './style-probe.js';
import '../../src/partner-kit-provider.js';
import type { StyleProbe } from './style-probe.js';

const $ = (el: StyleProbe, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement;
const $$ = (el: StyleProbe, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const box = (node: Element) => node.getBoundingClientRect();

async function probe(width: number, cards = false): Promise<StyleProbe> {
  await setViewport({ width, height: 800 });
  return fixture<StyleProbe>(html`<style-probe ?cards=${cards}></style-probe>`);
}

/** WCAG contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function pageOverflow(): number {
  return document.documentElement.scrollWidth - document.documentElement.clientWidth;
}

/** The left edge of each header cell and of the same column's cell in every body row. */
function columnEdges(el: StyleProbe): number[][] {
  const head = $$(el, '.thead .th').map((cell) => Math.round(box(cell).left));
  const rows = $$(el, '.tbody .tr').map((row) => [...row.children].map((cell) => Math.round(box(cell).left)));
  return [head, ...rows];
}

describe('the shared visual system', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('gives every button, field and checkbox at least a 24×24 px target', async () => {
    const el = await probe(1280);
    for (const control of $$(el, 'button, input:not([type]), label.choice')) {
      const { width, height } = box(control);
      expect(height, control.outerHTML).to.be.at.least(24);
      expect(width, control.outerHTML).to.be.at.least(24);
    }
  });

  it('draws a focus ring for keyboard focus only, and never around a heading focused by script', async () => {
    const el = await probe(1280);
    const [cancel, confirm] = $$(el, '.actions button') as [HTMLElement, HTMLElement];
    const { x, y, width, height } = box(cancel);
    await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
    expect(el.shadowRoot!.activeElement).to.equal(cancel);
    expect(getComputedStyle(cancel).outlineStyle).to.equal('none');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(confirm);
    expect(getComputedStyle(confirm).outlineStyle).to.equal('solid');
    const heading = $(el, 'h2');
    heading.focus();
    expect(el.shadowRoot!.activeElement).to.equal(heading);
    expect(getComputedStyle(heading).outlineStyle).to.equal('none');
  });

  it('turns the surfaces dark under data-pk-theme="dark" and a preset under the provider attribute', async () => {
    installTheme(kitTheme, attributeScope);
    const wrap = await fixture<HTMLElement>(html`<div>
      <style-probe></style-probe>
      <div data-pk-theme="dark"><style-probe></style-probe></div>
      <partner-kit-provider theme="ant-design"><style-probe></style-probe></partner-kit-provider>
      <partner-kit-provider theme="ant-design dark"><style-probe></style-probe></partner-kit-provider>
    </div>`);
    // A preset's tokens are fetched when the provider first names it.
    const provided = [...wrap.querySelectorAll('partner-kit-provider style-probe')].map((el) => $(el as StyleProbe, 'button.primary'));
    await waitUntil(() => provided.every((b) => getComputedStyle(b).backgroundColor !== 'rgb(11, 95, 217)'), 'the preset was not adopted');
    const [light, dark, ant, antDark] = [...wrap.querySelectorAll('style-probe')].map((el) => {
      const probeEl = el as StyleProbe;
      return { input: getComputedStyle($(probeEl, 'input')), primary: $(probeEl, 'button.primary') };
    }) as [{ input: CSSStyleDeclaration; primary: HTMLElement }, ...{ input: CSSStyleDeclaration; primary: HTMLElement }[]];
    expect(light.input.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(dark!.input.backgroundColor).to.equal('rgb(31, 35, 41)');
    expect(getComputedStyle(ant!.primary).backgroundColor).to.equal('rgb(22, 119, 255)');
    expect(getComputedStyle(ant!.primary).borderRadius).to.equal('6px');
    expect(box(ant!.primary).height).to.equal(32);
    expect(antDark!.input.backgroundColor).to.equal('rgb(20, 20, 20)');
  });

  it('greys an aria-disabled button instead of fading it, so its text keeps 4.5:1', async () => {
    const el = await probe(1280);
    const button = getComputedStyle($(el, 'button[aria-disabled="true"]'));
    expect(button.opacity).to.equal('1');
    expect(contrast(button.color, button.backgroundColor)).to.be.at.least(4.5);
  });

  it('passes axe, contrast included, in the plain kit light and dark', async () => {
    installTheme(kitTheme, attributeScope);
    const light = await probe(1280);
    await expect(light).to.be.accessible();
    const dark = await fixture<HTMLElement>(html`<div data-pk-theme="dark"><style-probe></style-probe></div>`);
    // A host in dark mode paints its own page dark; the kit paints only its controls.
    dark.style.background = 'var(--pk-color-surface)';
    await expect(dark.querySelector('style-probe')).to.be.accessible();
  });

  for (const width of [320, 1280]) {
    it(`lines header cells up with body cells at ${width} px, also scrolled sideways, without page overflow`, async () => {
      const el = await probe(width);
      const [head, ...rows] = columnEdges(el);
      for (const row of rows) expect(row).to.deep.equal(head);
      const grid = $(el, '.table');
      grid.scrollLeft = grid.scrollWidth;
      const [scrolledHead, ...scrolledRows] = columnEdges(el);
      for (const row of scrolledRows) expect(row).to.deep.equal(scrolledHead);
      expect(pageOverflow()).to.equal(0);
    });
  }

  it('keeps the first and the actions column in view when the table scrolls sideways at 320 px', async () => {
    const el = await probe(320);
    const grid = $(el, '.table');
    expect(grid.scrollWidth).to.be.greaterThan(grid.clientWidth);
    grid.scrollLeft = 200;
    const frame = box(grid);
    const cells = $$(el, '.tbody .tr:first-child .td');
    expect(Math.round(box(cells[0]!).left)).to.equal(Math.round(frame.left + grid.clientLeft));
    expect(box(cells[3]!).right).to.be.at.most(frame.right);
  });

  it('stacks rows as labelled cards in a 320 px container, the 3,000-character name wrapping inside', async () => {
    const el = await probe(320, true);
    const cell = $(el, '.tbody .tr:last-child .td');
    expect(getComputedStyle(cell, '::before').content).to.equal('"Name"');
    expect(box(cell).right).to.be.at.most(320);
    expect(pageOverflow()).to.equal(0);
  });
});
