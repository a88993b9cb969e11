import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/invite-table.js';
import type { InviteTable } from '../../src/invite-table.js';
import type { Invitation } from '../../src/model/schemas/invitations.js';

/** The policy portals of payment companies ship; a `<meta>` policy holds for the rest of this file's page. */
function enforceStrictCsp(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'";
  document.head.append(meta);
}

const rows: Invitation[] = Array.from({ length: 2000 }, (_, i) => ({
  id: `inv-${i}`,
  maskedName: `客${i}**`,
  maskedMobile: `0086-139****${String(i).padStart(4, '0')}`,
  maskedEmail: `u***@example.com`,
  status: 'invited',
  invitedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  linkExpiresAt: new Date(Date.UTC(2026, 0, 8) + i * 60_000).toISOString(),
  operator: `op${i % 5}`,
}));

describe('<invite-table> under style-src \'self\'', () => {
  before(enforceStrictCsp);

  it('really blocks a string style binding here, so the checks below mean something', async () => {
    const el = await fixture<HTMLElement>(html`<div><span style=${'display: block; width: 77px'}></span></div>`);
    expect(el.firstElementChild!.getBoundingClientRect().width).not.to.equal(77);
  });

  it('draws each row at its own height, header over its cells, also scrolled far down', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><invite-table locale="en-US" .rows=${rows}></invite-table></div>`);
    wrap.style.width = '1100px';
    const el = wrap.querySelector('invite-table') as InviteTable;
    const body = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.tbody .tr')];
    await waitUntil(() => body().length > 2, 'no rows');
    const tops = body().map((row) => Math.round(row.getBoundingClientRect().top));
    expect(new Set(tops).size).to.equal(tops.length);
    expect(tops[1]! - tops[0]!).to.equal(44);
    const head = [...el.shadowRoot!.querySelectorAll('.thead .th')].map((cell) => Math.round(cell.getBoundingClientRect().left));
    const cells = [...body()[0]!.children].map((cell) => Math.round(cell.getBoundingClientRect().left));
    expect(cells).to.deep.equal(head);
    expect(new Set(head).size).to.equal(head.length);
    const grid = el.shadowRoot!.querySelector<HTMLElement>('.table')!;
    await waitUntil(() => grid.scrollHeight > 2000 * 44, 'the rows not drawn are not stood in for');
    grid.scrollTop = 1500 * 44;
    grid.dispatchEvent(new Event('scroll'));
    const row = () => body().find((r) => r.getAttribute('aria-rowindex') === '1502');
    await waitUntil(() => row(), 'row 1,500 not drawn');
    expect(row()!.getBoundingClientRect().top).to.be.closeTo(el.shadowRoot!.querySelector('.thead')!.getBoundingClientRect().bottom, 1);
  });
});
