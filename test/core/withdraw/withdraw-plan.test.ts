import { expect } from '@open-wc/testing';
import { accountMissingBranch, cardAccounts, checkEntries, freshEntries, maximumOf, planOf } from '../../../src/core/withdraw/withdraw-plan.js';
import type { WithdrawEntries } from '../../../src/core/withdraw/withdraw-state.js';
import type { PayoutAccount, RechargeFlow, WithdrawalOverview } from '../../../src/model/schemas/withdrawal.js';

const COMPANY = '杭州云帆科技有限公司';
const branch = { code: 'B1', name: 'Branch', bankCode: 'ICBC' };
const account = (id: string, holderName: string, extra: Partial<PayoutAccount> = {}): PayoutAccount => ({
  id,
  type: 'bank',
  holderName,
  bankCode: 'ICBC',
  maskedNumber: `**** ${id}`,
  branch,
  ...extra,
});
const flow = (id: string, channel: RechargeFlow['channel'], withdrawableAmount: number, accountId: string): RechargeFlow => ({
  id,
  receivedAt: '2026-11-01T00:00:00Z',
  channel,
  originalAmount: withdrawableAmount,
  withdrawableAmount,
  accountId,
});

const overview: WithdrawalOverview = {
  currency: 'CNY',
  withdrawable: 60_000,
  originalRouteAmount: 60_000,
  bankCardAmount: 20_000,
  bankCardAvailable: true,
  companyRealName: COMPANY,
  flows: [flow('new', 'online-banking', 30_000, 'own'), flow('tmc', 'transaction-mode-conversion', 20_000, 'other'), flow('old', 'alipay', 10_000, 'own')],
  accounts: [account('other', '杭州云帆科技'), account('own', COMPANY)],
};
const entries = (patch: Partial<WithdrawEntries> = {}): WithdrawEntries => ({ ...freshEntries(overview), ...patch });

describe('withdraw plan', () => {
  it('offers only bank accounts in the company’s name for the card route, the first chosen', () => {
    expect(cardAccounts(overview).map((a) => a.id)).to.deep.equal(['own']);
    expect(freshEntries(overview).cardAccountId).to.equal('own');
  });

  it('takes flows in order and blocks the one whose account breaks the name-match rule', () => {
    const plan = planOf(overview, entries(), 40_000);
    expect(plan.map((take) => [take.flow.id, take.amount, take.blocked])).to.deep.equal([
      ['new', 30_000, false],
      ['tmc', 10_000, true],
    ]);
    expect(checkEntries(overview, entries({ amountText: '400' }))).to.deep.equal({ issue: 'name-mismatch' });
    expect(checkEntries(overview, entries({ amountText: '300' }))).to.deep.equal({ request: { route: 'original', amount: 30_000 } });
  });

  it('blocks a flow the backend refused even where the kit’s own rule allows it', () => {
    expect(planOf(overview, entries({ rejectedFlowId: 'new' }), 100)[0]?.blocked).to.equal(true);
  });

  it('limits the amount to the picked flows, or to the card amount, and names them in the request', () => {
    const picked = entries({ mode: 'pick', picked: ['old'], amountText: '100.01' });
    expect(maximumOf(overview, picked)).to.equal(10_000);
    expect(checkEntries(overview, picked)).to.deep.equal({ issue: 'above-max' });
    expect(checkEntries(overview, { ...picked, amountText: '100' })).to.deep.equal({ request: { route: 'original', amount: 10_000, flowIds: ['old'] } });
    const card = entries({ route: 'bank-card', amountText: '200' });
    expect(maximumOf(overview, card)).to.equal(20_000);
    expect(checkEntries(overview, card)).to.deep.equal({ request: { route: 'bank-card', amount: 20_000, accountId: 'own' } });
    expect(checkEntries(overview, { ...card, cardAccountId: undefined })).to.deep.equal({ issue: 'no-account' });
  });

  it('finds the bank account in use that lacks its opening branch', () => {
    const missing = { ...overview, accounts: [account('other', '杭州云帆科技'), account('own', COMPANY, { branch: null })] };
    expect(accountMissingBranch(missing, entries())?.id).to.equal('own');
    expect(accountMissingBranch(missing, entries({ route: 'bank-card', cardAccountId: 'other' }))).to.equal(undefined);
    expect(accountMissingBranch(overview, entries())).to.equal(undefined);
  });
});
