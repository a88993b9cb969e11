import { expect, fixture, html } from '@open-wc/testing';
import '../../src/masked-field.js';
import '../../src/partner-kit-provider.js';
import { hostOverrides } from '../../src/i18n/store.js';
import type { MaskedField } from '../../src/masked-field.js';

const toggleLabel = (el: MaskedField) => el.shadowRoot!.querySelector('[part="toggle"]')?.getAttribute('aria-label');

// Its own page: nothing here registers words or locales, so the host-words module has to be fetched.
describe("a provider's own messages, on a page that registered none", () => {
  it('cost an element nothing up front: it paints in the shipped words without fetching what applies them', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${'0086-13912341234'} locale="en-US"></masked-field>`);
    expect(toggleLabel(el)).to.equal('Show mobile number');
    expect(hostOverrides()).to.equal(undefined);
  });

  it('are fetched before the element below the provider first paints, which then shows them', async () => {
    const provider = await fixture<HTMLElement>(html`<partner-kit-provider
      locale="en-US"
      .messages=${{ 'en-US': { 'masked-field': { show: (label: string) => `Reveal ${label}` } } }}
    ></partner-kit-provider>`);
    const el = document.createElement('masked-field') as MaskedField;
    el.kind = 'mobile';
    el.value = '0086-13912341234';
    const painted: unknown[] = [];
    el.addController({ hostUpdated: () => painted.push(toggleLabel(el)) });
    provider.append(el);
    await el.updateComplete;
    expect(hostOverrides()).to.not.equal(undefined);
    expect(painted, 'the first paint was already in the provider words').to.deep.equal(['Reveal mobile number']);
    const later = document.createElement('masked-field') as MaskedField;
    later.kind = 'email';
    provider.append(later);
    await later.updateComplete;
    expect(toggleLabel(later)).to.equal('Reveal e-mail address');
    // Outside the provider, the shipped words.
    const outside = await fixture<MaskedField>(html`<masked-field kind="mobile" locale="en-US"></masked-field>`);
    expect(toggleLabel(outside)).to.equal('Show mobile number');
  });
});
