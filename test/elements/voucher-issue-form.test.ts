import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/voucher-issue-form.js';
import type { VoucherIssueForm } from '../../src/voucher-issue-form.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import { $, $$, LOCALES, accessible, adapter, addCustomers, button, outboxVerifier, pageOverflow, pause, pickValidFrom, text, type } from './voucher-helpers.js';

async function form(api: MemoryPartnerApi, locale = 'en-US', max: string | number = 10) {
  const el = await fixture<VoucherIssueForm>(html`<voucher-issue-form .api=${api} locale=${locale} max-customers=${max} .verifier=${outboxVerifier(api)}></voucher-issue-form>`);
  await waitUntil(() => $$(el, 'input[name=quota]').length > 0 && $$(el, '#customer-results li').length > 0, 'form did not load');
  return el;
}

const lostIssue = () => adapter({ verification: { enabled: false }, faults: { issueCoupons: { kind: 'timeout', afterEffect: true, times: 1 } } });

async function frozenForm(api: MemoryPartnerApi, locale = 'en-US') {
  const el = await form(api, locale);
  await addCustomers(el, 2);
  await type(el, '#face-value', '100');
  $<HTMLButtonElement>(el, '[part=submit]').click();
  await waitUntil(() => $(el, '[part=outcome-unknown]'), 'no unknown outcome');
  return el;
}

describe('<voucher-issue-form> after a lost answer', () => {
  it('freezes the form: nothing can be edited or added, and no other issue can be sent', async () => {
    const api = lostIssue();
    const el = await frozenForm(api);
    expect($<HTMLFieldSetElement>(el, 'fieldset.frame').disabled).to.equal(true);
    expect($(el, '[part=submit]')).to.equal(null);
    $$<HTMLButtonElement>(el, '#customer-results button')[2]!.click();
    await el.updateComplete;
    expect($$(el, '[part=chip]')).to.have.length(2);
    await accessible(el);
  });

  it('says why the answer is missing as a cause, leaving "send again" to its button', async () => {
    const el = await frozenForm(lostIssue());
    const notice = text(el, '[part=outcome-unknown]');
    expect(notice).to.contain('The server did not answer in time.');
    expect(notice).to.not.match(/try again/i);
  });

  it('checks with the partner center: it went through, shown as the result, reported once', async () => {
    const api = lostIssue();
    const el = await frozenForm(api);
    let events = 0;
    el.addEventListener('voucher-issued', () => (events += 1));
    button(el, 'Check what happened').click();
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    expect(text(el, '[part=outcome]')).to.contain('We checked: the issue went through, once.');
    expect(text(el, '[part=outcome]')).to.contain('2 issued, 0 failed.');
    await pause(30);
    expect(events).to.equal(1);
    expect(api.calls.get('issueCoupons')).to.equal(1);
  });

  it('checks with the partner center: not done, the form can be changed again', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { issueCoupons: { kind: 'timeout', times: 1 } } });
    const el = await frozenForm(api);
    button(el, 'Check what happened').click();
    await waitUntil(() => text(el, '.notice').includes('was not made'), 'not told');
    expect($<HTMLFieldSetElement>(el, 'fieldset.frame').disabled).to.equal(false);
    await addCustomers(el, 1);
    expect($$(el, '[part=chip]')).to.have.length(3);
  });

  it('checks with the partner center: still unknown, says so and stays frozen', async () => {
    const api = lostIssue();
    const el = await frozenForm(api);
    api.setFaults({ lookupIntent: { kind: 'offline', times: 1 } });
    button(el, 'Check what happened').click();
    await waitUntil(() => text(el, '[part=outcome-unknown]').includes('still not known'), 'not told');
    expect($<HTMLFieldSetElement>(el, 'fieldset.frame').disabled).to.equal(true);
    expect(button(el, 'Check again')).to.not.equal(undefined);
  });
});

