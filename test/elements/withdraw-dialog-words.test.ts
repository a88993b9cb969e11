import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';
import '../../src/partner-kit-provider.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { registerLocale, registerMessages } from '../../src/i18n/register.js';
import { buttonTexts, modulesFetched, wordsFetched } from './module-words.js';

const CONTENTS_CATALOGUE = '/i18n/messages/withdraw-dialog-contents.';

const $ = <T extends Element = HTMLElement>(el: WithdrawDialog, selector: string) => el.shadowRoot!.querySelector<T>(selector);

interface Open {
  /** Puts the dialog into the page (default: alone). */
  within?: (el: WithdrawDialog) => unknown;
  /** Runs once it is on the page, before it opens. */
  placed?: (el: WithdrawDialog) => void;
}

async function openDialog(locale: string | undefined, { within = (el) => el, placed = () => undefined }: Open = {}): Promise<WithdrawDialog> {
  const el = document.createElement('withdraw-dialog');
  const api = createMemoryAdapter({ latencyMs: 0 });
  // The opening branch is known: the dialog opens on the form.
  await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
  el.api = api;
  el.locale = locale;
  await fixture(html`<div>${within(el)}</div>`);
  placed(el);
  el.show();
  await waitUntil(() => $(el, '#amount'), 'the form did not appear');
  return el;
}

describe('<withdraw-dialog>: the contents bring their own words', () => {
  // First: nothing in this page has imported the element yet.
  it('the shell carries only its own words up front; the contents\' come with them, once', async () => {
    await import('../../src/withdraw-dialog.js');
    expect(modulesFetched().length, 'the timing buffer kept every fetch').to.be.below(10_000);
    // The shell's title is seen, so a word that is not there is truly left out.
    expect(await wordsFetched(['Withdraw balance', 'Which recharges pay it', 'Discard this withdrawal?', 'Check and confirm'])).to.deep.equal(['Withdraw balance']);
    expect(modulesFetched().filter((url) => url.includes(CONTENTS_CATALOGUE))).to.deep.equal([]);

    const el = await openDialog('en-US');
    expect(buttonTexts(el)).to.include.members(['Withdraw all', 'Cancel', 'Next']);
    el.close();
    await el.updateComplete;
    el.show();
    await waitUntil(() => $(el, '#amount'), 'the form did not appear again');
    expect(modulesFetched().filter((url) => url.includes(CONTENTS_CATALOGUE))).to.have.length(1);
  });

  it('takes what a host registered under `withdraw-dialog`, for the shell and the contents alike', async () => {
    registerMessages('withdraw-dialog', 'en-US', { title: 'Cash out', all: 'Everything' });
    const el = await openDialog('en-US');
    expect($(el, '[part=title]')!.textContent).to.equal('Cash out');
    expect(buttonTexts(el)).to.include.members(['Everything', 'Next']);
  });

  it("takes a provider's messages under `withdraw-dialog` in the contents", async () => {
    const messages = { 'en-US': { 'withdraw-dialog': { withdrawable: 'Available now' } } };
    const el = await openDialog(undefined, { within: (dialog) => html`<partner-kit-provider locale="en-US" .messages=${messages}>${dialog}</partner-kit-provider>` });
    expect($(el, '.headline .hint')!.textContent).to.equal('Available now');
    // Under the provider, what the page registered (the test before) and the shipped words stay.
    expect(buttonTexts(el)).to.include.members(['Everything', 'Next']);
  });

  it('takes a locale a host added with words for the contents, the rest from its fallback and what was registered there', async () => {
    registerLocale('ja-JP', { catalogues: { 'withdraw-dialog': { next: '次へ' } } });
    const el = await openDialog('ja-JP');
    // `all` was registered in en-US by the test before.
    expect(buttonTexts(el)).to.include.members(['次へ', 'Cancel', 'Everything']);
  });

  it('draws the contents in zh-CN from their first paint, with an override in zh-CN over the shipped words', async () => {
    registerMessages('withdraw-dialog', 'zh-CN', { amount: '提现金额（元）' });
    const seen = new Set<string>();
    const el = await openDialog('zh-CN', {
      // Every button text the dialog shows, from before its contents first draw.
      placed: (dialog) =>
        new MutationObserver(() => buttonTexts(dialog).forEach((t) => seen.add(t))).observe(dialog.shadowRoot!, { subtree: true, childList: true, characterData: true }),
    });
    expect($(el, 'label[for=amount]')!.textContent).to.equal('提现金额（元）');
    expect(buttonTexts(el)).to.include.members(['全部提现', '取消', '下一步']);
    expect([...seen].filter((t) => /[A-Za-z]{3}/.test(t))).to.deep.equal([]);
  });
});
