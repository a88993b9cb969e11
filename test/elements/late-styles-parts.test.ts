import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/issued-voucher-list.js';
import '../../src/verification-code-modal.js';
import type { IssuedVoucherList } from '../../src/issued-voucher-list.js';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { installTheme } from '../../src/themes/install.js';
import { antDesignTheme } from '../../src/themes/presets/ant-design.js';

/** A theme installed in one element's own shadow root, as a host scoping a design system to it would. */
const inRoot = () => ({ light: ':host', dark: ':host(.pk-dark)', auto: ":host([data-pk-theme~='auto'])" });
const ANT_PRIMARY = 'rgb(22, 119, 255)';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const style = (el: Element, selector: string) => getComputedStyle($(el, selector)!);

/** On the demo backend (no `api`), so the "demo data" marker's sheet is in the root, with a theme installed there too. */
async function onDemoWithTheme<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const el = await fixture<T>(template);
  installTheme(antDesignTheme, inRoot, el.shadowRoot!);
  return el;
}
const markerStyled = (el: Element) => $(el, '[part=demo-marker]') && style(el, '[part=demo-marker]').borderTopStyle === 'dashed';

describe("a part fetched later adds its sheets and keeps the root's others", () => {
  it('<issued-voucher-list>: opening the reclaim dialog keeps the demo marker styled and a theme installed in the root applied', async () => {
    const el = await onDemoWithTheme<IssuedVoucherList>(html`<issued-voucher-list locale="en-US"></issued-voucher-list>`);
    await waitUntil(() => $(el, '[part=reclaim]') && markerStyled(el), 'no coupon to reclaim beside a styled demo marker');
    $<HTMLButtonElement>(el, '[part=reclaim]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')?.open, 'the reclaim dialog did not open');
    await el.updateComplete;

    expect(style(el, '[part=demo-marker]').borderTopStyle).to.equal('dashed');
    expect(style(el, 'dialog .primary').backgroundColor).to.equal(ANT_PRIMARY);
    expect(style(el, 'dialog .dialog-actions').display, 'the dialog has its chrome').to.equal('flex');
    // The chrome says `:host { display: contents }` for a host that is only a dialog; the list stays a box.
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('<verification-code-modal>: the code entry keeps the demo marker styled and a theme installed in the root applied', async () => {
    const el = await onDemoWithTheme<VerificationCodeModal>(html`<verification-code-modal locale="en-US"></verification-code-modal>`);
    el.confirm({ purpose: 'withdraw', action: 'Confirm withdrawal of ¥1,200.00' }).catch(() => undefined);
    await waitUntil(() => $(el, '[part=send]') && $(el, '[part=demo-marker]'), 'no code entry on the demo backend');
    await el.updateComplete;

    expect(style(el, '[part=demo-marker]').borderTopStyle).to.equal('dashed');
    expect(style(el, '[part=send]').fontVariantNumeric, "the code entry's own sheet came").to.equal('tabular-nums');
    expect(style(el, '[part=input]').position, "the code entry's own sheet came").to.equal('absolute');
    expect(getComputedStyle(el).getPropertyValue('--pk-color-primary').trim()).to.equal('#1677ff');
    expect(style(el, '.dialog-body').containerType, "the frame's sheet stays").to.equal('inline-size');
  });

  it("<verification-code-modal>: a host's sheet put before the kit's stays before them once the code entry comes, so the kit's rules still win", async () => {
    const host = new CSSStyleSheet();
    host.replaceSync('.dialog-actions { justify-content: flex-start; } .hint { color: rgb(255, 0, 0); }');
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('verification-code-modal');
    el.api = createMemoryAdapter({ latencyMs: 5 });
    el.locale = 'en-US';
    box.append(el);
    el.shadowRoot!.adoptedStyleSheets = [host, ...el.shadowRoot!.adoptedStyleSheets];
    el.confirm({ purpose: 'withdraw' }).catch(() => undefined);
    await waitUntil(() => $(el, '[part=send]'), 'the code entry did not come');
    await el.updateComplete;

    expect(style(el, '.dialog-actions').justifyContent).to.equal('flex-end');
    expect(style(el, '.hint').color).not.to.equal('rgb(255, 0, 0)');
    expect(el.shadowRoot!.adoptedStyleSheets.indexOf(host), "the host's sheet is still first").to.equal(0);
  });
});
