import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/customer-list.js';
import type { CustomerList, CustomerUnbindRequestedDetail } from '../../src/customer-list.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { FaultKind } from '../../src/api/memory/faults.js';
import { $, $$, LOCALES, accessible, adapter, button, outboxVerifier, pause, text, type } from './voucher-helpers.js';
import { longestPatternInput } from '../support/patterns-read.js';

async function list(api: MemoryPartnerApi, locale = 'en-US') {
  const el = await fixture<CustomerList>(html`<customer-list .api=${api} locale=${locale} .verifier=${outboxVerifier(api)}></customer-list>`);
  await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
  return el;
}

/** The first row shown whose customer holds a usable coupon: unbinding it reclaims something. */
function rowWithCoupons(el: CustomerList, api: MemoryPartnerApi): HTMLElement {
  const owners = new Set(api.data.coupons.filter((c) => c.status === 'usable').map((c) => c.customerId));
  return $$(el, '.tbody .tr[data-key]').find((row) => owners.has(row.dataset['key']!))!;
}

async function openUnbind(el: CustomerList, row: HTMLElement): Promise<void> {
  row.querySelector<HTMLButtonElement>('[part=unbind]')!.click();
  await waitUntil(() => button(el, 'Unbind', 'dialog'), 'no unbind question');
}

/** Every list request the element sends from now on, as sent. */
function recorded(api: MemoryPartnerApi): Record<string, unknown>[] {
  const requests: Record<string, unknown>[] = [];
  const listSubCustomers = api.listSubCustomers.bind(api);
  api.listSubCustomers = (request, options) => {
    requests.push(request);
    return listSubCustomers(request, options);
  };
  return requests;
}

const dialogOpen = (el: CustomerList) => $<HTMLDialogElement>(el, 'dialog[part=dialog]').open;

