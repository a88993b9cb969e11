import { expect } from '@open-wc/testing';
import {
  checkAccountName,
  checkDisplayName,
  checkEmail,
  checkMobile,
  checkPassword,
  checkRegistrationCode,
} from '../../src/model/rules/customer-accounts.js';

const issue = (check: { ok: boolean; issue?: string }) => (check.ok ? undefined : check.issue);
const HOSTILE = `a${' a'.repeat(50_000)}!`;

/** Counts every pattern run while `run` goes: `test`, `match` and `replace` all reach `exec`. */
function patternRuns(run: () => void): number {
  const original = RegExp.prototype.exec;
  let runs = 0;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    runs += 1;
    return original.call(this, text);
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = original;
  }
  return runs;
}

describe('customer account rules', () => {
  it('account name: 5–32 of letters, digits, _ and -, a letter, _ or - first, not all digits, no op_/shadow_', () => {
    expect(issue(checkAccountName('zhao_ming'))).to.equal(undefined);
    expect(issue(checkAccountName('-abcde'))).to.equal(undefined);
    expect(issue(checkAccountName('_a2345'))).to.equal(undefined);
    expect(issue(checkAccountName(''))).to.equal('required');
    expect(issue(checkAccountName('abcd'))).to.equal('too-short');
    expect(issue(checkAccountName('a'.repeat(32)))).to.equal(undefined);
    expect(issue(checkAccountName('a'.repeat(33)))).to.equal('too-long');
    expect(issue(checkAccountName('1abcde'))).to.equal('first-character');
    expect(issue(checkAccountName('1234567'))).to.equal('all-digits');
    expect(issue(checkAccountName('zhao ming'))).to.equal('format');
    expect(issue(checkAccountName('zhao.ming'))).to.equal('format');
    expect(issue(checkAccountName('赵明明明明明'))).to.equal('format');
    expect(issue(checkAccountName('op_zhang'))).to.equal('reserved-prefix');
    expect(issue(checkAccountName('Shadow_zhang'))).to.equal('reserved-prefix');
  });

  it('display name: the source rule of brief [21], 1–32 characters', () => {
    for (const ok of ['Zhao Ming', ' lead', '_x', '-x9', 'a b_c-d 1']) expect(issue(checkDisplayName(ok)), ok).to.equal(undefined);
    expect(issue(checkDisplayName('9lives'))).to.equal('format');
    expect(issue(checkDisplayName('赵明'))).to.equal('format');
    expect(issue(checkDisplayName('a!'))).to.equal('format');
    expect(issue(checkDisplayName('   '))).to.equal('required');
    expect(issue(checkDisplayName('a'.repeat(33)))).to.equal('too-long');
  });

  it('mobile: country code-number, digits, at most 32 characters', () => {
    expect(issue(checkMobile('0086-13912345678'))).to.equal(undefined);
    expect(issue(checkMobile('13912345678'))).to.equal('format');
    expect(issue(checkMobile('0086-139 1234'))).to.equal('format');
    expect(issue(checkMobile('+86-13912345678'))).to.equal('format');
    expect(issue(checkMobile('0086-'))).to.equal('format');
    expect(issue(checkMobile(`0086-${'1'.repeat(28)}`))).to.equal('too-long');
  });

  it('e-mail and the six-digit registration code', () => {
    expect(issue(checkEmail('zm@example.com'))).to.equal(undefined);
    expect(issue(checkEmail('zm@example'))).to.equal('format');
    expect(issue(checkEmail('z m@example.com'))).to.equal('format');
    expect(issue(checkEmail(`${'a'.repeat(60)}@x.cn`))).to.equal('too-long');
    expect(issue(checkRegistrationCode('123456'))).to.equal(undefined);
    expect(issue(checkRegistrationCode('12345a'))).to.equal('format');
    expect(issue(checkRegistrationCode('1234567'))).to.equal('too-long');
  });

  it('password: 8–32, two classes, not the account name or its reverse, not containing the mobile', () => {
    const context = { accountName: 'zhao_ming1', mobile: '0086-13912345678' };
    expect(issue(checkPassword('Passw0rd', context))).to.equal(undefined);
    expect(issue(checkPassword('Pa0!', context))).to.equal('too-short');
    expect(issue(checkPassword(`Aa1${'x'.repeat(30)}`, context))).to.equal('too-long');
    expect(issue(checkPassword('password', context))).to.equal('classes');
    expect(issue(checkPassword('12345678', context))).to.equal('classes');
    expect(issue(checkPassword('pass word1', context))).to.equal('format');
    expect(issue(checkPassword('zhao_ming1', context))).to.equal('equals-account-name');
    expect(issue(checkPassword('1gnim_oahz', context))).to.equal('equals-account-name');
    expect(issue(checkPassword('x13912345678', context))).to.equal('contains-mobile');
  });

  it('refuses a 100,000-character hostile value by its length before any pattern runs', () => {
    const context = { accountName: HOSTILE, mobile: HOSTILE };
    const checks = [checkAccountName, checkDisplayName, checkMobile, checkEmail, checkRegistrationCode, (t: string) => checkPassword(t, context)];
    for (const check of checks) {
      let result: { ok: boolean; issue?: string } = { ok: true };
      expect(patternRuns(() => (result = check(HOSTILE)))).to.equal(0);
      expect(issue(result)).to.equal('too-long');
    }
  });

  it('the display-name pattern stays linear on a long near-match within the cap', () => {
    // The nested-quantifier source pattern explodes on this shape; the kit's must answer it at once, by rule not by clock.
    expect(issue(checkDisplayName(`${'a '.repeat(15)}!`))).to.equal('format');
  });
});
