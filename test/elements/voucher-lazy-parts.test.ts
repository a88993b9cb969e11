import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { IssuedVoucherList } from '../../src/issued-voucher-list.js';
import type { VoucherIssueForm } from '../../src/voucher-issue-form.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import { reclaimPart, type ReclaimPart } from '../../src/elements/issued-voucher-list/reclaim-part.js';
import { outcomePart, type OutcomePart } from '../../src/elements/voucher-issue-form/outcome-part.js';
import { registerMessages } from '../../src/i18n/register.js';
import { wordsFetched } from './module-words.js';
import { $, $$, accessible, adapter, button, outboxVerifier, text } from './voucher-helpers.js';

// Module fetches are read from resource timing; the default buffer of 250 entries could drop them.
performance.setResourceTimingBufferSize(10_000);

/** Code only a reclaim needs, and code only a sent issue needs. */
const RECLAIM_CODE = ['/issued-voucher-list/reclaim-dialog.', '/core/vouchers/reclaim-flow.', '/controllers/decision-dialog-controller.', '/controllers/modal-controller.', '/styles/dialog.'];
/** The editors of the form's closed "Validity and services" section, which come with the outcome's part. */
const VALIDITY_CODE = ['/voucher-issue-form/validity-view.'];
const OUTCOME_CODE = ['/voucher-issue-form/outcome-view.', '/core/vouchers/issue-submission.', '/core/vouchers/issue-outcome.', '/core/money-intent.', '/i18n/messages/voucher-issue-form-outcome.'];

/** How often the page fetched each of `files` so far. */
function fetches(files: readonly string[]): number[] {
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  return files.map((file) => urls.filter((url) => url.includes(file)).length);
}

/**
 * A loader the test settles by hand, counting its calls; while `fail` is set each call rejects as a
 * lost chunk does (an idle preload among them, which leaves no error behind).
 */
