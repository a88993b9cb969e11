import { expect } from '@open-wc/testing';
import { UnbindRequestFlow, type UnbindRequestApi, REASON_MAX } from '../../../src/core/customers/unbind-request-flow.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { KitError } from '../../../src/model/errors.js';
import type { FaultPlan } from '../../../src/api/memory/faults.js';
import type { UnbindRequest } from '../../../src/model/schemas/customer-accounts.js';

/** The memory backend, code checks off unless a test turns them on, and its first pending request. */
async function setup(faults: FaultPlan = {}) {
  const api = createMemoryAdapter({ latencyMs: 0, verification: { enabled: false }, faults });
  const [request] = (await api.listUnbindRequests({ offset: 0, limit: 1, status: 'pending' })).items as [UnbindRequest];
  const keys: string[] = [];
  const spy: UnbindRequestApi = {
    lookupIntent: (r, o) => api.lookupIntent(r, o),
    approveUnbindRequest: (r, o) => (keys.push(o.idempotencyKey), api.approveUnbindRequest(r, o)),
    rejectUnbindRequest: (r, o) => (keys.push(o.idempotencyKey), api.rejectUnbindRequest(r, o)),
  };
  const flow = new UnbindRequestFlow({ api: spy, verify: async () => undefined });
  return { api, request, flow, keys };
}

const statusOf = async (api: MemoryPartnerApi, id: string) =>
  (await api.listUnbindRequests({ offset: 0, limit: 100 })).items.find((r) => r.id === id)?.status;

