import { expect } from '@open-wc/testing';
import { deadlinePassed, fundsShortfall, methodAllowed, paymentBlock, startTimePassed } from '../../src/model/rules/payments.js';
import type { PendingOrder } from '../../src/model/schemas/payments.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const order = (patch: Partial<PendingOrder> = {}): PendingOrder => ({
  id: 'O1',
  customerId: 'c1',
  maskedCustomer: '张**',
  product: 'ECS',
  amount: 10_000,
  currency: 'CNY',
  serviceStartAt: '2026-06-02T00:00:00Z',
  paymentDeadline: '2026-06-01T12:00:00Z',
  marketplaceGoods: false,
  onlineChannels: ['alipay', 'petal'],
  estimatedRebate: 500,
  ...patch,
});
const funds = { accountBalance: 10_000, allocatableBalance: 10_000 };

describe('payment rules', () => {
  it('an order whose service start time has passed, to the millisecond, cannot be paid', () => {
    expect(startTimePassed(order({ serviceStartAt: '2026-06-01T00:00:00Z' }), NOW)).to.equal(true);
    expect(startTimePassed(order({ serviceStartAt: '2026-06-01T00:00:01Z' }), NOW)).to.equal(false);
    expect(paymentBlock(order({ serviceStartAt: '2026-05-31T00:00:00Z' }), { type: 'balance' }, funds, NOW)).to.equal('start-passed');
  });

  it('start time passed wins over every other rule', () => {
    expect(paymentBlock(order({ serviceStartAt: '2026-05-31T00:00:00Z', paymentDeadline: '2026-05-30T00:00:00Z' }), { type: 'online', channel: 'x' }, { accountBalance: 0, allocatableBalance: 0 }, NOW)).to.equal('start-passed');
  });

  it('a passed payment deadline blocks', () => {
    expect(deadlinePassed(order({ paymentDeadline: '2026-06-01T00:00:00Z' }), NOW)).to.equal(true);
    expect(paymentBlock(order({ paymentDeadline: '2026-05-31T23:59:59Z' }), { type: 'balance' }, funds, NOW)).to.equal('deadline-passed');
  });

  it('balance payment needs both the account balance and the allocatable balance to cover the amount', () => {
    expect(fundsShortfall(funds, 10_000)).to.equal(undefined);
    expect(fundsShortfall({ accountBalance: 9_999, allocatableBalance: 50_000 }, 10_000)).to.equal('balance-insufficient');
    expect(fundsShortfall({ accountBalance: 50_000, allocatableBalance: 9_999 }, 10_000)).to.equal('allocatable-insufficient');
    expect(paymentBlock(order(), { type: 'balance' }, { accountBalance: 50_000, allocatableBalance: 1 }, NOW)).to.equal('allocatable-insufficient');
  });

  it('online payment does not draw on the balance', () => {
    expect(paymentBlock(order(), { type: 'online', channel: 'alipay' }, { accountBalance: 0, allocatableBalance: 0 }, NOW)).to.equal(undefined);
  });

  it('marketplace general-goods orders allow only balance or the online channel the backend names', () => {
    const goods = order({ marketplaceGoods: true, onlineChannels: ['petal'] });
    expect(methodAllowed(goods, { type: 'balance' })).to.equal(true);
    expect(methodAllowed(goods, { type: 'online', channel: 'petal' })).to.equal(true);
    expect(methodAllowed(goods, { type: 'online', channel: 'alipay' })).to.equal(false);
    expect(paymentBlock(goods, { type: 'online', channel: 'wechat' }, funds, NOW)).to.equal('method-not-allowed');
  });
});
