import type { PartnerApi } from '../api/adapter.js';
import { needsVerification } from '../model/rules/verification-policy.js';
import * as s from '../model/schemas/index.js';
import { ensure, equal, rejects, shaped } from './assertions.js';
import { newKey, ticketFor } from './fixtures.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

/** Past the minute a code service makes a sender wait before the next code for one purpose. */
const RESEND_WAIT_MS = 61_000;

const random = () => Math.random().toString(36).slice(2, 10).replace(/\d/g, 'x');
const freshName = () => `ct_${random()}`;
const freshMobile = () => `0086-137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The call options' ticket for `purpose` where the backend's policy guards it; none where it does not. */
async function guardedTicket(api: PartnerApi, purpose: string, options: ContractSuiteOptions): Promise<{ verificationTicket?: string }> {
  return needsVerification(await api.getVerificationPolicy(), purpose) ? { verificationTicket: await ticketFor(api, purpose, options) } : {};
}

/** Lets a pending association finish: the clock moved on where the suite can move it, else a wait. */
async function associated(api: PartnerApi, accountName: string, options: ContractSuiteOptions): Promise<s.SubCustomer | undefined> {
  await options.advanceClock?.(60_000);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const [row] = (await api.listSubCustomers({ accountName, offset: 0, limit: 5 })).items;
    if (row || options.advanceClock) return row;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

/** Reads the first page of unbind requests with `status`. */
const requests = async (api: PartnerApi, status: s.UnbindRequestStatus) => (await api.listUnbindRequests({ status, offset: 0, limit: 100 })).items;

/** Creating customer accounts, the masked list, unbinding and the customers' unbind requests. */
export function customerCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  const { it } = t;
  const withRegistration = options.readRegistrationCode ? it : undefined;
  const withCodes = options.readCode ? it : undefined;

  it('says whether an account name or mobile is taken or available', async () => {
    const api = await makeApi();
    const existing = (await api.listSubCustomers({ offset: 0, limit: 50 })).items.find((c) => c.maskedMobile);
    ensure(existing, 'the backend needs a customer with a mobile');
    const check = async (kind: s.IdentityKind, value: string) => shaped(s.CheckIdentityResult, await api.checkCustomerIdentity({ kind, value }), 'checkCustomerIdentity').availability;
    equal(await check('name', existing.accountName), 'taken', 'a customer’s account name');
    equal(await check('name', freshName()), 'available', 'a new account name');
    const { value: mobile } = await api.revealField({ resource: 'customer', id: existing.id, field: 'mobile' });
    equal(await check('mobile', mobile), 'taken', 'a customer’s mobile');
    equal(await check('mobile', freshMobile()), 'available', 'a new mobile');
  });

  it('refuses an account name that exists, naming the account name', async () => {
    const api = await makeApi();
    const [existing] = (await api.listSubCustomers({ offset: 0, limit: 1 })).items;
    ensure(existing, 'the backend needs a customer');
    await rejects(api.createCustomer({ accountName: existing.accountName, agreementAccepted: true }, { idempotencyKey: newKey('create') }), 'conflict', 'account-name-taken');
  });

  withRegistration?.('creates a customer with a mobile only with the code sent to it, once per key, then lists it masked', async () => {
    const api = await makeApi();
    ensure(options.readRegistrationCode, 'readRegistrationCode');
    const accountName = freshName();
    const displayName = `Contract ${random()}`;
    const mobile = freshMobile();
    const request = { accountName, displayName, mobile, agreementAccepted: true as const };
    await rejects(api.createCustomer({ ...request, verificationCode: '123456' }, { idempotencyKey: newKey('create') }), 'validation', 'code-not-sent');
    shaped(s.SendRegistrationCodeResult, await api.sendRegistrationCode({ mobile, lang: 'en-us' }), 'sendRegistrationCode');
    const code = await options.readRegistrationCode(api, mobile);
    await rejects(api.createCustomer({ ...request, verificationCode: otherCode(code) }, { idempotencyKey: newKey('create') }), 'validation', 'code-incorrect');

    const key = newKey('create');
    const created = shaped(s.CreateCustomerResult, await api.createCustomer({ ...request, verificationCode: code }, { idempotencyKey: key }), 'createCustomer');
    equal(created.accountName, accountName, 'the account created');
    equal(await api.createCustomer({ ...request, verificationCode: code }, { idempotencyKey: key }), created, 'the repeat answers the first result');
    equal((await api.checkCustomerIdentity({ kind: 'name', value: accountName })).availability, 'taken', 'the new account name');
    equal((await api.checkCustomerIdentity({ kind: 'mobile', value: mobile })).availability, 'taken', 'the new account’s mobile');
    await rejects(api.createCustomer({ accountName: freshName(), mobile, verificationCode: code, agreementAccepted: true }, { idempotencyKey: newKey('create') }), 'conflict', 'mobile-taken');

    const row = await associated(api, accountName, options);
    ensure(row, 'the created customer is listed once its association finished');
    equal((await api.listSubCustomers({ accountName, offset: 0, limit: 5 })).total, 1, 'the customer, once');
    equal(row.id, created.customerId, 'the listed customer');
    ensure(row.maskedName !== displayName && row.maskedMobile?.includes('*') && !row.maskedMobile.includes(mobile.slice(-8)), `name and mobile masked, got ${row.maskedName} / ${row.maskedMobile ?? ''}`);
    equal(await api.revealField({ resource: 'customer', id: row.id, field: 'mobile' }), { value: mobile }, 'the revealed mobile');
    equal(await api.revealField({ resource: 'customer', id: row.id, field: 'name' }), { value: displayName }, 'the revealed name');
  });

  withRegistration?.('locks a registration code on the third wrong one, the right one included, until a new code is sent', async () => {
    const api = await makeApi();
    ensure(options.readRegistrationCode, 'readRegistrationCode');
    const mobile = freshMobile();
    const request = { accountName: freshName(), mobile, agreementAccepted: true as const };
    await api.sendRegistrationCode({ mobile, lang: 'zh-cn' });
    const code = await options.readRegistrationCode(api, mobile);
    const create = (verificationCode: string) => api.createCustomer({ ...request, verificationCode }, { idempotencyKey: newKey('create') });
    await rejects(create(otherCode(code)), 'validation', 'code-incorrect');
    await rejects(create(otherCode(code)), 'validation', 'code-incorrect');
    // Every wrong code counts, refused or not: the third is answered as the lock, not as one more wrong code.
    await rejects(create(otherCode(code)), 'rate-limited', 'attempts-exceeded');
    await rejects(create(code), 'rate-limited', 'attempts-exceeded');
    await api.sendRegistrationCode({ mobile, lang: 'zh-cn' });
    const fresh = await options.readRegistrationCode(api, mobile);
    shaped(s.CreateCustomerResult, await create(fresh), 'createCustomer with the new code');
  });

  withCodes?.('previews the coupons an unbind reclaims, and unbinding reclaims them once', async () => {
    const api = await makeApi();
    const usable = (await api.listIssuedCoupons({ status: 'usable', offset: 0, limit: 100 })).items;
    let customerId: string | undefined;
    for (const coupon of usable) {
      if ((await api.listSubCustomers({ customerId: coupon.customerId, offset: 0, limit: 1 })).total === 1) {
        customerId = coupon.customerId;
        break;
      }
    }
    ensure(customerId, 'the backend needs a customer holding a usable coupon');
    const held = (await api.listIssuedCoupons({ customerId, status: 'usable', offset: 0, limit: 100 })).items;
    const preview = shaped(s.UnbindPreview, await api.previewUnbind({ customerId }), 'previewUnbind');
    const byId = (a: { couponId: string }, b: { couponId: string }) => (a.couponId < b.couponId ? -1 : 1);
    const expected = held.map((c) => ({ couponId: c.id, balance: c.balance })).sort(byId);
    equal(preview.coupons.map((c) => ({ couponId: c.couponId, balance: c.balance })).sort(byId), expected, 'the coupons the preview lists');

    const key = newKey('unbind');
    const ticket = await guardedTicket(api, 'unbind', options);
    const result = shaped(s.UnbindCustomerResult, await api.unbindCustomer({ customerId }, { idempotencyKey: key, ...ticket }), 'unbindCustomer');
    equal(result.reclaimed.map((r) => ({ couponId: r.couponId, balance: r.reclaimedAmount })).sort(byId), expected, 'the coupons reclaimed');
    equal(await api.unbindCustomer({ customerId }, { idempotencyKey: key, ...ticket }), result, 'the repeat answers the first result');
    equal((await api.listIssuedCoupons({ customerId, status: 'usable', offset: 0, limit: 100 })).total, 0, 'usable coupons left');
    const records = await api.listCouponRecords({ operations: ['reclaim-on-unbind'], customerId, offset: 0, limit: 100 });
    equal(records.items.map((r) => r.couponId ?? '').sort(), expected.map((c) => c.couponId), 'one reclaim record per coupon');
    equal((await api.listSubCustomers({ customerId, offset: 0, limit: 1 })).total, 0, 'the customer is no longer listed');
  });

  withCodes?.('approves a pending unbind request once, and a decided or withdrawn request cannot be decided again', async () => {
    const api = await makeApi();
    const [request] = await requests(api, 'pending');
    ensure(request, 'the backend needs a pending unbind request');
    const first = await guardedTicket(api, 'unbind-request', options);
    const [withdrawn] = await requests(api, 'withdrawn');
    if (withdrawn) await rejects(api.approveUnbindRequest({ requestId: withdrawn.id }, { idempotencyKey: newKey('approve'), ...first }), 'conflict', 'request-not-pending');

    const key = newKey('approve');
    const approved = shaped(s.ApproveUnbindResult, await api.approveUnbindRequest({ requestId: request.id }, { idempotencyKey: key, ...first }), 'approveUnbindRequest');
    equal(approved.customerId, request.customerId, 'the customer of the request');
    equal(await api.approveUnbindRequest({ requestId: request.id }, { idempotencyKey: key, ...first }), approved, 'the repeat answers the first result');
    const after = (await requests(api, 'approved')).find((u) => u.id === request.id);
    ensure(after?.handledAt, 'the request lists as approved, with when');
    equal((await api.listSubCustomers({ customerId: request.customerId, offset: 0, limit: 1 })).total, 0, 'the customer is unbound');

    if (options.advanceClock) {
      await options.advanceClock(RESEND_WAIT_MS);
      const again = await guardedTicket(api, 'unbind-request', options);
      await rejects(api.approveUnbindRequest({ requestId: request.id }, { idempotencyKey: newKey('approve'), ...again }), 'conflict', 'request-not-pending');
      await rejects(api.rejectUnbindRequest({ requestId: request.id, reason: 'Too late.' }, { idempotencyKey: newKey('reject'), ...again }), 'conflict', 'request-not-pending');
    }
  });

  withCodes?.('rejects a pending unbind request with the reason the customer is told, once', async () => {
    const api = await makeApi();
    const [request] = await requests(api, 'pending');
    ensure(request, 'the backend needs a pending unbind request');
    const key = newKey('reject');
    const ticket = await guardedTicket(api, 'unbind-request', options);
    const decision = { requestId: request.id, reason: 'The contract runs until the end of the year.' };
    const rejected = shaped(s.RejectUnbindResult, await api.rejectUnbindRequest(decision, { idempotencyKey: key, ...ticket }), 'rejectUnbindRequest');
    equal(rejected.reason, decision.reason, 'the reason');
    equal(await api.rejectUnbindRequest(decision, { idempotencyKey: key, ...ticket }), rejected, 'the repeat answers the first result');
    const after = (await requests(api, 'rejected')).find((u) => u.id === request.id);
    equal(after?.rejectReason, decision.reason, 'the request lists as rejected, with the reason');
    equal((await api.listSubCustomers({ customerId: request.customerId, offset: 0, limit: 1 })).total, 1, 'the customer stays');

    if (options.advanceClock) {
      await options.advanceClock(RESEND_WAIT_MS);
      const again = await guardedTicket(api, 'unbind-request', options);
      await rejects(api.approveUnbindRequest({ requestId: request.id }, { idempotencyKey: newKey('approve'), ...again }), 'conflict', 'request-not-pending');
    }
  });
}
