import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invite-table.js';
import type { InviteTable } from '../../src/invite-table.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';

const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)] as T[];
const button = (el: InviteTable, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim().startsWith(text));
/** What has focus inside the table, or a word for where focus fell instead (kept short: a failing DOM comparison is slow to print). */
const focused = (el: InviteTable): string => {
  if (document.activeElement !== el) return `outside the table (${document.activeElement?.localName ?? 'nothing'})`;
  const active = el.shadowRoot!.activeElement;
  return active?.getAttribute('role') ?? active?.textContent?.trim() ?? 'nothing';
};

/** A table of invited customers whose first `count` resendable rows are selected with Space, from the keyboard. */
async function selectByKeyboard(count: number, latencyMs = 5) {
  const api = createMemoryAdapter({ latencyMs, invitationCount: 60 });
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><invite-table .api=${api} locale="en-US"></invite-table></div>`);
  const el = wrap.querySelector('invite-table')!;
  await waitUntil(() => $$(el, '.tbody .tr').length > 0, 'no rows');
  const select = $$<HTMLSelectElement>(el, 'select')[0]!;
  select.value = 'invited';
  select.dispatchEvent(new Event('change'));
  await waitUntil(() => $$(el, '.tbody .tr').length > 0 && $$(el, '.tbody .tr').every((r) => r.textContent?.includes('Invited')), 'not filtered');
  $$(el, '.tr[data-row="0"] .td[data-col="0"]')[0]!.focus();
  for (let row = 0; row < count; row++) {
    if (row > 0) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: ' ' });
  }
  await waitUntil(() => button(el, `Resend selected (${count})`), 'not selected');
  // The arrow's move focuses its cell once drawn, which waits for the resend code a selection fetches.
  await el.updateComplete;
  return el;
}

/** Resend selected → OK, pressed with Enter; resolves once the batch has reported and the table drawn it. */
async function resendByKeyboard(el: InviteTable, count: number) {
  const opener = button(el, `Resend selected (${count})`)!;
  opener.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'OK'), 'the confirmation did not take focus');
  const resent = oneEvent(el, 'invitations-resent');
  await sendKeys({ press: 'Enter' });
  expect((await resent).detail.succeeded).to.have.length(count);
  await el.updateComplete;
  // Past the focus moves that follow the job's end.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
  expect(button(el, 'Resend selected (0)')!.disabled, 'the opener is disabled now').to.equal(true);
}

describe('<invite-table> batch resend: focus never falls to the page', () => {
  it('after a batch of two: on the progress panel, and back on the table when it is closed', async () => {
    const el = await selectByKeyboard(2);
    await resendByKeyboard(el, 2);
    expect(focused(el)).to.equal('Close');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(el, 'Close'), 'the panel did not close');
    await el.updateComplete;
    expect(focused(el)).to.equal('gridcell');
  });

  it('while a batch runs: on the progress panel as soon as the confirmation closes', async () => {
    const el = await selectByKeyboard(2, 300);
    button(el, 'Resend selected (2)')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'OK'), 'the confirmation did not take focus');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open, 'the confirmation did not close');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(button(el, 'Resend selected')!.disabled, 'the opener is disabled while the batch runs').to.equal(true);
    expect(focused(el)).to.equal('Stop');
  });

  it('after a batch of one (no progress panel): on the table', async () => {
    const el = await selectByKeyboard(1);
    await resendByKeyboard(el, 1);
    expect(focused(el)).to.equal('gridcell');
  });
});
