import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/masked-field.js';
import { revealPartModule } from '../../src/elements/masked-field/masked-field.js';
import { KitError } from '../../src/model/errors.js';
import type { MaskedField } from '../../src/masked-field.js';

const FULL = '0086-13912341234';
const toggle = (el: MaskedField) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
const shownText = (el: MaskedField) => el.shadowRoot!.querySelector('[part="value"]')?.textContent;
const status = (el: MaskedField) => el.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';
const partRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('reveal-part')).length;

// Its own page, so the reveal part's code has not come with another test. The tests run in order:
// the page fetches the part once it succeeds, and never again.
describe('<masked-field>: what a reveal needs is fetched with the first reveal', () => {
  const realFetch = revealPartModule.fetch;
  let fetches = 0;
  let next: () => ReturnType<typeof realFetch> = realFetch;
  beforeEach(() => {
    revealPartModule.fetch = () => {
      fetches += 1;
      return next();
    };
  });
  afterEach(() => {
    revealPartModule.fetch = realFetch;
  });

  it('is not fetched while the field shows its mask; a failed fetch shows as a failed reveal with a network error', async () => {
    const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .value=${FULL} locale="en-US"></masked-field>`);
    expect(shownText(el)).to.equal('0086-139****1234');
    expect(partRequests(), 'fetched before any reveal').to.equal(0);
    next = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const failed = oneEvent(el, 'masked-field-load-failed');
    toggle(el).click();
    const { detail } = await failed;
    expect(detail.error.code).to.equal('network');
    expect(detail.error, 'a KitError to a host that checks').to.be.instanceOf(KitError);
    await el.updateComplete;
    expect(status(el)).to.equal('Could not show the mobile number. Try again.');
    expect(shownText(el)).to.equal('0086-139****1234');
    expect(toggle(el).getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('fetches again on the next reveal; a hide while it comes drops that reveal; then once however many fields reveal', async () => {
    const page = await fixture(html`<div>
      <masked-field kind="mobile" .value=${FULL} locale="en-US"></masked-field>
      <masked-field kind="name" .value=${'张三丰'} locale="en-US"></masked-field>
    </div>`);
    const [first, second] = [...page.querySelectorAll('masked-field')] as [MaskedField, MaskedField];
    await first.updateComplete;
    let arrive: () => void = () => undefined;
    next = () => new Promise((resolve) => (arrive = () => resolve(realFetch())));
    let revealed = 0;
    first.addEventListener('masked-field-revealed', () => (revealed += 1));
    const shown = first.show();
    await aTimeout(0);
    expect(toggle(first).getAttribute('aria-busy'), 'loading while the part comes').to.equal('true');
    first.hide();
    arrive();
    await shown;
    await first.updateComplete;
    expect(revealed, 'a reveal hidden while the part came').to.equal(0);
    expect(first.revealed).to.equal(false);
    expect(toggle(first).getAttribute('aria-busy')).to.equal('false');
    expect(shownText(first)).to.equal('0086-139****1234');
    await Promise.all([first.show(), second.show()]);
    await first.updateComplete;
    await second.updateComplete;
    expect(first.revealed && second.revealed).to.equal(true);
    expect(shownText(first)).to.equal(FULL);
    expect(shownText(second)).to.equal('张三丰');
    expect(revealed).to.equal(1);
    first.hide();
    await first.show();
    expect(fetches, 'the failed fetch, then one').to.equal(2);
    expect(partRequests()).to.equal(1);
  });
});
