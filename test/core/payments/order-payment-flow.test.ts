import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type { FaultSpec } from '../../../src/api/memory/faults.js';
import { OrderPaymentFlow, type OrderPaymentVerifier } from '../../../src/core/payments/order-payment-flow.js';
import type { OrderTask, PaidOrder } from '../../../src/core/payments/order-payment-state.js';
import { KitError } from '../../../src/model/errors.js';
import { backendError } from '../../../src/api/backend-errors.js';

interface Harness {
  flow: OrderPaymentFlow;
  backend: MemoryPartnerApi;
  keys: string[];
  /** The idempotency key of every rejectOrder and notifyOrderCustomer call, in order. */
  sideKeys: { rejectOrder: string[]; notifyOrderCustomer: string[] };
  /** When each payOrder call was made (performance.now()). */
  payTimes: number[];
  paid: PaidOrder[];
  clock: { now: number };
}

async function harness(options: { verification?: boolean; verify?: OrderPaymentVerifier; jobIntervalMs?: number } = {}): Promise<Harness> {
  const clock = { now: Date.parse('2026-06-01T00:00:00Z') };
  const backend = createMemoryAdapter({ now: () => clock.now, verification: { enabled: options.verification ?? false } });
  const keys: string[] = [];
  const sideKeys: Harness['sideKeys'] = { rejectOrder: [], notifyOrderCustomer: [] };
  const payTimes: number[] = [];
  const paid: PaidOrder[] = [];
  const flow = new OrderPaymentFlow({
    api: {
      getOrderPaymentOverview: (o) => backend.getOrderPaymentOverview(o),
      payOrder: (r, o) => {
        keys.push(o.idempotencyKey);
        payTimes.push(performance.now());
        return backend.payOrder(r, o);
      },
      rejectOrder: (r, o) => {
        sideKeys.rejectOrder.push(o.idempotencyKey);
        return backend.rejectOrder(r, o);
      },
      notifyOrderCustomer: (r, o) => {
        sideKeys.notifyOrderCustomer.push(o.idempotencyKey);
        return backend.notifyOrderCustomer(r, o);
      },
      lookupIntent: (r, o) => backend.lookupIntent(r, o),
      getPaymentStatus: (r, o) => backend.getPaymentStatus(r, o),
    },
    verify: options.verify ?? (() => Promise.resolve(undefined)),
    onPaid: (result) => paid.push(result),
    now: () => clock.now,
    jobIntervalMs: options.jobIntervalMs ?? 0,
  });
  await flow.load();
  return { flow, backend, keys, sideKeys, payTimes, paid, clock };
}

const task = (flow: OrderPaymentFlow): OrderTask | undefined => (flow.state.step === 'ready' ? flow.state.task : undefined);
const ticks = () => new Promise((resolve) => setTimeout(resolve, 20));
const FIRST = 'CS26051001';
const STARTED = 'CS26051004';

