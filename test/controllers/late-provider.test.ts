import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/voucher-records.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import type { VoucherRecords } from '../../src/voucher-records.js';
import { apiArrival } from '../../src/controllers/kit-controller.js';

// Its own page: <partner-kit-provider> is not defined until a test imports it, as on a host page
// whose bundler ran the provider's module after the elements', or whose provider chunk came last.
const marker = (el: Element) => el.shadowRoot!.querySelector('[part=demo-marker]');
const rows = (el: Element) => el.shadowRoot!.querySelectorAll('.tr[data-key], tbody tr').length;

describe('KitController: a provider whose code comes after its elements', () => {
  // The element under require-api with no api says so at once here; waiting for one is kit-controller.test.ts's.
  before(() => (apiArrival.waitMs = 0));
  after(() => (apiArrival.waitMs = 5000));

  it('waits for the provider instead of the demo backend, then takes its adapter and require-api', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    let calls = 0;
    const listCouponRecords = api.listCouponRecords.bind(api);
    api.listCouponRecords = (...args) => ((calls += 1), listCouponRecords(...args));
    const page = await fixture<HTMLElement>(html`<div>
      <partner-kit-provider id="given" require-api locale="en-US"><voucher-records></voucher-records></partner-kit-provider>
      <partner-kit-provider id="none" require-api locale="en-US"><voucher-records></voucher-records></partner-kit-provider>
    </div>`);
    const given = page.querySelector('#given')!;
    const [served, refused] = [...page.querySelectorAll('voucher-records')] as [VoucherRecords, VoucherRecords];
    // Set before the provider's code comes, as a host does in the same task that imports the kit.
    (given as HTMLElement & { api?: unknown }).api = api;
    await aTimeout(100);
    expect(customElements.get('partner-kit-provider'), 'not defined yet').to.equal(undefined);
    expect(marker(served) ?? marker(refused), 'fell back to the demo backend').to.equal(null);
    expect(rows(served) + rows(refused), 'showed data before its provider decided').to.equal(0);
    const failed = oneEvent(refused, 'voucher-records-load-failed');
    await import('../../src/partner-kit-provider.js');
    const { detail } = await failed;
    expect([detail.error.code, detail.error.reason]).to.deep.equal(['configuration', 'api-required']);
    await waitUntil(() => rows(served) > 0, 'the provider’s adapter was not used');
    expect(calls).to.be.greaterThan(0);
    expect(marker(served) ?? marker(refused)).to.equal(null);
    expect(rows(refused)).to.equal(0);
  });
});
