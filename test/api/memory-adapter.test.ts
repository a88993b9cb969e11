import { expect } from '@open-wc/testing';
import { failure } from '../support/failure.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { ticketFor } from './memory/tickets.js';

const NOW = Date.parse('2026-11-24T08:00:00Z');

describe('in-memory adapter: seeded data', () => {
  it('is deterministic for a seed and different for another', async () => {
    const a = await createMemoryAdapter({ seed: 7, now: () => NOW }).searchCustomers({ offset: 0, limit: 5 });
    const b = await createMemoryAdapter({ seed: 7, now: () => NOW }).searchCustomers({ offset: 0, limit: 5 });
    const c = await createMemoryAdapter({ seed: 8, now: () => NOW }).searchCustomers({ offset: 0, limit: 5 });
    expect(a).to.deep.equal(b);
    expect(a).not.to.deep.equal(c);
    expect(a.total).to.be.at.least(200);
    expect(a.items[0]?.mobile).to.match(/^0086-1\d{10}$/);
  });

  it('holds quotas of both kinds in every state, and coupons in every status', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const vouchers = await api.listQuotas({ kind: 'voucher', offset: 0, limit: 100 });
    const cash = await api.listQuotas({ kind: 'cash', offset: 0, limit: 100 });
    expect([...new Set(vouchers.items.map((q) => q.status))]).to.include.members(['normal', 'expired', 'adjusting', 'frozen']);
    expect(cash.items.length).to.be.greaterThan(0);
    const coupons = await api.listIssuedCoupons({ offset: 0, limit: 100 });
    expect(new Set(coupons.items.map((c) => c.status))).to.have.all.keys('inactive', 'usable', 'used', 'expired', 'reclaimed');
  });

  it('builds thousands of invitations on demand, paged and sorted', async () => {
    const api = createMemoryAdapter({ now: () => NOW, invitationCount: 5000 });
    const page = await api.listInvitations({ offset: 4990, limit: 20, sortBy: 'invitedAt', sortDirection: 'desc' });
    expect(page.total).to.equal(5000);
    expect(page.items).to.have.length(10);
    expect(page.items[0]?.maskedMobile).to.match(/^0086-1\d\d\*{4}\d{4}$/);
    const sorted = page.items.map((i) => i.invitedAt);
    expect(sorted).to.deep.equal([...sorted].sort().reverse());
  });
});

