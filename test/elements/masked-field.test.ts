import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/masked-field.js';
import '../../src/partner-kit-provider.js';
import type { MaskedField } from '../../src/masked-field.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';

const FULL = '0086-13912341234';

/** Everything a page, an attribute scan or the accessibility tree could expose of the element. */
function exposed(el: MaskedField): string {
  const attributes = [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((a) => a.value));
  return [el.outerHTML, el.shadowRoot!.innerHTML, el.shadowRoot!.textContent ?? '', ...attributes].join('\n');
}

function toggle(el: MaskedField): HTMLButtonElement {
  return el.shadowRoot!.querySelector('[part="toggle"]') as HTMLButtonElement;
}

function shownText(el: MaskedField): string | null | undefined {
  return el.shadowRoot!.querySelector('[part="value"]')?.textContent;
}

/** Clicks the eye and waits until the value is on screen. */
async function reveal(el: MaskedField): Promise<void> {
  setTimeout(() => toggle(el).click());
  await oneEvent(el, 'masked-field-revealed');
  await el.updateComplete;
}

describe('<masked-field>', () => {
  it('hides the value by default, and it is nowhere in the DOM, attributes or text', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL} locale="en-US"></masked-field>`);
    expect(el.shadowRoot!.querySelector('[part="value"]')?.textContent).to.equal('0086-139****1234');
    expect(exposed(el)).not.to.contain('13912341234');
    expect(toggle(el).getAttribute('aria-label')).to.equal('Show mobile number');
    expect(toggle(el).getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('shows and hides with the eye button, announcing and firing events without the value', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL} locale="en-US"></masked-field>`);
    setTimeout(() => toggle(el).click());
    const revealed = await oneEvent(el, 'masked-field-revealed');
    await el.updateComplete;
    expect(revealed.detail).to.deep.equal({ kind: 'mobile', source: 'host' });
    expect(JSON.stringify(revealed.detail)).not.to.contain('1391234');
    expect(el.shadowRoot!.querySelector('[part="value"]')?.textContent).to.equal(FULL);
    expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain('Showing mobile number');
    await expect(el).to.be.accessible();
    setTimeout(() => toggle(el).click());
    const hidden = await oneEvent(el, 'masked-field-hidden');
    await el.updateComplete;
    expect(hidden.detail).to.deep.equal({ kind: 'mobile', reason: 'user' });
    expect(exposed(el)).not.to.contain('13912341234');
  });

  it('works from the keyboard alone: Tab reaches the eye, Enter shows, Space hides', async () => {
    const page = await fixture(html`<div><button>before</button><masked-field kind="name" .value=${'张三丰'} locale="zh-CN"></masked-field></div>`);
    const el = page.querySelector('masked-field') as MaskedField;
    // Its zh-CN words are fetched before it first paints.
    await el.updateComplete;
    page.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(toggle(el));
    expect(toggle(el).getAttribute('aria-label')).to.equal('显示客户名称');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shownText(el) === '张三丰');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => shownText(el) === '张**');
  });

  it('fetches the value through the adapter on each reveal, and the backend audits it', async () => {
    const api = createMemoryAdapter({ latencyMs: 30 });
    const full = api.data.customers[0]?.mobile ?? '';
    const el = await fixture<MaskedField>(
      html`<masked-field kind="mobile" masked="0086-139****0000" reveal-resource="customer" reveal-id="c-0001" .api=${api} locale="en-US"></masked-field>`,
    );
    expect(exposed(el)).not.to.contain(full);
    toggle(el).click();
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="value"]')?.textContent === full);
    toggle(el).click();
    await el.updateComplete;
    expect(exposed(el)).not.to.contain(full);
    toggle(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="value"]')?.textContent === full);
    expect(api.auditLog).to.have.length(2);
  });

  it('explains a failed reveal, keeps the mask, and recovers on retry', async () => {
    const api = createMemoryAdapter({ faults: { revealField: { kind: 'offline', times: 1 } } });
    const el = await fixture<MaskedField>(
      html`<masked-field kind="email" masked="a***@example.com" reveal-resource="customer" reveal-id="c-0001" .api=${api} locale="en-US"></masked-field>`,
    );
    toggle(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')?.textContent?.includes('You are offline.'));
    expect(el.shadowRoot!.querySelector('[part="status"]')?.textContent).to.contain('Could not show the e-mail address.');
    expect(el.shadowRoot!.querySelector('[part="value"]')?.textContent).to.equal('a***@example.com');
    await expect(el).to.be.accessible();
    toggle(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="value"]')?.textContent === api.data.customers[0]?.email);
  });

  it('hides by itself after auto-hide, but not while it has focus', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL} auto-hide="0.1"></masked-field>`);
    toggle(el).focus();
    await reveal(el);
    await aTimeout(200);
    expect(toggle(el).getAttribute('aria-pressed'), 'still shown while focused').to.equal('true');
    setTimeout(() => toggle(el).blur());
    const hidden = await oneEvent(el, 'masked-field-hidden');
    expect(hidden.detail.reason).to.equal('auto-hide');
    await el.updateComplete;
    expect(exposed(el)).not.to.contain('13912341234');
  });

  it('keeps auto-hide paused while focus moves from the eye to the copy button', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL} auto-hide="0.1" copyable></masked-field>`);
    toggle(el).focus();
    await reveal(el);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('copy');
    await aTimeout(250);
    expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
  });

  it('copies the shown value with clear feedback', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL} copyable locale="en-US"></masked-field>`);
    expect(el.shadowRoot!.querySelector('[part="copy"]'), 'no copy while hidden').to.equal(null);
    await reveal(el);
    const copy = el.shadowRoot!.querySelector('[part="copy"]') as HTMLButtonElement;
    expect(copy.getAttribute('aria-label')).to.equal('Copy mobile number');
    copy.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')?.textContent === 'Copied');
    expect(copied).to.equal(FULL);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    copy.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')?.textContent?.startsWith('Copy failed'));
  });

  it('hides again when the host swaps the value', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL}></masked-field>`);
    await reveal(el);
    setTimeout(() => (el.value = '0086-13700000000'));
    const hidden = await oneEvent(el, 'masked-field-hidden');
    expect(hidden.detail.reason).to.equal('value-changed');
    await el.updateComplete;
    expect(shownText(el)).to.equal('0086-137****0000');
  });

  it('tells whether the value is shown through its read-only revealed state', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL}></masked-field>`);
    expect(el.revealed).to.equal(false);
    await reveal(el);
    expect(el.revealed).to.equal(true);
    expect(() => ((el as unknown as { revealed: boolean }).revealed = false)).to.throw(TypeError);
    el.hide();
    expect(el.revealed).to.equal(false);
  });

  it('reports leaving the page while shown as its own reason, not as a value change', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL}></masked-field>`);
    await reveal(el);
    const hidden = oneEvent(el, 'masked-field-hidden');
    el.remove();
    expect((await hidden).detail).to.deep.equal({ kind: 'mobile', reason: 'disconnected' });
    expect(el.revealed).to.equal(false);
  });

  it('sits inline in a sentence and inside a table cell', async () => {
    const page = await fixture(html`<div>
      <p>Call <masked-field kind="mobile" .value=${FULL}></masked-field> today.</p>
      <table><tr><th scope="row">Mobile</th><td><masked-field kind="mobile" .value=${FULL}></masked-field></td></tr></table>
    </div>`);
    const [inline, cell] = [...page.querySelectorAll('masked-field')];
    expect(getComputedStyle(inline as Element).display).to.equal('inline-flex');
    (page.querySelector('p') as HTMLElement).style.fontSize = '19px';
    expect(getComputedStyle(inline as Element).fontSize, 'takes the size of the text around it').to.equal('19px');
    expect((cell as Element).getBoundingClientRect().height).to.be.lessThan(40);
    await expect(page).to.be.accessible();
  });

  it('words its live region in the current language after a locale switch at runtime', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="name" .value=${'张三丰'} locale="zh-CN"></masked-field>`);
    await reveal(el);
    setTimeout(() => toggle(el).click());
    await oneEvent(el, 'masked-field-hidden');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal('客户名称已隐藏');
    el.locale = 'en-US';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal('Hid customer name');
  });

  it('wraps a 3,000-character value inside a narrow table cell and keeps its buttons at 24×24 px', async () => {
    const long = '李'.repeat(3000);
    const page = await fixture(html`<div style="width: 320px"><table style="width: 100%; table-layout: fixed"><tr><td>
      <masked-field kind="name" .value=${long} copyable></masked-field></td></tr></table></div>`);
    const el = page.querySelector('masked-field') as MaskedField;
    await reveal(el);
    expect(el.getBoundingClientRect().right).to.be.at.most(page.getBoundingClientRect().right);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const { width, height } = button.getBoundingClientRect();
      expect(width).to.be.at.least(24);
      expect(height).to.be.at.least(24);
    }
    await expect(page).to.be.accessible();
  });
});

describe('<partner-kit-provider>', () => {
  it('hands its adapter and locale to elements inside, and they follow a locale change at runtime', async () => {
    const api = createMemoryAdapter();
    const provider = await fixture(html`<partner-kit-provider .api=${api} locale="zh-CN">
      <masked-field kind="mobile" masked="0086-139****0000" reveal-resource="customer" reveal-id="c-0001"></masked-field>
    </partner-kit-provider>`);
    const el = provider.querySelector('masked-field') as MaskedField;
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-label')).to.equal('显示手机号');
    provider.setAttribute('locale', 'en-US');
    await waitUntil(() => toggle(el).getAttribute('aria-label') === 'Show mobile number');
    toggle(el).click();
    await waitUntil(() => api.auditLog.length === 1);
  });

  it('lets an element’s own locale win, and follows <html lang> when nothing is set', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en';
      const el = await fixture<MaskedField>(html`<masked-field kind="email" .value=${'a@b.cn'}></masked-field>`);
      expect(toggle(el).getAttribute('aria-label')).to.equal('Show e-mail address');
      document.documentElement.lang = 'zh-Hans';
      await waitUntil(() => toggle(el).getAttribute('aria-label') === '显示邮箱');
      el.locale = 'en-US';
      await el.updateComplete;
      expect(toggle(el).getAttribute('aria-label')).to.equal('Show e-mail address');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('applies the dark token set', async () => {
    const provider = await fixture(html`<partner-kit-provider theme="dark"><masked-field .value=${'x'}></masked-field></partner-kit-provider>`);
    const el = provider.querySelector('masked-field') as MaskedField;
    expect(getComputedStyle(el).getPropertyValue('--pk-color-text').trim()).to.equal('#e8eaed');
    expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 237)');
  });
});
