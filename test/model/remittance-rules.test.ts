import { expect } from '@open-wc/testing';
import { MAX_PAYER_NAME_LENGTH, findPayerIssue, findPayerIssues } from '../../src/model/rules/remittance.js';

describe('findPayerIssue', () => {
  it('keeps distinct names, whatever spaces surround them', () => {
    expect(findPayerIssue([' 杭州云帆 ', 'Acme Ltd', '张三'])).to.equal(undefined);
    expect(findPayerIssue([])).to.equal(undefined);
  });

  it('names the first empty name, spaces counting as empty', () => {
    expect(findPayerIssue(['Acme', '   ', ''])).to.deep.equal({ index: 1, reason: 'empty' });
  });

  it('allows the longest name and refuses one character more, counted after trimming', () => {
    const longest = 'a'.repeat(MAX_PAYER_NAME_LENGTH);
    expect(findPayerIssue([`  ${longest}  `])).to.equal(undefined);
    expect(findPayerIssue(['Acme', `${longest}b`])).to.deep.equal({ index: 1, reason: 'too-long' });
  });

  it('treats names differing only in letter case or character width as one payer', () => {
    expect(findPayerIssue(['Acme Ltd', 'ACME LTD'])).to.deep.equal({ index: 1, reason: 'duplicate' });
    expect(findPayerIssue(['Ａｃｍｅ', 'acme'])).to.deep.equal({ index: 1, reason: 'duplicate' });
    expect(findPayerIssue(['acme', ' acme '])).to.deep.equal({ index: 1, reason: 'duplicate' });
  });

  it('reports the first broken name when several break the rule', () => {
    expect(findPayerIssue(['x', 'x', ''])).to.deep.equal({ index: 1, reason: 'duplicate' });
  });

  it('lists every name that cannot be kept, a duplicate being one of a name that can', () => {
    const names = ['', 'Acme', 'ＡＣＭＥ', 'x'.repeat(MAX_PAYER_NAME_LENGTH + 1), 'x'.repeat(MAX_PAYER_NAME_LENGTH + 1), ' acme '];
    expect(findPayerIssues(names)).to.deep.equal([
      { index: 0, reason: 'empty' },
      { index: 2, reason: 'duplicate' },
      { index: 3, reason: 'too-long' },
      { index: 4, reason: 'too-long' },
      { index: 5, reason: 'duplicate' },
    ]);
    expect(findPayerIssue(names)).to.deep.equal({ index: 0, reason: 'empty' });
  });
});
