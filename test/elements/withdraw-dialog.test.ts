import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/withdraw-dialog.js';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { FaultKind } from '../../src/api/memory/index.js';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import type { WithdrawVerifier } from '../../src/core/withdraw/withdraw-flow.js';

interface Setup {
  el: WithdrawDialog;
  api: MemoryPartnerApi;
  opener: HTMLButtonElement;
}

/** Verifies the way a user would, straight through the backend: send, read the outbox, check. */
function outboxVerifier(api: MemoryPartnerApi): WithdrawVerifier & { calls: number } {
  const verify = async () => {
    verify.calls += 1;
    await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }).catch(() => undefined);
    const code = api.outbox.at(-1)!.code;
    return api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code });
  };
  verify.calls = 0;
  return verify;
}

async function setup(options: { adapter?: MemoryAdapterOptions; branchSaved?: boolean; realModal?: boolean } = {}): Promise<Setup> {
  const api = createMemoryAdapter({ latencyMs: 5, verificationRules: { resendAfterSeconds: 0 }, ...options.adapter });
  if (options.branchSaved !== false) await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
  const page = await fixture(html`<div>
    <button id="opener">Withdraw</button>
    <withdraw-dialog .api=${api} locale="en-US" .verifier=${options.realModal ? undefined : outboxVerifier(api)}></withdraw-dialog>
  </div>`);
  const opener = page.querySelector('#opener') as HTMLButtonElement;
  opener.focus();
  return { el: page.querySelector('withdraw-dialog') as WithdrawDialog, api, opener };
}

const $ = <T extends Element = HTMLElement>(el: WithdrawDialog, selector: string): T => el.shadowRoot!.querySelector(selector) as T;
const dialog = (el: WithdrawDialog) => $<HTMLDialogElement>(el, 'dialog[part=dialog]');
const body = (el: WithdrawDialog) => $(el, '.dialog-body').textContent?.replace(/\s+/g, ' ') ?? '';
function stepOf(el: WithdrawDialog): string {
  if ($(el, 'h3.unknown')) return 'unknown';
  if ($(el, '#branch-search')) return 'branch';
  if ($(el, '#amount')) return 'form';
  if ($(el, 'dl.summary') && $(el, 'h3.success')) return 'done';
  if ($(el, 'dl.summary')) return 'summary';
  return 'other';
}
const button = (el: WithdrawDialog, label: string): HTMLButtonElement => {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};
const buttonLabels = (el: WithdrawDialog) => [...el.shadowRoot!.querySelectorAll('dialog[part=dialog] button')].map((b) => b.textContent?.trim() ?? '');

/** axe with every WCAG 2.0–2.2 A and AA rule, target size (off by default in axe) included. */
async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
  (window as unknown as { axe: { configure(spec: object): void } }).axe.configure({ rules: [{ id: 'target-size', enabled: true }] });
  await expect(el).to.be.accessible();
}
const withdrawableLeft = (api: MemoryPartnerApi) => api.data.flows.reduce((total, f) => total + f.withdrawableAmount, 0);
const START = 3_850_000;

async function openForm(el: WithdrawDialog): Promise<void> {
  el.show();
  await waitUntil(() => stepOf(el) === 'form', 'the form did not appear');
}

