import type { PartnerApi } from '../api/adapter.js';
import * as s from '../model/schemas/index.js';
import { ensure, equal, rejects, shaped } from './assertions.js';
import { newKey } from './fixtures.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

const DAY = 86_400_000;

/** Customer expansion: reports once per account and key, the e-mail preview, invitation links in force, regenerated, revoked. */
export function reportingCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  const { it } = t;
  const mobiles = options.reportMobiles;
  const withMobiles = mobiles ? it : undefined;

  withMobiles?.('answers the accounts registered with a mobile', async () => {
    const api = await makeApi();
    ensure(mobiles, 'reportMobiles');
    const one = shaped(s.CustomerAccountList, await api.lookupCustomerAccounts({ mobile: mobiles.oneAccount }), 'lookupCustomerAccounts');
    equal(one.length, 1, 'accounts of the one-account mobile');
    const several = await api.lookupCustomerAccounts({ mobile: mobiles.severalAccounts });
    ensure(several.length > 1 && new Set(several.map((a) => a.accountId)).size === several.length, 'several distinct accounts');
    equal(await api.lookupCustomerAccounts({ mobile: mobiles.noAccount }), [], 'accounts of the mobile without one');
  });

  withMobiles?.('reports a customer once per key, lists the new invitation first and looks the intent up', async () => {
    const api = await makeApi();
    ensure(mobiles, 'reportMobiles');
    const [account] = await api.lookupCustomerAccounts({ mobile: mobiles.oneAccount });
    ensure(account, 'the one-account mobile has an account');
    const name = `Contract Customer ${Math.random().toString(36).slice(2, 8)}`;
    const request = { name, mobile: mobiles.oneAccount, email: 'contract.customer@example.com', accountId: account.accountId, sendInvitation: true };
    const key = newKey('report');
    const first = shaped(s.ReportCustomerResult, await api.reportCustomer(request, { idempotencyKey: key }), 'reportCustomer');
    equal(first.status, 'invited', 'the invitation was sent');
    equal(Date.parse(first.linkExpiresAt ?? '') - Date.parse(first.reportedAt), 7 * DAY, 'the e-mailed link works 7 days');
    equal(await api.reportCustomer(request, { idempotencyKey: key }), first, 'the repeat answers the first result');
    equal(await api.lookupIntent({ operation: 'reportCustomer', idempotencyKey: key }), { status: 'done', result: first }, 'the lookup of the report');
    const found = await api.listInvitations({ query: name, offset: 0, limit: 5 });
    equal(found.items.map((i) => [i.id, i.status]), [[first.invitationId, 'invited']], 'the new row, once');
    equal((await api.listInvitations({ offset: 0, limit: 1 })).items[0]?.id, first.invitationId, 'unsorted, the newest report lists first');
  });

  withMobiles?.('refuses a second report of an account, for good under its key, and accounts not of the mobile', async () => {
    const api = await makeApi();
    ensure(mobiles, 'reportMobiles');
    const [account] = await api.lookupCustomerAccounts({ mobile: mobiles.severalAccounts });
    ensure(account, 'the several-accounts mobile has accounts');
    const request = { name: '钱多多', mobile: mobiles.severalAccounts, accountId: account.accountId, sendInvitation: false };
    const result = await api.reportCustomer(request, { idempotencyKey: newKey('report') });
    ensure(result.status === 'reported' && result.linkExpiresAt === undefined, 'reported without an invitation');
    const key = newKey('report');
    await rejects(api.reportCustomer(request, { idempotencyKey: key }), 'conflict', 'already-reported');
    const lookup = await api.lookupIntent({ operation: 'reportCustomer', idempotencyKey: key });
    ensure(lookup.status === 'refused' && lookup.error.reason === 'already-reported', `the refusal is the key's answer, got ${JSON.stringify(lookup)}`);
    const other = { ...request, accountId: 'acc-not-this-mobiles' };
    await rejects(api.reportCustomer(other, { idempotencyKey: newKey('report') }), 'validation', 'account-mismatch');
    await rejects(api.reportCustomer({ ...other, mobile: mobiles.noAccount }, { idempotencyKey: newKey('report') }), 'validation', 'no-account');
    if (mobiles.reportedByHuawei) {
      await rejects(api.reportCustomer({ ...other, mobile: mobiles.reportedByHuawei }, { idempotencyKey: newKey('report') }), 'conflict', 'reported-by-huawei');
    }
    await rejects(api.reportCustomer({ ...request, sendInvitation: true }, { idempotencyKey: newKey('report') }), 'validation');
  });

  it('previews the invitation e-mail in both locales, greeting the customer by name', async () => {
    const api = await makeApi();
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const preview = shaped(s.InvitationEmailPreview, await api.previewInvitationEmail({ locale, customerName: 'Wang Lei' }), `previewInvitationEmail (${locale})`);
      ensure(preview.subject.length > 0 && preview.body.includes('Wang Lei'), `the ${locale} e-mail names the customer`);
      equal(preview.linkValidDays, 7, 'the e-mailed link works 7 days');
    }
  });

  it('answers the link in force per kind and label; a regenerate replaces it once per key, a revoke ends it', async () => {
    const api = await makeApi();
    const generic = shaped(s.OfflineInvitationLink, await api.openInvitationLink({ kind: 'generic' }), 'openInvitationLink');
    equal((await api.openInvitationLink({ kind: 'generic' })).id, generic.id, 'asking again answers the same link');
    const operator = await api.openInvitationLink({ kind: 'custom' });
    ensure(operator.kind === 'custom' && operator.label && operator.id !== generic.id, 'a custom link defaults to a label');
    const labelled = await api.openInvitationLink({ kind: 'custom', label: '华东 渠道' });
    ensure(labelled.label === '华东 渠道' && labelled.id !== operator.id && labelled.url !== operator.url, 'a label has its own link');

    const key = newKey('link');
    const renewed = shaped(s.OfflineInvitationLink, await api.regenerateInvitationLink({ linkId: generic.id }, { idempotencyKey: key }), 'regenerateInvitationLink');
    ensure(renewed.id !== generic.id && renewed.url !== generic.url && renewed.kind === 'generic', 'a new link');
    equal(await api.regenerateInvitationLink({ linkId: generic.id }, { idempotencyKey: key }), renewed, 'the repeat answers the first result');
    equal((await api.openInvitationLink({ kind: 'generic' })).id, renewed.id, 'the new link is in force');
    await rejects(api.regenerateInvitationLink({ linkId: generic.id }, { idempotencyKey: newKey('link') }), 'conflict', 'link-revoked');

    const revokeKey = newKey('link');
    const revoked = shaped(s.RevokeInvitationLinkResult, await api.revokeInvitationLink({ linkId: renewed.id }, { idempotencyKey: revokeKey }), 'revokeInvitationLink');
    equal(revoked.linkId, renewed.id, 'the revoked link');
    equal(await api.revokeInvitationLink({ linkId: renewed.id }, { idempotencyKey: revokeKey }), revoked, 'the repeat answers the first result');
    await rejects(api.revokeInvitationLink({ linkId: renewed.id }, { idempotencyKey: newKey('link') }), 'conflict', 'link-revoked');
    ensure((await api.openInvitationLink({ kind: 'generic' })).id !== renewed.id, 'after a revoke, a new link is made');
    await rejects(api.revokeInvitationLink({ linkId: 'no-such-link' }, { idempotencyKey: newKey('link') }), 'not-found');
  });

  if (options.advanceClock) {
    const { advanceClock } = options;
    it('makes a new link once the one in force expired', async () => {
      const api = await makeApi();
      const link = await api.openInvitationLink({ kind: 'generic' });
      await advanceClock(Date.parse(link.expiresAt) - Date.parse(link.createdAt) + 1000);
      ensure((await api.openInvitationLink({ kind: 'generic' })).id !== link.id, 'an expired link is replaced');
    });
  }
}
