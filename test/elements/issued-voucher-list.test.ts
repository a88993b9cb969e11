import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/issued-voucher-list.js';
import type { IssuedVoucherList } from '../../src/issued-voucher-list.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import { $, $$, LOCALES, WIDTHS, accessible, adapter, button, columnEdges, inBox, outboxVerifier, pageOverflow, pause, text } from './voucher-helpers.js';

async function list(api: MemoryPartnerApi, locale = 'en-US') {
  const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale=${locale} .verifier=${outboxVerifier(api)}></issued-voucher-list>`);
  await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
  return el;
}

const usableRow = (el: IssuedVoucherList) => $$(el, '.tbody .tr').find((r) => r.querySelector('[part=reclaim]'))!;
const dialogOpen = (el: IssuedVoucherList) => $<HTMLDialogElement>(el, 'dialog[part=dialog]').open;

describe('<issued-voucher-list> outcomes', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('fires voucher-reclaimed once for five clicks on Reclaim in one task', async () => {
    const api = adapter({ latencyMs: 20, verification: { enabled: false } });
    const el = await list(api);
    let events = 0;
    el.addEventListener('voucher-reclaimed', () => (events += 1));
    usableRow(el).querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
    await el.updateComplete;
    const confirm = button(el, 'Reclaim', 'dialog');
    for (let i = 0; i < 5; i++) confirm.click();
    await waitUntil(() => text(el, 'dialog').includes('was reclaimed'), 'not reclaimed');
    await pause(50);
    expect(events).to.equal(1);
    expect(api.calls.get('reclaimCoupon')).to.equal(1);
  });

  it('says a lost reclaim may have gone through, settles it by checking, and reports it once', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { reclaimCoupon: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const el = await list(api);
    const row = usableRow(el);
    const couponId = row.dataset['key']!;
    let events = 0;
    el.addEventListener('voucher-reclaimed', () => (events += 1));
    row.querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
    await el.updateComplete;
    button(el, 'Reclaim', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('may have been reclaimed'), 'no unknown outcome');
    expect(text(el, 'dialog')).to.contain('it will not be reclaimed twice');
    await accessible(el);
    button(el, 'Check what happened', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('was reclaimed'), 'the check did not settle it');
    expect(events).to.equal(1);
    expect(api.calls.get('reclaimCoupon')).to.equal(1);
    expect(api.data.coupons.find((c) => c.id === couponId)!.status).to.equal('reclaimed');
    expect($$(el, '.tbody .tr').find((r) => r.dataset['key'] === couponId)!.querySelector('[part=reclaim]')).to.equal(null);
  });

  it('asks the backend about a lost reclaim when the coupon is opened again, and says plainly it was not done', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { reclaimCoupon: { kind: 'timeout', times: 1 } } });
    const el = await list(api);
    const open = () => usableRow(el).querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
    open();
    await el.updateComplete;
    button(el, 'Reclaim', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('may have been reclaimed'), 'no unknown outcome');
    button(el, 'Cancel', 'dialog').click();
    await el.updateComplete;
    expect(dialogOpen(el)).to.equal(false);
    open();
    await waitUntil(() => text(el, 'dialog').includes('was not reclaimed'), 'the lookup did not settle it');
    expect(api.calls.get('lookupIntent')).to.equal(1);
    button(el, 'Reclaim', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('was reclaimed'), 'not reclaimed');
  });

  it('reports a reclaim that finished after the list was removed, once, where the list stood, never from a detached node', async () => {
    const api = adapter({ latencyMs: 60, verification: { enabled: false } });
    const el = await list(api);
    const parent = el.parentElement!;
    const heard: EventTarget[] = [];
    parent.addEventListener('voucher-reclaimed', (event) => heard.push(event.target!));
    usableRow(el).querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
    await el.updateComplete;
    button(el, 'Reclaim', 'dialog').click();
    el.remove();
    await pause(150);
    expect(api.calls.get('reclaimCoupon')).to.equal(1);
    expect(heard).to.deep.equal([parent]);
    parent.append(el);
    await el.updateComplete;
    expect(heard).to.deep.equal([parent]);
  });

  it('moves focus to the next reclaim button after a reclaim, never to the page body', async () => {
    const api = adapter({ verification: { enabled: false } });
    const el = await list(api);
    const reclaimable = () => $$(el, '.tbody .tr').filter((r) => r.querySelector('[part=reclaim]'));
    const [first, second] = reclaimable() as [HTMLElement, HTMLElement];
    const opener = first.querySelector<HTMLButtonElement>('[part=reclaim]')!;
    opener.focus();
    opener.click();
    await el.updateComplete;
    button(el, 'Reclaim', 'dialog').click();
    await waitUntil(() => text(el, 'dialog').includes('was reclaimed'));
    button(el, 'Close', 'dialog').click();
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(second.querySelector('[part=reclaim]'));
  });
});

describe('<issued-voucher-list> loading, failure and paging', () => {
  it('shows skeleton rows, not "nothing matches", while a reload is in flight', async () => {
    const api = adapter({ latencyMs: 80 });
    const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US"></issued-voucher-list>`);
    await el.updateComplete;
    expect($$(el, '.skeleton-row').length).to.be.greaterThan(0);
    expect(text(el, '.tbody')).not.to.contain('Nothing matches');
    await accessible(el);
    await waitUntil(() => $$(el, '.tbody .tr[data-key]').length > 0, 'no rows');
    const search = $<HTMLInputElement>(el, 'input[type=search]');
    search.value = 'c-none';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => text(el, '.empty') === 'Nothing matches.', 'no empty state');
    await accessible(el);
    search.value = 'c-0001';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => el.shadowRoot!.querySelector('.table')?.getAttribute('aria-busy') === 'true', 'no reload');
    expect(text(el, '.tbody')).not.to.contain('Nothing matches');
    expect($$(el, '.skeleton-row').length).to.be.greaterThan(0);
  });

  it('offline on page 2: page 1 and its pager stay, with the error and a retry that loads page 2', async () => {
    const api = adapter();
    const el = await list(api);
    api.setFaults({ listIssuedCoupons: { kind: 'offline', times: 1 } });
    $$<HTMLButtonElement>(el, '.pager button')[1]!.click();
    await waitUntil(() => $(el, '.error-state'), 'no error shown');
    expect($(el, '.table')).to.not.equal(null);
    expect(text(el, '.pager')).to.contain('1–20');
    expect(text(el, '.error-state')).to.contain('Could not load the issued coupons.');
    await accessible(el);
    button(el, 'Try again').click();
    await waitUntil(() => text(el, '.pager').includes('21–40'), 'page 2 did not load');
    expect($(el, '.error-state')).to.equal(null);
  });
});

