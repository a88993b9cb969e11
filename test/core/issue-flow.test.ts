import { expect } from '@open-wc/testing';
import { IssueFlow, type IssueApi, type IssueState } from '../../src/core/vouchers/issue-flow.js';
import { KitError } from '../../src/model/errors.js';
import type { IssueCouponsRequest, IssueCouponsResult, Quota } from '../../src/model/schemas/coupons.js';
import type { IntentLookup, LookupIntentRequest } from '../../src/model/schemas/intents.js';
import type { Customer } from '../../src/model/schemas/customers.js';
import { scriptedLookup } from './scripted-lookup.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const day = 86_400_000;

function quota(id: string, patch: Partial<Quota> = {}): Quota {
  return {
    id,
    kind: 'voucher',
    status: 'normal',
    total: 100_000,
    balance: 30_000,
    currency: 'CNY',
    effectiveFrom: new Date(NOW - 30 * day).toISOString(),
    expiresAt: new Date(NOW + 30 * day).toISOString(),
    minFaceValue: 1_000,
    maxFaceValue: 20_000,
    restrictions: [{ key: 'cloudServiceType', values: ['ecs', 'obs'] }],
    ...patch,
  };
}

const customer = (n: number): Customer => ({ id: `c-${n}`, accountName: `acct_${n}`, name: `客户${n}`, associationType: 'resale', frozen: false });

type IssueCall = { request: IssueCouponsRequest; key: string };

/** A backend whose every answer the test writes: quotas, then one scripted answer per issue call. */
function backend(quotas: Quota[] = [quota('Q-1', { status: 'frozen' }), quota('Q-2'), quota('Q-C', { kind: 'cash' })]) {
  const calls: IssueCall[] = [];
  const answers: ((request: IssueCouponsRequest) => Promise<IssueCouponsResult>)[] = [];
  const lookups: LookupIntentRequest[] = [];
  const lookupAnswers: IntentLookup<IssueCouponsResult>[] = [];
  const searches: { query?: string | undefined; by?: string | undefined }[] = [];
  let quotaFailures = 0;
  const api: IssueApi = {
    listQuotas: async ({ kind }) => {
      if (quotaFailures > 0) {
        quotaFailures -= 1;
        throw new KitError('network', 'offline');
      }
      const items = quotas.filter((q) => q.kind === kind);
      return { items, total: items.length };
    },
    searchCustomers: async ({ query, by }) => {
      searches.push({ query, by });
      return { items: [customer(1), customer(2)], total: 2 };
    },
    lookupIntent: scriptedLookup('issueCoupons', lookupAnswers, (request) => lookups.push(request)),
    issueCoupons: async (request, options) => {
      calls.push({ request, key: options.idempotencyKey });
      const answer = answers.shift() ?? (async (r: IssueCouponsRequest) => ({ issued: r.customerIds.map((id) => ({ customerId: id, couponId: `CP-${id}` })), failed: [] }));
      return answer(request);
    },
  };
  return {
    api,
    calls,
    lookups,
    searches,
    answer: (next: (request: IssueCouponsRequest) => Promise<IssueCouponsResult>) => answers.push(next),
    lookupAnswer: (next: IntentLookup<IssueCouponsResult>) => lookupAnswers.push(next),
    failQuotas: (times: number) => (quotaFailures = times),
  };
}

async function ready(server = backend(), verify: () => Promise<undefined> = async () => undefined) {
  const flow = new IssueFlow({ api: server.api, verify, now: () => NOW });
  await flow.loadQuotas();
  return flow;
}

function filled(flow: IssueFlow, customers = 1, face = '100') {
  for (let n = 1; n <= customers; n++) flow.addCustomer(customer(n));
  flow.setFaceValue(face);
}

function step<S extends IssueState['step']>(flow: IssueFlow, name: S): Extract<IssueState, { step: S }> {
  const { state } = flow;
  if (state.step !== name) throw new Error(`expected step ${name}, got ${state.step}`);
  return state as Extract<IssueState, { step: S }>;
}

