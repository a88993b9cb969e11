import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import { InvitationLinkFlow } from '../../../src/core/invitations/invitation-link-flow.js';

/** A flow on the generic link, with every key a regenerate or revoke was sent with. */
async function setup(options: MemoryAdapterOptions = {}) {
  const api = createMemoryAdapter({ invitationCount: 5, ...options });
  const keys: string[] = [];
  const regenerate = api.regenerateInvitationLink.bind(api);
  const revoke = api.revokeInvitationLink.bind(api);
  api.regenerateInvitationLink = (request, options) => (keys.push(options.idempotencyKey), regenerate(request, options));
  api.revokeInvitationLink = (request, options) => (keys.push(options.idempotencyKey), revoke(request, options));
  const flow = new InvitationLinkFlow(() => Promise.resolve(api));
  await flow.open({ kind: 'generic' });
  return { api, flow, keys, old: flow.link! };
}

/** The sequence number of a link id (`link-00007` → 7): the memory backend makes one per link it creates. */
const serial = (id: string) => Number(id.replace(/\D/g, ''));

describe('InvitationLinkFlow after a lost answer', () => {
  it('a regenerate whose answer was lost is of unknown outcome; a check finds the new link, made once', async () => {
    const { api, flow, keys, old } = await setup({ faults: { regenerateInvitationLink: { kind: 'timeout', afterEffect: true, times: 1 } } });
    flow.ask('regenerate');
    const lost = await flow.confirm();
    expect(lost).to.deep.include({ step: 'outcome-unknown', action: 'regenerate', busy: undefined, stillUnknown: false });
    expect(lost.step === 'outcome-unknown' && lost.error.code).to.equal('timeout');
    flow.ask('revoke');
    expect(flow.state.step, 'nothing else can be asked meanwhile').to.equal('outcome-unknown');
    const settled = await flow.check();
    expect(settled.step).to.equal('ready');
    const fresh = flow.link!;
    expect(fresh.id).to.not.equal(old.id);
    expect(api.calls.get('lookupIntent')).to.equal(1);
    expect(keys).to.have.length(1);
    const inForce = await api.openInvitationLink({ kind: 'generic' });
    expect(inForce.id, 'the backend holds the link the check found').to.equal(fresh.id);
    const next = await api.openInvitationLink({ kind: 'custom', label: 'probe' });
    expect(serial(next.id) - serial(old.id), 'one regenerate took effect, then the probe').to.equal(2);
  });

  it('a revoke whose answer was lost, sent again, goes under the same key and takes effect once', async () => {
    const { api, flow, keys } = await setup({ faults: { revokeInvitationLink: { kind: 'server', afterEffect: true, times: 1 } } });
    flow.ask('revoke');
    expect((await flow.confirm()).step).to.equal('outcome-unknown');
    const done = await flow.confirm();
    expect(done.step).to.equal('revoked');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(api.calls.get('lookupIntent') ?? 0).to.equal(0);
  });

  it('a check that finds the action never reached the backend leaves the link in force, and the next try has a new key', async () => {
    const { flow, keys, old } = await setup({ faults: { regenerateInvitationLink: { kind: 'offline', times: 1 } } });
    flow.ask('regenerate');
    await flow.confirm();
    const checked = await flow.check();
    expect(checked).to.deep.include({ step: 'not-done', action: 'regenerate', error: undefined });
    expect(flow.link?.id).to.equal(old.id);
    flow.ask('regenerate');
    const after = await flow.confirm();
    expect(after.step === 'ready' && after.link.id).to.not.equal(old.id);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.not.equal(keys[0]);
  });

  it('a check that cannot reach the backend leaves the outcome unknown, saying it is still not known', async () => {
    const { flow } = await setup({ faults: { revokeInvitationLink: { kind: 'timeout', afterEffect: true, times: 1 }, lookupIntent: { kind: 'offline', times: 1 } } });
    flow.ask('revoke');
    await flow.confirm();
    const still = await flow.check();
    expect(still).to.deep.include({ step: 'outcome-unknown', stillUnknown: true, busy: undefined });
    expect(still.step === 'outcome-unknown' && still.error.reason).to.equal('offline');
    expect((await flow.check()).step).to.equal('revoked');
  });
});
