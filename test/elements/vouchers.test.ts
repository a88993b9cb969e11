import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/voucher-issue-form.js';
import '../../src/issued-voucher-list.js';
import '../../src/voucher-records.js';
import type { VoucherIssueForm } from '../../src/voucher-issue-form.js';
import type { IssuedVoucherList } from '../../src/issued-voucher-list.js';
import type { VoucherRecords } from '../../src/voucher-records.js';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import { $, $$, addCustomers, adapter, button, outboxVerifier, pickValidFrom, text, type } from './voucher-helpers.js';

async function issueForm(api: MemoryPartnerApi, attrs: { max?: number; realModal?: boolean } = {}) {
  const el = await fixture<VoucherIssueForm>(
    html`<voucher-issue-form .api=${api} locale="en-US" max-customers=${attrs.max ?? 10} .verifier=${attrs.realModal ? undefined : outboxVerifier(api)}></voucher-issue-form>`,
  );
  await waitUntil(() => $$(el, 'input[name=quota]').length > 0 && $$(el, '#customer-results li').length > 0, 'form did not load');
  return el;
}

async function chooseQuota(el: VoucherIssueForm, id: string) {
  const radio = $$<HTMLInputElement>(el, 'input[name=quota]').find((r) => r.getAttribute('aria-describedby') === `quota-${id}`)!;
  radio.click();
  await el.updateComplete;
}

async function submit(el: VoucherIssueForm) {
  $<HTMLButtonElement>(el, '[part=submit]').click();
  await el.updateComplete;
}

