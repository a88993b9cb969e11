import { expect } from '@open-wc/testing';
import { VerificationFlow } from '../../src/core/verification/verification-flow.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import type { KitError } from '../../src/model/errors.js';

/** Drives the flow the way a host's own UI would: no element, no DOM. */
describe('VerificationFlow (headless)', () => {
  it('runs a whole confirmation from state alone', async () => {
    const api = createMemoryAdapter();
    const flow = new VerificationFlow({ api });
    const phases: string[] = [];
    flow.subscribe((state) => phases.push(state.phase));
    const result = flow.confirm({ purpose: 'reclaim-coupon' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(flow.state).to.include({ open: true, phase: 'ready', channel: 'sms' });
    expect(await flow.send()).to.equal(true);
    expect(flow.resendIn()).to.be.within(59, 60);
    flow.input(`${api.outbox[0]!.code}`);
    const ticket = await result;
    expect(ticket?.purpose).to.equal('reclaim-coupon');
    expect(flow.state.open).to.equal(false);
    expect(flow.state.code).to.equal('');
    expect(phases).to.include.members(['loading', 'ready', 'sending', 'checking', 'idle']);
  });

  it('returns the same promise to a second confirm for the same purpose, and cancels it for another', async () => {
    const flow = new VerificationFlow({ api: createMemoryAdapter() });
    const first = flow.confirm({ purpose: 'withdraw' });
    expect(flow.confirm({ purpose: 'withdraw' })).to.equal(first);
    const other = flow.confirm({ purpose: 'issue-coupon' });
    const error = (await first.catch((e: unknown) => e)) as KitError;
    expect(error.code).to.equal('cancelled');
    expect(flow.state.purpose).to.equal('issue-coupon');
    flow.cancel();
    expect(((await other.catch((e: unknown) => e)) as KitError).code).to.equal('cancelled');
  });

  it('ignores sends while the countdown runs', async () => {
    const api = createMemoryAdapter();
    const flow = new VerificationFlow({ api });
    void flow.confirm({ purpose: 'withdraw' }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve));
    await flow.send();
    expect(await flow.send()).to.equal(false);
    expect(api.outbox).to.have.length(1);
    flow.cancel();
  });
});
