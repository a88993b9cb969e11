import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/voucher-records.js';
import type { VoucherRecords } from '../../src/voucher-records.js';
import { $, $$, LOCALES, WIDTHS, accessible, adapter, columnEdges, inBox, pageOverflow, text } from './voucher-helpers.js';

const rows = (el: VoucherRecords) => $$(el, '.tbody .tr[data-key]');
const customerCell = (row: HTMLElement) => row.querySelector('.td:nth-child(3)')!;

describe('<voucher-records>', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('shows customer IDs under "Customer ID", with masked names, so the filter by one can be used', async () => {
    const api = adapter();
    const el = await fixture<VoucherRecords>(html`<voucher-records .api=${api} locale="zh-CN"></voucher-records>`);
    await waitUntil(() => rows(el).length > 0, 'no rows');
    expect(text(el, '.thead .th:nth-child(3)')).to.equal('客户 ID');
    const id = customerCell(rows(el)[0]!).querySelector('span')!.textContent!;
    expect(api.data.customers.some((c) => c.id === id)).to.equal(true);
    const filter = $<HTMLInputElement>(el, '#filter-customerId');
    filter.value = id;
    filter.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => rows(el).length > 0 && rows(el).every((r) => customerCell(r).querySelector('span')!.textContent === id), 'not filtered by the shown ID');
  });

  for (const locale of LOCALES) {
    it(`has no axe violations loading, listed, empty and failed (${locale})`, async () => {
      const api = adapter({ latencyMs: 100 });
      const el = await fixture<VoucherRecords>(html`<voucher-records .api=${api} locale=${locale}></voucher-records>`);
      await accessible(el);
      await waitUntil(() => rows(el).length > 0, 'no rows');
      await accessible(el);
      api.setFaults({ listCouponRecords: { kind: 'offline', times: 1 } });
      void el.refresh();
      await waitUntil(() => $(el, '.error-state'), 'no error');
      await accessible(el);
      const quota = $<HTMLInputElement>(el, '#filter-quotaId');
      quota.value = 'Q-NONE';
      quota.dispatchEvent(new InputEvent('input'));
      await waitUntil(() => $(el, '.empty'), 'no empty state');
      await accessible(el);
    });
  }

  it('keeps Try again inert while a rate limit asks to wait, and live once the wait is over', async () => {
    const api = adapter({ faults: { listCouponRecords: { kind: 'rate-limited', retryAfterSeconds: 1, times: 1 } } });
    const el = await fixture<VoucherRecords>(html`<voucher-records .api=${api}></voucher-records>`);
    await waitUntil(() => $(el, '.error-state'), 'no error');
    const retry = () => $<HTMLButtonElement>(el, '.error-state button');
    expect(text(el, '.error-state')).to.contain('Try again in 1 s');
    expect(retry().getAttribute('aria-disabled')).to.equal('true');
    const calls = api.calls.get('listCouponRecords');
    retry().click();
    expect(api.calls.get('listCouponRecords'), 'pressed during the wait, it asked again').to.equal(calls);
    await waitUntil(() => retry().getAttribute('aria-disabled') === 'false', 'still inert after the wait', { timeout: 5000 });
    expect(text(el, '.error-state')).to.contain('You can try again now.');
    await accessible(el);
    retry().click();
    await waitUntil(() => rows(el).length > 0, 'no rows after the retry');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width}px container with header and cells on one grid`, async () => {
      const el = await inBox<VoucherRecords>(width, html`<voucher-records .api=${adapter()} locale="en-US"></voucher-records>`, 'voucher-records');
      expect(pageOverflow()).to.be.at.most(0);
      if (width >= 480) {
        const [head, ...cells] = columnEdges(el);
        for (const row of cells) expect(row).to.deep.equal(head);
        const type = $(el, '.tbody .tr .td:nth-child(2)');
        expect(type.getBoundingClientRect().height, 'the type column stays short').to.be.below(80);
      }
    });
  }
});