describe('UnbindRequestFlow (headless)', () => {
  it('approves once for any number of confirms, unbinding the customer', async () => {
    const { api, request, flow, keys } = await setup();
    expect(flow.state.step).to.equal('idle');
    await flow.ask(request, 'approve');
    expect(flow.state).to.deep.equal({ step: 'confirming', request, decision: { kind: 'approve' }, issue: undefined });
    const outcomes = await Promise.all([flow.confirm(), flow.confirm(), flow.confirm()]);
    expect(outcomes.filter(Boolean)).to.have.length(1);
    expect(outcomes[0]).to.deep.include({ kind: 'approve' });
    expect(keys).to.have.length(1);
    expect(flow.state.step).to.equal('done');
    expect(await statusOf(api, request.id)).to.equal('approved');
    expect((await api.listSubCustomers({ offset: 0, limit: 1, customerId: request.customerId })).total).to.equal(0);
    flow.dismiss();
    expect(flow.state.step).to.equal('idle');
  });

  it('reclaims the customer\'s coupons when approving, as unbinding does', async () => {
    const api = createMemoryAdapter({ latencyMs: 0, verification: { enabled: false } });
    const [request] = (await api.listUnbindRequests({ offset: 0, limit: 1, status: 'pending' })).items as [UnbindRequest];
    const usable = api.data.coupons.filter((c) => c.customerId === request.customerId && c.status === 'usable').map((c) => c.id);
    const flow = new UnbindRequestFlow({ api, verify: async () => undefined });
    await flow.ask(request, 'approve');
    const outcome = await flow.confirm();
    if (outcome?.kind !== 'approve') throw new Error('not approved');
    expect(outcome.result.reclaimed.map((r) => r.couponId)).to.deep.equal(usable);
  });

  it('refuses an empty or too long reason before anything is sent, and rejects with the trimmed one', async () => {
    const { api, request, flow, keys } = await setup();
    await flow.ask(request, 'reject');
    await flow.confirm();
    expect(flow.state).to.deep.include({ step: 'confirming', issue: 'required' });
    flow.setReason('   ');
    await flow.confirm();
    expect(flow.state).to.deep.include({ issue: 'required' });
    flow.setReason('x'.repeat(REASON_MAX + 1));
    await flow.confirm();
    expect(flow.state).to.deep.include({ issue: 'too-long' });
    expect(keys).to.have.length(0);
    flow.setReason('  In contract until June.  ');
    expect(flow.state).to.deep.include({ issue: undefined });
    const outcome = await flow.confirm();
    expect(outcome).to.deep.include({ kind: 'reject' });
    expect(outcome?.result).to.deep.include({ requestId: request.id, reason: 'In contract until June.' });
    expect(await statusOf(api, request.id)).to.equal('rejected');
  });

  it('shows the code step, then the call, and asks for the purpose "unbind-request"', async () => {
    const api = createMemoryAdapter({ latencyMs: 0, verification: { enabled: false } });
    const [request] = (await api.listUnbindRequests({ offset: 0, limit: 1, status: 'pending' })).items as [UnbindRequest];
    const steps: string[] = [];
    const asked: string[] = [];
    const flow = new UnbindRequestFlow({
      api,
      verify: async ({ purpose, decision }) => {
        asked.push(`${purpose}:${decision}`);
        return undefined;
      },
    });
    flow.subscribe(() => {
      if (steps.at(-1) !== flow.state.step) steps.push(flow.state.step);
    });
    await flow.ask(request, 'approve');
    await flow.confirm();
    expect(asked).to.deep.equal(['unbind-request:approve']);
    expect(steps).to.deep.equal(['confirming', 'verifying', 'submitting', 'done']);
  });

  it('goes back to the decision, sending nothing, when the code is cancelled', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const [request] = (await api.listUnbindRequests({ offset: 0, limit: 1, status: 'pending' })).items as [UnbindRequest];
    const flow = new UnbindRequestFlow({ api, verify: () => Promise.reject(new KitError('cancelled', 'closed')) });
    await flow.ask(request, 'reject');
    flow.setReason('No.');
    await flow.confirm();
    expect(flow.state).to.deep.include({ step: 'confirming', decision: { kind: 'reject', reason: 'No.' } });
    expect(api.calls.get('rejectUnbindRequest') ?? 0).to.equal(0);
  });

  it('is refused without a code where the policy guards unbind requests', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const [request] = (await api.listUnbindRequests({ offset: 0, limit: 1, status: 'pending' })).items as [UnbindRequest];
    const flow = new UnbindRequestFlow({ api, verify: async () => undefined });
    await flow.ask(request, 'approve');
    await flow.confirm();
    expect(flow.state).to.deep.include({ step: 'failed' });
    expect(flow.state.step === 'failed' && flow.state.error.code).to.equal('verification-required');
  });

  it('says the request is no longer pending when the customer withdrew it meanwhile', async () => {
    const { api, request, flow } = await setup();
    await flow.ask(request, 'approve');
    api.withdrawUnbindRequest(request.id);
    await flow.confirm();
    expect(flow.state.step === 'failed' && flow.state.error).to.include({ code: 'conflict', reason: 'request-not-pending' });
  });

  it('opens nothing for a request that is no longer pending', async () => {
    const { api, flow } = await setup();
    const [handled] = (await api.listUnbindRequests({ offset: 0, limit: 1, status: 'withdrawn' })).items as [UnbindRequest];
    await flow.ask(handled, 'approve');
    expect(flow.state.step).to.equal('idle');
  });

  for (const operation of ['approveUnbindRequest', 'rejectUnbindRequest'] as const) {
    const kind = operation === 'approveUnbindRequest' ? 'approve' : 'reject';

    for (const fault of ['server', 'offline', 'rate-limited'] as const) {
      it(`${kind}: keeps the decision with the error on a ${fault} fault, and a retry goes through once`, async () => {
        const { api, request, flow, keys } = await setup({ [operation]: { kind: fault, times: 1, retryAfterSeconds: 0 } });
        await flow.ask(request, kind);
        flow.setReason('Contract.');
        expect(await flow.confirm()).to.equal(undefined);
        const step = flow.state.step;
        expect(['failed', 'outcome-unknown']).to.include(step);
        expect(await flow.confirm()).to.deep.include({ kind });
        expect(new Set(keys).size).to.equal(1);
        expect(await statusOf(api, request.id)).to.equal(kind === 'approve' ? 'approved' : 'rejected');
      });
    }

    it(`${kind}: a timeout after the effect freezes the decision; asking the other way shows it, and the lookup settles it as done`, async () => {
      const { api, request, flow, keys } = await setup({ [operation]: { kind: 'timeout', times: 1, afterEffect: true } });
      await flow.ask(request, kind);
      flow.setReason('Contract.');
      await flow.confirm();
      expect(flow.state).to.deep.include({ step: 'outcome-unknown', checking: false, stillUnknown: false });
      expect(flow.frozen(request)).to.equal(true);
      flow.setReason('Something else.');
      expect(flow.state.step).to.equal('outcome-unknown');
      flow.dismiss();
      const outcome = await flow.ask(request, kind === 'approve' ? 'reject' : 'approve');
      expect(outcome).to.deep.include({ kind });
      expect(flow.state.step).to.equal('done');
      expect(flow.frozen(request)).to.equal(false);
      expect(keys).to.have.length(1);
      expect(api.calls.get(operation)).to.equal(1);
      expect(await statusOf(api, request.id)).to.equal(kind === 'approve' ? 'approved' : 'rejected');
    });

    it(`${kind}: a lost call that never took effect is looked up as not done, and the next one is a new intent`, async () => {
      const { api, request, flow, keys } = await setup({ [operation]: { kind: 'timeout', times: 1 } });
      await flow.ask(request, kind);
      flow.setReason('Contract.');
      await flow.confirm();
      expect(flow.state.step).to.equal('outcome-unknown');
      expect(await flow.check()).to.equal(undefined);
      expect(flow.state.step).to.equal('not-done');
      expect(await flow.confirm()).to.deep.include({ kind });
      expect(keys).to.have.length(2);
      expect(keys[1]).to.not.equal(keys[0]);
      expect(await statusOf(api, request.id)).to.equal(kind === 'approve' ? 'approved' : 'rejected');
    });
  }

  it('stays frozen while the lookup cannot answer, and a retry under the same key settles it', async () => {
    const { api, request, flow, keys } = await setup({ approveUnbindRequest: { kind: 'timeout', times: 1, afterEffect: true }, lookupIntent: { kind: 'offline', times: 1 } });
    await flow.ask(request, 'approve');
    await flow.confirm();
    await flow.check();
    expect(flow.state).to.deep.include({ step: 'outcome-unknown', stillUnknown: true, checking: false });
    expect(await flow.confirm()).to.deep.include({ kind: 'approve' });
    expect(new Set(keys).size).to.equal(1);
    expect(await statusOf(api, request.id)).to.equal('approved');
  });

  it('cannot be dismissed or re-asked while a decision is in flight', async () => {
    const api = createMemoryAdapter({ latencyMs: 20, verification: { enabled: false } });
    const [first, second] = (await api.listUnbindRequests({ offset: 0, limit: 2, status: 'pending' })).items as [UnbindRequest, UnbindRequest];
    const flow = new UnbindRequestFlow({ api, verify: async () => undefined });
    await flow.ask(first, 'approve');
    const running = flow.confirm();
    flow.dismiss();
    await flow.ask(second, 'approve');
    expect(flow.busy).to.equal(true);
    expect(flow.state).to.deep.include({ request: first });
    await running;
    expect(flow.state).to.deep.include({ step: 'done', request: first });
  });

  it('lists the seeded requests by status, newest first', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const all = await api.listUnbindRequests({ offset: 0, limit: 50 });
    expect(new Set(all.items.map((r) => r.status))).to.deep.equal(new Set(['pending', 'approved', 'rejected', 'withdrawn']));
    const times = all.items.map((r) => r.requestedAt);
    expect(times).to.deep.equal([...times].sort().reverse());
    for (const r of all.items) expect(r.maskedName).to.match(/^.\*\*$/u);
    const rejected = await api.listUnbindRequests({ offset: 0, limit: 50, status: 'rejected' });
    expect(rejected.items.every((r) => r.status === 'rejected' && r.rejectReason)).to.equal(true);
  });
});
