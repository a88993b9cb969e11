import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invite-table.js';
import type { InviteTable } from '../../src/invite-table.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { Invitation } from '../../src/model/schemas/invitations.js';
import { census, installCensus } from '../support/timer-census.js';

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T => el.shadowRoot!.querySelector(selector) as T;
const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)] as T[];
const bodyRows = (el: InviteTable) => $$(el, '.body .row');
const button = (el: InviteTable, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim().startsWith(text));

/** Counts every resend that took effect, per invitation: the proof that nothing was sent twice. */
function countEffects(api: MemoryPartnerApi): Map<string, number> {
  const effects = new Map<string, number>();
  const original = api.resendInvitation.bind(api);
  api.resendInvitation = async (request, options) => {
    const before = api.data.invitations.find((i) => i.id === request.invitationId)?.invitedAt;
    const result = await original(request, options);
    const after = api.data.invitations.find((i) => i.id === request.invitationId)?.invitedAt;
    if (after !== before) effects.set(request.invitationId, (effects.get(request.invitationId) ?? 0) + 1);
    return result;
  };
  return effects;
}

async function table(options: MemoryAdapterOptions = {}, extra: { concurrency?: number } = {}) {
  const api = createMemoryAdapter({ latencyMs: 5, invitationCount: 300, ...options });
  const el = await fixture<InviteTable>(html`<div style="width: 1100px"><invite-table .api=${api} locale="en-US" concurrency=${extra.concurrency ?? 4}></invite-table></div>`);
  const inner = el.querySelector('invite-table') as InviteTable;
  await waitUntil(() => bodyRows(inner).length > 0, 'no rows');
  return { el: inner, api };
}

async function filterStatus(el: InviteTable, status: string) {
  const select = $<HTMLSelectElement>(el, 'select');
  select.value = status;
  select.dispatchEvent(new Event('change'));
  await waitUntil(() => bodyRows(el).length > 0 && bodyRows(el).every((r) => r.textContent?.includes(status === 'failed' ? 'Association failed' : 'Invited')), 'not filtered');
}

/** Filters to invited rows, selects the page but its last row, and starts the batch: returns that last row. */
async function startBatchBesideOneRow(el: InviteTable) {
  await filterStatus(el, 'invited');
  $<HTMLInputElement>(el, '.head input[type=checkbox]').click();
  await el.updateComplete;
  const spare = bodyRows(el).at(-1)!;
  spare.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
  await el.updateComplete;
  button(el, 'Resend selected (19)')!.click();
  await el.updateComplete;
  button(el, 'OK')!.click();
  await waitUntil(() => ((el.shadowRoot!.querySelector('progress') as HTMLProgressElement | null)?.value ?? 0) >= 2, 'did not progress');
  return { id: spare.querySelector('masked-field')!.getAttribute('reveal-id')!, resend: spare.querySelector<HTMLButtonElement>('.cell:last-child button')! };
}

/** The most resends the backend had in flight at once. */
function peakInFlight(api: MemoryPartnerApi): () => number {
  let now = 0;
  let peak = 0;
  const original = api.resendInvitation.bind(api);
  api.resendInvitation = async (request, options) => {
    peak = Math.max(peak, ++now);
    try {
      return await original(request, options);
    } finally {
      now -= 1;
    }
  };
  return () => peak;
}

function hostRows(count: number): Invitation[] {
  const statuses = ['reported', 'invited', 'associated', 'failed'] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `inv-${i}`,
    maskedName: `客${i % 97}**`,
    maskedMobile: `0086-139****${String(i % 10_000).padStart(4, '0')}`,
    maskedEmail: `u***@example${i % 13}.com`,
    status: statuses[i % 4] as Invitation['status'],
    ...(i % 4 === 3 ? { failure: 'link-expired' as const } : {}),
    invitedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    linkExpiresAt: new Date(Date.UTC(2026, 0, 8) + i * 60_000).toISOString(),
    operator: `op${i % 5}`,
  }));
}

