import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type { FaultSpec } from '../../../src/api/memory/faults.js';
import { TopUpFlow, type TopUpApi } from '../../../src/core/payments/top-up-flow.js';
import type { CompletedTopUp, OpenTopUp } from '../../../src/core/payments/top-up-state.js';
import { KitError } from '../../../src/model/errors.js';

interface Harness {
  flow: TopUpFlow;
  backend: MemoryPartnerApi;
  keys: string[];
  completed: CompletedTopUp[];
  redirects: OpenTopUp[];
  clock: { now: number };
}

function harness(overrides: Partial<TopUpApi> = {}): Harness {
  const clock = { now: Date.parse('2026-06-01T00:00:00Z') };
  const backend = createMemoryAdapter({ now: () => clock.now });
  const keys: string[] = [];
  const completed: CompletedTopUp[] = [];
  const redirects: OpenTopUp[] = [];
  const flow = new TopUpFlow({
    api: {
      createTopUp: (r, o) => {
        keys.push(o.idempotencyKey);
        return backend.createTopUp(r, o);
      },
      getPaymentStatus: (r, o) => backend.getPaymentStatus(r, o),
      lookupIntent: (r, o) => backend.lookupIntent(r, o),
      ...overrides,
    },
    onCompleted: (c) => completed.push(c),
    onRedirect: (t) => redirects.push(t),
    now: () => clock.now,
    pollIntervalMs: 3000,
  });
  return { flow, backend, keys, completed, redirects, clock };
}

async function typed(h: Harness, amount: string): Promise<void> {
  await h.flow.start();
  h.flow.setAmount(amount);
  await h.flow.next();
}

const paymentId = (flow: TopUpFlow): string => (flow.state.step === 'awaiting-payment' ? flow.state.topUp.action.paymentId : '');
const statusCalls = (h: Harness) => h.backend.calls.get('getPaymentStatus') ?? 0;