describe('OrderPaymentFlow', () => {
  it('pays an order from the balance once, however often confirmed, and reports it once', async () => {
    const { flow, keys, paid } = await harness();
    flow.open(FIRST);
    await Promise.all([flow.confirm(), flow.confirm(), flow.confirm()]);
    expect(task(flow)?.phase).to.equal('paid');
    expect(keys).to.have.length(1);
    expect(paid.map((p) => p.orderId)).to.deep.equal([FIRST]);
    expect(flow.order(FIRST)).to.equal(undefined);
  });

  it('never sends an order whose service start time has passed, and offers to notify the customer', async () => {
    const { flow, backend, keys } = await harness();
    flow.open(STARTED);
    expect(task(flow)?.phase).to.equal('start-passed');
    await flow.confirm();
    expect(keys).to.have.length(0);
    await flow.notifyCustomer();
    expect(task(flow)).to.include({ phase: 'start-passed', notified: true });
    expect(backend.calls.get('notifyOrderCustomer')).to.equal(1);
  });

  it('re-checks the start time at the click: one that passed while the panel was open is not paid', async () => {
    const { flow, clock, keys } = await harness();
    flow.open(FIRST);
    clock.now += 3 * 86_400_000;
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('start-passed');
    expect(keys).to.have.length(0);
  });

  it('shows the backend refusal CBC.99003162 as start passed when the client clock is behind', async () => {
    const { flow, backend, keys } = await harness();
    flow.open(FIRST);
    // The backend's clock is ahead of the client's.
    const real = backend.payOrder.bind(backend);
    backend.payOrder = () => Promise.reject(new KitError('conflict', 'started', { reason: 'start-time-passed', backendCode: 'CBC.99003162' }));
    await flow.confirm();
    backend.payOrder = real;
    expect(task(flow)?.phase).to.equal('start-passed');
    expect(keys).to.have.length(1);
  });

  it('refuses a balance payment when the allocatable balance does not cover it, before sending', async () => {
    const { flow, keys } = await harness();
    flow.open('CS26051005');
    expect(task(flow)).to.include({ phase: 'choosing', block: 'allocatable-insufficient' });
    await flow.confirm();
    expect(keys).to.have.length(0);
  });

  it('marketplace goods: only the named online channel', async () => {
    const { flow } = await harness();
    flow.open('CS26051006');
    flow.setMethod({ type: 'online', channel: 'alipay' });
    expect(task(flow)).to.include({ block: 'method-not-allowed' });
    flow.setMethod({ type: 'online', channel: 'petal' });
    await flow.confirm();
    const t = task(flow);
    expect(t?.phase).to.equal('action');
    if (t?.phase === 'action') expect(t.action.kind).to.equal('redirect');
  });

  it('backend refusals come back in plain words: status changed (CBC.99003106), too frequent (CBC.99008040), daily cap (CBC.99008056)', async () => {
    const { flow, backend } = await harness();
    await backend.payOrder({ orderId: FIRST, method: { type: 'balance' } }, { idempotencyKey: 'elsewhere-1' });
    flow.open(FIRST);
    await flow.confirm();
    let t = task(flow);
    expect(t?.phase === 'choosing' && t.refusal).to.include({ backendCode: 'CBC.99003106', reason: 'order-status-changed' });

    backend.payments.rules = { payBurst: 0, dailyCap: 50_000_000 };
    flow.open('CS26051002');
    await flow.confirm();
    t = task(flow);
    expect(t?.phase === 'choosing' && t.refusal).to.include({ backendCode: 'CBC.99008040', code: 'rate-limited' });

    backend.payments.rules = { payBurst: 10, dailyCap: 1 };
    flow.open('CS26051003');
    await flow.confirm();
    t = task(flow);
    expect(t?.phase === 'choosing' && t.refusal).to.include({ backendCode: 'CBC.99008056', reason: 'daily-cap' });
  });

  const faults: [string, FaultSpec, 'choosing' | 'outcome-unknown'][] = [
    ['rate-limited', { kind: 'rate-limited', times: 1 }, 'choosing'],
    ['server error', { kind: 'server', times: 1 }, 'outcome-unknown'],
    ['timeout before the effect', { kind: 'timeout', times: 1 }, 'outcome-unknown'],
    ['malformed answer', { kind: 'malformed', times: 1 }, 'outcome-unknown'],
    ['tenant mismatch', { kind: 'tenant-mismatch', times: 1 }, 'choosing'],
    ['offline', { kind: 'offline', times: 1 }, 'outcome-unknown'],
  ];
  for (const [name, fault, phase] of faults) {
    it(`payOrder, ${name}: ${phase === 'choosing' ? 'said so, nothing paid, pay again works' : 'frozen; the retry repeats the key and pays once'}`, async () => {
      const { flow, backend, keys, paid } = await harness();
      backend.setFaults({ payOrder: fault });
      flow.open(FIRST);
      await flow.confirm();
      expect(task(flow)?.phase).to.equal(phase);
      await flow.confirm();
      expect(task(flow)?.phase).to.equal('paid');
      expect(paid).to.have.length(1);
      if (phase === 'outcome-unknown') expect(keys[1]).to.equal(keys[0]);
    });
  }

  it('payOrder, timeout after the effect: frozen, the lookup finds it paid, reported once', async () => {
    const { flow, backend, keys, paid } = await harness();
    backend.setFaults({ payOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    flow.open(FIRST);
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('outcome-unknown');
    flow.close();
    flow.open(FIRST);
    expect(task(flow)?.phase).to.equal('outcome-unknown');
    await flow.check();
    expect(task(flow)).to.include({ phase: 'paid', recovered: true });
    expect(keys).to.have.length(1);
    expect(paid).to.have.length(1);
  });

  it('a lookup that finds nothing returns to the choice and the next payment uses a new key', async () => {
    const { flow, backend, keys } = await harness();
    backend.setFaults({ payOrder: { kind: 'timeout', times: 1 } });
    flow.open(FIRST);
    await flow.confirm();
    await flow.check();
    expect(task(flow)?.phase).to.equal('choosing');
    await flow.confirm();
    expect(keys).to.have.length(2);
    expect(keys[1]).not.to.equal(keys[0]);
    expect(task(flow)?.phase).to.equal('paid');
  });

  it('rejects a request with a reason; a blank reason is not sent', async () => {
    const { flow, backend } = await harness();
    flow.beginReject(FIRST);
    await flow.reject();
    expect(backend.calls.get('rejectOrder')).to.equal(undefined);
    flow.setReason('客户自行支付');
    await flow.reject();
    expect(task(flow)?.phase).to.equal('rejected');
    expect(flow.order(FIRST)).to.equal(undefined);
  });

  it('a rejection whose answer was lost reopens as it was sent, and is sent again the same once the panel comes back', async () => {
    const { flow, backend, sideKeys } = await harness();
    backend.setFaults({ rejectOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    flow.beginReject(FIRST);
    flow.setReason('客户自行支付');
    await flow.reject();
    flow.close();
    flow.beginReject(FIRST);
    const reopened = task(flow);
    expect(reopened?.phase === 'rejecting' && reopened.reason, 'the reason it was sent with').to.equal('客户自行支付');
    expect(reopened?.phase === 'rejecting' && reopened.error?.code, 'still told the answer was lost').to.equal('timeout');
    await flow.reject();
    expect(task(flow)?.phase).to.equal('rejected');
    expect(sideKeys.rejectOrder, 'one key for both sends').to.have.length(2);
    expect(new Set(sideKeys.rejectOrder).size).to.equal(1);
  });

  it('pays many as a job with per-order results and retries only the failed, never paying one twice', async () => {
    const { flow, backend, keys, paid } = await harness();
    flow.toggleSelect(FIRST);
    flow.toggleSelect('CS26051002');
    flow.toggleSelect('CS26051003');
    expect(flow.selection().total).to.equal(128_000 + 542_300 + 1_200_000);
    backend.setFaults({ payOrder: [{ kind: 'timeout', afterEffect: true, times: 1 }, { kind: 'server', times: 1 }] });
    await flow.payMany();
    const job = flow.state.step === 'ready' ? flow.state.job : undefined;
    expect([...(job?.outcomes.values() ?? [])].map((o) => o.status)).to.deep.equal(['unknown', 'unknown', 'paid']);
    await flow.retryFailed();
    const after = flow.state.step === 'ready' ? flow.state.job : undefined;
    expect([...(after?.outcomes.values() ?? [])].map((o) => o.status)).to.deep.equal(['paid', 'paid', 'paid']);
    expect(paid.map((p) => p.orderId).sort()).to.deep.equal([FIRST, 'CS26051002', 'CS26051003']);
    // The first took effect before its timeout: its retry repeated the key and was answered from the record.
    expect(keys.filter((k) => k === keys[0])).to.have.length(2);
    expect(backend.payments.accountBalance).to.equal(3_985_000 - 128_000 - 542_300 - 1_200_000);
  });
  it('lifts a balance block on reload once the balance covers the order (after a top-up)', async () => {
    const { flow, backend } = await harness();
    flow.open('CS26051005');
    expect(task(flow)).to.include({ phase: 'choosing', block: 'allocatable-insufficient' });
    backend.payments.allocatableBalance += 2_000_000;
    await flow.load();
    expect(task(flow)).to.include({ phase: 'choosing', block: undefined });
  });

  it('a lookup that finds the payment waiting for the payer opens its redirect, not "still unknown"', async () => {
    const { flow, backend, keys } = await harness();
    backend.setFaults({ payOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    flow.open(FIRST);
    flow.setMethod({ type: 'online', channel: 'alipay' });
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('outcome-unknown');
    await flow.check();
    const t = task(flow);
    expect(t?.phase).to.equal('action');
    if (t?.phase === 'action') expect(t.action.kind).to.equal('redirect');
    expect(keys).to.have.length(1);
  });

  it('an order with an online payment open reopens that payment and is not paid again, by itself or in a job, until it expires', async () => {
    const { flow, clock, keys, paid } = await harness();
    flow.open(FIRST);
    flow.setMethod({ type: 'online', channel: 'alipay' });
    await flow.confirm();
    const first = task(flow);
    if (first?.phase !== 'action') throw new Error(`not action: ${first?.phase}`);
    flow.close();
    flow.open(FIRST);
    await ticks();
    const again = task(flow);
    expect(again?.phase === 'action' && again.action.paymentId).to.equal(first.action.paymentId);
    await flow.confirm();
    flow.close();
    flow.toggleSelect(FIRST);
    await flow.payMany();
    const job = flow.state.step === 'ready' ? flow.state.job : undefined;
    const outcome = job?.outcomes.get(FIRST);
    expect(outcome?.status === 'failed' && outcome.error.reason).to.equal('payment-open');
    expect(keys).to.have.length(1);
    clock.now += 16 * 60_000;
    flow.open(FIRST);
    await ticks();
    expect(task(flow)?.phase).to.equal('choosing');
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('paid');
    expect(keys).to.have.length(2);
    expect(paid.map((p) => p.orderId)).to.deep.equal([FIRST]);
  });

  it('a reopened order whose online payment was paid meanwhile shows it paid, reported once, the balance untouched', async () => {
    const { flow, backend, paid } = await harness();
    flow.open(FIRST);
    flow.setMethod({ type: 'online', channel: 'wechat' });
    await flow.confirm();
    const t = task(flow);
    if (t?.phase !== 'action') throw new Error(`not action: ${t?.phase}`);
    flow.close();
    backend.payments.settle(t.action.paymentId, 'paid');
    flow.open(FIRST);
    await ticks();
    expect(task(flow)).to.include({ phase: 'paid', recovered: true });
    expect(paid.map((p) => p.orderId)).to.deep.equal([FIRST]);
    expect(flow.state.step === 'ready' && flow.state.overview.accountBalance).to.equal(3_985_000);
  });

  it('the backend refuses a second payment of an order whose online payment is open (CBC.99003106)', async () => {
    const { backend } = await harness();
    await backend.payOrder({ orderId: FIRST, method: { type: 'online', channel: 'alipay' } }, { idempotencyKey: 'elsewhere-1' });
    const second = await backend.payOrder({ orderId: FIRST, method: { type: 'balance' } }, { idempotencyKey: 'elsewhere-2' }).catch((e: unknown) => e);
    expect(second).to.include({ code: 'conflict', backendCode: 'CBC.99003106' });
    expect(backend.payments.accountBalance).to.equal(3_985_000);
  });

  it('checks the payment deadline before sending, and shows the backend\'s CBC.99003110 when it sees it first', async () => {
    const { flow, backend, clock, keys } = await harness();
    clock.now += 86_400_000 - 30 * 60_000;
    flow.open(FIRST);
    expect(task(flow)).to.include({ phase: 'choosing', block: 'deadline-passed' });
    await flow.confirm();
    expect(keys).to.have.length(0);
    clock.now -= 86_400_000 - 30 * 60_000;
    flow.open('CS26051002');
    backend.payOrder = () => Promise.reject(backendError('CBC.99003110', 'The payment deadline has passed.'));
    await flow.confirm();
    const t = task(flow);
    expect(t?.phase === 'choosing' && t.refusal).to.include({ code: 'conflict', reason: 'deadline-passed', backendCode: 'CBC.99003110' });
  });

  it('refuses a balance payment the account balance does not cover, before sending, one order or a selection', async () => {
    const { flow, backend, keys } = await harness();
    backend.payments.accountBalance = 100_000;
    await flow.load();
    flow.open(FIRST);
    expect(task(flow)).to.include({ phase: 'choosing', block: 'balance-insufficient' });
    await flow.confirm();
    flow.close();
    flow.toggleSelect('CS26051006');
    flow.toggleSelect(FIRST);
    expect(flow.selection()).to.include({ total: 45_000 + 128_000, shortfall: 'balance-insufficient' });
    await flow.payMany();
    expect(keys).to.have.length(0);
  });

  it('CBC.99005003: a balance spent elsewhere since the load is refused in plain words, nothing paid, and paid once topped up', async () => {
    const { flow, backend, paid } = await harness();
    flow.open(FIRST);
    backend.payments.accountBalance = 100;
    await flow.confirm();
    const t = task(flow);
    expect(t?.phase === 'choosing' && t.refusal).to.include({ code: 'insufficient-funds', backendCode: 'CBC.99005003' });
    expect(paid).to.have.length(0);
    backend.payments.accountBalance = 3_985_000;
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('paid');
    expect(paid).to.have.length(1);
  });

  it('asks for the code where the policy guards paying: giving up sends nothing, the ticket is kept for a retry of the same payment', async () => {
    const asked: number[] = [];
    const answers: ('cancel' | 'code')[] = ['cancel', 'code'];
    const backendOf: { current?: MemoryPartnerApi } = {};
    const verify: OrderPaymentVerifier = async (request) => {
      asked.push(request.amount);
      if (answers.shift() === 'cancel') throw new KitError('cancelled', 'The user closed the code dialog.');
      const backend = backendOf.current!;
      await backend.sendVerificationCode({ purpose: 'pay-order', channel: 'sms' });
      return backend.checkVerificationCode({ purpose: 'pay-order', channel: 'sms', code: backend.outbox.at(-1)?.code ?? '' });
    };
    const { flow, backend, keys, paid } = await harness({ verification: true, verify });
    backendOf.current = backend;
    flow.open(FIRST);
    await flow.confirm();
    expect(task(flow)).to.include({ phase: 'choosing', refusal: undefined });
    expect(keys).to.have.length(0);
    backend.setFaults({ payOrder: { kind: 'timeout', times: 1 } });
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('outcome-unknown');
    await flow.confirm();
    expect(task(flow)?.phase).to.equal('paid');
    expect(asked).to.deep.equal([128_000, 128_000]);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(paid).to.have.length(1);
  });

  it('pays many no faster than the job allows, showing progress, each order under its own key', async () => {
    const { flow, keys, payTimes, paid } = await harness({ jobIntervalMs: 80 });
    for (const id of [FIRST, 'CS26051002', 'CS26051003']) flow.toggleSelect(id);
    const job = flow.payMany();
    await ticks();
    const during = flow.state.step === 'ready' ? flow.state.job : undefined;
    expect(during?.running).to.equal(true);
    expect([...(during?.outcomes.values() ?? [])].map((o) => o.status)).to.include('paid').and.to.include('waiting');
    await job;
    expect(payTimes.slice(1).map((t, i) => t - payTimes[i]!).every((gap) => gap >= 75)).to.equal(true);
    expect(new Set(keys).size).to.equal(3);
    expect(paid).to.have.length(3);
  });

  const sideFaults: [string, FaultSpec, boolean][] = [
    ['rate-limited', { kind: 'rate-limited', times: 1 }, false],
    ['server error', { kind: 'server', times: 1 }, true],
    ['timeout before the effect', { kind: 'timeout', times: 1 }, true],
    ['timeout after the effect', { kind: 'timeout', afterEffect: true, times: 1 }, true],
    ['malformed answer', { kind: 'malformed', times: 1 }, true],
    ['tenant mismatch', { kind: 'tenant-mismatch', times: 1 }, false],
    ['offline', { kind: 'offline', times: 1 }, true],
  ];
  for (const [name, fault, unknown] of sideFaults) {
    it(`rejectOrder, ${name}: said so${unknown ? ', the reason frozen, sent again under the same key' : ''}, returned once`, async () => {
      const { flow, backend, sideKeys } = await harness();
      backend.setFaults({ rejectOrder: fault });
      flow.beginReject(FIRST);
      flow.setReason('客户自行支付');
      await flow.reject();
      let t = task(flow);
      expect(t?.phase === 'rejecting' && t.error?.code).to.be.a('string');
      flow.setReason('客户改用信用卡');
      t = task(flow);
      expect(t?.phase === 'rejecting' && t.reason).to.equal(unknown ? '客户自行支付' : '客户改用信用卡');
      await flow.reject();
      expect(task(flow)?.phase).to.equal('rejected');
      expect(flow.order(FIRST)).to.equal(undefined);
      if (unknown) expect(sideKeys.rejectOrder).to.have.length(2).and.to.satisfy((k: string[]) => k[0] === k[1]);
    });

    it(`notifyOrderCustomer, ${name}: said so, the customer notified on the retry${unknown ? ' under the same key' : ''}`, async () => {
      const { flow, backend, sideKeys } = await harness();
      backend.setFaults({ notifyOrderCustomer: fault });
      flow.open(STARTED);
      await flow.notifyCustomer();
      const t = task(flow);
      expect(t?.phase === 'start-passed' && !t.notified && t.error?.code).to.be.a('string');
      await flow.notifyCustomer();
      expect(task(flow)).to.include({ phase: 'start-passed', notified: true });
      expect(sideKeys.notifyOrderCustomer).to.have.length(2);
      if (unknown) expect(sideKeys.notifyOrderCustomer[1]).to.equal(sideKeys.notifyOrderCustomer[0]);
    });
  }
});
