import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/issued-voucher-list.js';
import type { IssuedVoucherList } from '../../src/issued-voucher-list.js';
import { reclaimPart } from '../../src/elements/issued-voucher-list/reclaim-part.js';
import { $, $$, accessible, adapter } from './voucher-helpers.js';

const real = reclaimPart.load;

/** Whether `node` lies in the viewport, where the user is looking. */
function inView(node: Element): boolean {
  const box = node.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
}

/** The list at `width`×740 whose reclaim dialog cannot be fetched until `online()`; Enter pressed on the 6th Reclaim. */
async function reclaimSixthOffline(width = 360, before: (el: IssuedVoucherList, reclaim: HTMLElement) => void = () => undefined) {
  let offline = true;
  reclaimPart.load = async () => {
    if (offline) throw new TypeError('Failed to fetch dynamically imported module');
    return real();
  };
  await setViewport({ width, height: 740 });
  const api = adapter({ verification: { enabled: false } });
  const el = await fixture<IssuedVoucherList>(html`<issued-voucher-list .api=${api} locale="en-US"></issued-voucher-list>`);
  await waitUntil(() => $$(el, '[part=reclaim]').length >= 6, 'fewer than 6 usable coupons');
  const reclaim = $$<HTMLButtonElement>(el, '[part=reclaim]')[5]!;
  const row = reclaim.closest<HTMLElement>('.tr')!;
  before(el, reclaim);
  reclaim.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => $(el, '.error-state[role=alert]'), 'no error');
  return { el, api, reclaim, row, online: () => (offline = false) };
}

const activeIs = (el: IssuedVoucherList, node: Element) => document.activeElement === el && el.shadowRoot!.activeElement === node;

describe('<issued-voucher-list>: a reclaim dialog on its way is shown where the user is, and focus comes back to the row', () => {
  afterEach(async () => {
    reclaimPart.load = real;
    await setViewport({ width: 800, height: 600 });
  });

  it('a failed fetch of the dialog says so in the pressed row, in view, with a retry beside it', async () => {
    const { el, reclaim, row } = await reclaimSixthOffline();
    const error = $(el, '.error-state[role=alert]');
    expect(error.closest('.tr') === row, 'the error is in the row whose Reclaim was pressed').to.equal(true);
    expect(inView(error), 'the error is in view').to.equal(true);
    expect(error.textContent).to.contain('Cannot reach the server. Try again.');
    expect(activeIs(el, reclaim), 'focus stays on Reclaim').to.equal(true);
    await accessible(el);
  });

  it('on a wide page the error takes a line below the pressed row: no column widens, no row above moves, and it is scrolled into view', async () => {
    let before: { height: number; gap: number } | undefined;
    const { el, reclaim } = await reclaimSixthOffline(1280, (list, button) => {
      const first = $(list, '.tbody .tr').getBoundingClientRect();
      before = { height: first.height, gap: button.getBoundingClientRect().top - first.top };
    });
    const first = $(el, '.tbody .tr').getBoundingClientRect();
    expect(first.height, 'the first row reflowed').to.equal(before!.height);
    expect(reclaim.getBoundingClientRect().top - first.top, 'the pressed Reclaim moved within the table').to.be.closeTo(before!.gap, 2);
    expect(inView($(el, '.error-state[role=alert]')), 'the error is in view').to.equal(true);
  });

  it('Try again then Esc: the dialog opened for that coupon, and focus is back on its Reclaim button, not the page', async () => {
    const { el, api, reclaim, row, online } = await reclaimSixthOffline();
    online();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]').open, 'the dialog did not open');
    expect($(el, 'dialog[part=dialog]').textContent).to.contain(row.dataset['key']!);
    expect($(el, '.error-state')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog[part=dialog]').open, 'the dialog did not close');
    await el.updateComplete;
    expect(activeIs(el, reclaim), 'focus on the row’s Reclaim button').to.equal(true);
    expect(api.calls.get('reclaimCoupon') ?? 0).to.equal(0);
  });

});
