import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/unbind-requests.js';
import type { UnbindRequestApprovedDetail, UnbindRequestRejectedDetail, UnbindRequests } from '../../src/unbind-requests.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { FaultKind } from '../../src/api/memory/faults.js';
import { $, $$, LOCALES, accessible, adapter, button, outboxVerifier, pause, text, type } from './voucher-helpers.js';
import { longestPatternInput } from '../support/patterns-read.js';

async function requests(api: MemoryPartnerApi, locale = 'en-US', verifier = true) {
  const el = await fixture<UnbindRequests>(html`<unbind-requests .api=${api} locale=${locale} .verifier=${verifier ? outboxVerifier(api) : undefined}></unbind-requests>`);
  await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
  return el;
}

const firstPending = (el: UnbindRequests) => $$(el, '.tbody .tr[data-key]').find((row) => row.querySelector('[part=approve]'))!;
const dialogOpen = (el: UnbindRequests) => $<HTMLDialogElement>(el, 'dialog[part=dialog]').open;
const rowOf = (el: UnbindRequests, id: string) => $$(el, '.tbody .tr').find((r) => r.dataset['key'] === id);
const active = (el: UnbindRequests) => el.shadowRoot!.activeElement;

describe('<unbind-requests> list', () => {
  it('shows each request with the customer masked, revealed through the adapter, and its reason and status', async () => {
    const api = adapter();
    const el = await requests(api);
    const row = firstPending(el);
    const id = row.dataset['key']!;
    const request = (await api.listUnbindRequests({ offset: 0, limit: 50 })).items.find((r) => r.id === id)!;
    const customer = api.data.customers.find((c) => c.id === request.customerId)!;
    expect(row.textContent).not.to.contain(customer.name);
    expect(row.textContent).to.contain(request.reason);
    expect(row.textContent).to.contain('Pending');
    const name = row.querySelector('masked-field')!;
    expect(name.getAttribute('reveal-id')).to.equal(customer.id);
    name.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
    await waitUntil(() => name.shadowRoot!.textContent!.includes(customer.name), 'not revealed');
    expect($$(el, '.tbody .tr[data-key]').filter((r) => !r.querySelector('[part=approve]')).length).to.be.greaterThan(0);
  });

  it('filters by status on the server', async () => {
    const api = adapter();
    const el = await requests(api);
    const select = $<HTMLSelectElement>(el, '#filter-status');
    select.value = 'rejected';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.tbody .tr[data-key]').length === 1, 'not filtered');
    expect(text(el, '.tbody')).to.contain('Your reason:');
    expect($$(el, '[part=approve]')).to.have.length(0);
  });

  it('shows a failed first load with a retry, and fires unbind-requests-load-failed once', async () => {
    const api = adapter({ faults: { listUnbindRequests: { kind: 'server', times: 1 } } });
    let failures = 0;
    const el = await fixture<UnbindRequests>(html`<unbind-requests .api=${api} locale="en-US" @unbind-requests-load-failed=${() => (failures += 1)}></unbind-requests>`);
    await waitUntil(() => $(el, '.error-state'), 'no error');
    expect(text(el, '.error-state')).to.contain('Could not load the unbind requests.');
    button(el, 'Try again').click();
    await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows after retry');
    expect(failures).to.equal(1);
  });
});