describe('<voucher-issue-form>', () => {
  it('lists quotas in every state; unusable ones cannot be chosen and say why', async () => {
    const el = await issueForm(adapter());
    const line = (id: string) => text(el, `#quota-${id}`);
    expect(line('Q-V-2025-014')).to.contain('Expired');
    expect(line('Q-V-2026-004')).to.contain('Being adjusted');
    expect(line('Q-V-2026-005')).to.contain('Frozen');
    expect(line('Q-V-2026-003')).to.contain('Not yet effective');
    const disabled = $$<HTMLInputElement>(el, 'input[name=quota]').filter((r) => r.disabled).map((r) => r.getAttribute('aria-describedby'));
    expect(disabled).to.have.members(['quota-Q-V-2025-014', 'quota-Q-V-2026-004', 'quota-Q-V-2026-005', 'quota-Q-V-2026-003']);
    expect(text(el, '.restrictions')).to.contain('Cloud service types: Elastic Cloud Server (ECS)');
    expect(text(el, '.restrictions')).not.to.contain('cloudServiceType');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name=kind]:not(:checked)').click();
    await waitUntil(() => $$(el, 'input[name=quota]').some((r) => r.getAttribute('aria-describedby') === 'quota-Q-C-2026-001'), 'cash quotas did not load');
  });

  it('keeps focus on an Add button pressed from the keyboard, which then says Added and adds nothing more', async () => {
    const el = await issueForm(adapter());
    const add = $$<HTMLButtonElement>(el, '#customer-results button:not([disabled])')[0]!;
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus fell to the page').to.equal(add);
    expect(add.textContent!.trim()).to.equal('Added');
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '[part=chip]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('takes customers up to the limit, masked, each removable', async () => {
    const el = await issueForm(adapter(), { max: 2 });
    await addCustomers(el, 2);
    expect($$(el, '[part=chip]')).to.have.length(2);
    expect(text(el, '[part=chip]')).to.match(/^郭\*+ zhao_wang001/);
    expect(el.shadowRoot!.innerHTML).not.to.contain('郭刚娟');
    expect(text(el, '#customers-error')).to.equal('At most 2 customers per issue.');
    expect($$<HTMLButtonElement>(el, '#customer-results button').every((b) => b.disabled || b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    $<HTMLButtonElement>(el, '[part=chip] button').click();
    await el.updateComplete;
    expect($$(el, '[part=chip]')).to.have.length(1);
    expect(text(el, 'div.visually-hidden[role=status]')).to.contain('removed. 1 chosen.');
    await expect(el).to.be.accessible();
    // Switched to Chinese, the form keeps no English sentence in its status region.
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(text(el, 'div.visually-hidden[role=status]')).to.equal('');
  });

  it('refuses a face value outside the quota’s bounds or hostile, at the field', async () => {
    const api = adapter();
    const el = await issueForm(api);
    await chooseQuota(el, 'Q-V-2026-002');
    await addCustomers(el, 1);
    for (const [value, message] of [
      ['5', 'At least CN¥10.00.'],
      ['200.01', 'At most CN¥200.00.'],
      ['1e3', 'Enter an amount like'],
      ['-1', 'cannot be negative'],
      ['12.345', 'at most 2 decimals'],
      ['<script>', 'Enter an amount like'],
    ]) {
      await type(el, '#face-value', value!);
      await submit(el);
      expect(text(el, '#face-error'), value).to.contain(message);
      expect($(el, '#face-value').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#face-value'));
    }
    expect(api.calls.get('issueCoupons') ?? 0).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows the total live and refuses more than the quota has left', async () => {
    const el = await issueForm(adapter());
    await chooseQuota(el, 'Q-V-2026-002');
    await addCustomers(el, 2);
    await type(el, '#face-value', '200');
    expect(text(el, '#face-total')).to.equal('Total: 2 × CN¥200.00 = CN¥400.00 (quota has CN¥300.00 left)');
    await submit(el);
    expect(text(el, '#face-error')).to.equal('Customers × face value is more than the quota has left.');
  });

  it('refuses a validity outside the quota’s window', async () => {
    const el = await issueForm(adapter());
    await chooseQuota(el, 'Q-V-2026-002');
    await addCustomers(el, 1);
    await type(el, '#face-value', '50');
    await pickValidFrom(el, '2020-01-01');
    await submit(el);
    expect(text(el, '#validity-error')).to.equal('The validity must lie inside the quota’s window.');
    expect($<HTMLDetailsElement>(el, 'details').open).to.equal(true);
  });

  it('counts the remark, refuses one over the limit, and keeps markup as text', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    await addCustomers(el, 1);
    await type(el, '#face-value', '100');
    await type(el, '#remark', 'x'.repeat(201));
    expect(text(el, '#remark-count')).to.equal('201 / 200');
    await submit(el);
    expect(text(el, '#remark-error')).to.equal('At most 200 characters.');
    expect(text(el, '#remark-note')).to.contain('The customer never does.');
    await type(el, '#remark', '<b>Q4 promo</b> for 郭');
    const issued = oneEvent(el, 'voucher-issued');
    await submit(el);
    const { detail } = await issued;
    expect(detail.issued).to.have.length(1);

    const records = await fixture<VoucherRecords>(html`<voucher-records .api=${api} locale="en-US"></voucher-records>`);
    await waitUntil(() => $$(records, '.tbody .tr').length > 0);
    const first = $(records, '.tbody .tr .remark');
    expect(first.textContent).to.equal('<b>Q4 promo</b> for 郭');
    expect(first.querySelector('b')).to.equal(null);
    await expect(records).to.be.accessible();
  });

  it('asks for a verification code when the policy guards issuing, and issues once', async () => {
    const api = adapter({ latencyMs: 30 });
    const el = await issueForm(api, { realModal: true });
    await addCustomers(el, 2);
    await type(el, '#face-value', '100');
    const issued = oneEvent(el, 'voucher-issued');
    await submit(el);
    await submit(el);
    const modal = $<VerificationCodeModal>(el, 'verification-code-modal');
    await waitUntil(() => modal.shadowRoot?.querySelector('dialog')?.open && modal.shadowRoot.querySelector('[part=send]'), 'no code dialog');
    expect(text(modal, '[part=action]')).to.equal('Confirm issuing CN¥100.00 to 2 customers');
    (modal.shadowRoot!.querySelector('[part=send]') as HTMLButtonElement).click();
    await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code');
    await sendKeys({ type: api.outbox[0]!.code });
    const { detail } = await issued;
    expect(detail).to.deep.include({ quotaId: 'Q-V-2026-001', kind: 'voucher', faceValue: 10_000, currency: 'CNY' });
    expect(detail.issued).to.have.length(2);
    expect(api.calls.get('issueCoupons')).to.equal(1);
    await el.updateComplete;
    expect(text(el, '[part=outcome]')).to.contain('2 issued, 0 failed.');
    await expect(el).to.be.accessible();
  });

  it('issues without a code when the policy is off', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api, { realModal: true });
    await addCustomers(el, 1);
    await type(el, '#face-value', '100');
    const issued = oneEvent(el, 'voucher-issued');
    await submit(el);
    await issued;
    expect(api.outbox).to.have.length(0);
  });

  it('lists a partial success per customer and retries the failed ones only', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    await addCustomers(el, 3);
    await type(el, '#face-value', '100');
    const second = api.data.customers.find((c) => c.id === 'c-0002')!;
    second.associationType = 'referral';
    let issued = oneEvent(el, 'voucher-issued');
    await submit(el);
    let { detail } = await issued;
    expect(detail.issued.map((i: { customerId: string }) => i.customerId)).to.deep.equal(['c-0001', 'c-0003']);
    expect(detail.failed).to.deep.equal([{ customerId: 'c-0002', reason: 'cooperation-type' }]);
    await el.updateComplete;
    expect(text(el, '[part=outcome]')).to.contain('2 issued, 1 failed.');
    expect(text(el, '[part=outcome]')).to.contain('Coupons go to resale customers only.');
    await expect(el).to.be.accessible();

    second.associationType = 'resale';
    issued = oneEvent(el, 'voucher-issued');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Retry the failed ones (1)'))!.click();
    ({ detail } = await issued);
    expect(detail.issued.map((i: { customerId: string }) => i.customerId)).to.deep.equal(['c-0002']);
    const perCustomer = (id: string) => api.data.coupons.filter((c) => c.customerId === id && c.faceValue === 10_000 && c.status === 'usable' && c.issuedAt > '2026-11').length;
    expect(['c-0001', 'c-0002', 'c-0003'].map(perCustomer)).to.deep.equal([1, 1, 1]);
    await el.updateComplete;
    expect(text(el, '[part=outcome]')).to.contain('3 issued, 0 failed.');
  });

  it('keeps what was typed when the answer is lost, says the issue may have gone through, and a retry issues once', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { issueCoupons: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const el = await issueForm(api);
    await addCustomers(el, 1);
    await type(el, '#face-value', '100');
    await submit(el);
    await waitUntil(() => $(el, '[part=outcome-unknown]'), 'no unknown outcome shown');
    expect(text(el, '[part=outcome-unknown]')).to.contain('the coupons may have been issued');
    expect(text(el, '[part=outcome-unknown]')).to.contain('nobody gets a coupon twice');
    expect(text(el, '[part=outcome-unknown]')).to.contain('did not answer in time');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#unknown-title'));
    expect($<HTMLInputElement>(el, '#face-value').value).to.equal('100');
    const issued = oneEvent(el, 'voucher-issued');
    button(el, 'Send the same issue again').click();
    await issued;
    expect(api.data.coupons.filter((c) => c.customerId === 'c-0001' && c.faceValue === 10_000 && c.issuedAt > '2026-11')).to.have.length(1);
  });
});

