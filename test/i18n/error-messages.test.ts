import { expect, waitUntil } from '@open-wc/testing';
import { fetchMessages } from '../../src/i18n/catalogue.js';
import { errorMessage, withCode, withSupportCode } from '../../src/i18n/error-messages.js';
import { onMessagesChange } from '../../src/i18n/store.js';
import { lockedMessage } from '../../src/i18n/messages/verification-code-modal-desk.js';
import { KitError } from '../../src/model/errors.js';

describe('error sentences', () => {
  before(() => fetchMessages('zh-CN'));

  it('join a backend code the way each locale writes it', () => {
    expect(withCode('额度余额不足。', 'CBC.99000013', 'zh-CN')).to.equal('额度余额不足（错误码 CBC.99000013）');
    expect(withCode('The quota balance ran out.', 'CBC.99000013', 'en-US')).to.equal('The quota balance ran out. (Code CBC.99000013)');
    expect(withCode('额度余额不足。', undefined, 'zh-CN')).to.equal('额度余额不足。');
  });

  it('add the code of a KitError to its sentence', () => {
    const error = new KitError('insufficient-funds', 'low', { backendCode: 'CBC.99005003' });
    expect(withSupportCode(error, 'zh-CN')).to.equal('余额不足（错误码 CBC.99005003）');
    expect(withSupportCode(error, 'en-US')).to.equal('The balance is too low. (Code CBC.99005003)');
  });

  it('space relative times from Intl like the rest of zh-CN', () => {
    expect(lockedMessage('zh-CN', 15 * 60_000)).to.equal('验证码错误次数过多，请 15 分钟后再试。');
    expect(lockedMessage('zh-CN', 30_000)).to.equal('验证码错误次数过多，请 30 秒钟后再试。');
    expect(lockedMessage('en-US', 15 * 60_000)).to.equal('Too many wrong codes. You can try again in 15 minutes.');
  });

  it('say how long a rate limit asks to wait, and once it is over that trying again is fine, drawing again then', async () => {
    const error = new KitError('rate-limited', 'slow down', { retryAfterMs: 150 });
    let redrawn = 0;
    const stop = onMessagesChange(() => (redrawn += 1));
    try {
      expect(errorMessage(error, 'en-US')).to.equal('Too many requests. Try again in 1 s.');
      await waitUntil(() => redrawn > 0, 'the elements were not drawn again when the wait ended');
      expect(errorMessage(error, 'en-US')).to.equal('You can try again now.');
      expect(errorMessage(error, 'zh-CN')).to.equal('现在可以重试。');
    } finally {
      stop();
    }
  });
});