describe('in-memory adapter: issuing and reclaiming', () => {
  it('issues per customer, failing some with their reason, and keeps the remark in the records', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const referral = api.data.customers.find((c) => c.associationType === 'referral');
    const before = (await api.listQuotas({ kind: 'voucher', offset: 0, limit: 10 })).items[0];
    const ticket = await ticketFor(api, 'issue-coupon');
    const result = await api.issueCoupons(
      { quotaId: 'Q-V-2026-001', customerIds: ['c-0001', referral?.id ?? '', 'c-9999'], faceValue: 10000, remark: '<b>Q4</b>' },
      { idempotencyKey: 'k1', verificationTicket: ticket },
    );
    expect(result.issued.map((i) => i.customerId)).to.deep.equal(['c-0001']);
    expect(result.failed.map((f) => f.error.backendCode)).to.deep.equal(['CBC.99000014', 'CBC.99000035']);
    const after = (await api.listQuotas({ kind: 'voucher', offset: 0, limit: 10 })).items[0];
    expect((before?.balance ?? 0) - (after?.balance ?? 0)).to.equal(10000);
    const records = await api.listCouponRecords({ couponIds: [result.issued[0]?.couponId ?? ''], offset: 0, limit: 10 });
    expect(records.items[0]).to.include({ operation: 'issue', amount: 10000, remark: '<b>Q4</b>' });
  });

  it('issues once per idempotency key, however often the call repeats', async () => {
    const api = createMemoryAdapter({ now: () => NOW, verification: { enabled: false } });
    const request = { quotaId: 'Q-V-2026-001', customerIds: ['c-0002'], faceValue: 5000 };
    const first = await api.issueCoupons(request, { idempotencyKey: 'same' });
    const again = await api.issueCoupons(request, { idempotencyKey: 'same' });
    expect(again).to.deep.equal(first);
    expect(api.data.coupons.filter((c) => c.customerId === 'c-0002' && c.faceValue === 5000 && c.status === 'usable' && c.id.startsWith('CP3'))).to.have.length(1);
    const misuse = await failure(api.issueCoupons({ ...request, faceValue: 6000 }, { idempotencyKey: 'same' }));
    expect(misuse).to.include({ code: 'conflict', reason: 'idempotency-key-reused' });
  });

  it('applies an intent whose answer was lost, and answers the retry from the first run', async () => {
    const api = createMemoryAdapter({ now: () => NOW, verification: { enabled: false }, faults: { issueCoupons: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const request = { quotaId: 'Q-V-2026-001', customerIds: ['c-0003'], faceValue: 5000 };
    const lost = await failure(api.issueCoupons(request, { idempotencyKey: 'k' }));
    expect(lost.code).to.equal('timeout');
    const retried = await api.issueCoupons(request, { idempotencyKey: 'k' });
    expect(retried.issued).to.have.length(1);
    expect(api.data.records.filter((r) => r.customerId === 'c-0003' && r.amount === 5000 && r.id.startsWith('R-9'))).to.have.length(1);
  });

  it('enforces the quota’s rules: state, face value bounds, customers per issue, validity window', async () => {
    const api = createMemoryAdapter({ now: () => NOW, verification: { enabled: false }, maxCustomersPerIssue: 2 });
    const base = { customerIds: ['c-0001'], faceValue: 5000 };
    expect((await failure(api.issueCoupons({ ...base, quotaId: 'Q-V-2026-005' }, { idempotencyKey: 'a' }))).reason).to.equal('quota-unusable');
    expect((await failure(api.issueCoupons({ ...base, quotaId: 'Q-V-2026-003' }, { idempotencyKey: 'b' }))).reason).to.equal('quota-not-effective');
    expect((await failure(api.issueCoupons({ ...base, quotaId: 'Q-V-2026-002', faceValue: 500 }, { idempotencyKey: 'c' }))).reason).to.equal('face-value-below-min');
    expect((await failure(api.issueCoupons({ ...base, quotaId: 'Q-V-2026-002', faceValue: 30000 }, { idempotencyKey: 'd' }))).reason).to.equal('face-value-above-max');
    const many = await failure(api.issueCoupons({ ...base, quotaId: 'Q-V-2026-001', customerIds: ['c-0001', 'c-0002', 'c-0003'] }, { idempotencyKey: 'e' }));
    expect(many).to.include({ reason: 'too-many-coupons', backendCode: 'CBC.99000020' });
    const late = await failure(api.issueCoupons({ ...base, quotaId: 'Q-V-2026-001', validUntil: '2030-01-01T00:00:00Z' }, { idempotencyKey: 'f' }));
    expect(late.reason).to.equal('validity-outside-quota');
  });

  it('fails customers past the quota balance, one by one', async () => {
    const api = createMemoryAdapter({ now: () => NOW, verification: { enabled: false } });
    // Q-V-2026-002 holds ¥300: two ¥150 coupons fit, the third does not.
    const result = await api.issueCoupons({ quotaId: 'Q-V-2026-002', customerIds: ['c-0001', 'c-0002', 'c-0003'], faceValue: 15000 }, { idempotencyKey: 'x' });
    expect(result.issued).to.have.length(2);
    expect(result.failed[0]?.error).to.include({ code: 'insufficient-funds', backendCode: 'CBC.99000013' });
  });

  it('reclaims the remaining balance once and reports it', async () => {
    const api = createMemoryAdapter({ now: () => NOW, verification: { enabled: false } });
    const coupon = api.data.coupons.find((c) => c.status === 'usable' && c.balance < c.faceValue && c.customerId.startsWith('c-0'));
    expect(coupon, 'seed has a partly used coupon').not.to.equal(undefined);
    const id = coupon?.id ?? '';
    const expected = coupon?.balance;
    const result = await api.reclaimCoupon({ couponId: id }, { idempotencyKey: 'r1' });
    expect(result.reclaimedAmount).to.equal(expected);
    expect(result.reclaimedAmount).to.be.lessThan(coupon?.faceValue ?? 0);
    expect((await api.reclaimCoupon({ couponId: id }, { idempotencyKey: 'r1' })).reclaimedAmount).to.equal(expected);
    const twice = await failure(api.reclaimCoupon({ couponId: id }, { idempotencyKey: 'r2' }));
    expect(twice).to.include({ code: 'conflict', reason: 'already-reclaimed' });
    const listed = await api.listIssuedCoupons({ status: 'reclaimed', offset: 0, limit: 100 });
    expect(listed.items.map((c) => c.id)).to.include(id);
  });
});

describe('in-memory adapter: verification codes', () => {
  it('requires a ticket when the policy guards the action, and accepts one ticket once', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const request = { quotaId: 'Q-V-2026-001', customerIds: ['c-0004'], faceValue: 5000 };
    expect((await failure(api.issueCoupons(request, { idempotencyKey: 'a' }))).code).to.equal('verification-required');
    const ticket = await ticketFor(api, 'issue-coupon');
    await api.issueCoupons(request, { idempotencyKey: 'b', verificationTicket: ticket });
    expect((await failure(api.issueCoupons(request, { idempotencyKey: 'c', verificationTicket: ticket }))).code).to.equal('verification-required');
  });

  it('counts wrong codes down, then locks', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' });
    const wrong = api.outbox[0]?.code === '000000' ? '111111' : '000000';
    const first = await failure(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: wrong }));
    expect(first).to.include({ reason: 'code-incorrect', backendCode: 'CBC.99004010' });
    expect(first.details.attemptsLeft).to.equal(2);
    await failure(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: wrong }));
    const locked = await failure(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: wrong }));
    expect(locked).to.include({ code: 'rate-limited', reason: 'attempts-exceeded' });
    expect(locked.retryAfterMs).to.equal(900_000);
    const stillLocked = await failure(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: api.outbox[0]?.code ?? '' }));
    expect(stillLocked.reason).to.equal('attempts-exceeded');
  });

  it('expires codes, makes resends wait, and caps sends per hour', async () => {
    let now = NOW;
    const api = createMemoryAdapter({ now: () => now });
    await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' });
    const early = await failure(api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }));
    expect(early).to.include({ reason: 'resend-too-soon', retryAfterMs: 60_000 });
    now += 301_000;
    const expired = await failure(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: api.outbox[0]?.code ?? '' }));
    expect(expired).to.include({ reason: 'code-expired', backendCode: 'CBC.99004008' });
    for (let sent = 1; sent < 15; sent += 1) {
      now += 61_000;
      await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' });
    }
    now += 61_000;
    const capped = await failure(api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }));
    expect(capped).to.include({ code: 'rate-limited', reason: 'send-limit', backendCode: 'CBC.99004015' });
    expect(api.outbox).to.have.length(15);
  });
});

