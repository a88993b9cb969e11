import { expect } from '@open-wc/testing';
import { InviteTableFlow, type InviteListApi } from '../../src/core/invites/invite-table-flow.js';
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
});
