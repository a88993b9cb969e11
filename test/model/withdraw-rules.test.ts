import { expect } from '@open-wc/testing';
import { breaksNameMatch, lastInFirstOut, mustMatchCompanyName, takeInOrder } from '../../src/model/rules/withdraw.js';
import type { FlowChannel, PayoutAccount, RechargeFlow } from '../../src/model/schemas/withdrawal.js';

const COMPANY = '杭州云帆科技有限公司';

function flow(id: string, receivedAt: string, withdrawableAmount: number, channel: FlowChannel = 'online-banking'): RechargeFlow {
  return { id, receivedAt, channel, originalAmount: withdrawableAmount, withdrawableAmount, accountId: `acct-${id}` };
}

function account(holderName: string): PayoutAccount {
  return { id: 'acct-1', type: 'bank', holderName, bankCode: 'ICBC', maskedNumber: '**** 6789', branch: null };
}

const ids = (flows: readonly { id: string }[]) => flows.map((f) => f.id);

describe('lastInFirstOut', () => {
  it('puts the newest recharge first, whatever order the flows come in', () => {
    const flows = [flow('b', '2026-10-01T00:00:00Z', 1), flow('c', '2026-11-01T00:00:00Z', 1), flow('a', '2026-09-01T00:00:00Z', 1)];
    expect(ids(lastInFirstOut(flows))).to.deep.equal(['c', 'b', 'a']);
  });

  it('keeps recharges received at the same instant in the order given', () => {
    const at = '2026-10-01T08:00:00Z';
    const flows = [flow('first', at, 1), flow('newer', '2026-10-02T00:00:00Z', 1), flow('second', at, 1), flow('third', at, 1)];
    expect(ids(lastInFirstOut(flows))).to.deep.equal(['newer', 'first', 'second', 'third']);
  });

  it('orders by time, not by text, when instants are written with or without seconds and fractions', () => {
    const flows = [flow('08:00', '2026-10-01T08:00Z', 1), flow('08:00:30', '2026-10-01T08:00:30Z', 1), flow('08:00:00.5', '2026-10-01T08:00:00.5Z', 1)];
    expect(ids(lastInFirstOut(flows))).to.deep.equal(['08:00:30', '08:00:00.5', '08:00']);
  });

  it('returns a new list and leaves the given one alone', () => {
    const flows = [flow('old', '2026-01-01T00:00:00Z', 1), flow('new', '2026-02-01T00:00:00Z', 1)];
    const ordered = lastInFirstOut(flows);
    expect(ordered).not.to.equal(flows);
    expect(ids(flows)).to.deep.equal(['old', 'new']);
  });

  it('gives an empty list for no flows', () => {
    expect(lastInFirstOut([])).to.deep.equal([]);
  });
});

describe('takeInOrder', () => {
  const a = flow('a', '2026-11-01T00:00:00Z', 1_000);
  const b = flow('b', '2026-10-01T00:00:00Z', 500);
  const c = flow('c', '2026-09-01T00:00:00Z', 2_000);

  it('takes a flow whole before touching the next, and only part of the last one', () => {
    expect(takeInOrder([a, b, c], 1_700)).to.deep.equal([
      { flow: a, amount: 1_000 },
      { flow: b, amount: 500 },
      { flow: c, amount: 200 },
    ]);
  });

  it('takes part of the first flow when it holds enough', () => {
    expect(takeInOrder([a, b, c], 1)).to.deep.equal([{ flow: a, amount: 1 }]);
  });

  it('stops exactly at a flow boundary without an empty take', () => {
    expect(takeInOrder([a, b, c], 1_500)).to.deep.equal([
      { flow: a, amount: 1_000 },
      { flow: b, amount: 500 },
    ]);
  });

  it('follows the order it is given, not the recharge dates', () => {
    expect(takeInOrder([c, a], 2_500)).to.deep.equal([
      { flow: c, amount: 2_000 },
      { flow: a, amount: 500 },
    ]);
  });

  it('skips flows with nothing left to withdraw', () => {
    const empty = { ...b, withdrawableAmount: 0 };
    expect(takeInOrder([empty, a], 300)).to.deep.equal([{ flow: a, amount: 300 }]);
  });

  it('takes nothing for a zero amount', () => {
    expect(takeInOrder([a, b], 0)).to.deep.equal([]);
  });

  it('takes everything there is when asked for more, leaving the shortfall to the caller', () => {
    const takes = takeInOrder([a, b], 10_000);
    expect(takes).to.deep.equal([
      { flow: a, amount: 1_000 },
      { flow: b, amount: 500 },
    ]);
  });

  it('does not change the flows it takes from', () => {
    takeInOrder([a, b], 1_200);
    expect([a.withdrawableAmount, b.withdrawableAmount]).to.deep.equal([1_000, 500]);
  });
});

describe('mustMatchCompanyName', () => {
  const cases: [FlowChannel, 'original' | 'bank-card', boolean][] = [
    ['transaction-mode-conversion', 'original', true],
    ['incentive-refund', 'original', true],
    ['online-banking', 'original', false],
    ['bank-transfer', 'original', false],
    ['alipay', 'original', false],
    ['wechat', 'original', false],
    ['online-banking', 'bank-card', true],
    ['alipay', 'bank-card', true],
    ['transaction-mode-conversion', 'bank-card', true],
  ];
  for (const [channel, route, expected] of cases) {
    it(`${expected ? 'requires' : 'does not require'} the company name for ${channel} money by the ${route} route`, () => {
      expect(mustMatchCompanyName(flow('f', '2026-10-01T00:00:00Z', 1, channel), route)).to.equal(expected);
    });
  }
});

describe('breaksNameMatch', () => {
  const conversion = flow('f', '2026-10-01T00:00:00Z', 1, 'transaction-mode-conversion');
  const online = flow('g', '2026-10-01T00:00:00Z', 1, 'online-banking');

  it('is broken when the money must go to the company name and the holder is another', () => {
    expect(breaksNameMatch(conversion, account('杭州云帆科技'), COMPANY, 'original')).to.equal(true);
    expect(breaksNameMatch(online, account('张伟'), COMPANY, 'bank-card')).to.equal(true);
  });

  it('holds when the holder is exactly the company’s verified name', () => {
    expect(breaksNameMatch(conversion, account(COMPANY), COMPANY, 'original')).to.equal(false);
    expect(breaksNameMatch(online, account(COMPANY), COMPANY, 'bank-card')).to.equal(false);
  });

  it('does not apply to money that may go back to any account it came from', () => {
    expect(breaksNameMatch(online, account('张伟'), COMPANY, 'original')).to.equal(false);
  });

  it('compares names exactly: a shortened or padded name does not match', () => {
    expect(breaksNameMatch(conversion, account(`${COMPANY} `), COMPANY, 'original')).to.equal(true);
    expect(breaksNameMatch(conversion, account('杭州云帆科技有限'), COMPANY, 'original')).to.equal(true);
  });
});
