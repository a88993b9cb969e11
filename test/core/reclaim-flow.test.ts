import { expect } from '@open-wc/testing';
import { ReclaimFlow, type ReclaimApi } from '../../src/core/vouchers/reclaim-flow.js';
import { KitError } from '../../src/model/errors.js';
import type { IssuedCoupon, ReclaimResult } from '../../src/model/schemas/coupons.js';
import type { IntentLookup } from '../../src/model/schemas/intents.js';
import { scriptedLookup } from './scripted-lookup.js';

const coupon = (id = 'CP-1'): IssuedCoupon => ({
  id,
  kind: 'voucher',
  customerId: 'c-1',
  faceValue: 20_000,
  balance: 15_000,
  currency: 'CNY',
  status: 'usable',
  effectiveFrom: '2026-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  issuedAt: '2026-01-01T00:00:00.000Z',
});

/** A backend that answers each reclaim with the next scripted step, else with the remaining balance. */
function backend() {
  const keys: string[] = [];
  const script: (() => Promise<ReclaimResult>)[] = [];
  const lookups: string[] = [];
  const lookupAnswers: IntentLookup<ReclaimResult>[] = [];
  const api: ReclaimApi = {
    lookupIntent: scriptedLookup('reclaimCoupon', lookupAnswers, ({ idempotencyKey }) => lookups.push(idempotencyKey)),
    reclaimCoupon: async ({ couponId }, { idempotencyKey }) => {
      keys.push(idempotencyKey);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return (script.shift() ?? (async () => ({ couponId, reclaimedAmount: 15_000, currency: 'CNY' })))();
    },
  };
  return { api, keys, lookups, then: (next: () => Promise<ReclaimResult>) => script.push(next), lookupAnswer: (next: IntentLookup<ReclaimResult>) => lookupAnswers.push(next) };
}

const fail = (error: KitError) => async (): Promise<ReclaimResult> => {
  throw error;
};

describe('ReclaimFlow (headless)', () => {
  it('asks, verifies, reclaims and reports what was actually taken back', async () => {
    const server = backend();
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    const steps: string[] = [];
    flow.subscribe((s) => steps.push(s.step));
    flow.ask(coupon());
    expect(flow.state).to.deep.equal({ step: 'confirming', coupon: coupon() });
    const result = await flow.confirm();
    expect(result).to.deep.equal({ couponId: 'CP-1', reclaimedAmount: 15_000, currency: 'CNY' });
    expect(steps).to.deep.equal(['confirming', 'verifying', 'verifying', 'submitting', 'done']);
    expect(flow.state.step === 'done' && flow.state.result.reclaimedAmount).to.equal(15_000);
    flow.dismiss();
    expect(flow.state.step).to.equal('idle');
  });

  it('calls the backend once for a double confirm, and cannot be dismissed or re-asked while in flight', async () => {
    const server = backend();
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    flow.ask(coupon());
    const [first, second] = [flow.confirm(), flow.confirm()];
    flow.dismiss();
    flow.ask(coupon('CP-2'));
    expect(flow.state).to.deep.include({ step: 'verifying', coupon: coupon() });
    expect(await second).to.equal(undefined);
    expect(await first).to.not.equal(undefined);
    expect(server.keys).to.have.length(1);
  });

  it('does nothing on confirm when nothing was asked', async () => {
    const server = backend();
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    expect(await flow.confirm()).to.equal(undefined);
    expect(server.keys).to.have.length(0);
  });

  it('goes back to the question without an error when the code is cancelled', async () => {
    const server = backend();
    const flow = new ReclaimFlow({
      api: server.api,
      verify: async () => {
        throw new KitError('cancelled', 'closed');
      },
    });
    flow.ask(coupon());
    expect(await flow.confirm()).to.equal(undefined);
    expect(flow.state.step).to.equal('confirming');
    expect(server.keys).to.have.length(0);
  });

  it('keeps the key of a timed-out reclaim for the retry, even after closing and asking again', async () => {
    const server = backend();
    server.then(fail(new KitError('timeout', 'no answer')));
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    flow.ask(coupon());
    await flow.confirm();
    const failed = flow.state;
    expect(failed.step).to.equal('outcome-unknown');
    expect(failed.step === 'outcome-unknown' && failed.error.code).to.equal('timeout');
    flow.dismiss();
    await flow.ask(coupon());
    expect(await flow.confirm()).to.not.equal(undefined);
    expect(server.keys).to.have.length(2);
    expect(server.keys[1]).to.equal(server.keys[0]);
  });

  it('shows a definite refusal with its reason; the refusal spends the key, and a later reclaim is a new intent too', async () => {
    const server = backend();
    server.then(fail(new KitError('conflict', 'already reclaimed', { reason: 'already-reclaimed' })));
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    flow.ask(coupon());
    await flow.confirm();
    expect(flow.state.step === 'failed' && flow.state.error.reason).to.equal('already-reclaimed');
    await flow.confirm();
    expect(flow.state.step).to.equal('done');
    flow.ask(coupon());
    await flow.confirm();
    expect(server.keys[1]).not.to.equal(server.keys[0]);
    expect(server.keys[2]).not.to.equal(server.keys[1]);
  });

  it('holds a lost reclaim as of unknown outcome; a retry goes under the same key', async () => {
    const server = backend();
    server.then(fail(new KitError('server', '502')));
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    flow.ask(coupon());
    expect(await flow.confirm()).to.equal(undefined);
    expect(flow.state).to.deep.include({ step: 'outcome-unknown', checking: false, stillUnknown: false });
    const [retry, again] = [flow.confirm(), flow.confirm()];
    expect(await again).to.equal(undefined);
    expect(await retry).to.deep.include({ reclaimedAmount: 15_000 });
    expect(server.keys).to.have.length(2);
    expect(server.keys[1]).to.equal(server.keys[0]);
  });

  it('asks the backend about a lost reclaim when the coupon is asked about again: done, still unknown, not done', async () => {
    const server = backend();
    server.then(fail(new KitError('timeout', 'lost')));
    const flow = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    flow.ask(coupon());
    await flow.confirm();
    flow.dismiss();
    expect(flow.state.step).to.equal('idle');

    const asked = flow.ask(coupon());
    expect(flow.state).to.deep.include({ step: 'outcome-unknown', checking: true });
    expect(flow.busy).to.equal(true);
    expect(await asked).to.equal(undefined);
    expect(flow.state).to.deep.include({ step: 'outcome-unknown', checking: false, stillUnknown: true });
    expect(server.lookups).to.deep.equal([server.keys[0]]);

    server.lookupAnswer({ status: 'done', result: { couponId: 'CP-1', reclaimedAmount: 15_000, currency: 'CNY' } });
    expect(await flow.check()).to.deep.equal({ couponId: 'CP-1', reclaimedAmount: 15_000, currency: 'CNY' });
    expect(flow.state.step).to.equal('done');
    expect(server.keys).to.have.length(1);

    const other = new ReclaimFlow({ api: server.api, verify: async () => undefined });
    server.then(fail(new KitError('network', 'offline')));
    other.ask(coupon('CP-2'));
    await other.confirm();
    server.lookupAnswer({ status: 'not-done' });
    expect(await other.check()).to.equal(undefined);
    expect(other.state).to.deep.include({ step: 'not-done', error: undefined });
    await other.confirm();
    expect(other.state.step).to.equal('done');
    expect(server.keys.at(-1)).not.to.equal(server.keys.at(-2));
  });
});
