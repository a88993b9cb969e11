import { expect } from '@open-wc/testing';
import { ResendJob, retryableFailures, type ResendApi, type ResendJobState } from '../../src/core/invites/resend-job.js';
import { KitError } from '../../src/model/errors.js';

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `inv-${i}` }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A backend that answers each resend after `latencyMs`, and records what it was asked. */
function backend(answer: (id: string, call: number) => KitError | undefined = () => undefined, latencyMs = 2) {
  const calls: { id: string; key: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const api: ResendApi = {
    async resendInvitation({ invitationId }, { idempotencyKey }) {
      calls.push({ id: invitationId, key: idempotencyKey });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(latencyMs);
      inFlight -= 1;
      const refusal = answer(invitationId, calls.length);
      if (refusal) throw refusal;
      return { invitationId, sentAt: '2026-01-01T00:00:00.000Z', linkExpiresAt: '2026-01-08T00:00:00.000Z' };
    },
  };
  return { api, calls, maxInFlight: () => maxInFlight };
}

describe('ResendJob', () => {
  it('resends every row once with bounded concurrency and ends done with each receipt', async () => {
    const { api, calls, maxInFlight } = backend();
    const job = new ResendJob({ api, concurrency: 3 });
    const seen: ResendJobState['status'][] = [];
    job.subscribe((state) => seen.push(state.status));
    const result = await job.run(rows(10));
    expect(result.status).to.equal('done');
    expect(result.progress.total).to.equal(10);
    expect(result.progress.done).to.equal(10);
    expect(result.progress.succeeded.map((r) => r.invitationId).sort()).to.deep.equal(rows(10).map((r) => r.id).sort());
    expect(calls).to.have.length(10);
    expect(maxInFlight()).to.equal(3);
    expect(seen[0]).to.equal('running');
    expect(job.state).to.include({ status: 'done', progress: result.progress });
  });

  it('reads the concurrency when a job starts', async () => {
    const { api, maxInFlight } = backend();
    const job = new ResendJob({ api });
    job.concurrency = 1;
    await job.run(rows(5));
    expect(maxInFlight()).to.equal(1);
  });

  it('falls back to the default width when the concurrency is not a whole number from 1', async () => {
    for (const bad of [Number.NaN, 0, -2, 2.5]) {
      const { api, calls, maxInFlight } = backend();
      const job = new ResendJob({ api });
      job.concurrency = bad;
      const result = await job.run(rows(6));
      expect(result.progress.succeeded, String(bad)).to.have.length(6);
      expect(calls).to.have.length(6);
      expect(maxInFlight()).to.equal(4);
    }
  });

  it('offers to retry only the rows that may yet succeed, never one already associated', async () => {
    const associated = new KitError('conflict', 'already associated', { reason: 'already-associated' });
    const { api, calls } = backend((id, call) => (id === 'inv-0' ? associated : id === 'inv-1' && call <= 2 ? new KitError('server', 'busy') : undefined));
    const job = new ResendJob({ api, concurrency: 1 });
    const first = await job.run(rows(3));
    expect(first.progress.failed.map((f) => f.id)).to.deep.equal(['inv-0']);
    expect(first.progress.unknown.map((f) => f.id)).to.deep.equal(['inv-1']);
    expect(retryableFailures(first.progress).map((f) => f.id)).to.deep.equal(['inv-1']);
    const again = await job.retryFailed();
    expect(again.progress.succeeded.map((r) => r.invitationId)).to.deep.equal(['inv-1']);
    expect(calls.filter((c) => c.id === 'inv-0')).to.have.length(1);
  });

  it('pauses on 429 for the Retry-After, puts the row back and never fails it', async () => {
    const { api, calls } = backend((_id, call) => (call === 2 ? new KitError('rate-limited', 'slow down', { retryAfterMs: 60 }) : undefined));
    const job = new ResendJob({ api, concurrency: 1 });
    const paused: number[] = [];
    job.subscribe((state) => {
      if (state.status === 'paused-rate-limited') paused.push(state.until);
    });
    const started = Date.now();
    const result = await job.run(rows(4));
    expect(result.status).to.equal('done');
    expect(result.progress.succeeded).to.have.length(4);
    expect(result.progress.failed).to.have.length(0);
    expect(calls).to.have.length(5);
    expect(calls[1]!.id).to.equal(calls[2]!.id);
    expect(calls[1]!.key, 'the retried row keeps its key').to.equal(calls[2]!.key);
    expect(paused.length).to.be.greaterThan(0);
    expect(Date.now() - started).to.be.at.least(60);
  });

  it('counts rows that never left as failed, then retries only those under the keys they had', async () => {
    let refuse = true;
    const neverLeft = () => new KitError('network', 'module did not load', { details: { sent: false } });
    const { api, calls } = backend((id) => (refuse && (id === 'inv-1' || id === 'inv-3') ? neverLeft() : undefined));
    const job = new ResendJob({ api, concurrency: 2 });
    const first = await job.run(rows(5));
    expect(first.status).to.equal('done');
    expect(first.progress.unknown).to.have.length(0);
    expect(first.progress.failed.map((f) => [f.id, f.error.code])).to.deep.equal([
      ['inv-1', 'network'],
      ['inv-3', 'network'],
    ]);
    expect(first.progress.succeeded).to.have.length(3);
    const firstKeys = new Map(calls.map((c) => [c.id, c.key]));
    refuse = false;
    const retry = await job.retryFailed();
    expect(retry.progress.total).to.equal(2);
    expect(retry.progress.succeeded.map((r) => r.invitationId).sort()).to.deep.equal(['inv-1', 'inv-3']);
    expect(calls.slice(5).map((c) => c.key)).to.deep.equal(calls.slice(5).map((c) => firstKeys.get(c.id)));
  });

  it('puts a row whose answer was lost in unknown, never in failed, and the retry settles it under the same key', async () => {
    const lost: Record<string, KitError> = {
      'inv-0': new KitError('network', 'connection reset'),
      'inv-1': new KitError('server', 'bad gateway', { backendCode: 'CBC.0999' }),
      'inv-2': new KitError('timeout', 'no answer'),
      'inv-3': new KitError('malformed-response', 'not JSON'),
    };
    let answered = false;
    const { api, calls } = backend((id) => (answered ? undefined : lost[id]));
    const job = new ResendJob({ api, concurrency: 2 });
    const first = await job.run(rows(5));
    expect(first.status).to.equal('done');
    expect(first.progress.done).to.equal(5);
    expect(first.progress.failed).to.deep.equal([]);
    expect(first.progress.unknown.map((f) => [f.id, f.error.code]).sort()).to.deep.equal([
      ['inv-0', 'network'],
      ['inv-1', 'server'],
      ['inv-2', 'timeout'],
      ['inv-3', 'malformed-response'],
    ]);
    expect(first.progress.succeeded.map((r) => r.invitationId)).to.deep.equal(['inv-4']);
    const firstKeys = new Map(calls.map((c) => [c.id, c.key]));
    answered = true;
    const retry = await job.retryFailed();
    expect(retry.progress.succeeded.map((r) => r.invitationId).sort()).to.deep.equal(['inv-0', 'inv-1', 'inv-2', 'inv-3']);
    expect(retry.progress.unknown).to.deep.equal([]);
    expect(retry.progress.failed).to.deep.equal([]);
    expect(calls.slice(5).map((c) => c.key), 'each retry under the key its lost answer had').to.deep.equal(calls.slice(5).map((c) => firstKeys.get(c.id)));
  });

  it('stops on cancel: rows in flight finish and count, no new row is sent', async () => {
    const { api, calls } = backend(undefined, 20);
    const job = new ResendJob({ api, concurrency: 1 });
    const pending = job.run(rows(10));
    await sleep(50);
    job.cancel();
    expect(job.state.status).to.equal('cancelling');
    const sentWhenCancelled = calls.length;
    const result = await pending;
    expect(result.status).to.equal('cancelled');
    expect(calls).to.have.length(sentWhenCancelled);
    expect(result.progress.succeeded).to.have.length(sentWhenCancelled);
    expect(result.progress.done).to.be.below(10);
  });

  it('skips a row re-sent moments ago instead of sending it again', async () => {
    const { api, calls } = backend();
    let now = 1_000_000;
    const job = new ResendJob({ api, now: () => now, recentMs: 60_000 });
    await job.run(rows(2));
    now += 30_000;
    const again = await job.run(rows(3));
    expect(again.progress.skipped).to.deep.equal(['inv-0', 'inv-1']);
    expect(again.progress.done).to.equal(3);
    expect(calls.map((c) => c.id)).to.deep.equal(['inv-0', 'inv-1', 'inv-2']);
    now += 60_000;
    await job.run(rows(1));
    expect(calls).to.have.length(4);
  });

  it('takes rows asked for while it runs into the same job, once each, and refuses them while stopping', async () => {
    const { api, calls } = backend(undefined, 10);
    const job = new ResendJob({ api, concurrency: 1 });
    const batch = job.run(rows(3));
    const joined = job.run([{ id: 'inv-9' }, { id: 'inv-0' }]);
    const [a, b] = await Promise.all([batch, joined]);
    expect(a).to.equal(b);
    expect(a.progress.total).to.equal(4);
    expect(calls.map((c) => c.id).sort()).to.deep.equal(['inv-0', 'inv-1', 'inv-2', 'inv-9']);
    const next = job.run(rows(3).map((r) => ({ id: `x-${r.id}` })));
    job.cancel();
    const refused = await job.run([{ id: 'late' }]);
    expect(refused.status).to.equal('cancelling');
    await next;
    expect(calls.map((c) => c.id)).not.to.include('late');
  });

  it('ends failed with the KitError when the adapter cannot be had, instead of running forever', async () => {
    const job = new ResendJob({ api: () => Promise.reject(new KitError('configuration', 'no adapter')) });
    const result = await job.run(rows(2));
    expect(result.status).to.equal('failed');
    if (result.status !== 'failed') return;
    expect(result.error).to.be.instanceOf(KitError);
    expect(result.error.code).to.equal('configuration');
    expect(job.state.status).to.equal('failed');
    job.reset();
    expect(job.state.status).to.equal('idle');
  });

  it('sends a later resend of the same invitation under a new key: a key is spent by its success or a refusal, kept after a lost answer', async () => {
    let now = 0;
    const { api, calls } = backend((_id, call) => (call === 3 ? new KitError('timeout', 'lost') : undefined));
    const job = new ResendJob({ api, now: () => now, recentMs: 60_000 });
    await job.run([{ id: 'inv-1' }]);
    now += 61_000;
    await job.run([{ id: 'inv-1' }]);
    expect(calls[1]!.key).not.to.equal(calls[0]!.key);
    now += 61_000;
    await job.run([{ id: 'inv-1' }]);
    await job.retryFailed();
    expect(calls[3]!.key).to.equal(calls[2]!.key);
  });
});