describe('<unbind-requests> decisions', () => {
  it('approves with the keyboard alone, with a code, once, and the customer is unbound', async () => {
    const api = adapter({ verification: { enabled: true } });
    const el = await requests(api);
    const details: UnbindRequestApprovedDetail[] = [];
    el.addEventListener('unbind-request-approved', (event) => details.push(event.detail));
    const row = firstPending(el);
    const id = row.dataset['key']!;
    row.querySelector<HTMLButtonElement>('[part=approve]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOpen(el) && button(el, 'Approve', 'dialog'), 'no question');
    await el.updateComplete;
    expect(active(el)?.id).to.equal('decision-title');
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(button(el, 'Cancel', 'dialog'));
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(button(el, 'Approve', 'dialog'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el, 'dialog').includes('is no longer associated'), 'not approved');
    await pause(30);
    expect(api.calls.get('approveUnbindRequest')).to.equal(1);
    expect(api.outbox.at(-1)!.purpose).to.equal('unbind-request');
    expect(details).to.have.length(1);
    expect(details[0]).to.include({ requestId: id });
    await waitUntil(() => text(el, `.tbody .tr[data-key="${id}"]`).includes('Approved'), 'the row does not say approved');
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(button(el, 'Close', 'dialog'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOpen(el), 'not closed');
    expect((await api.listSubCustomers({ offset: 0, limit: 1, customerId: details[0]!.customerId })).total).to.equal(0);
  });

  it('rejects with the keyboard alone: asks for a reason, then sends it once', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await requests(api);
    const details: UnbindRequestRejectedDetail[] = [];
    el.addEventListener('unbind-request-rejected', (event) => details.push(event.detail));
    const row = firstPending(el);
    const id = row.dataset['key']!;
    const opener = row.querySelector<HTMLButtonElement>('[part=reject]')!;
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOpen(el) && $(el, '#reason'), 'no reason field');
    await el.updateComplete;
    expect(active(el)?.id).to.equal('decision-title');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOpen(el), 'Esc did not close');
    expect(active(el)).to.equal(opener);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOpen(el) && $(el, '#reason'), 'no reason field again');
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('reason');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(button(el, 'Reject', 'dialog'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el, '#reason-error') !== '', 'no reason asked for');
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
    // Focus goes to the reason, whose description (read with it) says what is missing.
    await waitUntil(() => active(el)?.id === 'reason', 'focus did not go to the reason');
    await sendKeys({ type: 'Contract runs until June.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el, 'dialog').includes('Request rejected'), 'not rejected');
    expect(api.calls.get('rejectUnbindRequest')).to.equal(1);
    expect(details).to.have.length(1);
    expect(details[0]).to.include({ requestId: id, reason: 'Contract runs until June.' });
    await waitUntil(() => text(el, `.tbody .tr[data-key="${id}"]`).includes('Contract runs until June.'), 'the row does not show the reason');
  });

  it('freezes a decision whose answer was lost, shows it on the row, and settles it by checking, once', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { approveUnbindRequest: { kind: 'timeout', times: 1, afterEffect: true } } });
    const el = await requests(api, 'en-US', false);
    let events = 0;
    el.addEventListener('unbind-request-approved', () => (events += 1));
    const row = firstPending(el);
    row.querySelector<HTMLButtonElement>('[part=approve]')!.click();
    await waitUntil(() => button(el, 'Approve', 'dialog'), 'no question');
    button(el, 'Approve', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('may have been recorded'), 'no unknown outcome');
    button(el, 'Cancel', 'dialog').click();
    await waitUntil(() => !dialogOpen(el), 'not closed');
    expect(row.textContent).to.contain('Outcome unknown');
    row.querySelector<HTMLButtonElement>('[part=reject]')!.click();
    await waitUntil(() => text(el, 'dialog').includes('is no longer associated'), 'the lookup did not settle it');
    expect(api.calls.get('lookupIntent')).to.equal(1);
    expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
    expect(events).to.equal(1);
  });

  it('says so when the customer withdrew the request meanwhile, and reloads the list', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await requests(api, 'en-US', false);
    const row = firstPending(el);
    const id = row.dataset['key']!;
    row.querySelector<HTMLButtonElement>('[part=approve]')!.click();
    await waitUntil(() => button(el, 'Approve', 'dialog'), 'no question');
    api.withdrawUnbindRequest(id);
    button(el, 'Approve', 'dialog').click();
    await waitUntil(() => text(el, 'dialog [part=error]').includes('no longer pending'), 'no refusal shown');
    await waitUntil(() => rowOf(el, id)?.textContent?.includes('Withdrawn by the customer'), 'not reloaded');
  });
});

