import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import '../../src/partner-kit-provider.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { registerLocale, registerMessages } from '../../src/i18n/register.js';
import { buttonTexts, modulesFetched, wordsFetched } from './module-words.js';

const DESK_CATALOGUE = '/i18n/messages/verification-code-modal-desk.';

const $ = <T extends Element = HTMLElement>(el: VerificationCodeModal, selector: string) => el.shadowRoot!.querySelector<T>(selector);

interface Open {
  /** Puts the dialog into the page (default: alone). */
  within?: (el: VerificationCodeModal) => unknown;
  /** Runs once it is on the page, before it opens. */
  placed?: (el: VerificationCodeModal) => void;
  action?: string;
}

async function openDialog(locale: string | undefined, { within = (el) => el, placed = () => undefined, action = 'Confirm withdrawal of ¥1,200.00' }: Open = {}): Promise<VerificationCodeModal> {
  const el = document.createElement('verification-code-modal');
  el.api = createMemoryAdapter({ latencyMs: 0 });
  el.locale = locale;
  await fixture(html`<div>${within(el)}</div>`);
  placed(el);
  el.confirm({ purpose: 'withdraw', action }).catch(() => undefined);
  await waitUntil(() => $(el, '[part=send]'), 'the code entry did not appear');
  await el.updateComplete;
  return el;
}

describe('<verification-code-modal>: the code entry brings its own words', () => {
  // First: nothing in this page has imported the element yet.
  it("the shell carries only its own words up front; the code entry's come with it, once", async () => {
    await import('../../src/verification-code-modal.js');
    expect(modulesFetched().length, 'the timing buffer kept every fetch').to.be.below(10_000);
    // The shell's title is seen, so a word that is not there is truly left out.
    expect(await wordsFetched(['Security verification', 'Send the code by', 'Resend code', 'You can ask for a new code now.'])).to.deep.equal([
      'Security verification',
    ]);
    expect(modulesFetched().filter((url) => url.includes(DESK_CATALOGUE))).to.deep.equal([]);

    const el = await openDialog('en-US');
    expect(buttonTexts(el)).to.include.members(['Get code', 'Cancel', 'Verify']);
    el.close();
    await el.updateComplete;
    el.confirm({ purpose: 'withdraw' }).catch(() => undefined);
    await waitUntil(() => $(el, '[part=send]'), 'the code entry did not appear again');
    expect(modulesFetched().filter((url) => url.includes(DESK_CATALOGUE))).to.have.length(1);
    el.close();
  });

  it('takes what a host registered under `verification-code-modal`, for the shell and the code entry alike', async () => {
    registerMessages('verification-code-modal', 'en-US', { title: 'Check it is you', getCode: 'Text me a code' });
    const el = await openDialog('en-US');
    expect($(el, '[part=title]')!.textContent).to.equal('Check it is you');
    expect($(el, '[part=send]')!.textContent!.trim()).to.equal('Text me a code');
    el.close();
  });

  it('words a failure at the code input in what the host registered', async () => {
    registerMessages('verification-code-modal', 'en-US', { incomplete: 'All six digits, please.' });
    const el = await openDialog('en-US');
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await waitUntil(() => $(el, '[part=error]')!.textContent !== '', 'no failure shown');
    expect($(el, '[part=error]')!.textContent).to.equal('All six digits, please.');
    el.close();
  });

  it("takes a provider's messages under `verification-code-modal` in the code entry", async () => {
    const messages = { 'en-US': { 'verification-code-modal': { codeLabel: 'One-time code' } } };
    const el = await openDialog(undefined, {
      within: (dialog) => html`<partner-kit-provider locale="en-US" .messages=${messages}>${dialog}</partner-kit-provider>`,
    });
    expect($(el, 'label[for=code]')!.textContent).to.equal('One-time code');
    // Under the provider, what the page registered (the tests before) and the shipped words stay.
    expect(buttonTexts(el)).to.include.members(['Text me a code', 'Cancel', 'Verify']);
    el.close();
  });

  it('takes a locale a host added with words for the code entry, the rest from its fallback', async () => {
    registerLocale('ja-JP', { catalogues: { 'verification-code-modal': { verify: '確認' } } });
    const el = await openDialog('ja-JP');
    // `getCode` was registered in en-US by a test before.
    expect(buttonTexts(el)).to.include.members(['Text me a code', 'Cancel', '確認']);
    el.close();
  });

  it('draws the code entry in zh-CN from its first paint, with an override in zh-CN over the shipped words', async () => {
    registerMessages('verification-code-modal', 'zh-CN', { verify: '提交' });
    const seen = new Set<string>();
    const el = await openDialog('zh-CN', {
      action: '确认提现 ¥1,200.00',
      // Every button text the dialog shows, from before its code entry first draws.
      placed: (dialog) =>
        new MutationObserver(() => buttonTexts(dialog).forEach((t) => seen.add(t))).observe(dialog.shadowRoot!, { subtree: true, childList: true, characterData: true }),
    });
    expect($(el, 'label[for=code]')!.textContent).to.equal('验证码');
    expect(buttonTexts(el)).to.include.members(['获取验证码', '取消', '提交']);
    expect([...seen].filter((t) => /[A-Za-z]{3}/.test(t))).to.deep.equal([]);
    el.close();
  });
});
