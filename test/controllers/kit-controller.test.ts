import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/partner-kit-provider.js';
import '../../src/voucher-records.js';
import '../../src/withdraw-dialog.js';
import '../../src/voucher-issue-form.js';
import '../../src/order-payment.js';
import '../../src/invite-table.js';
import '../../src/invitation-link.js';
import '../../src/top-up-form.js';
import '../../src/customer-create-form.js';
import '../../src/customer-report-form.js';
import type { TopUpForm } from '../../src/top-up-form.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { errorMessage } from '../../src/i18n/error-messages.js';
import { KitError } from '../../src/model/errors.js';
import { apiArrival } from '../../src/controllers/kit-controller.js';
import type { VoucherRecords } from '../../src/voucher-records.js';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';

const marker = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=demo-marker]');
const shownText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const notConnected = errorMessage(new KitError('configuration', '', { reason: 'api-required' }), 'en-US');

// Under require-api, an element with no api says so at once in these tests; the wait for one has its own describe below.
before(() => (apiArrival.waitMs = 0));

describe('KitController: the language of the words, for assistive tech', () => {
  const pageLang = document.documentElement.lang;
  beforeEach(() => (document.documentElement.lang = 'en-US'));
  afterEach(() => (document.documentElement.lang = pageLang));

  it("marks an element whose words are not in the language it sits in with lang, and no other; an author's lang stays", async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const page = await fixture<HTMLElement>(html`<div>
      <voucher-records .api=${api} locale="zh-CN"></voucher-records>
      <voucher-records .api=${api}></voucher-records>
      <partner-kit-provider .api=${api} locale="zh-CN"><voucher-records></voucher-records></partner-kit-provider>
      <voucher-records .api=${api} locale="zh-CN" lang="zh-Hans"></voucher-records>
      <section lang="zh-CN"><voucher-records .api=${api} locale="en-US"></voucher-records></section>
    </div>`);
    const [own, pageWords, provided, authored, inChinese] = [...page.querySelectorAll<VoucherRecords>('voucher-records')];
    await Promise.all([own, pageWords, provided, authored, inChinese].map((el) => el!.updateComplete));
    expect(own!.getAttribute('lang')).to.equal('zh-CN');
    expect(provided!.getAttribute('lang')).to.equal('zh-CN');
    expect(pageWords!.hasAttribute('lang')).to.equal(false);
    expect(authored!.getAttribute('lang')).to.equal('zh-Hans');
    expect(inChinese!.getAttribute('lang'), 'English inside a Chinese section').to.equal('en-US');
    // The page switches to the element's language: nothing left to mark; and back.
    document.documentElement.lang = 'zh-CN';
    await waitUntil(() => !own!.hasAttribute('lang'), 'still marked on a Chinese page');
    await waitUntil(() => pageWords!.getAttribute('lang') === null && provided!.getAttribute('lang') === null, 'marked on a Chinese page');
    own!.locale = 'en-US';
    await own!.updateComplete;
    expect(own!.getAttribute('lang')).to.equal('en-US');
  });

  it('marks the English words on a page in a language the kit has no words for', async () => {
    document.documentElement.lang = 'fr';
    const el = await fixture<VoucherRecords>(html`<voucher-records .api=${createMemoryAdapter({ latencyMs: 0 })}></voucher-records>`);
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('en-US');
  });
});