describe('<customer-list> rows', () => {
  it('shows names and mobiles masked, revealed through the adapter one by one', async () => {
    const api = adapter();
    const el = await list(api);
    const row = $$(el, '.tbody .tr[data-key]').find((r) => r.querySelectorAll('masked-field').length === 2)!;
    const id = row.dataset['key']!;
    const customer = api.data.customers.find((c) => c.id === id)!;
    expect(row.textContent).not.to.contain(customer.mobile);
    const mobile = row.querySelectorAll('masked-field')[1]!;
    expect(mobile.getAttribute('reveal-resource')).to.equal('customer');
    expect(mobile.getAttribute('reveal-field')).to.equal('mobile');
    mobile.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
    await waitUntil(() => mobile.shadowRoot!.textContent!.includes(customer.mobile!), 'not revealed');
    expect(api.calls.get('revealField')).to.equal(1);
  });

  it('says plainly when a customer has no mobile, and how one gets bound', async () => {
    const api = adapter();
    const customer = api.data.customers[0]!;
    delete customer.mobile;
    const el = await list(api);
    const row = $$(el, '.tbody .tr').find((r) => r.dataset['key'] === customer.id)!;
    expect(row.textContent).to.contain('No mobile bound');
    expect(row.textContent).to.contain('resend the invitation');
    expect(row.querySelectorAll('masked-field')).to.have.length(1);
  });

  it('filters on the server by account, type and date, and cuts a hostile paste to what the backend takes', async () => {
    const api = adapter();
    const el = await list(api);
    const requests = recorded(api);
    const account = $<HTMLInputElement>(el, '#filter-accountName');
    account.value = `\u202E${'a'.repeat(100_000)}`;
    const read = await longestPatternInput(async () => {
      account.dispatchEvent(new InputEvent('input'));
      await waitUntil(() => text(el, '.empty') === 'Nothing matches.', 'no empty state');
    });
    expect(read, 'the longest text a pattern read: cut first').to.be.below(1000);
    expect((requests.at(-1) as { accountName: string }).accountName).to.have.length(64);
    const type = $<HTMLSelectElement>(el, '#filter-associationType');
    type.value = 'referral';
    type.dispatchEvent(new Event('change'));
    const from = $<HTMLInputElement>(el, '#filter-associatedFrom');
    from.value = '2020-01-01';
    from.dispatchEvent(new Event('change'));
    await waitUntil(() => requests.length >= 3, 'not filtered');
    expect(requests.at(-1)).to.deep.include({ associationType: 'referral', associatedFrom: '2020-01-01T00:00:00.000Z' });
    expect(el.shadowRoot!.querySelector('.error-state')).to.equal(null);
  });

  it('drops a cleared filter even when another box is typed in before the pause', async () => {
    const api = adapter();
    const el = await list(api);
    const requests = recorded(api);
    await type(el, '#filter-accountName', api.data.customers[0]!.accountName);
    await waitUntil(() => requests.length === 1 && $(el, '.table')?.getAttribute('aria-busy') === 'false', 'not filtered by account');
    await type(el, '#filter-accountName', '');
    await type(el, '#filter-label', 'edu');
    await waitUntil(() => requests.length === 2 && $(el, '.table')?.getAttribute('aria-busy') === 'false', 'not filtered by label');
    expect(requests.at(-1)).to.include({ label: 'edu' });
    expect(requests.at(-1)).not.to.have.property('accountName');
    expect($$(el, '.tbody .tr[data-key]').length, 'customers of other accounts listed').to.be.above(1);
  });

  for (const field of ['customerName', 'label']) {
    it(`cuts a 100,000-character regex-bomb paste into the ${field} filter to what the backend takes, at once`, async () => {
      const api = adapter();
      const el = await list(api);
      const requests = recorded(api);
      const input = $<HTMLInputElement>(el, `#filter-${field}`);
      input.value = `a${' a'.repeat(50_000)}!`;
      const read = await longestPatternInput(async () => {
        input.dispatchEvent(new InputEvent('input'));
        await waitUntil(() => requests.length > 0 && $$(el, '.skeleton').length === 0, 'not filtered');
      });
      expect(read, 'the longest text a pattern read: cut first').to.be.below(1000);
      expect((requests.at(-1)![field] as string).length).to.be.at.most(64);
      expect(el.shadowRoot!.querySelector('.error-state')).to.equal(null);
      await accessible(el);
    });
  }

  it('says there are no customers yet when nothing is filtered, and "nothing matches" once something is', async () => {
    const api = adapter();
    api.data.customers.splice(0);
    const el = await fixture<CustomerList>(html`<customer-list .api=${api} locale="en-US"></customer-list>`);
    await waitUntil(() => $(el, '.empty'), 'no empty state');
    expect(text(el, '.empty')).to.equal('You have no customers yet.');
    await accessible(el);
    await type(el, '#filter-label', 'edu');
    await waitUntil(() => text(el, '.empty') === 'Nothing matches.', 'still says there are no customers');
  });

  it('says at the field when the end date is before the start, and asks the backend nothing for it', async () => {
    const api = adapter();
    const el = await list(api);
    const requests = recorded(api);
    const pick = (field: string, day: string) => {
      const input = $<HTMLInputElement>(el, `#filter-${field}`);
      input.value = day;
      input.dispatchEvent(new Event('change'));
    };
    pick('associatedFrom', '2025-05-01');
    await waitUntil(() => requests.length === 1, 'not filtered by the start');
    pick('associatedTo', '2025-04-01');
    await waitUntil(() => text(el, '.empty') === 'Nothing matches.', 'rows shown for a reversed range');
    expect(requests, 'no request for the reversed range').to.have.length(1);
    const to = $<HTMLInputElement>(el, '#filter-associatedTo');
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, `#${to.getAttribute('aria-describedby')!}`)).to.equal('The end date is before the start date.');
    await accessible(el);
    pick('associatedTo', '2025-06-01');
    await waitUntil(() => requests.length === 2 && !$(el, '#filter-associatedTo-error'), 'the range was not fixed');
    expect(requests.at(-1)).to.include({ associatedFrom: '2025-05-01T00:00:00.000Z', associatedTo: '2025-06-01T23:59:59.999Z' });
    expect(to.getAttribute('aria-invalid')).to.equal('false');
  });

  it('keeps the page shown when the next one fails, with the error and a retry under the pager', async () => {
    const api = adapter();
    const el = await list(api);
    const shown = $$(el, '.tbody .tr[data-key]').map((row) => row.dataset['key']);
    api.setFaults({ listSubCustomers: { kind: 'server', times: 1 } });
    const next = $$<HTMLButtonElement>(el, '.pager button').at(-1)!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.error-state'), 'no error');
    expect($$(el, '.tbody .tr[data-key]').map((row) => row.dataset['key']), 'the rows of the page the user was on').to.deep.equal(shown);
    expect(text(el, '.pager')).to.contain('1–20');
    expect(text(el, '.error-state')).to.contain('Could not load your customers.');
    expect($(el, '.pager').compareDocumentPosition($(el, '.error-state')) & Node.DOCUMENT_POSITION_FOLLOWING, 'the error under the pager').to.not.equal(0);
    expect(el.shadowRoot!.activeElement, 'focus stays on Next page').to.equal(next);
    await accessible(el);
    button(el, 'Try again').click();
    await waitUntil(() => !$(el, '.error-state') && text(el, '.pager').includes('21–40'), 'the next page did not load');
    expect($$(el, '.tbody .tr[data-key]').map((row) => row.dataset['key'])).not.to.include(shown[0]);
  });

  it('shows a failed first load with a retry, and fires customer-list-load-failed once', async () => {
    const api = adapter({ faults: { listSubCustomers: { kind: 'server', times: 1 } } });
    let failures = 0;
    const el = await fixture<CustomerList>(html`<customer-list .api=${api} locale="en-US" @customer-list-load-failed=${() => (failures += 1)}></customer-list>`);
    await waitUntil(() => $(el, '.error-state'), 'no error');
    expect(text(el, '.error-state')).to.contain('Could not load your customers.');
    button(el, 'Try again').click();
    await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows after retry');
    expect(failures).to.equal(1);
  });
});

