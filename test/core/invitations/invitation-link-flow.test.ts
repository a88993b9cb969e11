import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import { OPERATOR_ACCOUNT } from '../../../src/api/memory/reporting.js';
import { InvitationLinkFlow } from '../../../src/core/invitations/invitation-link-flow.js';

function setup(options: MemoryAdapterOptions = {}) {
  const api = createMemoryAdapter({ invitationCount: 5, ...options });
  return { api, flow: new InvitationLinkFlow(() => Promise.resolve(api)) };
}

describe('InvitationLinkFlow', () => {
  it('shows the generic link, the same one each time it is asked for', async () => {
    const { flow } = setup();
    await flow.open({ kind: 'generic' });
    const first = flow.link;
    expect(first).to.include({ kind: 'generic' });
    expect(first?.url).to.match(/^https:\/\/partner\.example\.com\/invite\/[A-Z0-9]{10}$/);
    await flow.open({ kind: 'generic' });
    expect(flow.link?.id).to.equal(first?.id);
  });

  it("labels a custom link with the operator's account name unless given one, and checks a given one first", async () => {
    const { api, flow } = setup();
    await flow.open({ kind: 'custom' });
    expect(flow.link?.label).to.equal(OPERATOR_ACCOUNT);
    await flow.open({ kind: 'custom', label: ' 华东渠道 ' });
    expect(flow.link?.label).to.equal('华东渠道');
    expect(flow.link?.url).to.contain(`label=${encodeURIComponent('华东渠道')}`);
    const calls = api.calls.get('openInvitationLink');
    expect(await flow.open({ kind: 'custom', label: 'evil\u202Egnp.exe' })).to.equal('hidden-characters');
    expect(await flow.open({ kind: 'custom', label: 'x'.repeat(10_000) })).to.equal('too-long');
    expect(api.calls.get('openInvitationLink')).to.equal(calls);
  });

  it('regenerates after the confirm step: a new link, the old one refused from then on', async () => {
    const { api, flow } = setup();
    await flow.open({ kind: 'generic' });
    const old = flow.link!;
    await flow.confirm();
    expect(flow.link?.id, 'nothing happens without the confirm step').to.equal(old.id);
    flow.ask('regenerate');
    flow.dismiss();
    expect(flow.state.step).to.equal('ready');
    flow.ask('regenerate');
    const after = await flow.confirm();
    expect(after.step === 'ready' && after.link.id).to.not.equal(old.id);
    const error = await api.revokeInvitationLink({ linkId: old.id }, { idempotencyKey: 'lnk-test-0001' }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'conflict', reason: 'link-revoked' });
  });

  it('revokes as an intent: a lost answer is confirmed again under the same key and takes effect once', async () => {
    const { api, flow } = setup({ faults: { revokeInvitationLink: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const keys: string[] = [];
    const original = api.revokeInvitationLink.bind(api);
    api.revokeInvitationLink = (request, options) => (keys.push(options.idempotencyKey), original(request, options));
    await flow.open({ kind: 'generic' });
    flow.ask('revoke');
    const lost = await flow.confirm();
    expect(lost.step === 'outcome-unknown' && lost.error.code).to.equal('timeout');
    const done = await flow.confirm();
    expect(done.step).to.equal('revoked');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    await flow.reload();
    expect(flow.state.step).to.equal('ready');
    expect(flow.link?.id).to.not.equal(done.step === 'revoked' ? done.link.id : '');
  });

  it('keeps a failed load as a state with a retry, and drops an answer overtaken by a later ask', async () => {
    const { flow } = setup({ faults: { openInvitationLink: { kind: 'server', times: 1 } } });
    await flow.open({ kind: 'generic' });
    expect(flow.state.step === 'load-failed' && flow.state.error.code).to.equal('server');
    const slow = flow.open({ kind: 'generic' });
    await flow.open({ kind: 'custom', label: 'late' });
    await slow;
    expect(flow.link?.label).to.equal('late');
  });
});
