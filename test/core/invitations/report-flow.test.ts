import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { DEMO_MOBILES } from '../../../src/api/memory/reporting.js';
import { ReportFlow } from '../../../src/core/invitations/report-flow.js';
import { rowErrors } from '../../../src/core/invitations/report-rows.js';
import { KitError } from '../../../src/model/errors.js';

/** Reports that took effect on the backend, per mobile, read from its data: the proof that nothing was reported twice. */
function effects(api: MemoryPartnerApi): { values(): number[]; get(mobile: string): number | undefined; size: number } {
  const tally = () => {
    const counted = new Map<string, number>();
    for (const row of api.data.invitations) if (row.id.startsWith('inv-r')) counted.set(row.mobile, (counted.get(row.mobile) ?? 0) + 1);
    return counted;
  };
  return {
    values: () => [...tally().values()],
    get: (mobile) => tally().get(mobile),
    get size() {
      return tally().size;
    },
  };
}

function setup(options: MemoryAdapterOptions = {}, flowOptions: { concurrency?: number } = {}) {
  const api = createMemoryAdapter({ invitationCount: 20, ...options });
  const flow = new ReportFlow({ api, ...flowOptions });
  return { api, flow, counted: effects(api) };
}

/** A mobile with one account (it ends in 1). */
const mobile = (n: number) => `0086-1390${String(n).padStart(6, '0')}1`;