describe('<customer-list> unbinding', () => {
  it('shows the coupons that will be reclaimed with their balances, asks for the code, unbinds once for five clicks', async () => {
    const api = adapter({ latencyMs: 20, verification: { enabled: true } });
    const el = await list(api);
    const row = rowWithCoupons(el, api);
    const id = row.dataset['key']!;
    const usable = api.data.coupons.filter((c) => c.customerId === id && c.status === 'usable');
    const details: CustomerUnbindRequestedDetail[] = [];
    el.addEventListener('customer-unbind-requested', (event) => details.push(event.detail));
    await openUnbind(el, row);
    const dialog = text(el, 'dialog');
    expect(dialog).to.contain('Reclaimed on unbinding');
    for (const coupon of usable) expect(dialog).to.contain(coupon.id);
    expect($$(el, 'dialog .coupons li')).to.have.length(usable.length);
    const confirm = button(el, 'Unbind', 'dialog');
    for (let i = 0; i < 5; i++) confirm.click();
    await waitUntil(() => text(el, 'dialog').includes('is no longer associated'), 'not unbound');
    await pause(50);
    expect(api.calls.get('unbindCustomer')).to.equal(1);
    expect(api.outbox.at(-1)!.purpose).to.equal('unbind');
    expect(details).to.have.length(1);
    expect(details[0]!.reclaimed.map((r) => r.couponId).sort()).to.deep.equal(usable.map((c) => c.id).sort());
    expect(JSON.stringify(details[0])).not.to.contain(api.data.customers.find((c) => c.id === id)?.name ?? '§');
    await waitUntil(() => !$$(el, '.tbody .tr').some((r) => r.dataset['key'] === id), 'the customer is still listed');
  });

  it('says when unbinding reclaims nothing', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await list(api);
    const owners = new Set(api.data.coupons.filter((c) => c.status === 'usable').map((c) => c.customerId));
    const row = $$(el, '.tbody .tr[data-key]').find((r) => !owners.has(r.dataset['key']!))!;
    await openUnbind(el, row);
    expect(text(el, 'dialog')).to.contain('No coupons will be reclaimed');
  });

  it('keeps a failed preview in the dialog with a retry, never unbinding from it', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { previewUnbind: { kind: 'offline', times: 1 } } });
    const el = await list(api);
    rowWithCoupons(el, api).querySelector<HTMLButtonElement>('[part=unbind]')!.click();
    await waitUntil(() => text(el, 'dialog').includes('Could not find out what unbinding changes.'), 'no preview failure');
    await accessible(el);
    button(el, 'Try again', 'dialog').click();
    await waitUntil(() => button(el, 'Unbind', 'dialog'), 'no question after retry');
    expect(api.calls.get('unbindCustomer') ?? 0).to.equal(0);
  });

  for (const kind of ['rate-limited', 'tenant-mismatch'] as FaultKind[]) {
    it(`keeps the question with the error and a retry when unbinding fails (${kind}), then unbinds once`, async () => {
      const api = adapter({ verification: { enabled: false }, faults: { unbindCustomer: { kind, times: 1, retryAfterSeconds: 0 } } });
      const el = await list(api);
      let events = 0;
      el.addEventListener('customer-unbind-requested', () => (events += 1));
      await openUnbind(el, rowWithCoupons(el, api));
      button(el, 'Unbind', 'dialog').click();
      await waitUntil(() => text(el, 'dialog [part=error]') !== '', 'no error shown');
      expect(dialogOpen(el)).to.equal(true);
      button(el, 'Try again', 'dialog').click();
      await waitUntil(() => text(el, 'dialog').includes('is no longer associated'), 'not unbound on retry');
      expect(events).to.equal(1);
    });
  }

  for (const kind of ['timeout', 'server', 'malformed', 'offline'] as FaultKind[]) {
    it(`freezes an unbinding whose answer was lost (${kind}), and settles it by checking, once`, async () => {
      const api = adapter({ verification: { enabled: false }, faults: { unbindCustomer: { kind, times: 1, afterEffect: true } } });
      const el = await list(api);
      let events = 0;
      el.addEventListener('customer-unbind-requested', () => (events += 1));
      await openUnbind(el, rowWithCoupons(el, api));
      button(el, 'Unbind', 'dialog').click();
      await waitUntil(() => text(el, 'dialog').includes('may have been unbound'), 'no unknown outcome');
      await accessible(el);
      button(el, 'Check what happened', 'dialog').click();
      await waitUntil(() => /no longer associated|was not unbound/.test(text(el, 'dialog')), 'not settled');
      if (text(el, 'dialog').includes('was not unbound')) {
        button(el, 'Unbind', 'dialog').click();
        await waitUntil(() => text(el, 'dialog').includes('is no longer associated'), 'not unbound');
      }
      expect(events).to.equal(1);
    });
  }

  for (const kind of ['timeout', 'rate-limited'] as const) {
    it(`keeps focus in the dialog when an unbinding confirmed with a code ends ${kind === 'timeout' ? 'unknown' : 'refused'}`, async () => {
      const api = adapter({ verification: { enabled: true }, faults: { unbindCustomer: { kind, times: 1, afterEffect: true, retryAfterSeconds: 0 } } });
      const el = await fixture<CustomerList>(html`<customer-list .api=${api} locale="en-US"></customer-list>`);
      await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
      await openUnbind(el, rowWithCoupons(el, api));
      button(el, 'Unbind', 'dialog').focus();
      await sendKeys({ press: 'Enter' });
      const modal = $(el, 'verification-code-modal');
      await waitUntil(() => modal.shadowRoot?.querySelector('[part=send]'), 'no code dialog');
      modal.shadowRoot!.querySelector<HTMLButtonElement>('[part=send]')!.click();
      await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code', 'no code sent');
      await sendKeys({ type: api.outbox[0]!.code });
      await waitUntil(() => (kind === 'timeout' ? text(el, 'dialog').includes('may have been unbound') : text(el, 'dialog [part=error]') !== ''), 'no outcome shown');
      await waitUntil(() => $(el, 'dialog[part=dialog]').contains(el.shadowRoot!.activeElement), `focus fell to ${document.activeElement?.tagName}`);
    });
  }

  it('asks the backend about a lost unbinding when the customer is opened again', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { unbindCustomer: { kind: 'timeout', times: 1 } } });
    const el = await list(api);
    const row = rowWithCoupons(el, api);
    await openUnbind(el, row);
    button(el, 'Unbind', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('may have been unbound'), 'no unknown outcome');
    button(el, 'Cancel', 'dialog').click();
    await el.updateComplete;
    expect(dialogOpen(el)).to.equal(false);
    row.querySelector<HTMLButtonElement>('[part=unbind]')!.click();
    await waitUntil(() => text(el, 'dialog').includes('was not unbound'), 'the lookup did not settle it');
    expect(api.calls.get('lookupIntent')).to.equal(1);
  });

  it('is usable with the keyboard alone, and gives focus back to the row on Esc', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await list(api);
    const opener = rowWithCoupons(el, api).querySelector<HTMLButtonElement>('[part=unbind]')!;
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button(el, 'Unbind', 'dialog'), 'no question');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('unbind-title');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOpen(el), 'Esc did not close');
    expect(el.shadowRoot!.activeElement).to.equal(opener);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button(el, 'Unbind', 'dialog'), 'no question again');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Unbind', 'dialog'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el, 'dialog').includes('is no longer associated'), 'not unbound');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Close', 'dialog'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOpen(el), 'not closed');
    expect(document.activeElement).to.equal(el);
  });
});

