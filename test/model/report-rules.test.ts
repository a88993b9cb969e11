import { expect } from '@open-wc/testing';
import { checkLinkLabel, checkReportEmail, checkReportMobile, checkReportName, type FieldCheck } from '../../src/model/rules/report.js';
import { longestPatternInput } from '../support/patterns-read.js';

const reason = (check: FieldCheck) => (check.ok ? 'ok' : check.reason);
const RTL_OVERRIDE = '\u202E';
const CHECKS = { name: checkReportName, mobile: checkReportMobile, email: checkReportEmail, label: checkLinkLabel };

describe('report field rules', () => {
  it('takes full names in any script and tidies their spaces', () => {
    expect(checkReportName('  王小明 ')).to.deep.equal({ ok: true, value: '王小明' });
    expect(checkReportName('杭州云帆科技有限公司（滨江）')).to.include({ ok: true });
    expect(checkReportName("Zoë O'Brien-Smith  Ltd.")).to.deep.equal({ ok: true, value: "Zoë O'Brien-Smith Ltd." });
    expect(reason(checkReportName('12345'))).to.equal('format');
    expect(reason(checkReportName('<script>'))).to.equal('format');
    expect(reason(checkReportName('   '))).to.equal('required');
  });

  it('reads mobiles as people write them and sends them as 0086-number', () => {
    expect(checkReportMobile('139 1234 5678')).to.deep.equal({ ok: true, value: '0086-13912345678' });
    expect(checkReportMobile('+86 139 1234 5678')).to.deep.equal({ ok: true, value: '0086-13912345678' });
    expect(checkReportMobile('0086-13912345678')).to.deep.equal({ ok: true, value: '0086-13912345678' });
    expect(checkReportMobile('+852-91234567')).to.deep.equal({ ok: true, value: '00852-91234567' });
    for (const bad of ['1391234567', '86-13912345678', '0086-139abc', '0086--139', '+14155550100']) expect(reason(checkReportMobile(bad)), bad).to.equal('format');
  });

  it('takes e-mails of letters, digits and _ - . only', () => {
    expect(checkReportEmail(' wang.xm_01-a@example.com.cn ')).to.deep.equal({ ok: true, value: 'wang.xm_01-a@example.com.cn' });
    for (const bad of ['wang+tag@example.com', 'wang@example', '.wang@example.com', 'wang.@example.com', 'wang..xm@example.com', 'wang@-example.com', '王@example.com', 'a@b@c.com', "o'neil@example.com"]) {
      expect(reason(checkReportEmail(bad)), bad).to.equal('format');
    }
  });

  it('takes link labels of letters, digits, spaces, . _ - @', () => {
    expect(checkLinkLabel('op_zhangwei')).to.deep.equal({ ok: true, value: 'op_zhangwei' });
    expect(checkLinkLabel('华东 渠道-2')).to.include({ ok: true });
    expect(reason(checkLinkLabel('a/b?c=d'))).to.equal('format');
    expect(reason(checkLinkLabel('x'.repeat(33)))).to.equal('too-long');
  });

  it('sees a pattern that reads a long text (the check below can fail)', async () => {
    expect(await longestPatternInput(() => /b/.test('a'.repeat(5000)))).to.equal(5000);
    expect(await longestPatternInput(() => 'a'.repeat(4000).replace(/a+$/, ''))).to.equal(4000);
  });

  for (const [field, check] of Object.entries(CHECKS)) {
    it(`${field}: refuses control characters and invisible direction marks, which would make what is read differ from what is sent`, () => {
      for (const hostile of [`ab${RTL_OVERRIDE}cd`, 'ab\u0000cd', 'ab\ncd', 'a\u200Fb', '\u2066ab\u2069', 'ab\u001Bcd', '\uFEFFab']) {
        expect(reason(check(hostile)), JSON.stringify(hostile)).to.equal('hidden-characters');
      }
    });

    it(`${field}: refuses 10,000 characters, and a million, by their length before any pattern reads them`, async () => {
      for (const size of [10_000, 1_000_000]) {
        const hostile = [`${'a'.repeat(size)}`, `${'1'.repeat(size)}@x.com`, `0086-${'1'.repeat(size)}`, `${'a.'.repeat(size / 2)}!`];
        const reasons: string[] = [];
        const read = await longestPatternInput(() => hostile.forEach((text) => reasons.push(reason(check(text)))));
        expect(reasons).to.deep.equal(hostile.map(() => 'too-long'));
        expect(read, `${size} characters: the longest text a pattern read`).to.be.at.most(300);
      }
    });
  }

  // A pattern that backtracks on these would not finish within the test's timeout (2^50 steps for the
  // e-mail); how fast validation is on hostile input is `npm run bench`'s to judge, not a unit test's.
  it('refuses near-matches built to make a backtracking pattern explode', () => {
    expect(reason(checkReportEmail(`${'a'.repeat(50)}@${'b-'.repeat(6)}!`))).to.not.equal('ok');
    expect(reason(checkReportName(`${'a '.repeat(31)}!`))).to.not.equal('ok');
    expect(reason(checkReportMobile(`00${'9'.repeat(4)}-${'1'.repeat(20)}x`))).to.not.equal('ok');
  });
});
