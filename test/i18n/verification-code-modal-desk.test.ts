import { expect } from '@open-wc/testing';
import { fetchMessages } from '../../src/i18n/catalogue.js';
import { resolveLocale } from '../../src/i18n/resolve-locale.js';
import { verificationMessages } from '../../src/i18n/messages/verification-code-modal.js';
import { lockedMessage, verificationDeskMessages, verificationFailure } from '../../src/i18n/messages/verification-code-modal-desk.js';
import { registerMessages } from '../../src/i18n/register.js';
import { KitError } from '../../src/model/errors.js';

/** The registry is page-wide, so each test overrides keys no other test reads. */
describe("strings: the code entry's own catalogue, overridden under `verification-code-modal`", () => {
  before(() => fetchMessages('zh-CN'));

  it('takes page-wide overrides in the sentences built from its words', () => {
    registerMessages('verification-code-modal', 'en-US', { locked: (when: string) => `Locked: try again ${when}.` });
    registerMessages('verification-code-modal', 'zh-CN', { expired: '验证码失效了，请重新获取。' });
    expect(lockedMessage('en-US', 15 * 60_000)).to.equal('Locked: try again in 15 minutes.');
    expect(lockedMessage('zh-CN', 15 * 60_000)).to.equal('验证码错误次数过多，请 15 分钟后再试。');
    const expired = new KitError('validation', 'Expired.', { reason: 'code-expired' });
    expect(verificationFailure(expired, 'zh-CN', 0)).to.equal('验证码失效了，请重新获取。');
    expect(verificationFailure(expired, 'en-US', 0)).to.equal('This code has expired. Get a new code.');
  });

  it("takes a provider's overrides under the scoped locale, beside the shell's words", () => {
    const scoped = resolveLocale('en-US', { 'en-US': { 'verification-code-modal': { sms: 'Text message', cancel: 'Not now' } } });
    expect(verificationDeskMessages(scoped).sms).to.equal('Text message');
    expect(verificationDeskMessages(scoped).email).to.equal('E-mail');
    expect(verificationMessages(scoped).cancel).to.equal('Not now');
    expect(verificationDeskMessages('en-US').sms).to.equal('SMS');
  });
});