describe('TopUpFlow', () => {
  describe('amount', () => {
    const refused: [string, string][] = [
      ['', 'empty'],
      ['   ', 'empty'],
      ['1.234', 'too-many-decimals'],
      ['-5', 'negative'],
      ['0', 'not-positive'],
      ['0.00', 'not-positive'],
      ['1e3', 'format'],
      ['12,34', 'format'],
      ['NaN', 'format'],
      ['9'.repeat(41), 'too-long'],
      ['99999999999999999', 'too-large'],
    ];
    for (const [amount, issue] of refused) {
      it(`refuses ${JSON.stringify(amount.slice(0, 12))} as ${issue} without calling the backend`, async () => {
        const h = harness();
        await typed(h, amount);
        expect(h.flow.state).to.include({ step: 'editing', issue });
        expect(h.keys).to.have.length(0);
      });
    }

    it('takes grouping, full-width digits and a currency mark, in minor units', async () => {
      const h = harness();
      await typed(h, '￥１,２００.５');
      expect(h.flow.state.step).to.equal('awaiting-payment');
      expect(h.flow.state.step === 'awaiting-payment' && h.flow.state.topUp.amount).to.equal(120_050);
    });

    it('clears the issue as soon as the amount changes', async () => {
      const h = harness();
      await typed(h, 'abc');
      h.flow.setAmount('10');
      expect(h.flow.state).to.include({ step: 'editing', issue: undefined });
    });
  });

  it('opens one top-up however often Next is pressed', async () => {
    const h = harness();
    await h.flow.start();
    h.flow.setAmount('100');
    await Promise.all([h.flow.next(), h.flow.next(), h.flow.next()]);
    expect(h.keys).to.have.length(1);
    expect(h.flow.state.step).to.equal('awaiting-payment');
  });

  describe('QR payment', () => {
    it('counts down to the expiry and polls at the interval of the caller’s clock', async () => {
      const h = harness();
      await typed(h, '100');
      expect(h.flow.secondsLeft()).to.equal(900);
      h.clock.now += 1000;
      expect(h.flow.tick()).to.equal(true);
      expect(statusCalls(h)).to.equal(0);
      expect(h.flow.secondsLeft()).to.equal(899);
      h.clock.now += 2000;
      h.flow.tick();
      await h.flow.checkPayment();
      expect(statusCalls(h)).to.equal(1);
      expect(h.flow.state.step).to.equal('awaiting-payment');
      h.clock.now += 1000;
      h.flow.tick();
      expect(statusCalls(h)).to.equal(1);
    });

    it('“I have paid” checks at once; paid shows the new balance and completes once', async () => {
      const h = harness();
      await typed(h, '100');
      const before = h.backend.payments.accountBalance;
      h.backend.settlePayment(paymentId(h.flow), 'paid');
      await Promise.all([h.flow.checkPayment(), h.flow.checkPayment()]);
      expect(statusCalls(h)).to.equal(1);
      expect(h.flow.state).to.deep.include({ step: 'paid' });
      expect(h.completed).to.deep.equal([{ topUpId: h.completed[0]?.topUpId, amount: 10_000, currency: 'CNY', balance: before + 10_000 }]);
      expect(h.flow.tick()).to.equal(false);
      await h.flow.checkPayment();
      expect(h.completed).to.have.length(1);
    });

    it('checks at once when the code expires, and a new attempt keeps the amount', async () => {
      const h = harness();
      await typed(h, '100');
      h.clock.now += 900_000;
      expect(h.flow.secondsLeft()).to.equal(0);
      h.flow.tick();
      await h.flow.checkPayment();
      expect(h.flow.state.step).to.equal('expired');
      h.flow.startOver();
      expect(h.flow.state).to.include({ step: 'editing', amount: '100' });
      await h.flow.next();
      expect(h.keys).to.have.length(2);
      expect(new Set(h.keys).size).to.equal(2);
    });

    it('ends as failed when the payer gives up', async () => {
      const h = harness();
      await typed(h, '100');
      h.backend.settlePayment(paymentId(h.flow), 'failed');
      await h.flow.checkPayment();
      expect(h.flow.state.step).to.equal('failed');
      expect(h.completed).to.have.length(0);
    });

    it('keeps waiting when a poll fails, says so, and polls again', async () => {
      const h = harness();
      await typed(h, '100');
      h.backend.setFaults({ getPaymentStatus: { kind: 'server', times: 1 } });
      await h.flow.checkPayment();
      expect(h.flow.state.step === 'awaiting-payment' && h.flow.state.error?.code).to.equal('server');
      h.backend.settlePayment(paymentId(h.flow), 'paid');
      h.clock.now += 3000;
      h.flow.tick();
      await h.flow.checkPayment();
      expect(h.flow.state.step).to.equal('paid');
    });
  });

  it('hands a payment page to onRedirect once per top-up', async () => {
    const h = harness({
      createTopUp: () =>
        Promise.resolve({ topUpId: 'TU1', amount: 10_000, currency: 'CNY', action: { kind: 'redirect', paymentId: 'PAY1', url: 'https://pay.example.com/checkout/PAY1' } }),
      getPaymentStatus: () => Promise.resolve({ status: 'pending', paymentId: 'PAY1' }),
    });
    await typed(h, '100');
    expect(h.flow.secondsLeft()).to.equal(undefined);
    await h.flow.checkPayment();
    expect(h.redirects.map((r) => r.action)).to.deep.equal([{ kind: 'redirect', paymentId: 'PAY1', url: 'https://pay.example.com/checkout/PAY1' }]);
  });

  describe('faults on createTopUp', () => {
    async function faulted(fault: FaultSpec): Promise<Harness> {
      const h = harness();
      h.backend.setFaults({ createTopUp: fault });
      await typed(h, '100');
      return h;
    }

    for (const kind of ['rate-limited', 'tenant-mismatch'] as const) {
      it(`${kind}: back on the form with the refusal and the amount kept`, async () => {
        const h = await faulted({ kind, times: 1 });
        expect(h.flow.state).to.include({ step: 'editing', amount: '100' });
        expect(h.flow.state.step === 'editing' && h.flow.state.refusal?.code).to.equal(kind === 'rate-limited' ? 'rate-limited' : 'configuration');
        await h.flow.next();
        expect(h.flow.state.step).to.equal('awaiting-payment');
      });
    }

    for (const kind of ['server', 'malformed', 'offline', 'timeout'] as const) {
      it(`${kind}: frozen as outcome unknown; a lookup that finds nothing returns to the form`, async () => {
        const h = await faulted({ kind, times: 1 });
        expect(h.flow.state).to.include({ step: 'outcome-unknown', amount: '100', checked: false });
        h.flow.setAmount('200');
        await h.flow.next();
        expect(h.keys).to.have.length(1);
        await h.flow.check();
        const step = h.flow.state.step;
        // A malformed answer came from a backend that did act on the call: the lookup finds it.
        expect(step).to.equal(kind === 'malformed' ? 'awaiting-payment' : 'editing');
        // Said on the form until the amount is edited: nothing was opened or charged.
        if (step === 'editing') {
          expect(h.flow.state).to.include({ amount: '100', notDone: true });
          h.flow.setAmount('150');
          expect(h.flow.state).to.include({ notDone: false });
        }
      });
    }

    it('timeout after the effect: frozen, and the lookup finds the top-up that was opened', async () => {
      const h = await faulted({ kind: 'timeout', afterEffect: true, times: 1 });
      expect(h.flow.state.step).to.equal('outcome-unknown');
      await h.flow.check();
      expect(h.flow.state.step).to.equal('awaiting-payment');
      expect(h.backend.payments.lastPaymentId()).to.equal(paymentId(h.flow));
      expect(h.keys).to.have.length(1);
    });

    it('timeout after the effect: a retry sends the same key and gets the same top-up', async () => {
      const h = await faulted({ kind: 'timeout', afterEffect: true, times: 1 });
      const opened = h.backend.payments.lastPaymentId();
      await h.flow.retry();
      expect(h.flow.state.step).to.equal('awaiting-payment');
      expect(paymentId(h.flow)).to.equal(opened);
      expect(new Set(h.keys).size).to.equal(1);
    });

    it('a lookup that cannot be answered leaves it frozen, checked', async () => {
      const h = await faulted({ kind: 'timeout', afterEffect: true, times: 1 });
      h.backend.setFaults({ lookupIntent: { kind: 'offline', times: 1 } });
      await h.flow.check();
      expect(h.flow.state).to.include({ step: 'outcome-unknown', checked: true, checking: false });
    });
  });

  it('without an adapter it fails to start with the configuration error', async () => {
    const flow = new TopUpFlow({ api: () => Promise.reject(new KitError('configuration', 'No api.', { reason: 'api-required' })) });
    await flow.start();
    expect(flow.state.step === 'load-failed' && flow.state.error.code).to.equal('configuration');
  });
});
