import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { VoucherIssueForm } from '../../src/voucher-issue-form.js';
import { outcomePart, type OutcomePart } from '../../src/elements/voucher-issue-form/outcome-part.js';
import { modulesFetched } from './module-words.js';
import { $, $$, adapter, outboxVerifier, pause } from './voucher-helpers.js';

/** Code the form's first screen does not draw: the result's grid sheet, and the server-paged table with its filters. */
const LATER_CODE = ['/styles/table.', '/controllers/server-list-controller.'];

const fetched = (files: readonly string[]) => files.filter((file) => modulesFetched().some((url) => url.includes(file)));

const realOutcome = outcomePart.load;

/** A load the test lets through by hand, so the outcome's code stays away as long as it likes. */
function held(): { load: () => Promise<OutcomePart>; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    load: async () => {
      await gate;
      return realOutcome();
    },
    release,
  };
}

async function form(api = adapter({ verification: { enabled: false } })) {
  const el = await fixture<VoucherIssueForm>(html`<voucher-issue-form .api=${api} locale="en-US" .verifier=${outboxVerifier(api)}></voucher-issue-form>`);
  await waitUntil(() => $$(el, 'input[name=quota]').length > 0 && $$(el, '#customer-results li').length > 0, 'form did not load');
  return el;
}

describe('<voucher-issue-form> first screen', () => {
  let after = () => {};
  afterEach(() => {
    outcomePart.load = realOutcome;
    after();
    after = () => {};
  });

  /**
   * A form on the page whose outcome's code is held back until the test ends. Not through `fixture`:
   * it awaits `updateComplete`, which waits for that code.
   */
  function mountHeld(): { el: VoucherIssueForm; outcome: ReturnType<typeof held> } {
    const outcome = held();
    outcomePart.load = outcome.load;
    const el = document.createElement('voucher-issue-form');
    el.api = adapter();
    el.locale = 'en-US';
    document.body.append(el);
    after = () => {
      outcome.release();
      el.remove();
    };
    return { el, outcome };
  }

  // First: nothing else in this page has fetched these modules yet.
  it('is drawn, customer search included, without the result grid’s sheet or the server-paged table', async () => {
    // The outcome (which brings the grid's sheet) is preloaded when the browser is idle; here that
    // preload fails quietly, so what is checked is the first screen's own code however slow the machine.
    outcomePart.load = () => Promise.reject(new Error('the outcome stays away in this test'));
    await import('../../src/voucher-issue-form.js');
    const el = await form();
    expect($(el, '#customer-search')).to.not.equal(null);
    expect(fetched(LATER_CODE)).to.deep.equal([]);
  });

  it('adopts the result grid’s sheet only once the outcome’s code has come', async () => {
    const { el, outcome } = mountHeld();
    const { table } = await import('../../src/styles/table.js');
    await waitUntil(() => $(el, '[part=form]'), 'the form was not drawn');
    await pause(50);
    // A boolean: chai describing a list of sheets in its failure message takes the page down.
    expect(el.shadowRoot!.adoptedStyleSheets.includes(table.styleSheet!), 'the grid’s sheet is adopted before the outcome came').to.equal(false);
    outcome.release();
    // The idle preload fetches it without being asked.
    await waitUntil(() => el.shadowRoot!.adoptedStyleSheets.includes(table.styleSheet!), 'the grid’s sheet was not adopted');
  });

  it('moves focus to the search at once when a chip is removed while the outcome’s code is still coming', async () => {
    const { el } = mountHeld();
    await waitUntil(() => $$(el, '#customer-results button:not([disabled], [aria-disabled=true])').length > 0, 'no customers to add');
    $$<HTMLButtonElement>(el, '#customer-results button:not([disabled], [aria-disabled=true])')[0]!.click();
    await waitUntil(() => $$(el, '[part=chip]').length === 1, 'customer not added');
    $<HTMLButtonElement>(el, '[part=chip] button').click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#customer-search'), 'focus waited for the outcome’s code');
    expect($$(el, '[part=chip]')).to.have.length(0);
  });

  it('searches customers again from a new adapter', async () => {
    const el = await form();
    const next = adapter({ verification: { enabled: false } });
    el.api = next;
    await waitUntil(() => (next.calls.get('searchCustomers') ?? 0) > 0, 'the search did not ask the new adapter');
    await waitUntil(() => $$(el, '#customer-results li').length > 0, 'no results from the new adapter');
  });

  it('frames an unknown outcome as a warning, its heading styled as the outcome’s', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await form(api);
    $$<HTMLButtonElement>(el, '#customer-results button:not([disabled], [aria-disabled=true])')[0]!.click();
    await waitUntil(() => $$(el, '[part=chip]').length === 1, 'customer not added');
    const face = $<HTMLInputElement>(el, '#face-value');
    face.value = '100';
    face.dispatchEvent(new InputEvent('input'));
    api.setFaults({ issueCoupons: { kind: 'timeout', times: 1, afterEffect: true } });
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=outcome-unknown]'), 'not frozen');
    expect(getComputedStyle($(el, '[part=outcome-unknown]')).borderInlineStartWidth).to.equal('4px');
    expect(getComputedStyle($(el, '#unknown-title')).marginTop).to.equal('0px');
  });
});
