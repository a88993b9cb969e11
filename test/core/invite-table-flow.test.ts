import { expect } from '@open-wc/testing';
import { InviteTableFlow, type InviteListApi } from '../../src/core/invites/invite-table-flow.js';
import { FIRST_ROWS } from '../../src/core/invites/invite-view.js';
import { KitError } from '../../src/model/errors.js';
import type { Invitation, ListInvitationsRequest } from '../../src/model/schemas/invitations.js';

const statuses = ['reported', 'invited', 'associated', 'failed'] as const;

function invitations(count: number): Invitation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `inv-${i}`,
    maskedName: `客${i}**`,
    maskedMobile: `0086-139****${String(i).padStart(4, '0')}`,
    maskedEmail: `u${i}***@example.com`,
    status: statuses[i % 4]!,
    invitedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    linkExpiresAt: new Date(Date.UTC(2026, 0, 8) + i * 60_000).toISOString(),
    operator: `op${i % 3}`,
  }));
}

/** A backend that pages over `all` (status filter only) and records each request. */
function pagingApi(all: readonly Invitation[]) {
  const requests: ListInvitationsRequest[] = [];
  let fail: KitError | undefined;
  const api: InviteListApi = {
    async listInvitations(request) {
      requests.push(request);
      if (fail) throw fail;
      const matching = all.filter((row) => !request.status || row.status === request.status);
      return { items: matching.slice(request.offset, request.offset + request.limit), total: matching.length, offset: request.offset, limit: request.limit };
    },
  };
  return { api, requests, failWith: (error: KitError | undefined) => (fail = error) };
}

const ids = (rows: readonly Invitation[]) => rows.map((r) => r.id);

