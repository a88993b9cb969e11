import { expect } from '@open-wc/testing';
import { failure } from '../../support/failure.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { ticketFor } from './tickets.js';

const NOW = Date.parse('2026-11-24T08:00:00Z');

function adapter(options: MemoryAdapterOptions = {}): MemoryPartnerApi {
  return createMemoryAdapter({ now: () => NOW, ...options });
}

/** Gives the ICBC account its opening branch, so the client's own checks let a withdrawal through. */
async function withBranch(api: MemoryPartnerApi): Promise<void> {
  const branches = await api.searchBranches({ bankCode: 'ICBC', query: '杭州', offset: 0, limit: 1 });
  await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: branches.items[0]?.code ?? '' });
}

const withdrawable = (api: MemoryPartnerApi) => api.data.flows.reduce((sum, f) => sum + f.withdrawableAmount, 0);

describe('planned refusals: withdrawal', () => {
  it('refuses on the name-match rule at the first flow taken, and keeps the ticket for the retry', async () => {
    const api = adapter({ faults: { withdraw: { kind: 'refused', refusal: 'name-mismatch', times: 1 } } });
    await withBranch(api);
    const before = withdrawable(api);
    const ticket = await ticketFor(api, 'withdraw');
    const refused = await failure(api.withdraw({ route: 'original', amount: 10_000 }, { idempotencyKey: 'w', verificationTicket: ticket }));
    expect(refused).to.include({ code: 'validation', reason: 'name-mismatch', backendCode: 'KIT.NAME_MISMATCH' });
    expect(refused.details).to.deep.equal({ flowId: 'RF-20261110-01', accountId: 'acct-icbc' });
    expect(withdrawable(api)).to.equal(before);
    // The refusal is the key's answer for good; the user's next attempt is a new intent with the same ticket.
    expect((await failure(api.withdraw({ route: 'original', amount: 10_000 }, { idempotencyKey: 'w', verificationTicket: ticket }))).reason).to.equal('name-mismatch');
    const done = await api.withdraw({ route: 'original', amount: 10_000 }, { idempotencyKey: 'w-next', verificationTicket: ticket });
    expect(done.flowIds).to.deep.equal(['RF-20261110-01']);
    expect(withdrawable(api)).to.equal(before - 10_000);
  });

  it('asks for a branch the account already has, naming the account', async () => {
    const api = adapter({ faults: { withdraw: { kind: 'refused', refusal: 'branch-required' } } });
    await withBranch(api);
    const refused = await failure(api.withdraw({ route: 'original', amount: 10_000 }, { idempotencyKey: 'w', verificationTicket: await ticketFor(api, 'withdraw') }));
    expect(refused).to.include({ code: 'conflict', reason: 'branch-required' });
    expect(refused.details).to.deep.equal({ accountId: 'acct-icbc' });
  });

  it('asks for a branch only where a bank account is paid to', async () => {
    const api = adapter({ faults: { withdraw: { kind: 'refused', refusal: 'branch-required' } } });
    const done = await api.withdraw({ route: 'original', amount: 10_000, flowIds: ['RF-20261002-03'] }, { idempotencyKey: 'w', verificationTicket: await ticketFor(api, 'withdraw') });
    expect(done.flowIds).to.deep.equal(['RF-20261002-03']);
  });

  it('refuses an amount the overview showed as available', async () => {
    const api = adapter({ faults: { withdraw: { kind: 'refused', refusal: 'amount-over-available', times: 1 } } });
    await withBranch(api);
    const before = withdrawable(api);
    const refused = await failure(api.withdraw({ route: 'original', amount: 100 }, { idempotencyKey: 'w', verificationTicket: await ticketFor(api, 'withdraw') }));
    expect(refused).to.include({ code: 'insufficient-funds', reason: 'withdrawable' });
    expect(withdrawable(api)).to.equal(before);
  });
});

describe('planned refusals: coupons and invitations', () => {
  it('fails every customer of an issue on the quota balance, each with its own reason, issuing nothing', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { issueCoupons: { kind: 'refused', refusal: 'quota-insufficient', times: 1 } } });
    const referral = api.data.customers.find((c) => c.associationType === 'referral')?.id ?? '';
    const quota = api.data.quotas.find((q) => q.id === 'Q-V-2026-001');
    const balance = quota?.balance;
    const result = await api.issueCoupons({ quotaId: 'Q-V-2026-001', customerIds: ['c-0001', 'c-0002', referral], faceValue: 5000 }, { idempotencyKey: 'i' });
    expect(result.issued).to.deep.equal([]);
    expect(result.failed.map((f) => [f.customerId, f.error.code, f.error.backendCode])).to.deep.equal([
      ['c-0001', 'insufficient-funds', 'CBC.99000013'],
      ['c-0002', 'insufficient-funds', 'CBC.99000013'],
      [referral, 'conflict', 'CBC.99000014'],
    ]);
    expect(quota?.balance).to.equal(balance);
    const again = await api.issueCoupons({ quotaId: 'Q-V-2026-001', customerIds: ['c-0001'], faceValue: 5000 }, { idempotencyKey: 'j' });
    expect(again.issued).to.have.length(1);
  });

  it('refuses a quota the list showed as usable, and keeps the ticket', async () => {
    const api = adapter({ faults: { issueCoupons: { kind: 'refused', refusal: 'quota-unusable', times: 1 } } });
    const ticket = await ticketFor(api, 'issue-coupon');
    const request = { quotaId: 'Q-V-2026-001', customerIds: ['c-0001'], faceValue: 5000 };
    const refused = await failure(api.issueCoupons(request, { idempotencyKey: 'i', verificationTicket: ticket }));
    expect(refused).to.include({ code: 'conflict', reason: 'quota-unusable', backendCode: 'CBC.99000012' });
    expect((await failure(api.issueCoupons(request, { idempotencyKey: 'i', verificationTicket: ticket }))).reason).to.equal('quota-unusable');
    expect((await api.issueCoupons(request, { idempotencyKey: 'i-next', verificationTicket: ticket })).issued).to.have.length(1);
  });

  it('refuses to reclaim a coupon the list showed as usable, and leaves it as it was', async () => {
    const api = adapter({ verification: { enabled: false }, faults: { reclaimCoupon: { kind: 'refused', refusal: 'already-reclaimed' } } });
    const coupon = api.data.coupons.find((c) => c.status === 'usable' && c.customerId.startsWith('c-0'));
    const balance = coupon?.balance;
    const refused = await failure(api.reclaimCoupon({ couponId: coupon?.id ?? '' }, { idempotencyKey: 'r' }));
    expect(refused).to.include({ code: 'conflict', reason: 'already-reclaimed', backendCode: 'CBC.99000048' });
    expect(coupon).to.include({ status: 'usable', balance });
  });

  it('refuses to resend an invitation as already associated, and leaves it as it was', async () => {
    const api = adapter({ faults: { resendInvitation: { kind: 'refused', refusal: 'already-associated' } } });
    const row = api.data.invitations.find((i) => i.status !== 'associated');
    const before = { ...row };
    const refused = await failure(api.resendInvitation({ invitationId: row?.id ?? '' }, { idempotencyKey: 'v' }));
    expect(refused).to.include({ code: 'conflict', reason: 'already-associated' });
    expect(row).to.deep.equal(before);
  });

  it('cannot be planned where the operation has no such rule', () => {
    const api = adapter();
    expect(() => api.setFaults({ reclaimCoupon: { kind: 'refused', refusal: 'name-mismatch' } })).to.throw('reclaimCoupon cannot be planned to refuse with name-mismatch');
  });
});