describe('in-memory adapter: withdrawal', () => {
  it('asks for the opening branch first, checks the holder name, then withdraws last-in-first-out', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const overview = await api.getWithdrawalOverview();
    expect(overview.withdrawable).to.equal(3_850_000);
    const newest = overview.flows[0];
    const branchless = await failure(api.withdraw({ route: 'original', amount: 100_000, flowIds: [newest?.id ?? ''] }, { idempotencyKey: 'w1', verificationTicket: await ticketFor(api, 'withdraw') }));
    expect(branchless).to.include({ reason: 'branch-required' });
    const branches = await api.searchBranches({ bankCode: 'ICBC', query: '杭州', offset: 0, limit: 5 });
    const saved = await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: branches.items[0]?.code ?? '' });
    expect(saved.branch?.name).to.contain('杭州');

    const conversion = overview.flows.find((f) => f.channel === 'transaction-mode-conversion');
    const mismatch = await failure(api.withdraw({ route: 'original', amount: 1000, flowIds: [conversion?.id ?? ''] }, { idempotencyKey: 'w2', verificationTicket: await ticketFor(api, 'withdraw') }));
    expect(mismatch).to.include({ code: 'validation', reason: 'name-mismatch' });

    const done = await api.withdraw({ route: 'original', amount: 1_300_000, flowIds: [newest?.id ?? '', overview.flows[3]?.id ?? ''] }, { idempotencyKey: 'w3', verificationTicket: await ticketFor(api, 'withdraw') });
    expect(done.flowIds).to.deep.equal([newest?.id, overview.flows[3]?.id]);
    expect((await api.getWithdrawalOverview()).withdrawable).to.equal(3_850_000 - 1_300_000);
  });

  it('never withdraws without a code, even with verification switched off', async () => {
    const api = createMemoryAdapter({ now: () => NOW, verification: { enabled: false } });
    const error = await failure(api.withdraw({ route: 'original', amount: 100 }, { idempotencyKey: 'w' }));
    expect(error.code).to.equal('verification-required');
  });
});

describe('in-memory adapter: faults, limits and reveal', () => {
  it('plays the fault plan call by call', async () => {
    const api = createMemoryAdapter({
      now: () => NOW,
      faults: {
        getBalances: [{ kind: 'rate-limited', retryAfterSeconds: 3, times: 1 }, { kind: 'tenant-mismatch', times: 1 }, { kind: 'malformed', times: 1 }, { kind: 'offline', times: 1 }, { kind: 'server', times: 1 }],
      },
    });
    expect(await failure(api.getBalances())).to.include({ code: 'rate-limited', retryAfterMs: 3000, backendCode: 'CBC.0250' });
    expect(await failure(api.getBalances())).to.include({ code: 'configuration', reason: 'tenant-mismatch' });
    expect((await failure(api.getBalances())).code).to.equal('malformed-response');
    expect(await failure(api.getBalances())).to.include({ code: 'network', reason: 'offline' });
    expect((await failure(api.getBalances())).code).to.equal('server');
    expect(await api.getBalances()).to.have.length(3);
  });

  it('answers 429 past its rate limit', async () => {
    const api = createMemoryAdapter({ now: () => NOW, rateLimitPerSecond: 2 });
    await api.getBalances();
    await api.getBalances();
    const limited = await failure(api.getBalances());
    expect(limited).to.include({ code: 'rate-limited', retryAfterMs: 1000 });
  });

  it('reveals a full value and audits it', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const { value } = await api.revealField({ resource: 'customer', id: 'c-0001', field: 'mobile' });
    expect(value).to.equal(api.data.customers[0]?.mobile);
    expect(api.auditLog).to.deep.equal([{ resource: 'customer', id: 'c-0001', field: 'mobile', at: '2026-11-24T08:00:00Z' }]);
  });

  it('hands out copies, never references into its state', async () => {
    const api = createMemoryAdapter({ now: () => NOW });
    const [first] = await api.getBalances();
    if (first) first.amount = 1;
    expect((await api.getBalances())[0]?.amount).not.to.equal(1);
  });
});
