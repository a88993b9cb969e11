import type { PartnerApi } from '../api/adapter.js';
import * as s from '../model/schemas/index.js';
import { ensure, equal, rejects, shaped } from './assertions.js';
import type { TestFunctions } from './options.js';

/** Every read answers the kit's shapes; paging, filters and the personal-data rules hold. */
export function readCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>): void {
  const { it } = t;
  it('every read answers a valid shape', async () => {
    const api = await makeApi();
    shaped(s.QuotaPage, await api.listQuotas({ kind: 'voucher', offset: 0, limit: 10 }), 'listQuotas');
    shaped(s.QuotaPage, await api.listQuotas({ kind: 'cash', offset: 0, limit: 10 }), 'listQuotas (cash)');
    shaped(s.CustomerPage, await api.searchCustomers({ offset: 0, limit: 10 }), 'searchCustomers');
    shaped(s.IssuedCouponPage, await api.listIssuedCoupons({ offset: 0, limit: 10 }), 'listIssuedCoupons');
    shaped(s.CouponRecordPage, await api.listCouponRecords({ offset: 0, limit: 10 }), 'listCouponRecords');
    shaped(s.AccountBalanceList, await api.getBalances(), 'getBalances');
    shaped(s.WithdrawalOverview, await api.getWithdrawalOverview(), 'getWithdrawalOverview');
    const banks = shaped(s.BankList, await api.listBanks(), 'listBanks');
    ensure(banks.length > 0, 'listBanks: no banks');
    shaped(s.BranchPage, await api.searchBranches({ bankCode: banks[0]?.code ?? '', offset: 0, limit: 5 }), 'searchBranches');
    shaped(s.VerificationPolicy, await api.getVerificationPolicy(), 'getVerificationPolicy');
    shaped(s.InvitationPage, await api.listInvitations({ offset: 0, limit: 10 }), 'listInvitations');
  });

  it('pages by record offset and counts every match', async () => {
    const api = await makeApi();
    const first = await api.listIssuedCoupons({ offset: 0, limit: 3 });
    const second = await api.listIssuedCoupons({ offset: 3, limit: 3 });
    ensure(first.items.length === 3 && first.total > 6, 'listIssuedCoupons needs more than six coupons to page');
    equal(second.total, first.total, 'total on every page');
    ensure(!second.items.some((c) => first.items.some((f) => f.id === c.id)), 'pages overlap');
  });

  it('filters coupons, records, quotas and invitations as asked', async () => {
    const api = await makeApi();
    const usable = await api.listIssuedCoupons({ status: 'usable', offset: 0, limit: 50 });
    ensure(usable.items.every((c) => c.status === 'usable'), 'status filter');
    const quotas = await api.listQuotas({ kind: 'voucher', statuses: ['normal'], offset: 0, limit: 50 });
    ensure(quotas.items.every((q) => q.status === 'normal' && q.kind === 'voucher'), 'quota filters');
    const records = await api.listCouponRecords({ operations: ['issue'], offset: 0, limit: 50 });
    ensure(records.items.every((r) => r.operation === 'issue'), 'operation filter');
    const sorted = records.items.map((r) => r.operatedAt);
    equal(sorted, [...sorted].sort().reverse(), 'records newest first');
    const invited = await api.listInvitations({ status: 'invited', sortBy: 'invitedAt', sortDirection: 'desc', offset: 0, limit: 20 });
    ensure(invited.items.every((i) => i.status === 'invited'), 'invitation status filter');
    const times = invited.items.map((i) => i.invitedAt);
    equal(times, [...times].sort().reverse(), 'invitations sorted by invitedAt desc');
  });

  it('shows invitations masked and reveals one field on demand', async () => {
    const api = await makeApi();
    const [row] = (await api.listInvitations({ offset: 0, limit: 1 })).items;
    ensure(row, 'the backend needs an invitation');
    ensure(row.maskedMobile.includes('****'), 'mobile arrives masked');
    const { value } = await api.revealField({ resource: 'invitation', id: row.id, field: 'mobile' });
    ensure(value.length > 0 && !value.includes('****'), 'the revealed mobile is the full value');
    ensure(value.endsWith(row.maskedMobile.slice(-4)), 'the revealed mobile is the masked one');
  });

  it('answers not-found for unknown records', async () => {
    const api = await makeApi();
    await rejects(api.revealField({ resource: 'customer', id: 'no-such-customer', field: 'name' }), 'not-found');
    await rejects(api.saveAccountBranch({ accountId: 'no-such-account', branchCode: 'x' }), 'not-found');
  });

  it('rejects an invalid request as validation, before or at the backend', async () => {
    const api = await makeApi();
    await rejects(api.listQuotas({ kind: 'voucher', offset: 0, limit: 0 }), 'validation');
    await rejects(api.searchCustomers({ offset: -1, limit: 10 }), 'validation');
  });
}