describe('KitController: no silent demo data', () => {
  // First in this file on purpose: the warning is once per page, and this is the page's first fall-back.
  it('marks every element on the demo backend, visibly and in its language, and warns once for the page', async () => {
    const warnings: unknown[][] = [];
    /* eslint-disable no-console -- the warning is what this test checks */
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <voucher-records locale="en-US"></voucher-records>
        <voucher-records locale="zh-CN"></voucher-records>
      </div>`);
      const [english, chinese] = page.querySelectorAll('voucher-records');
      await waitUntil(() => marker(english!) && marker(chinese!), 'no demo marker');
      expect(marker(english!)!.textContent).to.contain('Demo data');
      expect(marker(chinese!)!.textContent).to.contain('演示数据');
      expect(getComputedStyle(marker(english!)!).display).to.not.equal('none');
      expect(warnings.filter(([text]) => String(text).includes('in-memory demo backend'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
    /* eslint-enable no-console */
  });

  it('marks a form on the demo backend from its first screen, before the user does anything', async () => {
    const page = await fixture<HTMLElement>(html`<div><customer-create-form></customer-create-form><customer-report-form></customer-report-form></div>`);
    const forms = [...page.children];
    await waitUntil(() => forms.every((form) => marker(form)), 'a form is not marked until it calls the backend');
  });

  it('shows no marker when the element or its provider has an api', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const own = await fixture<VoucherRecords>(html`<voucher-records .api=${api}></voucher-records>`);
    const provided = await fixture<HTMLElement>(html`<partner-kit-provider .api=${api}><voucher-records></voucher-records></partner-kit-provider>`);
    const inner = provided.querySelector('voucher-records')!;
    await waitUntil(() => own.shadowRoot!.querySelector('.tr[data-key], tbody tr') && inner.shadowRoot!.querySelector('.tr[data-key], tbody tr'), 'no rows');
    expect(marker(own)).to.equal(null);
    expect(marker(inner)).to.equal(null);
  });

  it('under require-api, shows a configuration error instead of demo data and fires <tag>-load-failed', async () => {
    const provider = await fixture<HTMLElement>(html`<partner-kit-provider require-api locale="en-US"><div></div></partner-kit-provider>`);
    const records = document.createElement('voucher-records');
    const failed = oneEvent(records, 'voucher-records-load-failed');
    provider.firstElementChild!.append(records);
    const { detail } = await failed;
    expect(detail.error).to.be.instanceOf(KitError);
    expect(detail.error.code).to.equal('configuration');
    expect(detail.error.reason).to.equal('api-required');
    const expected = errorMessage(detail.error, 'en-US');
    await waitUntil(() => shownText(records).includes(expected), `no configuration error shown: ${shownText(records)}`);
    expect(marker(records)).to.equal(null);
  });

  it('fires withdraw-dialog-load-failed once per failed load, bubbling out of the provider', async () => {
    const provider = await fixture<HTMLElement>(html`<partner-kit-provider require-api><withdraw-dialog></withdraw-dialog></partner-kit-provider>`);
    const dialog = provider.querySelector<WithdrawDialog>('withdraw-dialog')!;
    const seen: CustomEvent[] = [];
    provider.addEventListener('withdraw-dialog-load-failed', (event) => seen.push(event));
    dialog.show();
    await waitUntil(() => seen.length === 1, 'no load-failed event');
    await dialog.updateComplete;
    dialog.requestUpdate();
    await dialog.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]!.composed).to.equal(true);
    expect(seen[0]!.detail.error.code).to.equal('configuration');
  });

  it('fires voucher-records-load-failed when the first page fails, again when its retry fails, not once a page has loaded', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    api.setFaults({ listCouponRecords: { kind: 'offline', times: 2 } });
    const seen: CustomEvent[] = [];
    const records = document.createElement('voucher-records') as VoucherRecords;
    records.api = api;
    records.addEventListener('voucher-records-load-failed', (event) => seen.push(event));
    await fixture(html`<div>${records}</div>`);
    await waitUntil(() => seen.length === 1, 'no event for the first failure');
    await records.refresh();
    await waitUntil(() => seen.length === 2, 'no event for the failed retry');
    await records.refresh();
    api.setFaults({ listCouponRecords: { kind: 'offline', times: 1 } });
    await records.refresh();
    expect(seen).to.have.length(2);
    expect(seen.map((event) => event.detail.error.code)).to.deep.equal(['network', 'network']);
  });
});

describe('KitController: strings from the provider', () => {
  it("words the elements below a provider with the provider's messages, and the rest as shipped", async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const page = await fixture<HTMLElement>(html`<div>
      <partner-kit-provider locale="en-US" .api=${api} .messages=${{ 'en-US': { 'withdraw-dialog': { title: 'Cash out' } } }}>
        <withdraw-dialog open></withdraw-dialog>
      </partner-kit-provider>
      <withdraw-dialog open locale="en-US" .api=${api}></withdraw-dialog>
    </div>`);
    const [inside, outside] = [...page.querySelectorAll<WithdrawDialog>('withdraw-dialog')] as [WithdrawDialog, WithdrawDialog];
    await waitUntil(() => inside.shadowRoot!.querySelector('[part=title]')?.textContent === 'Cash out', 'the override was not used');
    expect(outside.shadowRoot!.querySelector('[part=title]')?.textContent).to.equal('Withdraw balance');
    // Keys the provider does not override keep the shipped text.
    expect(inside.shadowRoot!.querySelector('header button, .dialog-header button')?.getAttribute('aria-label')).to.equal('Close');
  });
});

describe('KitController: an adapter set late', () => {
  it("takes the provider's api set in the same task that defined the elements: no demo data, no warning", async () => {
    const warnings: unknown[][] = [];
    /* eslint-disable no-console -- the warning is what this test checks */
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const api = createMemoryAdapter({ latencyMs: 0 });
      // As a host page does it: markup first, then one script that sets the adapter.
      const provider = document.createElement('partner-kit-provider') as HTMLElement & { api: unknown };
      const records = document.createElement('voucher-records');
      provider.append(records);
      document.body.append(provider);
      provider.api = api;
      await waitUntil(() => records.shadowRoot!.querySelector('.tr[data-key]'), 'no rows');
      expect(api.calls.get('listCouponRecords')).to.equal(1);
      expect(marker(records)).to.equal(null);
      expect(warnings.filter(([text]) => String(text).includes('in-memory demo backend'))).to.have.length(0);
      provider.remove();
    } finally {
      console.warn = warn;
    }
    /* eslint-enable no-console */
  });

  it("loads again from the provider's api when it arrives later (a token fetched first) or is replaced", async () => {
    const provider = await fixture<HTMLElement & { api: unknown }>(html`<partner-kit-provider require-api locale="en-US"><voucher-records></voucher-records></partner-kit-provider>`);
    const records = provider.querySelector('voucher-records')!;
    await waitUntil(() => shownText(records).includes(notConnected), 'no configuration error shown');
    const first = createMemoryAdapter({ latencyMs: 0 });
    provider.api = first;
    await waitUntil(() => records.shadowRoot!.querySelector('.tr[data-key]'), 'no rows from the api that arrived');
    expect(first.calls.get('listCouponRecords')).to.equal(1);
    const second = createMemoryAdapter({ latencyMs: 0 });
    provider.api = second;
    await waitUntil(() => second.calls.get('listCouponRecords') === 1, 'the replacing api was not asked');
    expect(first.calls.get('listCouponRecords')).to.equal(1);
  });

  it('has every element that loads on its own ask the adapter that replaced the one it loaded from', async () => {
    const first = createMemoryAdapter({ latencyMs: 0 });
    const provider = await fixture<HTMLElement & { api: unknown }>(html`<partner-kit-provider .api=${first} locale="en-US">
      <voucher-issue-form></voucher-issue-form><order-payment></order-payment><invite-table></invite-table><invitation-link></invitation-link>
    </partner-kit-provider>`);
    const loads = ['listQuotas', 'getOrderPaymentOverview', 'listInvitations', 'openInvitationLink'] as const;
    await waitUntil(() => loads.every((op) => first.calls.get(op)), `not loaded from the first api: ${loads.filter((op) => !first.calls.get(op)).join(', ')}`);
    const second = createMemoryAdapter({ latencyMs: 0 });
    provider.api = second;
    await waitUntil(() => loads.every((op) => second.calls.get(op)), `not loaded again: ${loads.filter((op) => !second.calls.get(op)).join(', ')}`);
  });

  it("has <top-up-form> recover under require-api when the api arrives, and show the new adapter's remittance account", async () => {
    const provider = await fixture<HTMLElement & { api: unknown }>(html`<partner-kit-provider require-api locale="en-US"><top-up-form></top-up-form></partner-kit-provider>`);
    const form = provider.querySelector<TopUpForm>('top-up-form')!;
    await waitUntil(() => form.shadowRoot!.querySelector('[role=alert]'), 'no load failure shown');
    const first = createMemoryAdapter({ latencyMs: 0 });
    provider.api = first;
    await waitUntil(() => form.shadowRoot!.querySelector('#amount'), 'the amount form did not come back with the api');

    const enabledElsewhere = createMemoryAdapter({ latencyMs: 0 });
    await enable(enabledElsewhere);
    form.view = 'transfer';
    await waitUntil(() => shownText(form).includes('Verify and enable'), 'not-enabled from the first api');
    provider.api = enabledElsewhere;
    await waitUntil(() => form.shadowRoot!.querySelector('masked-field'), 'the replacing api\'s enabled account is not shown');
  });
});

async function enable(api: MemoryPartnerApi): Promise<void> {
  await api.sendVerificationCode({ purpose: 'remittance-account', channel: 'sms' });
  const { ticket } = await api.checkVerificationCode({ purpose: 'remittance-account', channel: 'sms', code: api.outbox.at(-1)!.code });
  await api.enableRemittanceAccount({ idempotencyKey: 'kit-test-enable-0001', verificationTicket: ticket });
}

describe('KitController: require-api waits a while for the api', () => {
  afterEach(() => (apiArrival.waitMs = 0));

  it('shows loading, no error and no load-failed event while a token is fetched, then loads from the api set after it', async () => {
    apiArrival.waitMs = 60_000;
    const failed: Event[] = [];
    const provider = await fixture<HTMLElement & { api: unknown }>(
      html`<partner-kit-provider require-api locale="en-US" @voucher-records-load-failed=${(e: Event) => failed.push(e)}><voucher-records></voucher-records></partner-kit-provider>`,
    );
    const records = provider.querySelector('voucher-records')!;
    // The portal awaits its token, then sets the provider's api.
    await aTimeout(300);
    expect(shownText(records)).to.not.include(notConnected);
    expect(records.shadowRoot!.querySelector('[aria-busy=true]'), 'no loading state while the api is awaited').to.not.equal(null);
    const api = createMemoryAdapter({ latencyMs: 0 });
    provider.api = api;
    await waitUntil(() => records.shadowRoot!.querySelector('.tr[data-key]'), 'no rows from the api set after the token');
    expect(api.calls.get('listCouponRecords')).to.equal(1);
    expect(failed).to.have.length(0);
    expect(shownText(records)).to.not.include(notConnected);
  });

  it('takes an api set on the element itself while it waits, loading once', async () => {
    apiArrival.waitMs = 60_000;
    const failed: Event[] = [];
    const provider = await fixture<HTMLElement>(
      html`<partner-kit-provider require-api locale="en-US" @voucher-records-load-failed=${(e: Event) => failed.push(e)}><voucher-records></voucher-records></partner-kit-provider>`,
    );
    const records = provider.querySelector<VoucherRecords>('voucher-records')!;
    await aTimeout(300);
    const api = createMemoryAdapter({ latencyMs: 0 });
    records.api = api;
    await waitUntil(() => records.shadowRoot!.querySelector('.tr[data-key]'), 'no rows from its own api');
    expect(api.calls.get('listCouponRecords')).to.equal(1);
    expect(failed, 'said the page was not connected while it waited').to.have.length(0);
  });

  it('says the page is not connected once the wait runs out, and a retry then says so again without waiting', async () => {
    apiArrival.waitMs = 0;
    const provider = await fixture<HTMLElement>(html`<partner-kit-provider require-api locale="en-US"><voucher-records></voucher-records></partner-kit-provider>`);
    const records = provider.querySelector('voucher-records')!;
    await waitUntil(() => shownText(records).includes(notConnected), 'no configuration error after the wait');
    // Were the retry to wait again, no answer would come for a minute.
    apiArrival.waitMs = 60_000;
    const again = oneEvent(records, 'voucher-records-load-failed');
    const retry = [...records.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!;
    retry.click();
    const { detail } = await again;
    expect(detail.error.reason).to.equal('api-required');
  });
});
