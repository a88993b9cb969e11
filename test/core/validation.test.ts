import { expect } from '@open-wc/testing';
import { CustomerName, Email, Mobile, Remark, firstRejection } from '../../src/core/validation.js';
import { normalizeCode } from '../../src/core/verification/normalize-code.js';

describe('validation schemas', () => {
  it('accepts customer names by the brief’s rule', () => {
    for (const name of ['Alice', '_ops team', '-x', ' lead space', 'a1_b-2 c']) {
      expect(firstRejection(CustomerName, name), name).to.equal(undefined);
    }
  });

  it('refuses names that break the rule, with a reason', () => {
    expect(firstRejection(CustomerName, '')).to.equal('required');
    expect(firstRejection(CustomerName, '1abc')).to.equal('format');
    expect(firstRejection(CustomerName, '张三')).to.equal('format');
    expect(firstRejection(CustomerName, '<img src=x>')).to.equal('format');
    expect(firstRejection(CustomerName, 'a'.repeat(33))).to.equal('too-long');
  });

  it('answers at once on a near-match that would make the brief’s nested regex backtrack for ages', () => {
    // `^([a-zA-Z\_\- ][0-9a-zA-Z\_\- ]*)+$` on this string takes exponential time; ours is linear.
    const hostile = `${'a'.repeat(28)}!`;
    expect(firstRejection(CustomerName, hostile)).to.equal('format');
    expect(firstRejection(CustomerName, `${'a '.repeat(100_000)}!`)).to.equal('too-long');
  });

  it('checks mobiles as country code-number', () => {
    expect(firstRejection(Mobile, '0086-13912345678')).to.equal(undefined);
    expect(firstRejection(Mobile, '13912345678')).to.equal('format');
    expect(firstRejection(Mobile, '0086-139 1234 5678')).to.equal('format');
    expect(firstRejection(Mobile, '0086-１３９')).to.equal('format');
    expect(firstRejection(Mobile, `0086-${'1'.repeat(40)}`)).to.equal('too-long');
  });

  it('checks e-mail addresses by the console’s character rule', () => {
    expect(firstRejection(Email, 'li.na_01@example.com')).to.equal(undefined);
    expect(firstRejection(Email, 'li+na@example.com')).to.equal('format');
    expect(firstRejection(Email, 'a@b')).to.equal('format');
    expect(firstRejection(Email, `${'a'.repeat(60)}@example.com`)).to.equal('too-long');
  });

  it('keeps markup in remarks as text but refuses control characters and over-long text', () => {
    expect(firstRejection(Remark, '<b>VIP</b> & 续费')).to.equal(undefined);
    expect(firstRejection(Remark, 'line\u0000break')).to.equal('format');
    expect(firstRejection(Remark, 'x'.repeat(201))).to.equal('too-long');
  });
});

describe('normalizeCode', () => {
  it('reduces pasted codes to their digits', () => {
    expect(normalizeCode('123 456')).to.equal('123456');
    expect(normalizeCode('123-456')).to.equal('123456');
    expect(normalizeCode('１２３４５６')).to.equal('123456');
    expect(normalizeCode('Your code is 654321.')).to.equal('654321');
    expect(normalizeCode('1234567')).to.equal('123456');
  });
});