async function typeAmount(el: WithdrawDialog, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#amount');
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function toSummary(el: WithdrawDialog, amount: string): Promise<void> {
  await typeAmount(el, amount);
  button(el, 'Next').click();
  await waitUntil(() => stepOf(el) === 'summary', `no summary: ${$(el, '#amount-error')?.textContent}`);
}

async function confirmAndWait(el: WithdrawDialog): Promise<CustomEvent> {
  const submitted = oneEvent(el, 'withdrawal-submitted');
  button(el, 'Confirm withdrawal').click();
  return submitted;
}

describe('<withdraw-dialog>', () => {
  it('asks for the opening branch of a bank account on the first withdrawal, once', async () => {
    const { el, api } = await setup({ branchSaved: false });
    el.show();
    await waitUntil(() => stepOf(el) === 'branch' && $<HTMLSelectElement>(el, '#branch-list').options.length > 0, 'no branch step');
    expect(body(el)).to.contain('中国工商银行 **** **** **** 6789');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#branch-search'));
    await expect(el).to.be.accessible();
    button(el, 'Save and continue').click();
    await el.updateComplete;
    expect($(el, '#branch-error').textContent).to.contain('Choose the branch from the list.');

    const search = $<HTMLInputElement>(el, '#branch-search');
    search.value = '杭州滨江';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => $<HTMLSelectElement>(el, '#branch-list').options.length === 1, 'search did not narrow');
    const list = $<HTMLSelectElement>(el, '#branch-list');
    list.value = list.options[0]!.value;
    list.dispatchEvent(new Event('change'));
    button(el, 'Save and continue').click();
    await waitUntil(() => stepOf(el) === 'form', 'did not continue to the form');
    expect(api.data.accounts.find((a) => a.id === 'acct-icbc')?.branch?.name).to.equal('中国工商银行杭州滨江支行');

    el.close();
    await el.updateComplete;
    await openForm(el);
  });

  it('takes the newest recharge first by default and withdraws exactly once, via the verification code', async () => {
    const { el, api, opener } = await setup({ realModal: true });
    await openForm(el);
    expect(body(el)).to.contain('CN¥38,500.00');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#amount').focus();
    await sendKeys({ type: '12,000' });
    await el.updateComplete;
    expect(body(el)).to.contain('Takes CN¥12,000.00');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepOf(el) === 'summary');
    expect(body(el)).to.contain('CN¥12,000.00');
    expect(body(el)).to.contain('Online banking · CN¥12,000.00');
    expect(body(el)).to.contain('**** **** **** 6789');
    await expect(el).to.be.accessible();

    const submitted = oneEvent(el, 'withdrawal-submitted');
    button(el, 'Confirm withdrawal').click();
    const modal = $<VerificationCodeModal>(el, 'verification-code-modal');
    await waitUntil(() => modal.shadowRoot?.querySelector('dialog')?.open && modal.shadowRoot.querySelector('[part=send]'), 'no code dialog');
    expect(modal.shadowRoot!.querySelector('[part=action]')?.textContent).to.contain('Confirm withdrawal of CN¥12,000.00');
    (modal.shadowRoot!.querySelector('[part=send]') as HTMLButtonElement).click();
    await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code');
    await sendKeys({ type: api.outbox[0]!.code });
    const { detail } = await submitted;
    expect(detail).to.deep.include({ amount: 1_200_000, currency: 'CNY', flowIds: ['RF-20261110-01'] });
    expect(detail.referenceId).to.match(/^WD/);
    await waitUntil(() => stepOf(el) === 'done');
    expect(body(el)).to.contain(detail.referenceId);
    expect(body(el)).to.contain('1–3 business days');
    expect(withdrawableLeft(api)).to.equal(START - 1_200_000);
    await expect(el).to.be.accessible();
    button(el, 'Close').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('withdraws from the recharges the partner picks, up to their total', async () => {
    const { el, api } = await setup();
    await openForm(el);
    ($(el, 'input[value=pick]') as HTMLInputElement).click();
    await el.updateComplete;
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=flows] input[type=checkbox]')];
    expect(boxes).to.have.length(5);
    boxes[3]!.click();
    await el.updateComplete;
    await typeAmount(el, '15000.01');
    button(el, 'Next').click();
    await el.updateComplete;
    expect($(el, '#amount-error').textContent).to.contain('The most you can withdraw is CN¥15,000.00.');
    await toSummary(el, '15000');
    await confirmAndWait(el);
    expect(api.data.flows.find((f) => f.id === 'RF-20260915-04')?.withdrawableAmount).to.equal(0);
    expect(withdrawableLeft(api)).to.equal(START - 1_500_000);
  });

  it('withdraws transaction-mode conversion money to a bank card in the company’s name', async () => {
    const { el, api } = await setup();
    await openForm(el);
    ($(el, 'input[value=bank-card]') as HTMLInputElement).click();
    await el.updateComplete;
    const accounts = [...$<HTMLSelectElement>(el, '#card-account').options].map((o) => o.textContent);
    expect(accounts).to.deep.equal(['中国工商银行 **** **** **** 6789']);
    expect($(el, '#amount-hint').textContent).to.contain('CN¥8,000.00');
    await toSummary(el, '8000');
    const { detail } = await confirmAndWait(el);
    expect(detail.flowIds).to.deep.equal(['RF-20261028-02']);
    expect(api.data.flows.find((f) => f.id === 'RF-20261028-02')?.withdrawableAmount).to.equal(0);
  });

  it('fits a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el } = await setup();
      await openForm(el);
      const box = dialog(el).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      expect($(el, '#amount').getBoundingClientRect().right).to.be.at.most(box.right);
      expect(button(el, 'Next').getBoundingClientRect().right).to.be.at.most(box.right);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('refuses hostile amounts at the field and keeps what was typed', async () => {
    const { el, api } = await setup();
    await openForm(el);
    const cases: [string, string][] = [
      ['1e3', 'Enter an amount like'],
      ['-5', 'cannot be negative'],
      ['0x10', 'Enter an amount like'],
      ['NaN', 'Enter an amount like'],
      ['Infinity', 'Enter an amount like'],
      ['1.234', 'at most 2 decimals'],
      ['<img src=x onerror=alert(1)>', 'Enter an amount like'],
      ['9'.repeat(60), 'too long'],
      ['0', 'above zero'],
      ['38500.01', 'The most you can withdraw is CN¥38,500.00.'],
      ['', 'Enter an amount.'],
    ];
    for (const [text, message] of cases) {
      await typeAmount(el, text);
      button(el, 'Next').click();
      await el.updateComplete;
      expect($(el, '#amount-error').textContent, text).to.contain(message);
      expect($<HTMLInputElement>(el, '#amount').value).to.equal(text);
      expect($(el, '#amount').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#amount'));
    }
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(api.calls.get('withdraw') ?? 0).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('blocks a transaction-mode conversion flow going to an account in another name, at the flow', async () => {
    const { el, api } = await setup();
    await openForm(el);
    await typeAmount(el, '15,000');
    button(el, 'Next').click();
    await el.updateComplete;
    expect(stepOf(el)).to.equal('form');
    expect($(el, '#amount-error').textContent).to.contain('would go to an account it may not go to');
    const note = $(el, '.tr.note .td');
    expect(note.textContent).to.contain('held by 杭州云帆科技有限公司, and this one is held by 杭州云帆科技');
    expect(api.calls.get('withdraw') ?? 0).to.equal(0);
    await expect(el).to.be.accessible();
    await typeAmount(el, '12,000');
    expect($(el, '.tr.note')).to.equal(null);
  });

  it('shows the backend’s own name-match refusal at the flow too', async () => {
    const { el, api } = await setup();
    api.setFaults({ withdraw: { kind: 'refused', refusal: 'name-mismatch', times: 1 } });
    await openForm(el);
    await toSummary(el, '100');
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => stepOf(el) === 'form', 'did not go back to the flow');
    expect($(el, '.tr.note .td').textContent).to.contain('Cannot go to this account');
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('100');
  });

  for (const kind of ['rate-limited', 'server', 'timeout', 'malformed', 'offline'] as FaultKind[]) {
    it(`after a ${kind} at submit, a retry withdraws exactly once`, async () => {
      const { el, api } = await setup();
      await openForm(el);
      await toSummary(el, '100');
      api.setFaults({ withdraw: { kind, times: 1, afterEffect: kind === 'timeout' || kind === 'malformed', retryAfterSeconds: 1 } });
      button(el, 'Confirm withdrawal').click();
      await waitUntil(() => $(el, '[part=error][role=alert]')?.textContent?.trim(), 'no error shown');
      // Only a rate limit says for sure that nothing happened; every other failure freezes the withdrawal.
      expect(stepOf(el)).to.equal(kind === 'rate-limited' ? 'summary' : 'unknown');
      expect(buttonLabels(el).includes('Back')).to.equal(kind === 'rate-limited');
      await accessible(el);
      const submitted = oneEvent(el, 'withdrawal-submitted');
      button(el, 'Try again').click();
      await submitted;
      expect(withdrawableLeft(api)).to.equal(START - 10_000);
      expect(api.calls.get('withdraw')).to.equal(2);
    });
  }

  it('submits once however often Confirm is clicked', async () => {
    const { el, api } = await setup({ adapter: { latencyMs: 100 } });
    await openForm(el);
    await toSummary(el, '100');
    const submitted = oneEvent(el, 'withdrawal-submitted');
    button(el, 'Confirm withdrawal').click();
    button(el, 'Confirm withdrawal').click();
    button(el, 'Confirm withdrawal').click();
    await submitted;
    expect(api.calls.get('withdraw')).to.equal(1);
    expect(withdrawableLeft(api)).to.equal(START - 10_000);
  });

  for (const kind of ['timeout', 'malformed'] as FaultKind[]) {
    it(`looks an unknown outcome (${kind}) up by itself when reopened, says it went through and reports it once`, async () => {
      const { el, api } = await setup();
      let reported = 0;
      let cancelled = 0;
      el.addEventListener('withdrawal-submitted', () => (reported += 1));
      el.addEventListener('withdrawal-cancelled', () => (cancelled += 1));
      await openForm(el);
      await toSummary(el, '100');
      api.setFaults({ withdraw: { kind, times: 1, afterEffect: true } });
      button(el, 'Confirm withdrawal').click();
      await waitUntil(() => $(el, '[part=error][role=alert]')?.textContent?.includes('will not be made twice'), 'no unknown-outcome message');
      $<HTMLButtonElement>(el, '.dialog-header button').click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(cancelled, 'closing a withdrawal that may have gone through is no cancellation').to.equal(0);
      el.show();
      await waitUntil(() => stepOf(el) === 'done', 'the lookup did not settle it');
      expect(body(el)).to.contain('We checked: your withdrawal went through, once.');
      expect(body(el)).to.contain('CN¥100.00');
      await el.updateComplete;
      expect(reported).to.equal(1);
      expect(api.calls.get('withdraw')).to.equal(1);
      expect(api.calls.get('lookupIntent')).to.equal(1);
      expect(withdrawableLeft(api)).to.equal(START - 10_000);
      await accessible(el);
    });
  }

  for (const [kind, cause] of [
    ['timeout', 'The server did not answer in time.'],
    ['offline', 'You went offline before the server answered.'],
  ] as [FaultKind, string][]) {
    it(`words an unknown outcome (${kind}) with its cause and one "Try again", in both locales`, async () => {
      const { el, api } = await setup();
      await openForm(el);
      await toSummary(el, '100');
      api.setFaults({ withdraw: { kind, times: 1, afterEffect: true } });
      button(el, 'Confirm withdrawal').click();
      const said = () => $(el, '[part=error][role=alert]')?.textContent ?? '';
      await waitUntil(() => said().includes('will not be made twice'), 'no unknown-outcome message');
      expect(said().startsWith(`${cause} We do not know whether the withdrawal went through.`), said()).to.equal(true);
      expect(said().match(/try again/gi), said()).to.have.length(1);
      el.locale = 'zh-CN';
      await waitUntil(() => said().includes('不会重复提现'), 'no zh-CN unknown-outcome message');
      expect(said().match(/重试/g), said()).to.have.length(1);
    });
  }

  it('keeps an unknown outcome through close(), says when the lookup still cannot tell, and retries with the same key', async () => {
    const { el, api } = await setup();
    await openForm(el);
    await toSummary(el, '100');
    api.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true }, lookupIntent: { kind: 'offline', times: 1 } });
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => $(el, '[part=error][role=alert]')?.textContent?.includes('will not be made twice'), 'no unknown-outcome message');
    el.close();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    el.show();
    await waitUntil(() => body(el).includes('it is still not known'), 'no still-unknown message');
    expect(stepOf(el)).to.equal('unknown');
    expect(buttonLabels(el)).to.include.members(['Check again', 'Try again']);
    expect(buttonLabels(el)).not.to.include('Back');
    await accessible(el);
    const submitted = oneEvent(el, 'withdrawal-submitted');
    button(el, 'Try again').click();
    await submitted;
    expect(api.calls.get('withdraw')).to.equal(2);
    expect(withdrawableLeft(api)).to.equal(START - 10_000);
  });

  it('freezes an unknown outcome: no Back, no new key, so ¥70 then 70.01 cannot both go out', async () => {
    const { el, api } = await setup();
    await openForm(el);
    await toSummary(el, '70');
    api.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true } });
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => stepOf(el) === 'unknown', 'not frozen');
    expect(buttonLabels(el)).not.to.include('Back');
    expect($(el, '#amount')).to.equal(null);
    expect(body(el)).to.contain('cannot be changed');
    await accessible(el);
    const submitted = oneEvent(el, 'withdrawal-submitted');
    button(el, 'Check what happened').click();
    expect((await submitted).detail.amount).to.equal(7_000);
    expect(withdrawableLeft(api)).to.equal(START - 7_000);
  });

  it('says plainly when the lookup finds it was not made, then lets the user change it under a new key', async () => {
    const { el, api } = await setup();
    await openForm(el);
    await toSummary(el, '70');
    api.setFaults({ withdraw: { kind: 'timeout', times: 1 } });
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => stepOf(el) === 'unknown', 'not frozen');
    button(el, 'Check what happened').click();
    await waitUntil(() => stepOf(el) === 'summary', 'not settled');
    expect(body(el)).to.contain('We checked: this withdrawal was not made');
    await accessible(el);
    button(el, 'Back').click();
    await waitUntil(() => stepOf(el) === 'form');
    await toSummary(el, '70.01');
    const { detail } = await confirmAndWait(el);
    expect(detail.amount).to.equal(7_001);
    expect(withdrawableLeft(api)).to.equal(START - 7_001);
  });

  it('reports a withdrawal that finished while it was off the page once, where it stood, and shows the true state when put back', async () => {
    const { el, api } = await setup({ adapter: { latencyMs: 150 } });
    const page = el.parentElement!;
    let reported = 0;
    page.addEventListener('withdrawal-submitted', () => (reported += 1));
    await openForm(el);
    await toSummary(el, '100');
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => api.calls.get('withdraw') === 1, 'no withdraw call');
    el.remove();
    await waitUntil(() => el.lastWithdrawal !== undefined, 'the withdrawal did not finish');
    expect(withdrawableLeft(api)).to.equal(START - 10_000);
    await waitUntil(() => reported === 1, 'the page did not hear of the withdrawal');
    page.append(el);
    await el.updateComplete;
    expect(reported).to.equal(1);
    expect(el.lastWithdrawal?.amount).to.equal(10_000);
    expect(stepOf(el)).to.equal('done');
    expect(dialog(el).matches(':modal')).to.equal(true);
    button(el, 'Close').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    await openForm(el);
    await toSummary(el, '50');
    await confirmAndWait(el);
    expect(reported).to.equal(2);
    expect(withdrawableLeft(api)).to.equal(START - 15_000);
  });

  it('loads when show() is called right after insertion', async () => {
    const api = createMemoryAdapter({ latencyMs: 5 });
    await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
    const el = document.createElement('withdraw-dialog');
    el.api = api;
    el.locale = 'en-US';
    document.body.append(el);
    el.show();
    try {
      await waitUntil(() => stepOf(el) === 'form', 'the form did not appear');
      expect(api.calls.get('getWithdrawalOverview')).to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('fills "Withdraw all" with the most the name-match rule lets through, and shows no take before an amount is typed', async () => {
    const { el } = await setup();
    el.locale = 'zh-CN';
    await openForm(el);
    expect(body(el)).not.to.contain('提取');
    el.locale = 'en-US';
    await el.updateComplete;
    expect(body(el)).not.to.contain('Takes');
    button(el, 'Withdraw all').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('12000.00');
    button(el, 'Next').click();
    await waitUntil(() => stepOf(el) === 'summary', 'withdraw all was refused');
  });

  it('chooses a branch with Space and saves it with Enter', async () => {
    const { el } = await setup({ branchSaved: false });
    el.show();
    await waitUntil(() => stepOf(el) === 'branch' && $<HTMLSelectElement>(el, '#branch-list').options.length > 0, 'no branch step');
    await accessible(el);
    $<HTMLSelectElement>(el, '#branch-list').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#branch-list').value).not.to.equal('');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepOf(el) === 'form', 'Enter did not save the branch');
  });

  it('keeps a 3,000-character right-to-left name inside the page and isolated from the account beside it', async () => {
    const { el, api } = await setup();
    const name = `\u202E${'名'.repeat(3000)}`;
    api.data.accounts.find((a) => a.id === 'acct-ccb')!.holderName = name;
    await openForm(el);
    await typeAmount(el, '15,000');
    const note = $(el, '.tr.note .td');
    expect([...note.querySelectorAll('bdi')].map((b) => b.textContent)).to.deep.equal(['杭州云帆科技有限公司', name]);
    expect([...el.shadowRoot!.querySelectorAll('[part=flows] .td:last-child bdi')].length).to.be.at.least(5);
    const box = dialog(el).getBoundingClientRect();
    expect(note.getBoundingClientRect().right).to.be.at.most(box.right);
    expect($(el, '.dialog-body').scrollWidth).to.be.at.most($(el, '.dialog-body').clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('shows the expected arrival in the user’s language', async () => {
    const { el } = await setup();
    el.locale = 'zh-CN';
    await openForm(el);
    await typeAmount(el, '100');
    button(el, '下一步').click();
    await waitUntil(() => stepOf(el) === 'summary');
    const submitted = oneEvent(el, 'withdrawal-submitted');
    button(el, '确认提现').click();
    await submitted;
    await waitUntil(() => stepOf(el) === 'done');
    expect(body(el)).to.contain('1–3 个工作日');
    expect(body(el)).not.to.contain('business days');
  });

  it('asks the host before closing: a cancelled withdraw-dialog-request-close keeps it open', async () => {
    const { el } = await setup();
    await openForm(el);
    const sources: string[] = [];
    el.addEventListener('withdraw-dialog-request-close', (event) => {
      sources.push(event.detail.source);
      event.preventDefault();
    });
    dialog(el).dispatchEvent(new Event('cancel', { cancelable: true }));
    $<HTMLButtonElement>(el, '.dialog-header button').click();
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(sources).to.deep.equal(['escape', 'close-button', 'close-button']);
    expect(dialog(el).open).to.equal(true);
  });

  it('opens and loads when the open attribute is there from the start', async () => {
    const api = createMemoryAdapter({ latencyMs: 5 });
    await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
    const el = await fixture<WithdrawDialog>(html`<withdraw-dialog open .api=${api} locale="en-US"></withdraw-dialog>`);
    await waitUntil(() => stepOf(el) === 'form', 'the form did not appear');
    expect(dialog(el).open).to.equal(true);
  });

  it('goes back with every entry kept', async () => {
    const { el } = await setup();
    await openForm(el);
    ($(el, 'input[value=pick]') as HTMLInputElement).click();
    await el.updateComplete;
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=flows] input[type=checkbox]')[0]!.click();
    await toSummary(el, '88.50');
    button(el, 'Back').click();
    await waitUntil(() => stepOf(el) === 'form');
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('88.50');
    expect(el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=flows] input[type=checkbox]')[0]!.checked).to.equal(true);
  });

  it('asks before closing with entries: keep editing keeps them, discard drops them', async () => {
    const { el } = await setup();
    await openForm(el);
    await typeAmount(el, '500');
    $<HTMLInputElement>(el, '#amount').focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect($(el, '[role=alertdialog]').textContent).to.contain('Discard this withdrawal?');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Keep editing');
    await expect(el).to.be.accessible();
    button(el, 'Keep editing').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('500');
    button(el, 'Cancel').click();
    await el.updateComplete;
    const cancelled = oneEvent(el, 'withdrawal-cancelled');
    button(el, 'Discard').click();
    await cancelled;
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    await openForm(el);
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('');
  });

  it('is closed by a host that removes open as by close(): entries dropped, withdrawal-cancelled once, none while a withdrawal may be made', async () => {
    const { el, api } = await setup();
    let cancelled = 0;
    el.addEventListener('withdrawal-cancelled', () => (cancelled += 1));
    await openForm(el);
    $<HTMLInputElement>(el, '#amount').value = '500';
    $<HTMLInputElement>(el, '#amount').dispatchEvent(new Event('input'));
    el.removeAttribute('open');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(cancelled).to.equal(1);
    await openForm(el);
    expect($<HTMLInputElement>(el, '#amount').value, 'the entries of a closed dialog').to.equal('');
    await toSummary(el, '100');
    api.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true } });
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => $(el, '[part=error][role=alert]')?.textContent?.includes('will not be made twice'), 'no unknown-outcome message');
    el.open = false;
    await el.updateComplete;
    expect(cancelled, 'a withdrawal that may have gone through is no cancellation').to.equal(1);
  });

  it('says when there is nothing to withdraw', async () => {
    const { el, api } = await setup();
    for (const flow of api.data.flows) flow.withdrawableAmount = 0;
    el.show();
    await waitUntil(() => body(el).includes('Nothing to withdraw'));
    await expect(el).to.be.accessible();
  });

  it('offers a retry when the balance cannot be loaded', async () => {
    const { el } = await setup({ adapter: { faults: { getWithdrawalOverview: { kind: 'server', times: 1 } } } });
    el.show();
    await waitUntil(() => body(el).includes('Could not load your withdrawable balance.'));
    await expect(el).to.be.accessible();
    button(el, 'Try again').click();
    await waitUntil(() => stepOf(el) === 'form');
  });

  for (const locale of ['en-US', 'zh-CN']) {
    it(`passes axe in every state, with no inline style anywhere (${locale})`, async () => {
      const api = createMemoryAdapter({ latencyMs: 60, verificationRules: { resendAfterSeconds: 0 }, faults: { getWithdrawalOverview: { kind: 'server', times: 1 } } });
      const page = await fixture(html`<div><withdraw-dialog .api=${api} locale=${locale}></withdraw-dialog></div>`);
      const el = page.querySelector('withdraw-dialog') as WithdrawDialog;
      const check = async (step: string) => {
        await accessible(el);
        expect(el.shadowRoot!.querySelectorAll('[style]'), step).to.have.length(0);
      };
      const press = (selector: string) => $<HTMLButtonElement>(el, selector).click();
      el.show();
      await el.updateComplete;
      await check('loading');
      await waitUntil(() => $(el, '.error-state'), 'no load error');
      await check('load-failed');
      press('[part=primary]');
      await waitUntil(() => stepOf(el) === 'branch' && $<HTMLSelectElement>(el, '#branch-list').options.length > 0, 'no branch step');
      await check('branch');
      const list = $<HTMLSelectElement>(el, '#branch-list');
      list.value = list.options[0]!.value;
      list.dispatchEvent(new Event('change'));
      press('[part=primary]');
      await waitUntil(() => stepOf(el) === 'form', 'no form');
      await check('form');
      await typeAmount(el, '100');
      press('.dialog-actions [part=primary]');
      await waitUntil(() => stepOf(el) === 'summary');
      await check('summary');
      api.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true } });
      // The withdrawal is held until the submitting step has been checked: under load it would be over first.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const withdraw = api.withdraw.bind(api);
      api.withdraw = async (request, options) => {
        await held;
        return withdraw(request, options);
      };
      press('.dialog-actions [part=primary]');
      const modal = $<VerificationCodeModal>(el, 'verification-code-modal');
      await waitUntil(() => modal.shadowRoot?.querySelector('[part=send]'), 'no code dialog');
      await check('code step');
      (modal.shadowRoot!.querySelector('[part=send]') as HTMLButtonElement).click();
      await waitUntil(() => api.outbox.length === 1 && modal.shadowRoot!.activeElement?.id === 'code');
      await sendKeys({ type: api.outbox[0]!.code });
      await waitUntil(() => $(el, '.dialog-actions [part=primary]')?.getAttribute('aria-busy') === 'true' && !modal.shadowRoot!.querySelector('dialog')?.open);
      await check('submitting');
      release();
      await waitUntil(() => stepOf(el) === 'unknown', 'not frozen');
      await check('unknown outcome');
      press('.dialog-actions [part=secondary]');
      await waitUntil(() => stepOf(el) === 'done', 'not settled');
      await check('done');
    });
  }

  for (const width of [320, 480, 768, 1024, 1440]) {
    it(`fits a ${width} px screen: one grid for the flows, actions in view, nothing wider than the page`, async () => {
      await setViewport({ width, height: width < 480 ? 640 : 800 });
      try {
        const { el } = await setup();
        await openForm(el);
        await typeAmount(el, '15,000');
        const box = dialog(el).getBoundingClientRect();
        expect(box.left).to.be.at.least(0);
        expect(box.right).to.be.at.most(width);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        const actions = $(el, '.dialog-actions').getBoundingClientRect();
        expect(actions.bottom).to.be.at.most(window.innerHeight);
        expect(button(el, 'Next').getBoundingClientRect().right).to.be.at.most(box.right);
        const heads = [...el.shadowRoot!.querySelectorAll('[part=flows] .thead .th')].map((c) => Math.round(c.getBoundingClientRect().left));
        const cells = [...el.shadowRoot!.querySelectorAll('[part=flows] .tbody .tr:first-child .td')].map((c) => Math.round(c.getBoundingClientRect().left));
        if (getComputedStyle($(el, '[part=flows]')).display === 'grid') expect(cells).to.deep.equal(heads);
        expect($(el, '[part=flows]').getAttribute('tabindex')).to.equal('0');
        for (const choice of el.shadowRoot!.querySelectorAll('.choice')) {
          const r = choice.getBoundingClientRect();
          expect(Math.min(r.width, r.height)).to.be.at.least(24);
        }
        const heading = $(el, '.headline [data-focus]');
        expect(el.shadowRoot!.activeElement).to.equal(heading);
        expect(getComputedStyle(heading).outlineStyle).to.equal('none');
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('is a full-height sheet with its actions in view on a 360 × 640 screen', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const { el } = await setup();
      await openForm(el);
      const box = dialog(el).getBoundingClientRect();
      expect([box.top, box.height, box.width]).to.deep.equal([0, 640, 360]);
      expect(button(el, 'Next').getBoundingClientRect().bottom).to.be.at.most(640);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks Chinese', async () => {
    const { el } = await setup();
    el.locale = 'zh-CN';
    await openForm(el);
    expect($(el, '#title').textContent).to.equal('提现');
    expect(body(el)).to.contain('交易模式转换');
  });
});
