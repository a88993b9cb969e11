import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/masked-field.js';
import type { MaskedField } from '../../src/masked-field.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';

const marker = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=demo-marker]');
const markerRules = (el: Element) =>
  el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).filter((text) => text.includes('pk-demo'));
const viewFetches = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('demo-marker-view')).length;

async function revealThroughAdapter(el: MaskedField): Promise<void> {
  setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click());
  await oneEvent(el, 'masked-field-revealed');
}

// One page for the whole file, in this order: nothing has fallen back to the demo backend until the second test.
describe('the demo-data marker: fetched with the demo backend, not up front', () => {
  it('is neither fetched nor styled on a page whose elements have an adapter', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="name" reveal-resource="customer" reveal-id="c-0001" locale="en-US" .api=${createMemoryAdapter({ latencyMs: 0 })}></masked-field>`);
    await revealThroughAdapter(el);
    await el.updateComplete;
    expect(marker(el)).to.equal(null);
    expect(markerRules(el)).to.deep.equal([]);
    expect(viewFetches()).to.equal(0);
  });

  it('comes, styled and worded, once an element falls back to the demo backend; fetched once for every element', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <masked-field kind="name" reveal-resource="customer" reveal-id="c-0001" locale="en-US"></masked-field>
      <masked-field kind="name" reveal-resource="customer" reveal-id="c-0002" locale="en-US"></masked-field>
    </div>`);
    const [first, second] = page.querySelectorAll('masked-field');
    await Promise.all([revealThroughAdapter(first!), revealThroughAdapter(second!)]);
    await waitUntil(() => marker(first!) && marker(second!), 'no demo marker');
    expect(marker(first!)!.textContent).to.contain('Demo data');
    expect(getComputedStyle(marker(first!)!).borderTopStyle).to.equal('dashed');
    expect(getComputedStyle(marker(second!)!.querySelector('.pk-demo-note')!).position).to.equal('absolute');
    expect(viewFetches()).to.equal(1);
    await expect(first).to.be.accessible();
  });

  it('styles only the elements on the demo backend: one given an adapter later on the page adopts nothing', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="name" reveal-resource="customer" reveal-id="c-0003" locale="en-US" .api=${createMemoryAdapter({ latencyMs: 0 })}></masked-field>`);
    await revealThroughAdapter(el);
    await el.updateComplete;
    expect(marker(el)).to.equal(null);
    expect(el.shadowRoot!.adoptedStyleSheets.filter((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('pk-demo')))).to.deep.equal([]);
  });

  it('paints in zh-CN in Chinese from its first paint, never in English first', async () => {
    const seen: string[] = [];
    const field = document.createElement('masked-field') as MaskedField;
    Object.assign(field, { kind: 'name', locale: 'zh-CN' });
    field.setAttribute('reveal-resource', 'customer');
    field.setAttribute('reveal-id', 'c-0004');
    const observer = new MutationObserver(() => {
      const text = marker(field)?.textContent;
      if (text) seen.push(text);
    });
    const page = await fixture<HTMLElement>(html`<div></div>`);
    page.append(field);
    observer.observe(field.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await field.updateComplete;
    await revealThroughAdapter(field);
    await waitUntil(() => marker(field), 'no demo marker');
    observer.disconnect();
    expect(seen.length, 'the marker was drawn').to.be.greaterThan(0);
    expect(seen.filter((text) => !text.includes('演示数据'))).to.deep.equal([]);
    expect(marker(field)!.title).to.equal('未连接后端，此处显示的内容均非真实数据。');
  });
});