describe('<invite-table>', () => {
  it('masks name, mobile and e-mail in every row, each with its own eye', async () => {
    const { el, api } = await table();
    const first = bodyRows(el)[0]!;
    const fields = [...first.querySelectorAll('masked-field')];
    expect(fields.map((f) => f.getAttribute('kind'))).to.deep.equal(['name', 'mobile', 'email']);
    const full = api.data.invitations.find((i) => i.id === first.querySelector('masked-field')!.getAttribute('reveal-id'))!;
    expect(el.shadowRoot!.innerHTML).not.to.contain(full.mobile);
    expect(fields[1]!.getAttribute('masked')).to.match(/^0086-1\d\d\*{4}\d{4}$/);
    await expect(el).to.be.accessible();
  });

  it('sorts, filters by status with the failure reason, searches and pages through the adapter', async () => {
    const { el } = await table();
    const sortButton = $$<HTMLButtonElement>(el, '.sort').find((b) => b.textContent?.startsWith('Operator'))!;
    sortButton.click();
    await waitUntil(() => sortButton.closest('[role=columnheader]')?.getAttribute('aria-sort') === 'ascending');
    await filterStatus(el, 'failed');
    expect(bodyRows(el)[0]!.querySelector('.reason')?.textContent).to.match(/expired|exist|busy|used/);
    expect($(el, '.pager').textContent).to.match(/1–20 of \d+/);
    button(el, 'Next page')!.click();
    await waitUntil(() => $(el, '.pager').textContent?.includes('21–'));
    const search = $<HTMLInputElement>(el, 'input[type=search]');
    search.value = 'zz-no-such-customer';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => $(el, 'p.muted')?.textContent?.includes('No invitations match.'));
  });

  it('keeps the selection across pages and sorting, announces it, and selects every match on request', async () => {
    const { el } = await table();
    bodyRows(el)[0]!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.equal('1 invitation selected.');
    const firstId = bodyRows(el)[0]!.querySelector('masked-field')!.getAttribute('reveal-id');
    button(el, 'Next page')!.click();
    await waitUntil(() => $(el, '.pager').textContent?.includes('21–'));
    bodyRows(el)[1]!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    $$<HTMLButtonElement>(el, '.sort')[0]!.click();
    await waitUntil(() => $(el, '.pager').textContent?.includes('1–20'));
    expect(button(el, 'Resend selected')!.textContent).to.contain('(2)');
    const back = bodyRows(el).find((r) => r.querySelector('masked-field')!.getAttribute('reveal-id') === firstId);
    if (back) expect(back.getAttribute('aria-selected')).to.equal('true');
    $<HTMLInputElement>(el, '.head input[type=checkbox]').click();
    await el.updateComplete;
    expect($(el, '.select-all').textContent).to.contain('All 20 on this page are selected. 300 match in all.');
    button(el, 'Select all 300 matches')!.click();
    await waitUntil(() => button(el, 'Resend selected')!.textContent?.includes('(300)'), 'did not select all');
    expect($(el, '[role=status]').textContent).to.equal('300 invitations selected.');
  });

  it('resends a batch after confirming, slows down on 429 and sends each invitation once', async () => {
    const { el, api } = await table({ rateLimitPerSecond: 8 }, { concurrency: 4 });
    const effects = countEffects(api);
    await filterStatus(el, 'invited');
    $<HTMLInputElement>(el, '.head input[type=checkbox]').click();
    await el.updateComplete;
    button(el, 'Resend selected (20)')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect($(el, '#confirm-title').textContent).to.equal('Resend 20 invitations?');
    expect($$(el, '.confirm-list li')).to.have.length(20);
    expect($(el, '.confirm-list').textContent).not.to.match(/1\d{10}/);
    await expect(el).to.be.accessible();
    const resent = oneEvent(el, 'invitations-resent');
    button(el, 'OK')!.click();
    await waitUntil(() => $(el, '[part=progress]'), 'no progress');
    await expect(el).to.be.accessible();
    const { detail } = await resent;
    expect(detail.succeeded).to.have.length(20);
    expect(detail.failed).to.have.length(0);
    expect((api.calls.get('resendInvitation') ?? 0)).to.be.greaterThan(20);
    expect([...effects.values()].every((n) => n === 1)).to.equal(true);
    expect(effects.size).to.equal(20);
    await el.updateComplete;
    expect($(el, '[part=progress]').textContent).to.contain('20 of 20 done · 20 sent · 0 failed');
  });

  it('stops on cancel (what was sent stays sent) and retries only the failed rows', async () => {
    const { el, api } = await table({ latencyMs: 40, faults: { resendInvitation: { kind: 'server', times: 2 } } }, { concurrency: 1 });
    const effects = countEffects(api);
    await filterStatus(el, 'invited');
    $<HTMLInputElement>(el, '.head input[type=checkbox]').click();
    await el.updateComplete;
    button(el, 'Resend selected')!.click();
    await el.updateComplete;
    let resent = oneEvent(el, 'invitations-resent');
    button(el, 'OK')!.click();
    await waitUntil(() => ((el.shadowRoot!.querySelector('progress') as HTMLProgressElement | null)?.value ?? 0) >= 5, 'did not progress');
    button(el, 'Stop')!.click();
    let { detail } = await resent;
    expect(detail.failed.map((f: { reason: string }) => f.reason)).to.deep.equal(['server', 'server']);
    const sent = detail.succeeded.length;
    expect(sent).to.be.at.least(3);
    expect(sent + detail.failed.length).to.be.below(20);
    await el.updateComplete;
    expect($(el, '[part=progress]').textContent).to.contain('Stopped. What was sent stays sent.');
    resent = oneEvent(el, 'invitations-resent');
    button(el, 'Retry the failed ones (2)')!.click();
    ({ detail } = await resent);
    expect(detail.succeeded).to.have.length(2);
    expect(effects.size).to.equal(sent + 2);
    expect([...effects.values()].every((n) => n === 1)).to.equal(true);
  });

  it('moves between cells with the arrow keys, selects with Space and resends with Enter', async () => {
    // The backend's clock is a month behind the page's, so a link expiry made up in the page would show.
    const { el, api } = await table({ now: () => Date.now() - 30 * 86_400_000 });
    await filterStatus(el, 'invited');
    const cell = (row: number, col: number) => $(el, `.row[data-row="${row}"] .cell[data-col="${col}"]`);
    cell(0, 0).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(1, 1));
    expect(cell(1, 1).getAttribute('tabindex')).to.equal('0');
    expect(cell(0, 0).getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(bodyRows(el)[1]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const resent = oneEvent(el, 'invitations-resent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await resent;
    expect(detail.succeeded).to.have.length(1);
    expect(api.calls.get('resendInvitation')).to.equal(1);
    // The row shows the link expiry the backend answered with.
    await el.updateComplete;
    const backendExpiry = new Date(api.data.invitations.find((i) => i.id === detail.succeeded[0])!.linkExpiresAt).toISOString();
    const shown = new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(backendExpiry));
    expect(cell(1, 6).textContent?.trim()).to.equal(shown);
  });

  it('draws only the visible rows of 100,000 host rows, sorts them on the client and scrolls to the end', async () => {
    const el = await fixture<InviteTable>(html`<invite-table locale="en-US" .rows=${hostRows(100_000)}></invite-table>`);
    await waitUntil(() => bodyRows(el).length > 0, 'no rows');
    expect($(el, '[role=grid]').getAttribute('aria-rowcount')).to.equal('100001');
    expect(bodyRows(el).length).to.be.below(40);
    $$<HTMLButtonElement>(el, '.sort')[0]!.click();
    await waitUntil(() => $$(el, '[aria-sort=descending], [aria-sort=ascending]').length === 1 && !$(el, '[role=grid]').getAttribute('aria-busy')?.includes('true'));
    const scroller = $(el, '.scroller');
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => bodyRows(el).some((r) => r.getAttribute('aria-rowindex') === '100001'), 'last row not drawn');
    expect(bodyRows(el).length).to.be.below(40);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(1500);
    await expect(el).to.be.accessible();
  });

  it('takes a row re-sent during a batch into the batch, and reports it once, in the batch event', async () => {
    const { el, api } = await table({ latencyMs: 30 }, { concurrency: 1 });
    const effects = countEffects(api);
    const events: { succeeded: string[]; failed: unknown[] }[] = [];
    el.addEventListener('invitations-resent', (event) => events.push(event.detail));
    const spare = await startBatchBesideOneRow(el);
    spare.resend.click();
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('joins the batch resend under way');
    await waitUntil(() => $(el, '[part=progress]')?.textContent?.includes('Done.'), 'batch did not finish', { timeout: 5000 });
    expect(events).to.have.length(1);
    expect(events[0]!.succeeded).to.have.length(20);
    expect(events[0]!.succeeded).to.include(spare.id);
    expect(effects.get(spare.id)).to.equal(1);
    expect([...effects.values()].every((n) => n === 1)).to.equal(true);
    expect($(el, '[part=progress]').textContent).to.contain('20 of 20 done');
  });

  it('leaves no interval running once removed during a batch, even after a row was re-sent in it', async () => {
    installCensus();
    const before = census().intervals;
    const { el } = await table({ latencyMs: 30 }, { concurrency: 1 });
    const spare = await startBatchBesideOneRow(el);
    spare.resend.click();
    await el.updateComplete;
    el.remove();
    expect(census().intervals).to.equal(before);
  });

  it('honours a concurrency attribute set before the first render', async () => {
    const { el, api } = await table({ latencyMs: 20 }, { concurrency: 1 });
    const peak = peakInFlight(api);
    await filterStatus(el, 'invited');
    $<HTMLInputElement>(el, '.head input[type=checkbox]').click();
    await el.updateComplete;
    const resent = oneEvent(el, 'invitations-resent');
    button(el, 'Resend selected (20)')!.click();
    await el.updateComplete;
    button(el, 'OK')!.click();
    await resent;
    expect(peak()).to.equal(1);
  });

  it('asks before closing the batch confirmation, and gives focus back to the button that opened it', async () => {
    const { el } = await table();
    $<HTMLInputElement>(el, '.head input[type=checkbox]').click();
    await el.updateComplete;
    const opener = button(el, 'Resend selected')!;
    opener.focus();
    opener.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    const kept = (event: Event) => event.preventDefault();
    el.addEventListener('invite-table-request-close', kept, { once: true });
    const asked = oneEvent(el, 'invite-table-request-close');
    await sendKeys({ press: 'Escape' });
    expect((await asked).detail).to.deep.equal({ source: 'escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    button(el, 'Cancel')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(opener);
  });

  it('shows and hides a masked cell with Enter, from its public revealed state', async () => {
    const { el, api } = await table();
    const cell = $(el, '.row[data-row="0"] .cell[data-col="2"]');
    const field = cell.querySelector('masked-field')!;
    const full = api.data.invitations.find((i) => i.id === field.getAttribute('reveal-id'))!.mobile;
    cell.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => field.revealed, 'not revealed');
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('[part=value]')!.textContent).to.equal(full);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !field.revealed, 'not hidden');
  });

  it('scrolls right when the host restyles the row height', async () => {
    const el = await fixture<InviteTable>(html`<invite-table locale="en-US" style="--pk-row-height: 60px" .rows=${hostRows(1000)}></invite-table>`);
    await waitUntil(() => bodyRows(el).length > 0, 'no rows');
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 600 * 60;
    scroller.dispatchEvent(new Event('scroll'));
    const top = () => bodyRows(el).find((r) => r.getAttribute('aria-rowindex') === '602');
    await waitUntil(() => top(), 'the row at the top was not drawn');
    expect(top()!.getBoundingClientRect().top).to.be.closeTo(scroller.getBoundingClientRect().top, 1);
    expect(bodyRows(el).length).to.be.below(30);
  });
});
