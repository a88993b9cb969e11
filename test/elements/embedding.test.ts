import { expect, fixture, html } from '@open-wc/testing';
import { defineElement } from '../../src/elements/define.js';
import { MaskedField } from '../../src/masked-field.js';

describe('embedding', () => {
  it('keeps working when an entry is loaded twice (two host bundles)', async () => {
    class SecondCopy extends MaskedField {}
    expect(() => defineElement('masked-field', SecondCopy)).not.to.throw();
    expect(customElements.get('masked-field')).to.equal(MaskedField);
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${'0086-13912341234'}></masked-field>`);
    expect(el.shadowRoot?.querySelector('[part="value"]')?.textContent).to.equal('0086-139****1234');
  });
});