describe('<issued-voucher-list>', () => {
  async function list(api: MemoryPartnerApi) {
    const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US" .verifier=${outboxVerifier(api)}></issued-voucher-list>`);
    await waitUntil(() => $$(el, '.tbody .tr').length > 0, 'no rows');
    return el;
  }

  it('shows the amount actually reclaimed, keeps the coupon as reclaimed, and reclaims once', async () => {
    const api = adapter({ latencyMs: 40 });
    const el = await list(api);
    const select = $$<HTMLSelectElement>(el, 'select')[1]!;
    select.value = 'usable';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.tbody .tr').every((r) => r.textContent?.includes('Usable')));
    const coupon = api.data.coupons.find((c) => c.id === 'CP20260007')!;
    const row = () => $$(el, '.tbody .tr').find((r) => r.textContent?.includes('CP20260007'));
    await waitUntil(() => row(), 'coupon not listed');
    const reclaimed = oneEvent(el, 'voucher-reclaimed');
    row()!.querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog[part=dialog]').open).to.equal(true);
    await expect(el).to.be.accessible();
    const confirm = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.textContent?.trim() === 'Reclaim')!;
    confirm().click();
    confirm().click();
    const { detail } = await reclaimed;
    expect(detail).to.deep.equal({ couponId: 'CP20260007', reclaimedAmount: 15_000, currency: 'CNY' });
    await el.updateComplete;
    expect(text(el, 'dialog')).to.contain('CN¥150.00 was reclaimed (face value CN¥200.00).');
    expect(api.calls.get('reclaimCoupon')).to.equal(1);
    expect(coupon.status).to.equal('reclaimed');
    expect(row()!.textContent).to.contain('Reclaimed');
    expect(row()!.querySelector('[part=reclaim]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters by status and pages on the server', async () => {
    const api = adapter();
    const el = await list(api);
    expect(text(el, '.pager')).to.match(/^Previous page 1–20 of \d+ Next page$/);
    $$<HTMLButtonElement>(el, '.pager button')[1]!.click();
    await waitUntil(() => text(el, '.pager').includes('21–40'));
    const select = $$<HTMLSelectElement>(el, 'select')[1]!;
    select.value = 'expired';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.tbody .tr').length > 0 && $$(el, '.tbody .tr').every((r) => r.textContent?.includes('Expired')), 'not filtered');
    expect(text(el, '.pager')).to.contain('1–');
  });
});

describe('<voucher-records>', () => {
  it('filters by operation type', async () => {
    const el = await fixture<VoucherRecords>(html`<voucher-records .api=${adapter()} locale="en-US"></voucher-records>`);
    await waitUntil(() => $$(el, '.tbody .tr').length > 0);
    const select = $<HTMLSelectElement>(el, 'select');
    select.value = 'reclaim';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.tbody .tr').length > 0 && $$(el, '.tbody .tr').every((r) => r.querySelector('.td:nth-child(2) span')?.textContent === 'Reclaimed'));
  });
});

describe('voucher elements leaving the page', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Types into a debounced filter, removes the element inside the quiet period, and counts backend calls after. */
  async function typeThenRemove(el: HTMLElement, selector: string, api: MemoryPartnerApi, operation: Parameters<MemoryPartnerApi['calls']['get']>[0]) {
    const before = api.calls.get(operation) ?? 0;
    const input = $<HTMLInputElement>(el, selector);
    input.value = 'c-0001';
    input.dispatchEvent(new InputEvent('input'));
    el.remove();
    await pause(400);
    return (api.calls.get(operation) ?? 0) - before;
  }

  it('<voucher-records> removed while a typed filter waits never calls its backend', async () => {
    const api = adapter();
    const el = await fixture<VoucherRecords>(html`<voucher-records .api=${api} locale="en-US"></voucher-records>`);
    await waitUntil(() => $$(el, '.tbody .tr').length > 0);
    expect(await typeThenRemove(el, 'input[type=search]', api, 'listCouponRecords')).to.equal(0);
  });

  it('<issued-voucher-list> removed while a typed filter waits never calls its backend', async () => {
    const api = adapter();
    const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US"></issued-voucher-list>`);
    await waitUntil(() => $$(el, '.tbody .tr').length > 0);
    expect(await typeThenRemove(el, 'input[type=search]', api, 'listIssuedCoupons')).to.equal(0);
  });

  it('<voucher-issue-form> removed while a customer search waits never calls its backend', async () => {
    const api = adapter();
    const el = await issueForm(api);
    expect(await typeThenRemove(el, '#customer-search', api, 'searchCustomers')).to.equal(0);
  });
});

describe('voucher elements, once per intent', () => {
  it('<voucher-issue-form> fires voucher-issued once for a double click', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    await addCustomers(el, 1);
    await type(el, '#face-value', '100');
    let events = 0;
    el.addEventListener('voucher-issued', () => (events += 1));
    $<HTMLButtonElement>(el, '[part=submit]').click();
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.equal(1);
    expect(api.calls.get('issueCoupons')).to.equal(1);
  });

  it('<voucher-issue-form> shows a customer the backend did not answer for, and an answer about a stranger, without breaking', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await issueForm(api);
    api.issueCoupons = async () => ({ issued: [{ customerId: 'c-9999', couponId: 'CP-X' }], failed: [] });
    await addCustomers(el, 1);
    await type(el, '#face-value', '100');
    await submit(el);
    await waitUntil(() => $(el, '[part=outcome]'), 'no result');
    expect(text(el, '[part=outcome]')).to.contain('0 issued, 1 failed.');
    expect(text(el, '[part=outcome]')).to.contain('Not in the partner center’s answer');
    expect(text(el, '[part=outcome] [role=alert]')).not.to.equal('');
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.includes('Retry the failed ones'))).to.equal(false);
  });
});

