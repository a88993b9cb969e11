import { expect } from '@open-wc/testing';
import { MAX_PAYER_NAME_LENGTH, findPayerIssue } from '../../src/model/rules/remittance.js';

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
});