function deferred<M>(real: () => Promise<M>) {
  const gate = {
    calls: 0,
    fail: false,
    release: () => {},
    load: async (): Promise<M> => {
      gate.calls += 1;
      if (gate.fail) {
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      await new Promise<void>((resolve) => (gate.release = resolve));
      return real();
    },
  };
  return gate;
}

const realReclaim = reclaimPart.load;
const realOutcome = outcomePart.load;

describe('voucher elements fetch what their first screen does not show on first use', () => {
  afterEach(() => {
    reclaimPart.load = realReclaim;
    outcomePart.load = realOutcome;
  });

  // First: nothing else in this page has fetched these modules yet.
  it('importing the elements fetches neither the reclaim dialog nor what sending an issue needs', async () => {
    await import('../../src/issued-voucher-list.js');
    await import('../../src/voucher-issue-form.js');
    expect(performance.getEntriesByType('resource').length, 'the timing buffer kept every fetch').to.be.below(10_000);
    expect(fetches(RECLAIM_CODE), RECLAIM_CODE.join(', ')).to.deep.equal([0, 0, 0, 0, 0]);
    expect(fetches(OUTCOME_CODE), OUTCOME_CODE.join(', ')).to.deep.equal([0, 0, 0, 0, 0]);
    expect(fetches(VALIDITY_CODE), VALIDITY_CODE.join(', ')).to.deep.equal([0]);
    // The form's words are there, so a word that is not there is truly left out: the outcome's come with its views.
    expect(await wordsFetched(['Face value per customer', 'Send the same issue again', 'Did the issue go through?', 'New issue', 'Valid from', 'None ticked: all of them'])).to.deep.equal([
      'Face value per customer',
    ]);
  });

  it('<issued-voucher-list>: one fetch of the dialog however often Reclaim is pressed, the last row pressed is asked about', async () => {
    const gate = deferred<ReclaimPart>(realReclaim);
    reclaimPart.load = gate.load;
    const api = adapter({ verification: { enabled: false } });
    const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US" .verifier=${outboxVerifier(api)}></issued-voucher-list>`);
    await waitUntil(() => $$(el, '[part=reclaim]').length > 1, 'no rows');
    const [first, second] = $$<HTMLButtonElement>(el, '[part=reclaim]');
    const secondId = second!.closest<HTMLElement>('.tr')!.dataset['key']!;
    first!.click();
    second!.click();
    second!.click();
    await waitUntil(() => text(el, '[role=status].muted') === 'Loading…', 'no loading state');
    await accessible(el);
    expect(gate.calls).to.equal(1);
    gate.release();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog[part=dialog]').open).to.equal(true);
    expect(text(el, 'dialog')).to.contain(secondId);
    expect(el.shadowRoot!.activeElement?.id).to.equal('reclaim-title');
    button(el, 'Cancel', 'dialog').click();
    await el.updateComplete;
    first!.click();
    await el.updateComplete;
    expect(text(el, 'dialog')).to.contain(first!.closest<HTMLElement>('.tr')!.dataset['key']!);
    expect(gate.calls).to.equal(1);
  });

  it('<issued-voucher-list>: a dialog that could not be fetched says so, and Try again opens it for the same coupon', async () => {
    const gate = deferred<ReclaimPart>(realReclaim);
    gate.fail = true;
    reclaimPart.load = gate.load;
    const api = adapter({ verification: { enabled: false } });
    const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US"></issued-voucher-list>`);
    await waitUntil(() => $$(el, '[part=reclaim]').length > 0, 'no rows');
    const reclaim = $<HTMLButtonElement>(el, '[part=reclaim]');
    const couponId = reclaim.closest<HTMLElement>('.tr')!.dataset['key']!;
    reclaim.click();
    await waitUntil(() => $(el, '.error-state[role=alert]'), 'no error');
    expect($<HTMLDialogElement>(el, 'dialog[part=dialog]').open).to.equal(false);
    expect(text(el, '.error-state')).to.match(/reach the server|offline/i);
    await accessible(el);
    gate.fail = false;
    button(el, 'Try again', '.error-state').click();
    gate.release();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]').open, 'the dialog did not open');
    expect(text(el, 'dialog')).to.contain(couponId);
    expect($(el, '.error-state')).to.equal(null);
    expect(api.calls.get('reclaimCoupon') ?? 0).to.equal(0);
  });

  /**
   * A form with two customers and a face value, filled without awaiting `updateComplete`: that
   * waits for the outcome's code, which an idle preload may already be fetching through the gate.
   */
  async function issueForm(api: MemoryPartnerApi, locale = 'en-US') {
    const el = await fixture<VoucherIssueForm>(html`<voucher-issue-form .api=${api} locale=${locale} .verifier=${outboxVerifier(api)}></voucher-issue-form>`);
    await waitUntil(() => $$(el, 'input[name=quota]').length > 0 && $$(el, '#customer-results li').length > 0, 'form did not load');
    for (let added = 1; added <= 2; added++) {
      $$<HTMLButtonElement>(el, '#customer-results button:not([disabled], [aria-disabled=true])')[0]!.click();
      await waitUntil(() => $$(el, '[part=chip]').length === added, 'customer not added');
    }
    const face = $<HTMLInputElement>(el, '#face-value');
    face.value = '100';
    face.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => text(el, '#face-total') !== '', 'no total');
    return el;
  }

  it('<voucher-issue-form>: Submit pressed while its code comes waits, busy, and issues once', async () => {
    const gate = deferred<OutcomePart>(realOutcome);
    outcomePart.load = gate.load;
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    let events = 0;
    el.addEventListener('voucher-issued', () => (events += 1));
    for (let i = 0; i < 3; i++) $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=submit]').getAttribute('aria-busy') === 'true', 'not busy');
    expect(gate.calls).to.equal(1);
    expect(api.calls.get('issueCoupons') ?? 0).to.equal(0);
    gate.release();
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    expect(events).to.equal(1);
    expect(api.calls.get('issueCoupons')).to.equal(1);
    expect($$(el, '[part=outcome] .tr')).to.have.length(2);
    expect(getComputedStyle($(el, '[part=outcome] .table')).display).to.equal('grid');
    await accessible(el);
  });

  it('<voucher-issue-form>: code that could not be fetched is a network error at Submit; every entry stays and Submit again issues', async () => {
    const gate = deferred<OutcomePart>(realOutcome);
    gate.fail = true;
    outcomePart.load = gate.load;
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => text(el, '#submit-error') !== '', 'no error');
    expect(text(el, '#submit-error')).to.match(/reach the server|offline/i);
    expect($$(el, '[part=chip]')).to.have.length(2);
    expect($<HTMLInputElement>(el, '#face-value').value).to.equal('100');
    expect(api.calls.get('issueCoupons') ?? 0).to.equal(0);
    await accessible(el);
    gate.fail = false;
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => gate.calls > 0 && $(el, '[part=submit]')?.getAttribute('aria-busy') === 'true', 'not sent again');
    gate.release();
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    expect(api.calls.get('issueCoupons')).to.equal(1);
  });

  it('<voucher-issue-form>: the outcome brings its own words, in zh-CN from its first paint, with what a host registered under `voucher-issue-form`', async () => {
    registerMessages('voucher-issue-form', 'zh-CN', { newIssue: '再发一批' });
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api, 'zh-CN');
    const seen = new Set<string>();
    new MutationObserver(() => seen.add(text(el, '#result-title'))).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    expect(text(el, '#result-title')).to.equal('发放结果');
    expect([...seen].filter((title) => title !== '')).to.deep.equal(['发放结果']);
    expect(text(el, '[part=outcome] .actions')).to.contain('再发一批');
    await accessible(el);
  });

  it('<voucher-issue-form>: an unknown outcome is worded as a host registered under `voucher-issue-form`', async () => {
    registerMessages('voucher-issue-form', 'en-US', { sendAgain: 'Send it again, safely' });
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    api.setFaults({ issueCoupons: { kind: 'timeout', times: 1, afterEffect: true } });
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=outcome-unknown]'), 'not frozen');
    expect(text(el, '#unknown-title')).to.equal('Did the issue go through?');
    expect(button(el, 'Send it again, safely', '[part=outcome-unknown]')).to.not.equal(undefined);
  });

  /** Opens the closed "Validity and services" section as a click on its summary does. */
  function openValidity(el: VoucherIssueForm): void {
    const details = $<HTMLDetailsElement>(el, 'details');
    expect(details.open, 'the section is closed').to.equal(false);
    $(el, 'summary').click();
  }

  it('<voucher-issue-form>: the closed validity section’s editors are fetched when it is opened, once however often, with a loading state in it', async () => {
    const gate = deferred<OutcomePart>(realOutcome);
    outcomePart.load = gate.load;
    const el = await issueForm(adapter({ verification: { enabled: false } }));
    // Earlier forms on this page preloaded the code: here the gate holds it back until released.
    expect($(el, '#valid-from'), 'editors before the section was opened').to.equal(null);
    openValidity(el);
    await waitUntil(() => text(el, 'details [role=status]') === 'Loading…', 'no loading state in the section');
    await accessible(el);
    $(el, 'summary').click();
    await waitUntil(() => !$<HTMLDetailsElement>(el, 'details').open, 'the section did not close');
    $(el, 'summary').click();
    await waitUntil(() => $<HTMLDetailsElement>(el, 'details').open, 'the section did not open again');
    expect(gate.calls, 'fetches asked for').to.equal(1);
    gate.release();
    await waitUntil(() => $(el, '#valid-from'), 'the editors did not come');
    expect(text(el, '#validity-hint')).to.match(/^Inside the quota's window/);
    expect($<HTMLInputElement>(el, '#face-value').value, 'what was typed before').to.equal('100');
    expect($$(el, '[part=chip]')).to.have.length(2);
    await accessible(el);
    $(el, 'summary').click();
    await waitUntil(() => !$<HTMLDetailsElement>(el, 'details').open, 'the section did not close');
    openValidity(el);
    await el.updateComplete;
    expect(gate.calls).to.equal(1);
  });

  it('<voucher-issue-form>: editors that could not be fetched are an error in the section; Try again brings them, focused, every entry kept', async () => {
    const gate = deferred<OutcomePart>(realOutcome);
    gate.fail = true;
    outcomePart.load = gate.load;
    const el = await issueForm(adapter({ verification: { enabled: false } }));
    openValidity(el);
    await waitUntil(() => $(el, 'details .error-state[role=alert]'), 'no error in the section');
    expect(text(el, 'details .error-state')).to.match(/reach the server|offline/i);
    expect($(el, '#valid-from')).to.equal(null);
    await accessible(el);
    gate.fail = false;
    button(el, 'Try again', 'details').click();
    gate.release();
    await waitUntil(() => $(el, '#valid-from'), 'the editors did not come');
    expect($(el, 'details .error-state')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'valid-from', 'focus did not go to the first editor');
    expect($<HTMLInputElement>(el, '#face-value').value).to.equal('100');
    expect($$(el, '[part=chip]')).to.have.length(2);
    await accessible(el);
  });

  it('<voucher-issue-form>: the validity editors bring their own words, in zh-CN from their first paint', async () => {
    const gate = deferred<OutcomePart>(realOutcome);
    outcomePart.load = gate.load;
    const el = await issueForm(adapter({ verification: { enabled: false } }), 'zh-CN');
    const seen = new Set<string>();
    new MutationObserver(() => seen.add(text(el, 'label[for=valid-from]'))).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    openValidity(el);
    await waitUntil(() => gate.calls > 0, 'the editors were not asked for');
    gate.release();
    await waitUntil(() => $(el, '#valid-from'), 'the editors did not come');
    expect(text(el, 'label[for=valid-from]')).to.equal('生效日期');
    expect([...seen].filter((label) => label !== '')).to.deep.equal(['生效日期']);
    await accessible(el);
  });
});