describe('<issued-voucher-list> reclaim dialog', () => {
  async function opened() {
    const api = adapter({ latencyMs: 20, verification: { enabled: false } });
    const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US"></issued-voucher-list>`);
    await waitUntil(() => $(el, '[part=reclaim]'), 'no reclaimable coupon');
    const opener = $<HTMLButtonElement>(el, '[part=reclaim]');
    opener.focus();
    opener.click();
    await el.updateComplete;
    return { api, el, opener, dialog: $<HTMLDialogElement>(el, 'dialog[part=dialog]') };
  }

  it('asks before closing on Esc; a host can keep it open; Cancel closes and focus returns to the row', async () => {
    const { el, opener, dialog } = await opened();
    expect(dialog.open).to.equal(true);
    const sources: string[] = [];
    const keep = (event: CustomEvent<{ source: string }>) => {
      sources.push(event.detail.source);
      event.preventDefault();
    };
    el.addEventListener('issued-voucher-list-request-close', keep);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    el.removeEventListener('issued-voucher-list-request-close', keep);
    const closing = oneEvent(el, 'issued-voucher-list-request-close');
    button(el, 'Cancel', 'dialog').click();
    expect((await closing).detail).to.deep.equal({ source: 'close-button' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(sources).to.deep.equal(['escape']);
    expect(el.shadowRoot!.activeElement).to.equal(opener);
  });

  it('fires voucher-reclaimed once for a double click and stays open while the reclaim is in flight', async () => {
    const { api, el, dialog } = await opened();
    let events = 0;
    el.addEventListener('voucher-reclaimed', () => (events += 1));
    button(el, 'Reclaim', 'dialog').click();
    button(el, 'Reclaim', 'dialog').click();
    button(el, 'Cancel', 'dialog').click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    await waitUntil(() => text(el, 'dialog').includes('was reclaimed'), 'not reclaimed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.equal(1);
    expect(api.calls.get('reclaimCoupon')).to.equal(1);
  });
});