describe('<unbind-requests> faults and hostile input', () => {
  const REASON = 'Your contract with us runs until June.';

  async function rejectWithReason(el: UnbindRequests): Promise<string> {
    const row = firstPending(el);
    row.querySelector<HTMLButtonElement>('[part=reject]')!.click();
    await waitUntil(() => $(el, '#reason'), 'no reason field');
    await type(el, '#reason', REASON);
    button(el, 'Reject', 'dialog').click();
    return row.dataset['key']!;
  }

  for (const kind of ['rate-limited', 'tenant-mismatch'] as FaultKind[]) {
    it(`keeps the rejection and its reason with the error and a retry when rejecting fails (${kind}), then rejects once`, async () => {
      const api = adapter({ verification: { enabled: false }, faults: { rejectUnbindRequest: { kind, times: 1, retryAfterSeconds: 0 } } });
      const el = await requests(api, 'en-US', false);
      const rejected: UnbindRequestRejectedDetail[] = [];
      el.addEventListener('unbind-request-rejected', (event) => rejected.push(event.detail));
      await rejectWithReason(el);
      await waitUntil(() => text(el, 'dialog [part=error]') !== '', 'no error shown');
      expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal(REASON);
      await accessible(el);
      button(el, 'Try again', 'dialog').click();
      await waitUntil(() => text(el, 'dialog').includes('Request rejected'), 'not rejected on retry');
      expect(rejected).to.have.length(1);
      expect(rejected[0]!.reason).to.equal(REASON);
    });
  }

  for (const operation of ['approveUnbindRequest', 'rejectUnbindRequest'] as const) {
    for (const kind of ['timeout', 'server', 'malformed', 'offline'] as FaultKind[]) {
      it(`freezes a decision whose answer was lost (${operation}, ${kind}); "Try again" sends the same decision, taking effect once`, async () => {
        const api = adapter({ verification: { enabled: false }, faults: { [operation]: { kind, times: 1, afterEffect: true } } });
        const el = await requests(api, 'en-US', false);
        let events = 0;
        el.addEventListener(operation === 'approveUnbindRequest' ? 'unbind-request-approved' : 'unbind-request-rejected', () => (events += 1));
        let id: string;
        if (operation === 'rejectUnbindRequest') id = await rejectWithReason(el);
        else {
          const row = firstPending(el);
          id = row.dataset['key']!;
          row.querySelector<HTMLButtonElement>('[part=approve]')!.click();
          await waitUntil(() => button(el, 'Approve', 'dialog'), 'no question');
          button(el, 'Approve', 'dialog').click();
        }
        await waitUntil(() => text(el, 'dialog').includes('may have been recorded'), 'no unknown outcome');
        await accessible(el);
        button(el, 'Try again', 'dialog').click();
        await waitUntil(() => /Request (approved|rejected)/.test(text(el, 'dialog')), 'the retry did not settle it');
        await pause(30);
        expect(events).to.equal(1);
        await waitUntil(() => text(el, `.tbody .tr[data-key="${id}"]`).includes(operation === 'approveUnbindRequest' ? 'Approved' : REASON), 'the row does not show the decision');
        const handled = (await api.listUnbindRequests({ offset: 0, limit: 50 })).items.find((r) => r.id === id)!;
        expect(handled.status).to.equal(operation === 'approveUnbindRequest' ? 'approved' : 'rejected');
      });
    }
  }

  it('refuses a 100,000-character reason at once, with a message at the field, sending nothing', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await requests(api, 'en-US', false);
    firstPending(el).querySelector<HTMLButtonElement>('[part=reject]')!.click();
    await waitUntil(() => $(el, '#reason'), 'no reason field');
    const read = await longestPatternInput(async () => {
      await type(el, '#reason', `a${' a'.repeat(50_000)}!`);
      button(el, 'Reject', 'dialog').click();
      await el.updateComplete;
    });
    expect(read, 'the longest text a pattern read: refused by its length first').to.be.below(1000);
    expect(text(el, '#reason-error')).to.equal('At most 200 characters.');
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
    await type(el, '#reason', '   ');
    button(el, 'Reject', 'dialog').click();
    await el.updateComplete;
    expect(text(el, '#reason-error')).to.equal('Enter the reason the customer will be told.');
    expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
  });
});