describe('InviteTableFlow', () => {
  it('filters, searches and sorts the host rows on the client, without the adapter', async () => {
    const { api, requests } = pagingApi([]);
    const flow = new InviteTableFlow({ api });
    await flow.setData(invitations(12));
    expect(flow.state).to.include({ mode: 'local', total: 12, loaded: true, loading: false });
    expect(ids(flow.state.rows).slice(0, 2), 'newest invitation first by default').to.deep.equal(['inv-11', 'inv-10']);
    await flow.setStatus('failed');
    expect(ids(flow.state.rows)).to.deep.equal(['inv-11', 'inv-7', 'inv-3']);
    await flow.sort('invitedAt');
    expect(flow.state.sortDirection).to.equal('asc');
    expect(ids(flow.state.rows)).to.deep.equal(['inv-3', 'inv-7', 'inv-11']);
    await flow.setQuery('客7');
    expect(ids(flow.state.rows)).to.deep.equal(['inv-7']);
    expect(requests).to.have.length(0);
  });

  it('pages through the adapter with the filter and sort, clamping the offset', async () => {
    const { api, requests } = pagingApi(invitations(45));
    const flow = new InviteTableFlow({ api, limit: 20 });
    await flow.setData(undefined);
    expect(flow.state).to.include({ mode: 'adapter', total: 45, offset: 0 });
    expect(flow.state.rows).to.have.length(20);
    await flow.goTo(40);
    expect(ids(flow.state.rows)).to.deep.equal(['inv-40', 'inv-41', 'inv-42', 'inv-43', 'inv-44']);
    await flow.goTo(500);
    expect(flow.state.offset).to.equal(44);
    await flow.sort('operator');
    expect(requests.at(-1)).to.deep.equal({ offset: 0, limit: 20, sortBy: 'operator', sortDirection: 'asc' });
    await flow.setStatus('invited');
    await flow.setQuery('  op1 ');
    expect(requests.at(-1)).to.deep.equal({ offset: 0, limit: 20, status: 'invited', query: 'op1', sortBy: 'operator', sortDirection: 'asc' });
  });

  it('keeps the selection across pages and selects every match by reading all pages', async () => {
    const { api } = pagingApi(invitations(250));
    const flow = new InviteTableFlow({ api });
    await flow.setData(undefined);
    flow.toggle('inv-0');
    await flow.goTo(20);
    flow.togglePage();
    expect(flow.state.selected.size).to.equal(21);
    expect(ids(flow.selectedRows())).to.include('inv-0');
    await flow.setStatus('invited');
    await flow.selectAllMatches();
    expect(flow.state.selectingAll).to.equal(false);
    expect(flow.state.selected.size).to.equal(21 + 63 - 5);
    flow.clearSelection();
    expect(flow.state.selected.size).to.equal(0);
  });

  it('shows what the backend answered for re-sent rows without reloading', async () => {
    const { api, requests } = pagingApi(invitations(4));
    const flow = new InviteTableFlow({ api });
    await flow.setData(undefined);
    const before = requests.length;
    flow.markResent([{ invitationId: 'inv-3', sentAt: '2026-02-01T00:00:00.000Z', linkExpiresAt: '2026-02-08T00:00:00.000Z' }]);
    const row = flow.row('inv-3');
    expect(row).to.include({ status: 'invited', invitedAt: '2026-02-01T00:00:00.000Z', linkExpiresAt: '2026-02-08T00:00:00.000Z' });
    expect(flow.state.rows.find((r) => r.id === 'inv-3')).to.equal(row);
    expect(requests).to.have.length(before);
  });

  it('reports a failed load as a typed error and recovers on refresh', async () => {
    const { api, failWith } = pagingApi(invitations(5));
    const flow = new InviteTableFlow({ api });
    failWith(new KitError('network', 'offline', { reason: 'offline' }));
    await flow.setData(undefined);
    expect(flow.state.loading).to.equal(false);
    expect(flow.state.error).to.be.instanceOf(KitError);
    expect(flow.state.error?.reason).to.equal('offline');
    await flow.selectAllMatches();
    expect(flow.state).to.include({ selectingAll: false });
    expect(flow.state.error?.code).to.equal('network');
    failWith(undefined);
    await flow.refresh();
    expect(flow.state.error).to.equal(undefined);
    expect(flow.state.total).to.equal(5);
  });

  it('shows the first screen of 100,000 host rows before the whole set is indexed, then every row in order', async () => {
    const all = invitations(100_000);
    const flow = new InviteTableFlow({ api: pagingApi([]).api });
    const seen: { rows: number; total: number; loading: boolean }[] = [];
    flow.subscribe((state) => seen.push({ rows: state.rows.length, total: state.total, loading: state.loading }));
    await flow.setData(all);
    expect(seen, 'a first screen while still indexing').to.deep.include({ rows: FIRST_ROWS, total: 100_000, loading: true });
    expect(flow.state).to.include({ total: 100_000, loading: false });
    expect(ids(flow.state.rows).slice(0, 3)).to.deep.equal(['inv-99999', 'inv-99998', 'inv-99997']);
    expect(flow.state.rows.at(-1)?.id).to.equal('inv-0');
  });

  it('tells a first screen that is exactly the head of the final order, whatever form the instants have', async () => {
    // Shuffled, so the first pass keeps its best rows in a heap rather than meeting them in order.
    const shuffled = (rows: Invitation[]) => rows.map((row, i) => ({ row, k: (i * 7919) % rows.length })).sort((a, b) => a.k - b.k).map(({ row }) => row);
    const plain = invitations(5000).map((r) => ({ ...r, invitedAt: r.invitedAt.replace('.000Z', 'Z') }));
    // Text order is wrong across forms ("…:00Z" sorts after "…:00.500Z"): the pass must notice and index instead.
    const mixed = invitations(5000).map((r, i) => ({ ...r, invitedAt: i % 2 ? r.invitedAt.replace('.000Z', 'Z') : r.invitedAt.replace('.000Z', '.500Z') }));
    const sameInstant = invitations(5000).map((r, i) => ({ ...r, invitedAt: i % 2 ? '2026-03-01T00:00:00Z' : '2026-03-01T00:00:00.000Z' }));
    // Oldest first, as a backend often sends them, with runs of tied instants across the first screen's edge.
    const tiedOldestFirst = invitations(5000).map((r, i) => ({ ...r, invitedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 7) * 60_000).toISOString() }));
    const cases: Record<string, Invitation[]> = { millis: shuffled(invitations(5000)), plain: shuffled(plain), mixed: shuffled(mixed), sameInstant: shuffled(sameInstant), oldestFirst: invitations(5000), tiedOldestFirst };
    for (const [name, input] of Object.entries(cases)) {
      const flow = new InviteTableFlow({ api: pagingApi([]).api });
      let first: string[] | undefined;
      flow.subscribe((state) => (first ??= state.loading && state.rows.length ? ids(state.rows) : undefined));
      await flow.setData(input);
      // Newest first; equal instants keep their incoming order.
      const expected = input.map((row, at) => ({ row, at })).sort((a, b) => Date.parse(b.row.invitedAt) - Date.parse(a.row.invitedAt) || a.at - b.at).map(({ row }) => row);
      expect(first, name).to.have.length(FIRST_ROWS);
      expect(first, name).to.deep.equal(ids(flow.state.rows).slice(0, FIRST_ROWS));
      expect(ids(flow.state.rows), name).to.deep.equal(ids(expected));
    }
  });

  it('sorts text keys with ties in their incoming order both ways, and narrows or widens a search correctly', async () => {
    const all = invitations(9000);
    const flow = new InviteTableFlow({ api: pagingApi([]).api });
    await flow.setData(all);
    await flow.sort('operator');
    const expected = (operator: string) => ids(all.filter((r) => r.operator === operator));
    expect(ids(flow.state.rows)).to.deep.equal([...expected('op0'), ...expected('op1'), ...expected('op2')]);
    await flow.sort('operator');
    expect(ids(flow.state.rows)).to.deep.equal([...expected('op2'), ...expected('op1'), ...expected('op0')]);
    const search = (needle: string) => ids([...all].filter((r) => `${r.maskedName}${r.maskedEmail}${r.maskedMobile}${r.operator}`.toLowerCase().includes(needle)).sort((a, b) => b.operator.localeCompare(a.operator)));
    for (const needle of ['1', '12', '123', '12', 'U12']) {
      await flow.setQuery(needle);
      expect(ids(flow.state.rows), needle).to.deep.equal(search(needle.toLowerCase()));
    }
  });

  it('selects every match of 100,000 host rows in slices, and a second toggle unselects them', async () => {
    const flow = new InviteTableFlow({ api: pagingApi([]).api });
    await flow.setData(invitations(100_000));
    const selecting: boolean[] = [];
    flow.subscribe((state) => selecting.push(state.selectingAll));
    flow.togglePage();
    await new Promise<void>((resolve) => flow.subscribe((state) => !state.selectingAll && resolve()));
    expect(selecting[0], 'in progress while it runs').to.equal(true);
    expect(flow.state.selected.size).to.equal(100_000);
    flow.togglePage();
    await new Promise<void>((resolve) => flow.subscribe((state) => !state.selectingAll && resolve()));
    expect(flow.state.selected.size).to.equal(0);
    flow.toggle('inv-5');
    await flow.selectAllMatches();
    expect(flow.state.selected.size).to.equal(100_000);
  });

  it('re-sorts re-sent host rows by what the backend answered', async () => {
    const flow = new InviteTableFlow({ api: pagingApi([]).api });
    await flow.setData(invitations(50));
    flow.markResent([{ invitationId: 'inv-3', sentAt: '2026-02-01T00:00Z', linkExpiresAt: '2026-02-08T00:00:00.5Z' }]);
    await flow.refresh();
    expect(flow.state.rows[0]?.id, 'the newest send first').to.equal('inv-3');
    await flow.sort('linkExpiresAt');
    expect(flow.state.rows.at(-1)?.id).to.equal('inv-3');
  });

  it('keeps only the newest answer when queries overlap', async () => {
    const slow: InviteListApi = {
      async listInvitations(request) {
        await new Promise((resolve) => setTimeout(resolve, request.status ? 5 : 40));
        const items = invitations(8).filter((row) => !request.status || row.status === request.status);
        return { items, total: items.length, offset: 0, limit: 20 };
      },
    };
    const flow = new InviteTableFlow({ api: slow });
    const first = flow.setData(undefined);
    const second = flow.setStatus('associated');
    await Promise.all([first, second]);
    expect(ids(flow.state.rows)).to.deep.equal(['inv-2', 'inv-6']);
  });

  it('counts the selected rows that can be re-sent as the selection changes: one by one, by page, every match and back', async () => {
    const { api } = pagingApi(invitations(250));
    const flow = new InviteTableFlow({ api });
    await flow.setData(undefined);
    flow.toggle('inv-0');
    flow.toggle('inv-2');
    expect(flow.state.selectedResendable, 'inv-2 is associated').to.equal(1);
    await flow.goTo(20);
    flow.togglePage();
    expect(flow.state.selectedResendable).to.equal(1 + 15);
    flow.togglePage();
    expect(flow.state.selectedResendable).to.equal(1);
    await flow.selectAllMatches();
    expect(flow.state.selectedResendable, 'every row but the associated quarter').to.equal(250 - 62);
    flow.toggle('inv-0');
    expect(flow.state.selectedResendable).to.equal(250 - 62 - 1);
    flow.clearSelection();
    expect(flow.state.selectedResendable).to.equal(0);

    await flow.setData(invitations(1_000));
    flow.togglePage();
    await waitFor(() => !flow.state.selectingAll);
    expect(flow.state.selected.size).to.equal(1_000);
    expect(flow.state.selectedResendable).to.equal(750);
    expect(flow.allShownSelected(), 'known without reading the rows').to.equal(true);
    flow.togglePage();
    await waitFor(() => !flow.state.selectingAll);
    expect(flow.state).to.include({ selectedResendable: 0 });
    expect(flow.state.selected.size).to.equal(0);
    expect(flow.allShownSelected()).to.equal(false);
    flow.toggle('inv-1');
    expect(flow.allShownSelected(), 'a selection changed since is read again').to.equal(undefined);
  });

  it('counts the selection again when the host passes rows whose status changed', async () => {
    const flow = new InviteTableFlow({ api: pagingApi([]).api });
    await flow.setData(invitations(40));
    flow.toggle('inv-0');
    flow.toggle('inv-1');
    expect(flow.state.selectedResendable).to.equal(2);
    await flow.setData(invitations(40).map((row) => (row.id === 'inv-1' ? { ...row, status: 'associated' as const } : row)));
    expect(flow.state.selectedResendable).to.equal(1);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}
