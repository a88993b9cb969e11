import { expect } from '@open-wc/testing';
import '../../../src/invite-table.js';
import '../../../src/issued-voucher-list.js';
import '../../../src/order-payment.js';
import { $, $$, bodyRows, frames } from '../support/drive.js';
import { backend, inviteRowsDrawn, listReady, mount, ordersReady } from '../support/flows.js';
import { expectNoSidewaysScroll, hostPage } from './geometry.js';

/** A clock at 12:47 PM: every time of the seed then has two-digit hours, the widest a time gets. */
const LATE = Date.parse('2026-12-10T12:47:00');
const atLate = () => backend({ now: () => LATE });

/** `el`'s content lies inside its cell's content box: nothing is cut off or painted over by the next cell. */
function expectInsideCell(el: HTMLElement, what: string): void {
  const cell = el.closest<HTMLElement>('[role=cell], [role=gridcell]')!;
  const box = cell.getBoundingClientRect();
  const style = getComputedStyle(cell);
  const left = box.left + parseFloat(style.paddingLeft) - 0.5;
  const right = box.right - parseFloat(style.paddingRight) + 0.5;
  const r = el.getBoundingClientRect();
  expect(el.scrollWidth, `${what} "${el.textContent?.trim()}" is cut`).to.be.at.most(el.clientWidth || Infinity);
  expect(r.left >= left && r.right <= right, `${what} "${el.textContent?.trim()}" spans ${Math.round(r.left)}–${Math.round(r.right)}, its cell ${Math.round(left)}–${Math.round(right)}`).to.equal(true);
}

/** The whole text of a masked field's value: its box is as wide as its text. */
function expectMaskWhole(field: Element, what: string): void {
  const value = field.shadowRoot!.querySelector<HTMLElement>('[part=value]')!;
  expect(value.scrollWidth, `${what} "${value.textContent}" ends in an ellipsis`).to.be.at.most(value.clientWidth);
}

describe('table cells that must be read whole', () => {
  it('<invite-table> at 1280px shows dates and masked mobiles and e-mails whole, a failure reason in full on hover', async () => {
    const table = mount(await hostPage(1280), 'invite-table', backend({ invitationCount: 30, now: () => LATE }), 'en-US');
    await inviteRowsDrawn(table);
    await frames();
    for (const row of bodyRows(table).slice(0, 10)) {
      for (const date of row.querySelectorAll<HTMLElement>('.invitedAt, .linkExpiresAt')) {
        expect(date.scrollWidth, `${date.className} "${date.textContent?.trim()}" is cut`).to.be.at.most(date.clientWidth);
      }
      for (const field of row.querySelectorAll('.mobile masked-field, .email masked-field')) expectMaskWhole(field, field.getAttribute('kind')!);
    }
    const reasons = $$(table, '.reason');
    expect(reasons.length, 'the seed has failed invitations').to.be.greaterThan(0);
    for (const reason of reasons) {
      if (reason.scrollWidth > reason.clientWidth) expect(reason.title || reason.closest('[title]')?.getAttribute('title'), 'a shortened reason gives its text in a title').to.equal(reason.textContent?.trim());
    }
    await expectNoSidewaysScroll('1280px');
  });

  it('<order-payment> at 1280px keeps each service start and deadline inside its column', async () => {
    const payment = mount(await hostPage(1280), 'order-payment', atLate(), 'en-US');
    await ordersReady(payment);
    await frames();
    for (const row of bodyRows(payment)) {
      for (const when of row.querySelectorAll<HTMLElement>('.when')) expectInsideCell(when, `a time of ${row.dataset['key']}`);
      const amount = row.querySelector<HTMLElement>('.num')!;
      expect(amount.scrollWidth, `the amount of ${row.dataset['key']} "${amount.textContent?.trim()}" overflows its column`).to.be.at.most(amount.clientWidth);
    }
    await expectNoSidewaysScroll('1280px');
  });

  it('<issued-voucher-list> at 640px keeps each Reclaim button on one line and inside its column', async () => {
    const list = mount(await hostPage(640), 'issued-voucher-list', backend(), 'en-US');
    await listReady(list);
    await frames();
    const buttons = $$<HTMLButtonElement>(list, '[part=reclaim]');
    expect(buttons.length).to.be.greaterThan(0);
    for (const button of buttons) {
      const text = document.createRange();
      text.selectNodeContents(button);
      const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top)));
      expect(lines.size, `"${button.textContent?.trim()}" is drawn on ${lines.size} lines`).to.equal(1);
      expectInsideCell(button, 'a row button');
    }
    await expectNoSidewaysScroll('640px');
  });

  for (const [tag, ready] of [
    ['order-payment', ordersReady],
    ['issued-voucher-list', listReady],
    ['invite-table', inviteRowsDrawn],
  ] as const) {
    it(`<${tag}> still shows stacked cards in a 400px page, a shortened value whole there`, async () => {
      const el = mount(await hostPage(400), tag, atLate(), 'en-US');
      await ready(el);
      await frames();
      const header = $(el, '.thead')!.getBoundingClientRect();
      expect(header.width * header.height, 'the column header is hidden under the cards').to.be.at.most(1);
      for (const value of $$(el, '.tbody .truncate')) expect(value.scrollWidth, `"${value.textContent?.trim()}" is shortened in a card`).to.be.at.most(value.clientWidth);
      await expectNoSidewaysScroll('400px');
    });
  }
});
