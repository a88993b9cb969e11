import { expect } from '@open-wc/testing';
import { errorMessage } from '../../src/i18n/error-messages.js';
import { fetchMessages } from '../../src/i18n/catalogue.js';
import { formatDate } from '../../src/i18n/format-date.js';
import { resolveLocale } from '../../src/i18n/resolve-locale.js';
import { inviteMessages } from '../../src/i18n/messages/invite-table.js';
import { issuedMessages } from '../../src/i18n/messages/issued-voucher-list.js';
import { issueMessages } from '../../src/i18n/messages/voucher-issue-form.js';
import { recordsMessages } from '../../src/i18n/messages/voucher-records.js';
import { withdrawMessages } from '../../src/i18n/messages/withdraw-dialog.js';
import { withdrawContentsMessages } from '../../src/i18n/messages/withdraw-dialog-contents.js';
import { registerLocale, registerMessages } from '../../src/i18n/register.js';
import { onMessagesChange } from '../../src/i18n/store.js';
import { KitError } from '../../src/model/errors.js';
import { watchWarnings } from './watch-warnings.js';

/** The registry is page-wide, so each test overrides keys and locales no other test reads. */
describe('strings: overriding messages and adding locales', () => {
  const warnings = watchWarnings();

  // The zh-CN halves of the catalogues this file imported, as an element in zh-CN fetches them before it paints.
  before(() => fetchMessages('zh-CN'));

  it('maps tags onto the built-in locales as before', () => {
    expect(resolveLocale('zh')).to.equal('zh-CN');
    expect(resolveLocale('ZH-tw')).to.equal('zh-CN');
    expect(resolveLocale('zh-Hant-TW')).to.equal('zh-CN');
    expect(resolveLocale(' en-GB ')).to.equal('en-US');
    expect(resolveLocale('fr')).to.equal('en-US');
    expect(resolveLocale('')).to.equal('en-US');
    expect(resolveLocale(null)).to.equal('en-US');
    expect(resolveLocale('not a tag!')).to.equal('en-US');
  });

  it('overrides one message page-wide and keeps the others and the other locale', () => {
    registerMessages('withdraw-dialog', 'en-US', { title: 'Cash out' });
    expect(withdrawMessages('en-US').title).to.equal('Cash out');
    expect(withdrawMessages('en-US').close).to.equal('Close');
    expect(withdrawMessages('zh-CN').title).to.equal('提现');
  });

  it('adds to earlier overrides, function messages included', () => {
    registerMessages('voucher-records', 'en-US', { from: 'Since' });
    registerMessages('voucher-records', 'en-US', { failed: (code) => `Refused: ${code}` });
    expect(recordsMessages('en-US').from).to.equal('Since');
    expect(recordsMessages('en-US').failed('CBC.1')).to.equal('Refused: CBC.1');
  });

  it('tells listeners so elements on the page can re-render', () => {
    let calls = 0;
    const stop = onMessagesChange(() => (calls += 1));
    registerMessages('voucher-records', 'zh-CN', { to: '截止' });
    stop();
    registerMessages('voucher-records', 'zh-CN', { to: '截至' });
    expect(calls).to.equal(1);
    expect(recordsMessages('zh-CN').to).to.equal('截至');
  });

  it('adds a locale that tags resolve to, taking what it lacks from en-US with one warning per key in dev mode', () => {
    registerLocale('ja-JP', { catalogues: { 'invite-table': { search: '検索' }, errors: { timeout: 'タイムアウトしました。' } } });
    expect(resolveLocale('ja')).to.equal('ja-JP');
    expect(resolveLocale('JA-jp')).to.equal('ja-JP');
    (globalThis as { __PK_DEV__?: unknown }).__PK_DEV__ = true;
    const m = inviteMessages('ja-JP');
    expect(m.search).to.equal('検索');
    expect(m.status).to.equal('Status');
    expect(m.status).to.equal('Status');
    expect(m.selectedCount(2)).to.equal('2 invitations selected.');
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('ja-JP').and.contain('"status"').and.contain('invite-table').and.contain('en-US');
    expect(errorMessage(new KitError('timeout', 'slow'), 'ja-JP')).to.equal('タイムアウトしました。');
  });

  it('stays silent about fallbacks outside dev mode', () => {
    registerLocale('ko-KR', { catalogues: { 'invite-table': { search: '검색' } } });
    expect(inviteMessages('ko-KR').caption).to.equal('Invited customers');
    expect(warnings).to.deep.equal([]);
  });

  it('falls back along the chain a host chose', () => {
    registerLocale('zh-TW', { fallback: 'zh-CN', catalogues: { 'voucher-issue-form': { quota: '額度' } } });
    expect(resolveLocale('zh-tw')).to.equal('zh-TW');
    expect(resolveLocale('zh-HK')).to.equal('zh-CN');
    expect(issueMessages('zh-TW').quota).to.equal('額度');
    expect(issueMessages('zh-TW').add).to.equal('添加');
  });

  it('registers a locale on its first messages', () => {
    registerMessages('voucher-issue-form', 'fr-FR', { add: 'Ajouter' });
    expect(resolveLocale('fr')).to.equal('fr-FR');
    expect(issueMessages('fr-FR').add).to.equal('Ajouter');
    expect(issueMessages('fr-FR').remove('X')).to.equal('Remove X');
  });

  it('is typed: an unknown catalogue or key, or a message of the wrong shape, fails `npm run typecheck`', () => {
    const neverCalled = () => {
      // @ts-expect-error there is no such catalogue
      registerMessages('withdraw', 'en-US', {});
      // @ts-expect-error there is no such key
      registerMessages('withdraw-dialog', 'en-US', { titel: 'Cash out' });
      // @ts-expect-error a message with parameters stays a function of them
      registerMessages('withdraw-dialog', 'en-US', { takes: 'Takes some' });
      // @ts-expect-error the same holds for a locale's catalogues
      registerLocale('ja-JP', { catalogues: { 'withdraw-dialog': { takes: (amount: number) => `${amount}` } } });
    };
    expect(neverCalled).to.be.a('function');
  });

  it('refuses what is not a locale tag', () => {
    expect(() => registerLocale('not a tag!')).to.throw(RangeError);
  });

  describe("a provider's own messages", () => {
    const providerMessages = { 'en-US': { 'issued-voucher-list': { reclaim: 'Take back' } } };

    it('apply under the scoped locale only, and formatting stays that of the locale', () => {
      const scoped = resolveLocale('en', providerMessages);
      expect(scoped).to.match(/^en-US-x-pk\d+$/);
      expect(issuedMessages(scoped).reclaim).to.equal('Take back');
      expect(issuedMessages(scoped).cancel).to.equal('Cancel');
      expect(issuedMessages('en-US').reclaim).to.equal('Reclaim');
      expect(formatDate('2026-11-24', scoped)).to.equal('11/24/2026');
    });

    it('name one scope per set of messages, even when a framework rebuilds the object', () => {
      const again = { 'en-US': { 'issued-voucher-list': { reclaim: 'Take back' } } };
      const other = { 'en-US': { 'issued-voucher-list': { reclaim: 'Recover' } } };
      expect(resolveLocale('en-US', again)).to.equal(resolveLocale('en-US', providerMessages));
      expect(resolveLocale('en-US', other)).not.to.equal(resolveLocale('en-US', providerMessages));
      expect(resolveLocale('zh-CN', providerMessages)).to.match(/^zh-CN-x-pk\d+$/);
      expect(resolveLocale('en-US', {})).to.equal('en-US');
    });

    it('win over page-wide overrides and may bring a locale of their own', () => {
      registerMessages('withdraw-dialog', 'en-US', { next: 'Continue' });
      const scoped = resolveLocale('en-US', { 'en-US': { 'withdraw-dialog': { next: 'Onward' } } });
      expect(withdrawContentsMessages(scoped).next).to.equal('Onward');
      expect(withdrawContentsMessages('en-US').next).to.equal('Continue');
      const thai = resolveLocale('th', { 'th-TH': { 'withdraw-dialog': { cancel: 'ยกเลิก' } } });
      expect(thai).to.match(/^th-TH-x-pk\d+$/);
      expect(withdrawMessages(thai).cancel).to.equal('ยกเลิก');
      expect(withdrawContentsMessages(thai).back).to.equal('Back');
    });

    it('drop messages under what is no locale tag instead of throwing inside a render', () => {
      (globalThis as { __PK_DEV__?: unknown }).__PK_DEV__ = true;
      const scoped = resolveLocale('en-US', { 'not a tag!': { 'withdraw-dialog': { title: 'x' } }, 'en-US': { 'withdraw-dialog': { summaryTo: 'Into' } } });
      expect(withdrawContentsMessages(scoped).summaryTo).to.equal('Into');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('not a tag!');
    });

    it('keep a scoped tag when it is resolved again with the same messages', () => {
      const scoped = resolveLocale('zh-CN', providerMessages);
      expect(resolveLocale(scoped, providerMessages)).to.equal(scoped);
      expect(resolveLocale(scoped)).to.equal('zh-CN');
    });
  });
});
