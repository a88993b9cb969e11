import type { PartnerApi } from '../api/adapter.js';
import { ensure, equal, rejects } from './assertions.js';
import { newKey, plainFlow, resaleCustomer, ticketFor, usableQuota } from './fixtures.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

/** Money-moving intents: at most once per key, the partner center's rules, verification tickets. */
export function intentCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  const { it } = t;
  const now = options.now ?? (() => Date.now());
  const withCodes = options.readCode ? it : undefined;

  it('needs a verification ticket to withdraw', async () => {
    const api = await makeApi();
    const { flow } = await plainFlow(api);
    await rejects(api.withdraw({ route: 'original', amount: 100, flowIds: [flow.id] }, { idempotencyKey: newKey('wd') }), 'verification-required');
  });

  withCodes?.('runs a repeated key once and answers the first result', async () => {
    const api = await makeApi();
    const { overview, flow } = await plainFlow(api);
    const key = newKey('wd');
    const request = { route: 'original' as const, amount: 150, flowIds: [flow.id] };
    const verificationTicket = await ticketFor(api, 'withdraw', options);
    const first = await api.withdraw(request, { idempotencyKey: key, verificationTicket });
    // The ticket is spent: only the recorded answer can satisfy the repeat.
    const again = await api.withdraw(request, { idempotencyKey: key, verificationTicket });
    equal(again, first, 'the repeat answers the first result');
    // The kit's flows take a looked-up result as the call's answer, unread: the adapter reads it.
    equal(await api.lookupIntent({ operation: 'withdraw', idempotencyKey: key }), { status: 'done', result: first }, 'the lookup answers the same result');
    const after = await api.getWithdrawalOverview();
    equal(after.withdrawable, overview.withdrawable - 150, 'one effect');
  });

  withCodes?.('runs concurrent repeats of one key once', async () => {
    const api = await makeApi();
    const { overview, flow } = await plainFlow(api);
    const key = newKey('wd');
    const verificationTicket = await ticketFor(api, 'withdraw', options);
    const request = { route: 'original' as const, amount: 100, flowIds: [flow.id] };
    const results = await Promise.all(Array.from({ length: 8 }, () => api.withdraw(request, { idempotencyKey: key, verificationTicket })));
    ensure(results.every((r) => JSON.stringify(r) === JSON.stringify(results[0])), 'every repeat answers the same result');
    equal((await api.getWithdrawalOverview()).withdrawable, overview.withdrawable - 100, 'one effect');
  });

  withCodes?.('refuses a key reused for a different request', async () => {
    const api = await makeApi();
    const { flow } = await plainFlow(api);
    const key = newKey('wd');
    await api.withdraw({ route: 'original', amount: 100, flowIds: [flow.id] }, { idempotencyKey: key, verificationTicket: await ticketFor(api, 'withdraw', options) });
    await rejects(api.withdraw({ route: 'original', amount: 101, flowIds: [flow.id] }, { idempotencyKey: key, verificationTicket: 'vt_unused_0000' }), 'conflict', 'idempotency-key-reused');
  });

  withCodes?.('lets a refused intent be retried under its key once the cause is fixed', async () => {
    const api = await makeApi();
    const { flow } = await plainFlow(api);
    const key = newKey('wd');
    const request = { route: 'original' as const, amount: 100, flowIds: [flow.id] };
    await rejects(api.withdraw(request, { idempotencyKey: key }), 'verification-required');
    const result = await api.withdraw(request, { idempotencyKey: key, verificationTicket: await ticketFor(api, 'withdraw', options) });
    equal(result.amount, 100, 'the retried intent ran');
  });

  withCodes?.('replays a definite refusal to every repeat of its key, even once its cause is gone', async () => {
    const api = await makeApi();
    const overview = await api.getWithdrawalOverview();
    const account = overview.accounts.find((a) => a.type === 'bank' && a.branch === null && a.holderName === overview.companyRealName);
    const flow = overview.flows.find((f) => f.accountId === account?.id && f.withdrawableAmount >= 100);
    ensure(account?.bankCode && flow, 'the backend needs a company-name bank account without a branch, with a flow');
    const key = newKey('wd');
    const request = { route: 'original' as const, amount: 100, flowIds: [flow.id] };
    const verificationTicket = await ticketFor(api, 'withdraw', options);
    await rejects(api.withdraw(request, { idempotencyKey: key, verificationTicket }), 'conflict', 'branch-required');
    const branches = await api.searchBranches({ bankCode: account.bankCode, offset: 0, limit: 1 });
    await api.saveAccountBranch({ accountId: account.id, branchCode: branches.items[0]?.code ?? '' });
    await rejects(api.withdraw(request, { idempotencyKey: key, verificationTicket }), 'conflict', 'branch-required');
    const lookup = await api.lookupIntent({ operation: 'withdraw', idempotencyKey: key });
    ensure(lookup.status === 'refused' && lookup.error.reason === 'branch-required', `the lookup answers the refusal, got ${JSON.stringify(lookup)}`);
  });

  it('looks an intent up: done with its result; not-done, after which the key is refused for good', async () => {
    const api = await makeApi();
    const row = (await api.listInvitations({ status: 'failed', offset: 0, limit: 1 })).items[0];
    ensure(row, 'the backend needs a failed invitation');
    const key = newKey('inv');
    const result = await api.resendInvitation({ invitationId: row.id }, { idempotencyKey: key });
    equal(await api.lookupIntent({ operation: 'resendInvitation', idempotencyKey: key }), { status: 'done', result }, 'the lookup of a done intent');
    const unused = newKey('inv');
    equal(await api.lookupIntent({ operation: 'resendInvitation', idempotencyKey: unused }), { status: 'not-done' }, 'the lookup of an unused key');
    await rejects(api.resendInvitation({ invitationId: row.id }, { idempotencyKey: unused }), 'conflict', 'intent-abandoned');
  });

  withCodes?.('spends a ticket once', async () => {
    const api = await makeApi();
    const { flow } = await plainFlow(api);
    const verificationTicket = await ticketFor(api, 'withdraw', options);
    await api.withdraw({ route: 'original', amount: 100, flowIds: [flow.id] }, { idempotencyKey: newKey('wd'), verificationTicket });
    await rejects(api.withdraw({ route: 'original', amount: 100, flowIds: [flow.id] }, { idempotencyKey: newKey('wd'), verificationTicket }), 'verification-required');
  });

  withCodes?.('refuses more than the flows hold, a missing branch and a wrong holder name', async () => {
    const api = await makeApi();
    const { overview, flow } = await plainFlow(api);
    const ticket = await ticketFor(api, 'withdraw', options);
    const intent = () => ({ idempotencyKey: newKey('wd'), verificationTicket: ticket });
    await rejects(api.withdraw({ route: 'original', amount: flow.withdrawableAmount + 1, flowIds: [flow.id] }, intent()), 'insufficient-funds', 'withdrawable');
    const branchless = overview.flows.find((f) => overview.accounts.some((a) => a.id === f.accountId && a.type === 'bank' && a.branch === null));
    if (branchless) await rejects(api.withdraw({ route: 'original', amount: 100, flowIds: [branchless.id] }, intent()), 'conflict', 'branch-required');
    const foreign = overview.accounts.find((a) => a.holderName !== overview.companyRealName && (a.type !== 'bank' || a.branch !== null));
    if (overview.bankCardAvailable && foreign) {
      await rejects(api.withdraw({ route: 'bank-card', amount: 100, accountId: foreign.id }, intent()), 'validation', 'name-mismatch');
    }
    ensure(branchless ?? foreign, 'the backend needs a bank account without a branch or one not in the company name');
  });

  withCodes?.('saves a branch, after which the account can be paid to', async () => {
    const api = await makeApi();
    const overview = await api.getWithdrawalOverview();
    const account = overview.accounts.find((a) => a.type === 'bank' && a.branch === null && a.holderName === overview.companyRealName);
    const flow = overview.flows.find((f) => f.accountId === account?.id && f.withdrawableAmount >= 100);
    ensure(account?.bankCode && flow, 'the backend needs a company-name bank account without a branch, with a flow');
    const branches = await api.searchBranches({ bankCode: account.bankCode, offset: 0, limit: 1 });
    const saved = await api.saveAccountBranch({ accountId: account.id, branchCode: branches.items[0]?.code ?? '' });
    equal(saved.branch?.code, branches.items[0]?.code, 'the saved branch');
    const result = await api.withdraw({ route: 'original', amount: 100, flowIds: [flow.id] }, { idempotencyKey: newKey('wd'), verificationTicket: await ticketFor(api, 'withdraw', options) });
    equal(result.flowIds, [flow.id], 'the flow paid from');
  });

  withCodes?.('issues coupons within the quota rules and spends the quota once per coupon', async () => {
    const api = await makeApi();
    const quota = await usableQuota(api, now());
    const customer = await resaleCustomer(api);
    const face = quota.minFaceValue ?? 100;
    const ticket = () => ticketFor(api, 'issue-coupon', options);
    const issue = async (faceValue: number) => api.issueCoupons({ quotaId: quota.id, customerIds: [customer.id], faceValue }, { idempotencyKey: newKey('issue'), verificationTicket: await ticket() });
    await rejects(issue(face - 1), 'validation', 'face-value-below-min');
    if (quota.maxFaceValue !== undefined) await rejects(issue(quota.maxFaceValue + 1), 'validation', 'face-value-above-max');
    const result = await issue(face);
    equal(result.issued.length, 1, 'one coupon issued');
    const after = (await api.listQuotas({ kind: 'voucher', offset: 0, limit: 100 })).items.find((q) => q.id === quota.id);
    equal(after?.balance, quota.balance - face, 'the quota is spent once');
    const records = await api.listCouponRecords({ couponIds: [result.issued[0]?.couponId ?? ''], offset: 0, limit: 10 });
    equal(records.items.map((r) => [r.operation, r.amount]), [['issue', face]], 'the issue record');
  });

  it('refuses more customers in one issue than allowed', async () => {
    const api = await makeApi();
    const customerIds = Array.from({ length: 101 }, (_, i) => `c-${i}`);
    await rejects(api.issueCoupons({ quotaId: 'any', customerIds, faceValue: 100 }, { idempotencyKey: newKey('issue') }), 'validation');
  });

  withCodes?.('reclaims what is left of a coupon, once', async () => {
    const api = await makeApi();
    const coupons = await api.listIssuedCoupons({ status: 'usable', offset: 0, limit: 100 });
    const customers = await api.searchCustomers({ offset: 0, limit: 100 });
    const coupon = coupons.items.find((c) => customers.items.some((cu) => cu.id === c.customerId && cu.associationType === 'resale'));
    ensure(coupon, 'the backend needs a usable coupon of a resale customer');
    const ticket = () => ticketFor(api, 'reclaim-coupon', options);
    const result = await api.reclaimCoupon({ couponId: coupon.id }, { idempotencyKey: newKey('reclaim'), verificationTicket: await ticket() });
    equal(result.reclaimedAmount, coupon.balance, 'the remaining balance is reclaimed, not the face value');
    await rejects(api.reclaimCoupon({ couponId: coupon.id }, { idempotencyKey: newKey('reclaim'), verificationTicket: await ticket() }), 'conflict', 'already-reclaimed');
    await rejects(api.reclaimCoupon({ couponId: 'no-such-coupon' }, { idempotencyKey: newKey('reclaim'), verificationTicket: await ticket() }), 'not-found');
  });

  it('resends an invitation once per key and refuses an associated one', async () => {
    const api = await makeApi();
    const failed = (await api.listInvitations({ status: 'failed', offset: 0, limit: 1 })).items[0];
    const associated = (await api.listInvitations({ status: 'associated', offset: 0, limit: 1 })).items[0];
    ensure(failed && associated, 'the backend needs a failed and an associated invitation');
    const key = newKey('inv');
    const first = await api.resendInvitation({ invitationId: failed.id }, { idempotencyKey: key });
    equal(await api.resendInvitation({ invitationId: failed.id }, { idempotencyKey: key }), first, 'the repeat answers the first result');
    await rejects(api.resendInvitation({ invitationId: associated.id }, { idempotencyKey: newKey('inv') }), 'conflict', 'already-associated');
  });
}
