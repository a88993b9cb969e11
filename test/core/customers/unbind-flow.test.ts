import { expect } from '@open-wc/testing';
import { UnbindFlow, type UnbindApi } from '../../../src/core/customers/unbind-flow.js';
import { createMemoryAdapter } from '../../../src/api/memory/index.js';
import { KitError } from '../../../src/model/errors.js';
import type { SubCustomer, UnbindCustomerResult } from '../../../src/model/schemas/customer-accounts.js';
import type { IntentLookup } from '../../../src/model/schemas/intents.js';
import { scriptedLookup } from '../scripted-lookup.js';

const customer = (id = 'c-1'): SubCustomer => ({
  id,
  accountName: `acct_${id}`,
  maskedName: 'Z**',
  associationType: 'resale',
  customerType: 'enterprise',
  verifiedStatus: 'verified',
  frozen: false,
});

const PREVIEW = { customerId: 'c-1', coupons: [{ couponId: 'CP-1', kind: 'voucher' as const, balance: 1_500, currency: 'CNY' }] };
const RESULT: UnbindCustomerResult = { customerId: 'c-1', unboundAt: '2026-05-01T00:00:00.000Z', reclaimed: [{ couponId: 'CP-1', reclaimedAmount: 1_500, currency: 'CNY' }] };

/** A backend that answers each unbinding with the next scripted step, else with RESULT. */
function backend() {
  const keys: string[] = [];
  const script: (() => Promise<UnbindCustomerResult>)[] = [];
  const previews: (() => Promise<typeof PREVIEW>)[] = [];
  const lookups: IntentLookup<UnbindCustomerResult>[] = [];
  const api: UnbindApi = {
    previewUnbind: () => (previews.shift() ?? (async () => PREVIEW))(),
    lookupIntent: scriptedLookup('unbindCustomer', lookups),
    unbindCustomer: async (_request, { idempotencyKey }) => {
      keys.push(idempotencyKey);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return (script.shift() ?? (async () => RESULT))();
    },
  };
  return { api, keys, then: (next: () => Promise<UnbindCustomerResult>) => script.push(next), preview: (next: () => Promise<typeof PREVIEW>) => previews.push(next), lookup: (next: IntentLookup<UnbindCustomerResult>) => lookups.push(next) };
}

const fail = (error: KitError) => async (): Promise<never> => {
  throw error;
};

