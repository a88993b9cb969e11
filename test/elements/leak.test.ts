import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/api/memory/index.js';
import type { MaskedField } from '../../src/masked-field.js';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';
import { census, installCensus, type Census } from '../support/timer-census.js';

/**
 * Every element is mounted and removed 100 times in a busy moment — a dialog open, a request in
 * flight, a countdown running — and afterwards, once every finite timer has had time to run out,
 * nothing it started may still be alive: no interval, timeout, animation frame or window/document
 * listener. The census wraps the page's own timer functions (test/support/timer-census.ts).
 */
const ROUNDS = 100;

const adapter = (options: MemoryAdapterOptions = {}) => createMemoryAdapter({ latencyMs: 15, verificationRules: { resendAfterSeconds: 60 }, ...options });

async function settled(before: Census): Promise<Census> {
  // Latency sleeps and other finite timers of the removed elements end by themselves; give them the time.
  await aTimeout(200);
  await waitUntil(() => census().timeouts <= before.timeouts, 'timeouts still pending', { timeout: 3000 }).catch(() => undefined);
  return census();
}

async function mountAndRemove(make: () => Promise<HTMLElement>): Promise<void> {
  const before = census();
  for (let round = 0; round < ROUNDS; round += 1) {
    const el = await make();
    el.remove();
  }
  expect(await settled(before)).to.deep.equal(before);
}

const sr = (el: Element) => el.shadowRoot!;

describe('no timer or listener outlives its element (100 mounts each)', function () {
  this.timeout(120_000);
  before(installCensus);

  it('<masked-field> with a reveal in flight and auto-hide armed', async () => {
    await mountAndRemove(async () => {
      const el = await fixture<MaskedField>(html`<masked-field kind="mobile" .api=${adapter()} reveal-resource="invitation" reveal-id="INV-000001" reveal-field="mobile" masked="139****1234" auto-hide="30" locale="en-US"></masked-field>`);
      void el.show().catch(() => undefined);
      return el;
    });
  });

  it('<verification-code-modal> with the dialog open and the resend countdown running', async () => {
    await mountAndRemove(async () => {
      const el = await fixture<VerificationCodeModal>(html`<verification-code-modal .api=${adapter({ latencyMs: 0 })} locale="en-US"></verification-code-modal>`);
      el.confirm({ purpose: 'withdraw', action: 'Withdraw' }).catch(() => undefined);
      await waitUntil(() => sr(el).querySelector<HTMLButtonElement>('[part=send]:not([disabled])'), 'no send button');
      sr(el).querySelector<HTMLButtonElement>('[part=send]')!.click();
      await waitUntil(() => /\d+\s*s|\d+\s*秒/.test(sr(el).querySelector('[part=send]')?.textContent ?? ''), 'no countdown');
      return el;
    });
  });

  it('<withdraw-dialog> open with its first load in flight', async () => {
    await mountAndRemove(async () => {
      const el = await fixture<WithdrawDialog>(html`<withdraw-dialog .api=${adapter()} locale="en-US"></withdraw-dialog>`);
      el.show();
      await el.updateComplete;
      return el;
    });
  });

  it('lists and forms with their first load in flight: issue form, issued vouchers, records, invite table, provider', async () => {
    for (const make of [
      () => fixture(html`<voucher-issue-form .api=${adapter()} locale="en-US"></voucher-issue-form>`),
      () => fixture(html`<issued-voucher-list .api=${adapter()} locale="en-US"></issued-voucher-list>`),
      () => fixture(html`<voucher-records .api=${adapter()} locale="en-US"></voucher-records>`),
      () => fixture(html`<invite-table .api=${adapter()} locale="en-US"></invite-table>`),
      () => fixture(html`<partner-kit-provider .api=${adapter()}><masked-field kind="name" value="张三丰"></masked-field></partner-kit-provider>`),
    ]) {
      await mountAndRemove(make as () => Promise<HTMLElement>);
    }
  });

  it('<issued-voucher-list> with the reclaim dialog open', async () => {
    await mountAndRemove(async () => {
      const el = await fixture<HTMLElement>(html`<issued-voucher-list .api=${adapter({ latencyMs: 0 })} locale="en-US"></issued-voucher-list>`);
      await waitUntil(() => sr(el).querySelector('[part=reclaim]'), 'no reclaimable row');
      sr(el).querySelector<HTMLButtonElement>('[part=reclaim]')!.click();
      await waitUntil(() => sr(el).querySelector('dialog')?.open, 'dialog did not open');
      return el;
    });
  });
});
