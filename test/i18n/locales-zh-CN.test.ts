import { expect, fixture, html } from '@open-wc/testing';
import '../../src/masked-field.js';
import '../../src/locales/zh-CN.js';
import { kitUpdateHold } from '../../src/controllers/kit-controller.js';
import type { MaskedField } from '../../src/masked-field.js';

describe('partner-kit/locales/zh-CN', () => {
  it('makes every zh-CN message present up front: a zh-CN element paints in Chinese without waiting for a fetch', async () => {
    const el = document.createElement('masked-field') as MaskedField;
    el.setAttribute('kind', 'name');
    el.setAttribute('locale', 'zh-CN');
    el.value = '张三丰';
    expect(kitUpdateHold(el)).to.equal(undefined);
    await fixture(html`<div>${el}</div>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('显示客户名称');
  });
});
