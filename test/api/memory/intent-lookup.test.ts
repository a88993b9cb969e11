import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../../src/api/memory/index.js';
import { failure } from '../../support/failure.js';
import { ticketFor } from './tickets.js';

const request = { route: 'original' as const, amount: 10_000, flowIds: ['RF-20261002-03'] };

describe('memory backend: one idempotency rule and the intent lookup', () => {
  it('answers done with the first result for a key whose answer was lost, and the retry takes no second effect', async () => {
    const api = createMemoryAdapter({ latencyMs: 0, faults: { withdraw: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const before = (await api.getWithdrawalOverview()).withdrawable;
    const options = { idempotencyKey: 'wd-lost-000001', verificationTicket: await ticketFor(api, 'withdraw') };
    expect((await failure(api.withdraw(request, options))).code).to.equal('timeout');
    const looked = await api.lookupIntent({ operation: 'withdraw', idempotencyKey: 'wd-lost-000001' });
    expect(looked.status).to.equal('done');
    const retried = await api.withdraw(request, options);
    expect(looked.status === 'done' && looked.result).to.deep.equal(retried);
    expect((await api.getWithdrawalOverview()).withdrawable).to.equal(before - 10_000);
  });

  it('records a definite refusal: the same key replays it, even after the cause is gone', async () => {
    const api = createMemoryAdapter({ latencyMs: 0, faults: { withdraw: { kind: 'refused', refusal: 'name-mismatch', times: 1 } } });
    const options = { idempotencyKey: 'wd-refused-01', verificationTicket: await ticketFor(api, 'withdraw') };
    const first = await failure(api.withdraw(request, options));
    const again = await failure(api.withdraw(request, options));
    expect([again.code, again.reason]).to.deep.equal([first.code, first.reason]);
    const looked = await api.lookupIntent({ operation: 'withdraw', idempotencyKey: 'wd-refused-01' });
    expect(looked.status === 'refused' && looked.error.code).to.equal(first.code);
  });

  it('does not record a missing code: the same key goes through once a ticket is given', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    expect((await failure(api.withdraw(request, { idempotencyKey: 'wd-no-code-01' }))).code).to.equal('verification-required');
    const ticket = await ticketFor(api, 'withdraw');
    expect((await api.withdraw(request, { idempotencyKey: 'wd-no-code-01', verificationTicket: ticket })).amount).to.equal(10_000);
  });

  it('answers not-done for a key it never acted on, and refuses that key for good afterwards', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    expect(await api.lookupIntent({ operation: 'withdraw', idempotencyKey: 'wd-never-0001' })).to.deep.equal({ status: 'not-done' });
    const ticket = await ticketFor(api, 'withdraw');
    const late = await failure(api.withdraw(request, { idempotencyKey: 'wd-never-0001', verificationTicket: ticket }));
    expect([late.code, late.backendCode]).to.deep.equal(['conflict', 'KIT.INTENT_ABANDONED']);
  });

  it('answers a mismatch for the same key with another request', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const ticket = await ticketFor(api, 'withdraw');
    await api.withdraw(request, { idempotencyKey: 'wd-mismatch-1', verificationTicket: ticket });
    const other = await failure(api.withdraw({ ...request, amount: 10_001 }, { idempotencyKey: 'wd-mismatch-1', verificationTicket: ticket }));
    expect(other.backendCode).to.equal('KIT.IDEMPOTENCY_MISMATCH');
  });
});