describe('ReportFlow', () => {
  it('reports each row once and adds it to the top of the invitations list', async () => {
    const { api, flow, counted } = setup();
    flow.pasteRows(`王小明\t${DEMO_MOBILES.oneAccount}\twang@example.com\nLi Lei, 13900000002, li.lei@example.com`);
    expect(flow.state.rows).to.have.length(2);
    const report = await flow.submit();
    expect(report?.reported.map((r) => r.status)).to.deep.equal(['invited', 'invited']);
    expect(flow.state.rows.every((r) => r.outcome.status === 'reported')).to.equal(true);
    expect(counted.values()).to.deep.equal([1, 1]);
    const page = await api.listInvitations({ offset: 0, limit: 2 });
    expect(page.items.map((i) => i.status)).to.deep.equal(['invited', 'invited']);
    expect(page.items.map((i) => i.maskedName)).to.have.members(['王**', 'L**']);
    expect(await flow.submit(), 'a second submission has nothing left to send').to.equal(undefined);
    expect(counted.values()).to.deep.equal([1, 1]);
  });

  it('requires the e-mail only when the invitation is sent, and reports without one otherwise', async () => {
    const { flow } = setup();
    flow.addRow();
    const [first, second] = flow.state.rows;
    flow.setField(first!.id, 'name', 'Han Meimei');
    flow.setField(first!.id, 'mobile', DEMO_MOBILES.oneAccount);
    flow.removeRows([second!.id]);
    expect(await flow.submit()).to.equal(undefined);
    expect(flow.state).to.include({ step: 'editing', submitted: true });
    flow.setSendInvitation(false);
    const report = await flow.submit();
    expect(report?.reported[0]).to.include({ status: 'reported' });
    expect(report?.reported[0]?.linkExpiresAt).to.equal(undefined);
  });

  it('waits for the user to pick the account when the mobile has several, and names that account', async () => {
    const { api, flow } = setup();
    const [row] = flow.state.rows;
    flow.setField(row!.id, 'name', 'Zhou Jie');
    flow.setField(row!.id, 'mobile', DEMO_MOBILES.twoAccounts);
    flow.setField(row!.id, 'email', 'zhou@example.com');
    expect(await flow.submit()).to.equal(undefined);
    const lookup = flow.state.rows[0]!.accounts;
    expect(lookup.status === 'found' && lookup.accounts.map((a) => a.accountName)).to.deep.equal(['hw_0009', 'hw_0009_shop']);
    const calls: string[] = [];
    const original = api.reportCustomer.bind(api);
    api.reportCustomer = (request, options) => (calls.push(request.accountId), original(request, options));
    flow.chooseAccount(row!.id, lookup.status === 'found' ? lookup.accounts[1]!.accountId : '');
    expect(await flow.submit()).to.not.equal(undefined);
    expect(calls).to.deep.equal(['acc-008613900000009-2']);
  });

  it('waits for an account lookup already under way instead of sending nothing', async () => {
    const { flow, counted } = setup({ latencyMs: 50 });
    const [row] = flow.state.rows;
    flow.setField(row!.id, 'name', 'Han Meimei');
    flow.setField(row!.id, 'mobile', mobile(7));
    flow.setField(row!.id, 'email', 'han@example.com');
    const typing = flow.lookup(row!.id);
    const report = await flow.submit();
    await typing;
    expect(report?.reported).to.have.length(1);
    expect(counted.get(mobile(7))).to.equal(1);
  });

  it('refuses a mobile without an account at the field, before sending anything', async () => {
    const { api, flow } = setup();
    const [row] = flow.state.rows;
    flow.setField(row!.id, 'name', 'Wu Di');
    flow.setField(row!.id, 'mobile', DEMO_MOBILES.noAccount);
    flow.setField(row!.id, 'email', 'wu@example.com');
    expect(await flow.submit()).to.equal(undefined);
    expect(flow.state.rows[0]!.accounts.status).to.equal('none');
    expect(api.calls.get('reportCustomer') ?? 0).to.equal(0);
  });

  it('keeps the partial failures apart and retries only the rows that failed', async () => {
    const { flow, counted } = setup();
    flow.pasteRows([`A One, ${mobile(1)}, a@example.com`, `B Two, ${DEMO_MOBILES.reportedByHuawei}, b@example.com`, `C Three, ${mobile(3)}, c@example.com`].join('\n'));
    const first = await flow.submit();
    expect(first?.reported).to.have.length(2);
    expect(first?.failed).to.equal(1);
    const failed = flow.state.rows[1]!.outcome;
    expect(failed.status === 'failed' && failed.error).to.include({ code: 'conflict', reason: 'reported-by-huawei', backendCode: 'CBC.99000051' });
    expect(flow.state.step === 'editing' && flow.state.lastRun).to.deep.equal({ reported: 2, failed: 1, unknown: 0, stopped: false });
    flow.setField(flow.state.rows[1]!.id, 'mobile', mobile(2));
    const second = await flow.submit();
    expect(second?.reported).to.have.length(1);
    expect(counted.values()).to.deep.equal([1, 1, 1]);
  });

  it('retries a row whose answer was lost under the same key: the backend answers without a second report', async () => {
    const { api, flow, counted } = setup({ faults: { reportCustomer: { kind: 'timeout', afterEffect: true, times: 1 } } }, { concurrency: 1 });
    const keys: string[] = [];
    const original = api.reportCustomer.bind(api);
    api.reportCustomer = (request, options) => (keys.push(options.idempotencyKey), original(request, options));
    flow.pasteRows(`Zhao Lei, ${mobile(11)}, z@example.com`);
    expect(await flow.submit()).to.equal(undefined);
    expect(flow.state.rows[0]!.outcome.status).to.equal('unknown');
    flow.setField(flow.state.rows[0]!.id, 'name', 'Someone Else');
    flow.setSendInvitation(false);
    expect(flow.state.rows[0]!.name, 'a row that may have been reported is locked').to.equal('Zhao Lei');
    expect(flow.removeRows([flow.state.rows[0]!.id])).to.equal(0);
    const report = await flow.submit();
    expect(report?.reported).to.have.length(1);
    expect(keys[1]).to.equal(keys[0]);
    expect(counted.get(mobile(11))).to.equal(1);
  });

  it('slows down on 429s instead of failing, and reports every row once', async () => {
    const { flow, counted } = setup({ rateLimitPerSecond: 3 }, { concurrency: 3 });
    const lines = Array.from({ length: 8 }, (_, i) => `Row ${i}, ${mobile(100 + i)}, r${i}@example.com`);
    flow.pasteRows(lines.join('\n'));
    const steps = new Set<string>();
    flow.subscribe((state) => steps.add(state.step));
    const report = await flow.submit();
    expect(report?.reported).to.have.length(8);
    expect(steps.has('paused')).to.equal(true);
    expect(counted.values().every((n) => n === 1) && counted.size === 8).to.equal(true);
  }).timeout(15_000);

  it('stops: rows in flight finish, waiting rows are drafts again and go out with the next submission', async () => {
    const { flow, counted } = setup({ latencyMs: 30 }, { concurrency: 1 });
    flow.pasteRows(Array.from({ length: 5 }, (_, i) => `Row ${i}, ${mobile(200 + i)}, s${i}@example.com`).join('\n'));
    const run = flow.submit();
    await waitUntil(() => flow.state.step === 'sending' && flow.state.done >= 1, 'did not start');
    flow.cancel();
    await run;
    const statuses = flow.state.rows.map((r) => r.outcome.status);
    expect(statuses.filter((s) => s === 'draft').length).to.be.greaterThan(0);
    expect(flow.state.step === 'editing' && flow.state.lastRun?.stopped).to.equal(true);
    await flow.submit();
    expect(flow.state.rows.every((r) => r.outcome.status === 'reported')).to.equal(true);
    expect(counted.values().every((n) => n === 1) && counted.size === 5).to.equal(true);
  });

  it('tells its listeners only of real changes: a field left twice, or left because submitting disabled the form, re-renders nothing', async () => {
    const { flow } = setup({ latencyMs: 20 });
    const [row] = flow.state.rows;
    flow.setField(row!.id, 'name', 'Han Meimei');
    flow.setField(row!.id, 'mobile', DEMO_MOBILES.oneAccount);
    flow.setField(row!.id, 'email', 'han@example.com');
    let notified = 0;
    flow.subscribe(() => (notified += 1));
    flow.touch(row!.id, 'name');
    expect(flow.state.rows[0]!.touched).to.include('name');
    expect(notified).to.equal(1);
    flow.touch(row!.id, 'name');
    expect(notified, 'the same field left again').to.equal(1);
    const submitted = flow.submit();
    await waitUntil(() => flow.state.step !== 'editing', 'never left editing');
    const during = flow.state;
    notified = 0;
    flow.touch(row!.id, 'email');
    expect(flow.state, 'a blur while the form is disabled').to.equal(during);
    expect(notified).to.equal(0);
    await submitted;
  });

  it('adds and removes rows singly and in batch, within the form size, and reads hostile pastes safely', () => {
    const flow = new ReportFlow({ api: createMemoryAdapter(), maxRows: 4 });
    expect(flow.addRow({ name: 'x' })).to.equal(true);
    expect(flow.pasteRows('a,1,a@x.com\nb,2,b@x.com\nc,3,c@x.com'), 'the blank row makes room').to.deep.equal({ added: 3, unread: [] });
    expect(flow.addRow()).to.equal(false);
    expect(flow.removeRows(flow.state.rows.slice(1, 3).map((r) => r.id))).to.equal(2);
    expect(flow.state.rows.map((r) => r.name)).to.deep.equal(['x', 'c']);
    expect(flow.pasteRows('z'.repeat(200_000))).to.deep.equal({ added: 0, unread: [] });
    expect(flow.pasteRows(`${'\n'.repeat(5000)}q,1,q@x.com\nr,2,r@x.com\ns,3,s@x.com`)).to.deep.equal({ added: 2, unread: ['s,3,s@x.com'] });
  });

  it('reads a pasted line of more columns by what each looks like, and leaves one it cannot read as typed', () => {
    const flow = new ReportFlow({ api: createMemoryAdapter(), maxRows: 10 });
    const extra = `Foo\tBar\t${mobile(1)}\tc@example.com\textra`;
    const pasted = flow.pasteRows([`c@example.com\tZhou Min\t\t${mobile(2)}`, extra, `Wu Fang, ${mobile(3)}, w@example.com`].join('\n'));
    expect(pasted).to.deep.equal({ added: 2, unread: [extra] });
    expect(flow.state.rows.map((r) => [r.name, r.mobile, r.email])).to.deep.equal([
      ['Zhou Min', mobile(2), 'c@example.com'],
      ['Wu Fang', mobile(3), 'w@example.com'],
    ]);
  });

  it('refuses a mobile an earlier row of the report has, and sends neither until it is mended', async () => {
    const api = createMemoryAdapter();
    const flow = new ReportFlow({ api, maxRows: 10 });
    flow.pasteRows([`Zhou Min, ${mobile(2)}, z@example.com`, `Zhou Min again, ${mobile(2)}, z2@example.com`].join('\n'));
    const [first, second] = flow.state.rows;
    expect(rowErrors(first!, true, flow.state.rows).mobile).to.equal(undefined);
    expect(rowErrors(second!, true, flow.state.rows).mobile).to.equal('duplicate');
    expect(await flow.submit()).to.equal(undefined);
    expect(flow.state.step).to.equal('editing');
  });

  it('refuses, in a row still editable, the mobile of a later row whose outcome is unknown', async () => {
    const api = createMemoryAdapter();
    const flow = new ReportFlow({ api, maxRows: 10 });
    flow.pasteRows([`Zhou Min, ${mobile(2)}, z@example.com`, `Wu Fang, ${mobile(3)}, w@example.com`].join('\n'));
    api.setFaults({ reportCustomer: [{ kind: 'tenant-mismatch', times: 1 }, { kind: 'timeout', afterEffect: true, times: 1 }] });
    await flow.submit();
    const [failed, unknown] = flow.state.rows;
    expect([failed!.outcome.status, unknown!.outcome.status]).to.deep.equal(['failed', 'unknown']);
    flow.setField(failed!.id, 'mobile', mobile(3));
    const edited = flow.state.rows[0]!;
    expect(rowErrors(edited, true, flow.state.rows).mobile).to.equal('duplicate');
    expect(rowErrors(flow.state.rows[1]!, true, flow.state.rows).mobile, 'the row sent is not refused').to.equal(undefined);
  });

  it('marks every row failed when no adapter can be had', async () => {
    const flow = new ReportFlow({ api: () => Promise.reject(new KitError('configuration', 'no api')) });
    flow.pasteRows(`Ma Li, ${mobile(300)}, m@example.com`);
    await flow.submit();
    const lookup = flow.state.rows[0]!.accounts;
    expect(lookup.status === 'failed' && lookup.error.code).to.equal('configuration');
  });
});