describe('<unbind-requests> the reason the customer reads', () => {
  async function rejecting() {
    const api = adapter({ verification: { enabled: false } });
    const el = await requests(api, 'en-US', false);
    firstPending(el).querySelector<HTMLButtonElement>('[part=reject]')!.click();
    await waitUntil(() => $(el, '#reason'), 'no reason field');
    return { api, el };
  }

  /** Pastes `value` into the reason as the browser does, within the field's maxlength. */
  async function paste(el: UnbindRequests, value: string): Promise<void> {
    const reason = $<HTMLTextAreaElement>(el, '#reason');
    reason.focus();
    reason.select();
    document.execCommand('insertText', false, value);
    await el.updateComplete;
  }

  it('keeps a pasted reason over the limit whole and says at the field how long it may be', async () => {
    const { api, el } = await rejecting();
    await paste(el, 'a'.repeat(250));
    expect($<HTMLTextAreaElement>(el, '#reason').value, 'nothing cut unseen').to.have.length(250);
    expect(text(el, '#reason-error')).to.equal('At most 200 characters.');
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    button(el, 'Reject', 'dialog').click();
    await el.updateComplete;
    expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
    await paste(el, 'a'.repeat(200));
    expect(text(el, '#reason-error')).to.equal('');
    await accessible(el);
  });

  for (const [name, hidden] of [
    ['a right-to-left override', '\u202E'],
    ['a zero-width space', '\u200B'],
  ] as const) {
    it(`refuses a reason holding ${name}, sending nothing, and takes one on two lines`, async () => {
      const { api, el } = await rejecting();
      await paste(el, `Contract runs ${hidden}enuJ litnu`);
      expect(text(el, '#reason-error')).to.equal('Remove the invisible or control characters.');
      expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
      button(el, 'Reject', 'dialog').click();
      await el.updateComplete;
      expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
      await paste(el, 'Contract runs\nuntil June.');
      expect(text(el, '#reason-error')).to.equal('');
      button(el, 'Reject', 'dialog').click();
      await waitUntil(() => text(el, 'dialog').includes('Request rejected'), 'not rejected');
      expect(api.calls.get('rejectUnbindRequest')).to.equal(1);
    });
  }

  for (const kind of ['timeout', 'server'] as const) {
    it(`keeps focus in the dialog when an approval confirmed with a code by keyboard fails (${kind})`, async () => {
      const api = adapter({ verification: { enabled: true }, faults: { approveUnbindRequest: { kind, times: 1, afterEffect: kind === 'timeout' } } });
      const el = await requests(api, 'en-US', false);
      firstPending(el).querySelector<HTMLButtonElement>('[part=approve]')!.click();
      await waitUntil(() => dialogOpen(el), 'no question');
      button(el, 'Approve', 'dialog').focus();
      await sendKeys({ press: 'Enter' });
      const modal = $(el, 'verification-code-modal');
      await waitUntil(() => modal.shadowRoot?.querySelector('[part=send]'), 'no code dialog');
      modal.shadowRoot!.querySelector<HTMLButtonElement>('[part=send]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code', 'no code sent');
      await sendKeys({ type: api.outbox[0]!.code });
      await waitUntil(() => text(el, 'dialog').includes('Was your decision recorded?') || text(el, 'dialog [part=error]') !== '', 'not answered');
      await waitUntil(() => $(el, 'dialog[part=dialog]').contains(active(el)), `focus fell to ${document.activeElement?.tagName}`);
    });
  }
});

describe('<unbind-requests> accessibility', () => {
  for (const locale of LOCALES) {
    it(`has no axe violations in list, approve, code, result, reject, refusal and unknown states (${locale})`, async function () {
      this.timeout(60_000);
      const api = adapter({ latencyMs: 5, verification: { enabled: true }, faults: { rejectUnbindRequest: [{ kind: 'rate-limited', times: 1, retryAfterSeconds: 0 }, { kind: 'timeout', times: 1, afterEffect: true }] } });
      const el = await fixture<UnbindRequests>(html`<unbind-requests .api=${api} locale=${locale}></unbind-requests>`);
      await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
      await accessible(el);
      firstPending(el).querySelector<HTMLButtonElement>('[part=approve]')!.click();
      await waitUntil(() => dialogOpen(el), 'no question');
      await accessible(el);
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      const modal = $(el, 'verification-code-modal');
      await waitUntil(() => modal.shadowRoot?.querySelector('dialog')?.open && modal.shadowRoot.querySelector('[part=send]'), 'no code dialog');
      await accessible(el);
      modal.shadowRoot!.querySelector<HTMLButtonElement>('[part=send]')!.click();
      await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code', 'no code sent');
      expect(api.outbox[0]!.purpose).to.equal('unbind-request');
      await sendKeys({ type: api.outbox[0]!.code });
      await waitUntil(() => $$(el, 'dialog[part=dialog] button').length === 1, 'not done');
      await accessible(el);
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      await waitUntil(() => !dialogOpen(el), 'not closed');

      el.verifier = outboxVerifier(api);
      await waitUntil(() => firstPending(el), 'no pending row');
      firstPending(el).querySelector<HTMLButtonElement>('[part=reject]')!.click();
      await waitUntil(() => $(el, '#reason'), 'no reason field');
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      await waitUntil(() => text(el, '#reason-error') !== '', 'no reason issue');
      await accessible(el);
      $<HTMLTextAreaElement>(el, '#reason').focus();
      await sendKeys({ type: 'OK' });
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      await waitUntil(() => text(el, 'dialog [part=error]') !== '', 'no refusal');
      await accessible(el);
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      await waitUntil(() => $$(el, 'dialog[part=dialog] button').length === 3, 'no unknown outcome');
      await accessible(el);
    });

    it(`has no axe violations when it cannot load (${locale})`, async () => {
      const api = adapter({ faults: { listUnbindRequests: { kind: 'server' } } });
      const el = await fixture<UnbindRequests>(html`<unbind-requests .api=${api} locale=${locale}></unbind-requests>`);
      await waitUntil(() => $(el, '.error-state'), 'no error');
      await accessible(el);
    });
  }
});
