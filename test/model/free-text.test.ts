import { expect } from '@open-wc/testing';
import { checkFreeText } from '../../src/model/rules/free-text.js';

describe('checkFreeText', () => {
  it('keeps line breaks and tabs only in multi-line text, and refuses every other control or invisible character', () => {
    expect(checkFreeText('Over budget.\nPay it yourself.', 200, { multiline: true })).to.deep.equal({ ok: true, value: 'Over budget.\nPay it yourself.' });
    expect(checkFreeText('Over budget.\r\nPay it yourself.', 200, { multiline: true }).ok).to.equal(true);
    expect(checkFreeText('Over budget.\tPay it yourself.', 200, { multiline: true }).ok, 'a tab pasted from a sheet').to.equal(true);
    expect(checkFreeText('Over budget.\nPay it yourself.', 200)).to.deep.equal({ ok: false, reason: 'hidden-characters' });
    for (const hidden of ['\u202E', '\u200B', '\u0007', '\uFEFF']) {
      expect(checkFreeText(`Pay ${hidden}yourself`, 200, { multiline: true }), JSON.stringify(hidden)).to.deep.equal({ ok: false, reason: 'hidden-characters' });
    }
  });

  it('counts characters, not UTF-16 units, and refuses a huge text before reading it', () => {
    expect(checkFreeText('客'.repeat(200), 200).ok).to.equal(true);
    expect(checkFreeText('😀'.repeat(200), 200).ok).to.equal(true);
    expect(checkFreeText('😀'.repeat(201), 200)).to.deep.equal({ ok: false, reason: 'too-long' });
    expect(checkFreeText('x'.repeat(100_000), 200)).to.deep.equal({ ok: false, reason: 'too-long' });
    expect(checkFreeText('   ', 200)).to.deep.equal({ ok: false, reason: 'required' });
  });
});