describe('<issued-voucher-list> layout and accessibility', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const locale of LOCALES) {
    it(`has no axe violations in list, dialog and code-free result states (${locale})`, async () => {
      const api = adapter({ verification: { enabled: false } });
      const el = await list(api, locale);
      await accessible(el);
      usableRow(el).querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
      await el.updateComplete;
      await accessible(el);
      $<HTMLButtonElement>(el, 'dialog .primary').click();
      await waitUntil(() => !$(el, 'dialog button[aria-busy=true]') && $(el, 'dialog .primary')?.textContent?.trim() !== '', 'no result');
      await waitUntil(() => $$(el, 'dialog button').length === 1, 'not done');
      await accessible(el);
    });

    it(`has no axe violations when it cannot load (${locale})`, async () => {
      const api = adapter({ faults: { listIssuedCoupons: { kind: 'server' } } });
      const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale=${locale}></issued-voucher-list>`);
      await waitUntil(() => $(el, '.error-state'), 'no error');
      await accessible(el);
    });
  }

  for (const width of WIDTHS) {
    it(`fits a ${width}px container: no page overflow, header over its cells, long names wrapped`, async () => {
      const api = adapter();
      const coupon = api.data.coupons[0]!;
      coupon.customerName = `\u202E${'名'.repeat(3000)}`;
      const el = await inBox<IssuedVoucherList>(width, html`<issued-voucher-list .api=${api} locale="zh-CN"></issued-voucher-list>`, 'issued-voucher-list');
      expect(pageOverflow(), 'page overflow').to.be.at.most(0);
      expect(el.getBoundingClientRect().width).to.be.at.most(width);
      if (width >= 480) {
        const [head, ...rows] = columnEdges(el);
        for (const row of rows) expect(row).to.deep.equal(head);
        const table = $(el, '.table');
        table.scrollLeft = table.scrollWidth;
        const [headAfter, firstRow] = columnEdges(el);
        expect(firstRow).to.deep.equal(headAfter);
      } else {
        expect(getComputedStyle($(el, '.thead')).position).to.equal('absolute');
      }
      expect($$(el, 'bdi').length).to.be.greaterThan(0);
    });
  }
});