describe('<customer-list> accessibility', () => {
  for (const locale of LOCALES) {
    it(`has no axe violations in list, question, code and result states (${locale})`, async function () {
      // Axe runs eight times over twenty rows of masked fields.
      this.timeout(30_000);
      const api = adapter({ latencyMs: 5, verification: { enabled: true } });
      const el = await fixture<CustomerList>(html`<customer-list .api=${api} locale=${locale}></customer-list>`);
      await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
      await accessible(el);
      rowWithCoupons(el, api).querySelector<HTMLButtonElement>('[part=unbind]')!.click();
      await waitUntil(() => $$(el, 'dialog .coupons li').length > 0, 'no question');
      await accessible(el);
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      const modal = $(el, 'verification-code-modal');
      await waitUntil(() => modal.shadowRoot?.querySelector('dialog')?.open && modal.shadowRoot.querySelector('[part=send]'), 'no code dialog');
      await accessible(el);
      modal.shadowRoot!.querySelector<HTMLButtonElement>('[part=send]')!.click();
      await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code', 'no code sent');
      expect(api.outbox[0]!.purpose).to.equal('unbind');
      await sendKeys({ type: api.outbox[0]!.code });
      await waitUntil(() => $$(el, 'dialog[part=dialog] button').length === 1, 'not done');
      await accessible(el);
    });

    it(`has no axe violations when it cannot load (${locale})`, async () => {
      const api = adapter({ faults: { listSubCustomers: { kind: 'server' } } });
      const el = await fixture<CustomerList>(html`<customer-list .api=${api} locale=${locale}></customer-list>`);
      await waitUntil(() => $(el, '.error-state'), 'no error');
      await accessible(el);
    });
  }
});