describe('UnbindFlow (headless)', () => {
  it('shows what unbinding changes, then unbinds once for any number of confirms', async () => {
    const server = backend();
    const flow = new UnbindFlow({ api: server.api, verify: async () => undefined });
    const asking = flow.ask(customer());
    expect(flow.state.step).to.equal('previewing');
    await asking;
    expect(flow.state).to.deep.equal({ step: 'confirming', customer: customer(), preview: PREVIEW });
    const results = await Promise.all([flow.confirm(), flow.confirm(), flow.confirm()]);
    expect(results.filter(Boolean)).to.deep.equal([RESULT]);
    expect(server.keys).to.have.length(1);
    expect(flow.state.step).to.equal('done');
    flow.dismiss();
    expect(flow.state.step).to.equal('idle');
  });

  it('keeps a failed preview with a retry, and never calls unbind from it', async () => {
    const server = backend();
    server.preview(fail(new KitError('network', 'offline')));
    const flow = new UnbindFlow({ api: server.api, verify: async () => undefined });
    await flow.ask(customer());
    expect(flow.state.step).to.equal('preview-failed');
    expect(await flow.confirm()).to.equal(undefined);
    expect(server.keys).to.have.length(0);
    await flow.retryPreview();
    expect(flow.state.step).to.equal('confirming');
  });

  it('asks for a code for the purpose "unbind" and goes back to the question, unbinding nothing, when it is cancelled', async () => {
    const server = backend();
    const asked: string[] = [];
    const flow = new UnbindFlow({
      api: server.api,
      verify: async ({ purpose }) => {
        asked.push(purpose);
        throw new KitError('cancelled', 'closed');
      },
    });
    await flow.ask(customer());
    await flow.confirm();
    expect(asked).to.deep.equal(['unbind']);
    expect(flow.state.step).to.equal('confirming');
    expect(server.keys).to.have.length(0);
  });

  for (const error of [new KitError('conflict', 'no', { backendCode: 'CBC.0001' }), new KitError('rate-limited', 'slow', { retryAfterMs: 1000 }), new KitError('permission', 'no')]) {
    it(`keeps the question with the error when the backend refuses (${error.code})`, async () => {
      const server = backend();
      server.then(fail(error));
      const flow = new UnbindFlow({ api: server.api, verify: async () => undefined });
      await flow.ask(customer());
      expect(await flow.confirm()).to.equal(undefined);
      expect(flow.state).to.deep.include({ step: 'failed', error });
      expect(await flow.confirm()).to.deep.equal(RESULT);
    });
  }

  it('freezes a lost unbinding: a retry reuses its key, and asking again first looks it up', async () => {
    const server = backend();
    server.then(fail(new KitError('timeout', 'lost')));
    const flow = new UnbindFlow({ api: server.api, verify: async () => undefined });
    await flow.ask(customer());
    await flow.confirm();
    expect(flow.state).to.deep.include({ step: 'outcome-unknown', checking: false, stillUnknown: false });
    flow.dismiss();
    server.lookup({ status: 'pending' });
    await flow.ask(customer());
    expect(flow.state).to.deep.include({ step: 'outcome-unknown', stillUnknown: true });
    expect(await flow.confirm()).to.deep.equal(RESULT);
    expect(new Set(server.keys).size).to.equal(1);
  });

  it('settles a lost unbinding by lookup: done with the recorded result, or not done and askable again under a new key', async () => {
    const server = backend();
    server.then(fail(new KitError('server', '502')));
    server.then(fail(new KitError('server', '502')));
    const flow = new UnbindFlow({ api: server.api, verify: async () => undefined });
    await flow.ask(customer());
    await flow.confirm();
    server.lookup({ status: 'done', result: RESULT });
    expect(await flow.check()).to.deep.equal(RESULT);
    expect(flow.state.step).to.equal('done');

    await flow.ask(customer('c-2'));
    await flow.confirm();
    server.lookup({ status: 'not-done' });
    expect(await flow.check()).to.equal(undefined);
    expect(flow.state.step).to.equal('not-done');
    await flow.confirm();
    expect(server.keys[2]).to.not.equal(server.keys[1]);
  });

  it('cannot be dismissed or re-asked while the unbinding is in flight', async () => {
    const server = backend();
    const flow = new UnbindFlow({ api: server.api, verify: async () => undefined });
    await flow.ask(customer());
    const running = flow.confirm();
    flow.dismiss();
    await flow.ask(customer('c-2'));
    expect(flow.busy).to.equal(true);
    expect(flow.state).to.deep.include({ customer: customer() });
    await running;
    expect(flow.state).to.deep.include({ step: 'done', customer: customer() });
  });

  it('unbinds against the memory backend, reclaiming the coupons its preview named', async () => {
    const api = createMemoryAdapter({ latencyMs: 0, verification: { enabled: false } });
    const owner = api.data.coupons.find((c) => c.status === 'usable')!.customerId;
    const row = (await api.listSubCustomers({ offset: 0, limit: 1, customerId: owner })).items[0]!;
    const flow = new UnbindFlow({ api, verify: async () => undefined });
    await flow.ask(row);
    const state = flow.state;
    if (state.step !== 'confirming') throw new Error(state.step);
    expect(state.preview.coupons.length).to.be.greaterThan(0);
    const result = await flow.confirm();
    expect(result!.reclaimed.map((r) => r.couponId)).to.deep.equal(state.preview.coupons.map((c) => c.couponId));
    expect((await api.listSubCustomers({ offset: 0, limit: 1, customerId: owner })).total).to.equal(0);
  });
});
