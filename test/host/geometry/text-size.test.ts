import { expect } from '@open-wc/testing';
import '../../../src/invite-table.js';
import '../../../src/issued-voucher-list.js';
import '../../../src/order-payment.js';
import '../../../src/verification-code-modal.js';
import { $, $$, bodyRows, frames } from '../support/drive.js';
import { backend, codeTyped, inviteRowsDrawn, listReady, mount, ordersReady } from '../support/flows.js';
import { expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

/** A user's browser text size at 200%: the root font size, which rem units follow. */
const LARGE_TEXT = '200%';

const px = (el: Element): number => parseFloat(getComputedStyle(el).fontSize);

/** `el` shows all of its content: nothing overflows its box sideways or downwards. */
function expectWhole(el: HTMLElement, what: string): void {
  expect(el.scrollWidth, `${what} "${el.textContent?.trim()}" is cut sideways`).to.be.at.most(el.clientWidth);
  expect(el.scrollHeight, `${what} "${el.textContent?.trim()}" is cut at the bottom`).to.be.at.most(el.clientHeight);
}

describe('the kit at a user text size of 200%', () => {
  beforeEach(() => {
    document.documentElement.style.fontSize = LARGE_TEXT;
  });
  afterEach(() => {
    document.documentElement.style.fontSize = '';
  });

  it('enlarges small text with the body text: headers, filter labels, row buttons, pager', async () => {
    const stage = await hostPage(1280);
    const invites = mount(stage, 'invite-table', backend({ invitationCount: 30 }), 'en-US');
    const coupons = mount(stage, 'issued-voucher-list', backend(), 'en-US');
    await inviteRowsDrawn(invites);
    await listReady(coupons);
    const body = px(bodyRows(coupons)[0]!.querySelector('[role=cell]')!);
    expect(body, 'body text follows the root size').to.equal(32);
    const small: [string, Element | null][] = [
      ['a column header', $(invites, '[role=columnheader]')],
      ['a filter label', $(coupons, '.field label')],
      ['a row button', $(coupons, '[part=reclaim]')],
      ['the pager', $(coupons, '.pager')],
    ];
    for (const [what, el] of small) {
      expect(el, `${what} is drawn`).not.to.equal(null);
      expect(px(el!), `${what} is 12px at the default 16px text size, so 24px here`).to.equal(24);
    }
    await expectNoSidewaysScroll('1280px, text at 200%');
  });

  it('grows the six code boxes with their digits on a 360px phone', async () => {
    // Five digits: a sixth would submit the code and close the dialog.
    const modal = await codeTyped(await phonePage(), 'zh-CN', '12345');
    const boxes = $$(modal, '.box');
    expect(boxes.map((box) => box.textContent?.trim()).join('')).to.equal('12345');
    for (const [i, box] of boxes.entries()) expectWhole(box, `code box ${i + 1}`);
    const field = $(modal, '.code-field')!.getBoundingClientRect();
    expect(field.right, 'the boxes stay inside the dialog').to.be.at.most(innerWidth);
    await expectNoSidewaysScroll('360px, code step, text at 200%');
  });

  it('keeps every amount whole and clear of the sticky actions in a 1280px window', async () => {
    const stage = await hostPage(1280);
    // The browser's own 8px page margins, as in a plain host page.
    stage.style.width = '1264px';
    const payment = mount(stage, 'order-payment', backend(), 'zh-CN');
    await ordersReady(payment);
    await frames();
    const rows = bodyRows(payment);
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) {
      const amount = row.querySelector<HTMLElement>('.num')!;
      expectWhole(amount, `the amount of ${row.dataset['key']}`);
      const actions = row.querySelector('.sticky-end')!.getBoundingClientRect();
      const right = amount.getBoundingClientRect().right;
      expect(right, `the amount of ${row.dataset['key']} ends at ${Math.round(right)}, under the actions from ${Math.round(actions.left)}`).to.be.at.most(actions.left + 0.5);
    }
    await expectNoSidewaysScroll('1280px, text at 200%');
  });
});