describe('<voucher-issue-form> events, limits and search', () => {
  it('fires voucher-issued once for five clicks on Issue in one task', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await form(api);
    await addCustomers(el, 1);
    await type(el, '#face-value', '100');
    let events = 0;
    el.addEventListener('voucher-issued', () => (events += 1));
    for (let i = 0; i < 5; i++) $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    await pause(50);
    expect(events).to.equal(1);
    expect(api.calls.get('issueCoupons')).to.equal(1);
  });

  it('retries the failed customers against what is left and shows a refusal in the result', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await form(api);
    await addCustomers(el, 2);
    await type(el, '#face-value', '100');
    api.data.customers.find((c) => c.id === 'c-0002')!.associationType = 'referral';
    // CN¥150 left: the first customer's CN¥100 coupon goes out, then CN¥50 is too little for a retry.
    api.data.quotas.find((q) => q.id === 'Q-V-2026-001')!.balance = 15_000;
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => text(el, '[part=outcome]').includes('1 issued, 1 failed.'), 'no partial result');
    api.data.customers.find((c) => c.id === 'c-0002')!.associationType = 'resale';
    await pause(40);
    button(el, 'Retry the failed ones (1)').click();
    await waitUntil(() => text(el, '#retry-error') !== '', 'no refusal shown');
    expect(text(el, '#retry-error')).to.equal('Customers × face value is more than the quota has left.');
    expect(api.calls.get('issueCoupons')).to.equal(1);
    await accessible(el);
  });

  it('refuses a face value whose total no quota can hold, at the field, and keeps rendering', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await form(api);
    await addCustomers(el, 3);
    await type(el, '#face-value', '9999999999999.99');
    expect(text(el, '#face-total')).to.contain('At most');
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await el.updateComplete;
    expect($(el, '#face-value').getAttribute('aria-invalid')).to.equal('true');
    await type(el, '#face-value', '100');
    expect(text(el, '#face-total')).to.contain('3 × CN¥100.00');
    expect(api.calls.get('issueCoupons') ?? 0).to.equal(0);
  });

  it('falls back to 10 customers with a warning for max-customers="abc"', async () => {
    /* eslint-disable no-console -- the warning is what this test reads */
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await form(adapter(), 'en-US', 'abc');
      expect(text(el, '.customers legend')).to.equal('Customers (up to 10)');
      expect(el.shadowRoot!.innerHTML).not.to.contain('NaN');
      expect(warnings.some((w) => String(w).includes('max-customers'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
    /* eslint-enable no-console */
  });

  it('searches the account names shown, and says when nothing matches', async () => {
    const api = adapter();
    const el = await form(api);
    const account = api.data.customers[3]!.accountName;
    await type(el, '#customer-search', account);
    await waitUntil(() => $$(el, '#customer-results li').length === 1 && text(el, '#customer-results').includes(account), 'no match by account name');
    await type(el, '#customer-search', 'no-such-account');
    await waitUntil(() => text(el, '#search-status') === 'No customer’s account name contains “no-such-account”.', 'the miss is not said');
  });

  it('keeps what the user typed on in the search while the results of the query before are drawn', async () => {
    const el = await form(adapter({ latencyMs: 200 }));
    const search = $<HTMLInputElement>(el, '#customer-search');
    const typeOn = (value: string) => {
      search.value = value;
      search.dispatchEvent(new InputEvent('input'));
    };
    typeOn('zh');
    await waitUntil(() => $(el, '#customer-results').getAttribute('aria-busy') === 'true', 'the search did not start');
    typeOn('zha');
    await waitUntil(() => $(el, '#customer-results').getAttribute('aria-busy') === 'false', 'the results did not come');
    expect(search.value).to.equal('zha');
  });

  it('opens the validity section at a refused date and keeps it open while the user corrects it', async () => {
    const el = await form(adapter({ verification: { enabled: false } }));
    await addCustomers(el, 1);
    await type(el, '#face-value', '50');
    await pickValidFrom(el, '2020-01-01');
    // Closed again, as a user may before pressing Issue: the refusal opens it, and focus goes to the date.
    $(el, 'summary').click();
    await waitUntil(() => !$<HTMLDetailsElement>(el, 'details').open, 'the section did not close');
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => text(el, '#validity-error') !== '', 'the date was not refused');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#valid-from'), 'focus is not at the refused date');
    expect($<HTMLDetailsElement>(el, 'details').open, 'the refused date is in a closed section').to.equal(true);
    const from = $<HTMLInputElement>(el, '#valid-from');
    from.value = '';
    from.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el, '#validity-error')).to.equal('');
    expect($<HTMLDetailsElement>(el, 'details').open, 'the section closed under the user').to.equal(true);
  });

  it('opens the validity section at a refusal after the user closed it at a human pace', async () => {
    const el = await form(adapter({ verification: { enabled: false } }));
    await addCustomers(el, 1);
    await type(el, '#face-value', '50');
    const frame = () => new Promise((resolve) => setTimeout(resolve, 50));
    // Opened, and the date typed after the browser said so; then closed, and Issue pressed well after.
    $(el, 'summary').click();
    await waitUntil(() => $(el, '#valid-from'), 'the validity editors did not come');
    await frame();
    const from = $<HTMLInputElement>(el, '#valid-from');
    from.value = '2020-01-01';
    from.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $(el, 'summary').click();
    await frame();
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => text(el, '#validity-error') !== '', 'the date was not refused');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#valid-from'), 'focus is not at the refused date');
    await frame();
    expect($<HTMLDetailsElement>(el, 'details').open, 'the refused date is in a closed section').to.equal(true);
  });

  it('isolates names and never widens the page with a long one', async () => {
    const api = adapter();
    api.data.customers[0]!.accountName = `\u202E${'x'.repeat(3000)}`;
    const el = await form(api);
    await addCustomers(el, 1);
    expect(pageOverflow()).to.be.at.most(0);
    expect($(el, '[part=chip] bdi')).to.not.equal(null);
  });
});

describe('<voucher-issue-form> accessibility in every state', () => {
  for (const locale of LOCALES) {
    it(`has no axe violations loading, filled, failed, unknown and in the result (${locale})`, async () => {
      const slow = adapter({ latencyMs: 200 });
      const loading = await fixture<VoucherIssueForm>(html`<voucher-issue-form .api=${slow} locale=${locale}></voucher-issue-form>`);
      await accessible(loading);

      const broken = adapter({ faults: { listQuotas: { kind: 'server' } } });
      const failed = await fixture<VoucherIssueForm>(html`<voucher-issue-form .api=${broken} locale=${locale}></voucher-issue-form>`);
      await waitUntil(() => $(failed, '.error-state'), 'no error state');
      await accessible(failed);

      const el = await frozenForm(lostIssue(), locale);
      await accessible(el);
      $$<HTMLButtonElement>(el, '[part=outcome-unknown] button')[0]!.click();
      await waitUntil(() => $(el, '[part=outcome]'), 'no result');
      await accessible(el);
    });

    it(`has no axe violations with the code step open (${locale})`, async () => {
      const api = adapter();
      const el = await fixture<VoucherIssueForm>(html`<voucher-issue-form .api=${api} locale=${locale}></voucher-issue-form>`);
      await waitUntil(() => $$(el, '#customer-results li').length > 0, 'form did not load');
      await addCustomers(el, 1);
      await type(el, '#face-value', '100');
      $<HTMLButtonElement>(el, '[part=submit]').click();
      const modal = $(el, 'verification-code-modal');
      await waitUntil(() => modal.shadowRoot?.querySelector('dialog')?.open, 'no code dialog');
      await accessible(el);
    });
  }
});
