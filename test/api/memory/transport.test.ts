import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { failure } from '../../support/failure.js';
import { createMemoryAdapter } from '../../../src/api/memory/index.js';
import { Transport } from '../../../src/api/memory/transport.js';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const Answer = z.object({ n: z.number() });

/** An abort signal that knows which abort listeners are still attached to it. */
function watchedSignal() {
  const controller = new AbortController();
  const { signal } = controller;
  const attached = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    if (type === 'abort') attached.add(listener);
    add(type, listener, options);
  };
  signal.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
    if (type === 'abort') attached.delete(listener);
    remove(type, listener, options);
  };
  return { controller, signal, attached };
}

describe('memory transport: latency and cancelling', () => {
  it('leaves no abort listener on the caller’s signal once the latency has passed', async () => {
    const api = createMemoryAdapter({ now: () => NOW, latencyMs: 5 });
    const { signal, attached } = watchedSignal();
    await api.getBalances({ signal });
    await api.listBanks({ signal });
    expect(attached.size).to.equal(0);
  });

  it('cancels a call aborted during the latency, before the backend acts', async () => {
    const api = createMemoryAdapter({ now: () => NOW, latencyMs: 1000 });
    const controller = new AbortController();
    const { signal } = controller;
    const reveal = api.revealField({ resource: 'customer', id: 'c-0001', field: 'mobile' }, { signal });
    controller.abort();
    expect((await failure(reveal)).code).to.equal('cancelled');
    expect(api.auditLog).to.have.length(0);
  });

  it('refuses a call whose signal was aborted before it started, also without latency', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const controller = new AbortController();
    controller.abort();
    expect((await failure(api.revealField({ resource: 'customer', id: 'c-0001', field: 'mobile' }, { signal: controller.signal }))).code).to.equal('cancelled');
    expect(api.auditLog).to.have.length(0);
    expect(api.calls.get('revealField')).to.equal(1);
  });

  it('applies a latency changed after creation', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    api.latencyMs = 60;
    const started = performance.now();
    await api.getBalances();
    expect(performance.now() - started).to.be.at.least(50);
  });
});

describe('memory transport: calls and intents', () => {
  it('counts every call, failed ones included', async () => {
    const transport = new Transport({ now: () => NOW, faults: { getBalances: { kind: 'server', times: 1 } } });
    await failure(transport.call('getBalances', undefined, Answer, () => ({ n: 1 })));
    await transport.call('getBalances', undefined, Answer, () => ({ n: 1 }));
    expect(transport.calls.get('getBalances')).to.equal(2);
  });

  it('does not run a call that a fault stops before the backend', async () => {
    const transport = new Transport({ now: () => NOW, faults: { revealField: { kind: 'offline', times: 1 } } });
    let runs = 0;
    await failure(transport.call('revealField', undefined, Answer, () => ({ n: (runs += 1) })));
    expect(runs).to.equal(0);
  });

  it('runs a call whose answer a fault loses afterwards', async () => {
    const transport = new Transport({ now: () => NOW, faults: { sendVerificationCode: { kind: 'timeout', afterEffect: true, times: 1 } } });
    let runs = 0;
    expect((await failure(transport.call('sendVerificationCode', undefined, Answer, () => ({ n: (runs += 1) })))).code).to.equal('timeout');
    expect(runs).to.equal(1);
  });

  it('answers a malformed payload as a malformed response, after the backend acted', async () => {
    const transport = new Transport({ now: () => NOW, faults: { withdraw: { kind: 'malformed', times: 1 } } });
    let runs = 0;
    const error = await failure(transport.intent('withdraw', {}, { idempotencyKey: 'k' }, Answer, () => ({ n: (runs += 1) })));
    expect(error).to.include({ code: 'malformed-response', reason: 'schema' });
    expect(runs).to.equal(1);
    expect(await transport.intent('withdraw', {}, { idempotencyKey: 'k' }, Answer, () => ({ n: (runs += 1) }))).to.deep.equal({ n: 1 });
  });

  it('refuses an intent without an idempotency key before counting or running it', async () => {
    const transport = new Transport({ now: () => NOW });
    const error = await failure(transport.intent('withdraw', {}, { idempotencyKey: '' }, Answer, () => ({ n: 1 })));
    expect(error).to.include({ code: 'validation', reason: 'idempotency-key' });
    expect(transport.calls.get('withdraw')).to.equal(undefined);
  });

  it('keeps idempotency keys apart per operation', async () => {
    const transport = new Transport({ now: () => NOW });
    await transport.intent('withdraw', { a: 1 }, { idempotencyKey: 'same' }, Answer, () => ({ n: 1 }));
    expect(await transport.intent('issueCoupons', { b: 2 }, { idempotencyKey: 'same' }, Answer, () => ({ n: 2 }))).to.deep.equal({ n: 2 });
  });

  it('keeps no refused intent: the retry with the same key runs again', async () => {
    const transport = new Transport({ now: () => NOW });
    let refuse = true;
    const effect = () => {
      if (refuse) throw new Error('refused');
      return { n: 3 };
    };
    let thrown: unknown;
    try {
      await transport.intent('withdraw', {}, { idempotencyKey: 'k' }, Answer, effect);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(Error);
    refuse = false;
    expect(await transport.intent('withdraw', {}, { idempotencyKey: 'k' }, Answer, effect)).to.deep.equal({ n: 3 });
  });

  it('hands a planned refusal to the intent’s effect, once', async () => {
    const transport = new Transport({ now: () => NOW, faults: { withdraw: { kind: 'refused', refusal: 'name-mismatch', times: 1 } } });
    const seen: unknown[] = [];
    await transport.intent('withdraw', {}, { idempotencyKey: 'a' }, Answer, (refusal) => (seen.push(refusal), { n: 1 }));
    await transport.intent('withdraw', {}, { idempotencyKey: 'b' }, Answer, (refusal) => (seen.push(refusal), { n: 1 }));
    expect(seen).to.deep.equal(['name-mismatch', undefined]);
  });

  it('answers past its rate limit with the wait until the oldest call leaves the window', async () => {
    let now = NOW;
    const transport = new Transport({ now: () => now, rateLimitPerSecond: 2 });
    await transport.call('listBanks', undefined, Answer, () => ({ n: 1 }));
    now += 400;
    await transport.call('listBanks', undefined, Answer, () => ({ n: 1 }));
    now += 100;
    expect(await failure(transport.call('listBanks', undefined, Answer, () => ({ n: 1 })))).to.include({ code: 'rate-limited', retryAfterMs: 500 });
    expect(await transport.call('getBalances', undefined, Answer, () => ({ n: 1 }))).to.deep.equal({ n: 1 });
    now += 500;
    expect(await transport.call('listBanks', undefined, Answer, () => ({ n: 1 }))).to.deep.equal({ n: 1 });
  });
});