describe('IssueFlow (headless)', () => {
  it('loads the quotas and chooses the first usable one, skipping a frozen one', async () => {
    const flow = await ready();
    expect(flow.state.quotas.status).to.equal('ready');
    expect(flow.state.draft.quotaId).to.equal('Q-2');
    flow.chooseQuota('Q-1');
    expect(flow.state.draft.quotaId).to.equal('Q-2');
  });

  it('reports a quota load failure in state and recovers on retry', async () => {
    const server = backend();
    server.failQuotas(1);
    const flow = new IssueFlow({ api: server.api, verify: async () => undefined, now: () => NOW });
    await flow.loadQuotas();
    const quotas = flow.state.quotas;
    expect(quotas.status).to.equal('failed');
    expect(quotas.status === 'failed' && quotas.error.code).to.equal('network');
    await flow.loadQuotas();
    expect(flow.state.quotas.status).to.equal('ready');
    expect(flow.state.draft.quotaId).to.equal('Q-2');
  });

  it('switching kind drops the old quotas and the choice, then loads the new kind', async () => {
    const flow = await ready();
    flow.toggleServiceType('ecs');
    flow.setKind('cash');
    expect(flow.state.quotas).to.deep.equal({ status: 'loading', quotas: [] });
    expect(flow.state.draft).to.include({ kind: 'cash', quotaId: undefined });
    expect(flow.state.draft.serviceTypes).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve));
    expect(flow.state.quotas.status).to.equal('ready');
    expect(flow.state.draft.quotaId).to.equal('Q-C');
  });

  it('refuses each field on its own and calls nothing', async () => {
    const server = backend();
    const flow = await ready(server);
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'editing').errors).to.deep.include({ customers: 'required', faceValue: 'empty' });

    const cases: [string, (f: IssueFlow) => void, Record<string, string>][] = [
      ['below the minimum', (f) => filled(f, 1, '5'), { faceValue: 'below-min' }],
      ['above the maximum', (f) => filled(f, 1, '200.01'), { faceValue: 'above-max' }],
      ['not an amount', (f) => filled(f, 1, '1e3'), { faceValue: 'format' }],
      ['over the balance', (f) => filled(f, 2, '200'), { faceValue: 'total-over-balance' }],
      ['validity reversed', (f) => (filled(f), f.setValidity('2026-06-20', '2026-06-18')), { validity: 'order' }],
      ['validity outside the quota', (f) => (filled(f), f.setValidity('2020-01-01', '')), { validity: 'outside-quota' }],
      ['remark too long', (f) => (filled(f), f.setRemark('x'.repeat(201))), { remark: 'too-long' }],
    ];
    for (const [name, fill, expected] of cases) {
      const each = await ready(server);
      fill(each);
      expect(await each.submit(), name).to.equal(undefined);
      const { errors } = step(each, 'editing');
      expect(Object.fromEntries(Object.entries(errors).filter(([, v]) => v)), name).to.deep.equal(expected);
    }
    expect(server.calls).to.have.length(0);
  });

  it('refuses without a quota, and past the customer limit', async () => {
    const flow = await ready(backend([quota('Q-1', { status: 'frozen' })]));
    expect(flow.state.draft.quotaId).to.equal(undefined);
    flow.maxCustomers = 1;
    filled(flow, 1);
    expect(flow.addCustomer(customer(2))).to.equal(false);
    expect(step(flow, 'editing').errors.customers).to.equal('too-many');
    expect(flow.state.draft.customers).to.have.length(1);
    expect(flow.validate()).to.deep.include({ quota: 'required' });
  });

  it('clears a field’s refusal when that field changes, and keeps the others', async () => {
    const flow = await ready();
    await flow.submit();
    flow.setFaceValue('100');
    expect(step(flow, 'editing').errors).to.deep.include({ faceValue: undefined, customers: 'required' });
  });

  it('goes back to editing without an error when the user cancels the code, and asks again next time', async () => {
    let asked = 0;
    const server = backend();
    const flow = await ready(server, async () => {
      asked += 1;
      throw new KitError('cancelled', 'closed');
    });
    filled(flow, 1, '100');
    const steps: string[] = [];
    flow.subscribe((s) => steps.push(s.step));
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'editing').failure).to.equal(undefined);
    expect(flow.state.draft.faceValueText).to.equal('100');
    await flow.submit();
    expect(asked).to.equal(2);
    expect(server.calls).to.have.length(0);
    expect(steps).to.include('verifying');
  });

  it('keeps the form after a timeout and retries with the same idempotency key', async () => {
    const server = backend();
    server.answer(async () => {
      throw new KitError('timeout', 'no answer');
    });
    const flow = await ready(server);
    filled(flow, 1, '100');
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'outcome-unknown').error.code).to.equal('timeout');
    expect(flow.state.draft.faceValueText).to.equal('100');
    const report = await flow.submit();
    expect(report).to.deep.include({ quotaId: 'Q-2', faceValue: 10_000, currency: 'CNY' });
    expect(server.calls).to.have.length(2);
    expect(server.calls[1]!.key).to.equal(server.calls[0]!.key);
    expect(step(flow, 'result').failure).to.equal(undefined);
  });

  it('shows a definite refusal as the failure and issues nothing', async () => {
    const server = backend();
    server.answer(async () => {
      throw new KitError('insufficient-funds', 'quota balance too low', { backendCode: 'CBC.99004010' });
    });
    const flow = await ready(server);
    filled(flow, 1, '100');
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'editing').failure).to.include({ code: 'insufficient-funds', backendCode: 'CBC.99004010' });
  });

  it('fetches the sending code at the first submission only; a failed fetch sends nothing and keeps every entry', async () => {
    const server = backend();
    let loads = 0;
    const flow = new IssueFlow({
      api: server.api,
      verify: async () => undefined,
      now: () => NOW,
      submission: async () => {
        loads += 1;
        if (loads === 1) throw new KitError('network', 'Failed to fetch dynamically imported module');
        return import('../../src/core/vouchers/issue-submission.js');
      },
    });
    await flow.loadQuotas();
    expect(await flow.submit(), 'an empty form').to.equal(undefined);
    expect(loads, 'a refused form fetches nothing').to.equal(0);
    filled(flow, 1, '100');
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'editing').failure?.code).to.equal('network');
    expect(flow.state.draft.faceValueText).to.equal('100');
    expect(flow.state.draft.customers).to.have.length(1);
    expect(server.calls).to.have.length(0);
    expect((await flow.submit())?.issued).to.have.length(1);
    flow.reset();
    filled(flow, 1, '200');
    expect((await flow.submit())?.faceValue).to.equal(20_000);
    expect(loads, 'fetched again only after the failed fetch').to.equal(2);
    expect(server.calls).to.have.length(2);
  });

  it('calls the backend once for a double submit', async () => {
    const server = backend();
    const flow = await ready(server);
    filled(flow, 2, '100');
    const [first, second] = [flow.submit(), flow.submit()];
    expect(flow.state.step).to.equal('verifying');
    expect(await second).to.equal(undefined);
    expect((await first)?.issued).to.have.length(2);
    expect(server.calls).to.have.length(1);
  });

  it('lists a partial success per customer and retries only the refused ones, under a new key', async () => {
    const server = backend();
    server.answer(async () => ({
      issued: [{ customerId: 'c-1', couponId: 'CP-1' }],
      failed: [{ customerId: 'c-2', error: { code: 'conflict', reason: 'cooperation-type', message: 'referral' } }],
    }));
    const flow = await ready(server);
    filled(flow, 2, '100');
    const report = await flow.submit();
    expect(report?.failed).to.deep.equal([{ customerId: 'c-2', reason: 'cooperation-type' }]);
    expect(step(flow, 'result').outcomes.map((o) => o.status)).to.deep.equal(['issued', 'failed']);
    expect(flow.failedCustomers().map((c) => c.id)).to.deep.equal(['c-2']);

    await flow.submit();
    expect(server.calls[1]!.request.customerIds).to.deep.equal(['c-2']);
    expect(server.calls[1]!.key).not.to.equal(server.calls[0]!.key);
    const { outcomes } = step(flow, 'result');
    expect(outcomes.map((o) => [o.customer.id, o.status])).to.deep.equal([
      ['c-1', 'issued'],
      ['c-2', 'issued'],
    ]);
    expect(await flow.submit(), 'nothing left to retry').to.equal(undefined);
    expect(server.calls).to.have.length(2);
  });

  it('keeps the earlier outcomes when a retry of the failed ones fails', async () => {
    const server = backend();
    server.answer(async () => ({ issued: [{ customerId: 'c-1', couponId: 'CP-1' }], failed: [{ customerId: 'c-2', error: { code: 'server', message: 'busy' } }] }));
    server.answer(async () => {
      throw new KitError('server', 'down');
    });
    server.answer(async () => {
      throw new KitError('insufficient-funds', 'quota balance too low');
    });
    const flow = await ready(server);
    filled(flow, 2, '100');
    await flow.submit();
    await flow.submit();
    const unknown = step(flow, 'outcome-unknown');
    expect(unknown.error.code).to.equal('server');
    expect(unknown.earlier.map((o) => o.status)).to.deep.equal(['issued', 'failed']);
    await flow.submit();
    const result = step(flow, 'result');
    expect(result.failure?.code).to.equal('insufficient-funds');
    expect(result.outcomes.map((o) => o.status)).to.deep.equal(['issued', 'failed']);
  });

  it('turns an answer about unknown customers into a typed error, and never re-issues an unreported one', async () => {
    const server = backend();
    server.answer(async () => ({ issued: [{ customerId: 'c-1', couponId: 'CP-1' }, { customerId: 'c-99', couponId: 'CP-99' }], failed: [] }));
    const flow = await ready(server);
    filled(flow, 2, '100');
    await flow.submit();
    const result = step(flow, 'result');
    expect(result.failure).to.include({ code: 'malformed-response', reason: 'unknown-customer' });
    expect(result.outcomes.map((o) => [o.customer.id, o.status])).to.deep.equal([
      ['c-1', 'issued'],
      ['c-2', 'unreported'],
    ]);
    expect(flow.failedCustomers()).to.deep.equal([]);
  });

  it('starts a new issue from the same quota after a result, under a new key', async () => {
    const server = backend();
    const flow = await ready(server);
    filled(flow, 1, '100');
    await flow.submit();
    flow.reset();
    const editing = step(flow, 'editing');
    expect(editing.draft).to.include({ quotaId: 'Q-2', faceValueText: '' });
    expect(editing.draft.customers).to.deep.equal([]);
    filled(flow, 1, '100');
    await flow.submit();
    expect(server.calls[1]!.key).not.to.equal(server.calls[0]!.key);
  });

  it('sends the chosen validity as the quota’s own instants at its edges, the service types and a trimmed remark', async () => {
    const server = backend();
    const flow = await ready(server);
    filled(flow, 1, '100');
    const first = new Date(NOW - 30 * day);
    const local = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-${String(first.getDate()).padStart(2, '0')}`;
    flow.setValidity(local, '');
    flow.toggleServiceType('obs');
    flow.toggleServiceType('not-allowed');
    flow.setRemark('  Q4 promo  ');
    await flow.submit();
    expect(server.calls[0]!.request).to.deep.include({ validFrom: first.toISOString(), cloudServiceTypes: ['obs'], remark: 'Q4 promo' });
  });

  describe('after an answer was lost', () => {
    const lost = async () => {
      throw new KitError('timeout', 'no answer');
    };

    async function frozen(server = backend(), customers = 2) {
      server.answer(lost);
      const flow = await ready(server);
      filled(flow, customers, '100');
      expect(await flow.submit()).to.equal(undefined);
      return flow;
    }

    it('freezes the order: nothing can be edited, added, reset or sent differently', async () => {
      const server = backend();
      const flow = await frozen(server);
      const unknown = step(flow, 'outcome-unknown');
      expect(unknown.error.code).to.equal('timeout');
      expect(flow.frozen).to.equal(true);
      expect(flow.addCustomer(customer(3))).to.equal(false);
      flow.removeCustomer('c-1');
      flow.setFaceValue('150');
      flow.setRemark('changed');
      flow.setKind('cash');
      flow.reset();
      expect(step(flow, 'outcome-unknown').draft).to.deep.equal(unknown.draft);
      expect(flow.state.draft.customers.map((c) => c.id)).to.deep.equal(['c-1', 'c-2']);
      await flow.submit();
      expect(server.calls).to.have.length(2);
      expect(server.calls[1]!.key).to.equal(server.calls[0]!.key);
      expect(server.calls[1]!.request).to.deep.equal(server.calls[0]!.request);
      expect(step(flow, 'result').outcomes.map((o) => o.status)).to.deep.equal(['issued', 'issued']);
    });

    it('checks with the backend: done shows the result and reports it once', async () => {
      const server = backend();
      const flow = await frozen(server);
      server.lookupAnswer({ status: 'done', result: { issued: [{ customerId: 'c-1', couponId: 'CP-1' }, { customerId: 'c-2', couponId: 'CP-2' }], failed: [] } });
      const [report, again] = [flow.check(), flow.check()];
      expect(step(flow, 'outcome-unknown').checking).to.equal(true);
      expect(await again).to.equal(undefined);
      expect((await report)?.issued).to.have.length(2);
      expect(server.lookups).to.deep.equal([{ operation: 'issueCoupons', idempotencyKey: server.calls[0]!.key }]);
      const result = step(flow, 'result');
      expect(result.settled).to.equal('done');
      expect(result.outcomes.map((o) => o.status)).to.deep.equal(['issued', 'issued']);
      expect(server.calls).to.have.length(1);
    });

    it('checks with the backend: not done unfreezes the form, and a changed order goes under a new key', async () => {
      const server = backend();
      const flow = await frozen(server);
      server.lookupAnswer({ status: 'not-done' });
      expect(await flow.check()).to.equal(undefined);
      const editing = step(flow, 'editing');
      expect([editing.settled, editing.failure]).to.deep.equal(['not-done', undefined]);
      expect(flow.addCustomer({ ...customer(3) })).to.equal(true);
      await flow.submit();
      expect(server.calls[1]!.key).not.to.equal(server.calls[0]!.key);
      expect(server.calls[1]!.request.customerIds).to.deep.equal(['c-1', 'c-2', 'c-3']);
    });

    it('checks with the backend: still pending stays frozen and says so', async () => {
      const server = backend();
      const flow = await frozen(server);
      server.lookupAnswer({ status: 'pending' });
      await flow.check();
      const unknown = step(flow, 'outcome-unknown');
      expect([unknown.checking, unknown.stillUnknown]).to.deep.equal([false, true]);
      expect(flow.addCustomer(customer(3))).to.equal(false);
    });
  });

  it('retries the failed customers checked alone against what the quota has left, and shows a refusal in the result', async () => {
    const left = quota('Q-2', { balance: 30_000 });
    const server = backend([left]);
    server.answer(async () => ({
      issued: [{ customerId: 'c-1', couponId: 'CP-1' }],
      failed: [{ customerId: 'c-2', error: { code: 'conflict', reason: 'quota-balance', message: 'low' } }],
    }));
    const flow = await ready(server);
    filled(flow, 2, '100');
    await flow.submit();
    left.balance = 5_000;
    await flow.loadQuotas();
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'result').errors).to.deep.equal({ faceValue: 'total-over-balance' });
    expect(server.calls).to.have.length(1);
    left.balance = 10_000;
    await flow.loadQuotas();
    expect((await flow.submit())?.issued).to.deep.equal([{ customerId: 'c-2', couponId: 'CP-c-2' }]);
    expect(server.calls[1]!.request.customerIds).to.deep.equal(['c-2']);
    expect(step(flow, 'result').errors).to.deep.equal({});
  });

  it('refuses a face value whose total no quota could hold as too large, without an unsafe total', async () => {
    const flow = await ready(backend([quota('Q-2', { maxFaceValue: undefined })]));
    filled(flow, 2, '9999999999999.99');
    for (let n = 3; n <= 10; n++) flow.addCustomer(customer(n));
    expect(flow.total()).to.equal(undefined);
    expect(await flow.submit()).to.equal(undefined);
    expect(step(flow, 'editing').errors.faceValue).to.equal('too-large');
  });

  it('searches customers by the account name the form shows', async () => {
    const server = backend();
    const flow = await ready(server);
    await flow.search.setFilters({ query: ' acct_2 ' });
    expect(server.searches.at(-1)).to.deep.equal({ query: 'acct_2', by: 'account' });
  });
});
