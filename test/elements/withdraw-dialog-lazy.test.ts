import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/withdraw-dialog.js';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';
import { withdrawContentsModule } from '../../src/elements/withdraw-dialog/withdraw-dialog.js';
import { withdrawContentsStyles } from '../../src/elements/withdraw-dialog/withdraw-contents.styles.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { VerificationTicket } from '../../src/model/schemas/verification.js';

type ContentsModule = Awaited<ReturnType<typeof withdrawContentsModule.fetch>>;

const realFetch = withdrawContentsModule.fetch;

/** Stands in for the contents' fetch: counts the fetches, and each waits until the test lets it come or fail. */
function heldFetch() {
  const held = {
    started: 0,
    pending: [] as { come: () => void; fail: () => void }[],
  };
  withdrawContentsModule.fetch = () => {
    held.started += 1;
    return new Promise<ContentsModule>((resolve, reject) => {
      held.pending.push({ come: () => void realFetch().then(resolve, reject), fail: () => reject(new TypeError('Failed to fetch dynamically imported module')) });
    });
  };
  return held;
}

/** Holds the browser's idle callbacks, so a test says when the browser is idle. */
function heldIdle() {
  const callbacks: IdleRequestCallback[] = [];
  const original = window.requestIdleCallback;
  window.requestIdleCallback = (callback) => callbacks.push(callback);
  return {
    runAll: () => callbacks.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 })),
    restore: () => (window.requestIdleCallback = original),
  };
}

function verifyThrough(api: MemoryPartnerApi) {
  return async (): Promise<VerificationTicket | undefined> => {
    await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }).catch(() => undefined);
    return api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: api.outbox.at(-1)!.code });
  };
}

/** A closed dialog on the page, made without awaiting its updates (they wait for a held fetch). */
async function mounted(): Promise<{ el: WithdrawDialog; api: MemoryPartnerApi; page: HTMLElement }> {
  const api = createMemoryAdapter({ latencyMs: 5, verificationRules: { resendAfterSeconds: 0 } });
  await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
  const page = await fixture<HTMLElement>(html`<div><button id="opener">Withdraw</button></div>`);
  const el = document.createElement('withdraw-dialog');
  el.api = api;
  el.locale = 'en-US';
  el.verifier = verifyThrough(api);
  page.append(el);
  page.querySelector<HTMLButtonElement>('#opener')!.focus();
  return { el, api, page };
}

const $ = <T extends Element = HTMLElement>(el: WithdrawDialog, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const dialogOpen = (el: WithdrawDialog) => $<HTMLDialogElement>(el, 'dialog')?.open === true;
const button = (el: WithdrawDialog, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
const formShown = (el: WithdrawDialog) => $(el, '#amount') !== null;

describe('<withdraw-dialog> fetches its contents on first open', () => {
  afterEach(() => {
    withdrawContentsModule.fetch = realFetch;
  });

  it('fetches nothing while closed until the browser is idle, then once however often it is opened', async () => {
    const held = heldFetch();
    const idle = heldIdle();
    try {
      const { el, api } = await mounted();
      await el.updateComplete;
      expect(held.started).to.equal(0);
      expect($(el, 'verification-code-modal')).to.equal(null);
      idle.runAll();
      expect(held.started).to.equal(1);
      held.pending[0]!.come();
      await el.updateComplete;
      // Come, but nothing of the withdrawal starts while the dialog is closed.
      expect(dialogOpen(el)).to.equal(false);
      expect(api.calls.get('getWithdrawalOverview') ?? 0).to.equal(0);
      el.show();
      await waitUntil(() => formShown(el), 'the form did not appear');
      el.close();
      await el.updateComplete;
      el.show();
      await waitUntil(() => formShown(el), 'the form did not appear again');
      expect(held.started).to.equal(1);
      expect(api.calls.get('getWithdrawalOverview')).to.equal(2);
    } finally {
      idle.restore();
    }
  });

  it('opened before it is idle, shows the loading state, fetches once however often it is opened, then moves focus to the form', async () => {
    const held = heldFetch();
    const { el, api } = await mounted();
    el.show();
    await waitUntil(() => dialogOpen(el), 'the dialog did not open');
    const status = $(el, '[role=status]');
    expect(status?.getAttribute('aria-label')).to.equal('Loading your withdrawable balance…');
    expect(el.shadowRoot!.activeElement).to.equal(status);
    await expect(el).to.be.accessible();
    el.close();
    await waitUntil(() => !dialogOpen(el), 'close() did not close');
    el.show();
    await waitUntil(() => dialogOpen(el), 'the dialog did not open again');
    expect(held.started).to.equal(1);
    expect(api.calls.get('getWithdrawalOverview') ?? 0).to.equal(0);
    held.pending[0]!.come();
    await waitUntil(() => formShown(el), 'the form did not appear');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.headline [data-focus]'));
    expect(api.calls.get('getWithdrawalOverview')).to.equal(1);
  });

  it('brings the steps\' sheets with its contents: none up front, all adopted before the steps first draw', async () => {
    const held = heldFetch();
    const { el } = await mounted();
    const stepSheets = withdrawContentsStyles.flatMap((style) => style.styleSheet ?? []);
    expect(stepSheets).to.have.length(withdrawContentsStyles.length);
    el.show();
    await waitUntil(() => held.pending.length === 1, 'no fetch');
    expect(el.shadowRoot!.adoptedStyleSheets.filter((sheet) => stepSheets.includes(sheet))).to.deep.equal([]);
    // Each time the steps draw, their sheets are already there.
    const drawnWith: boolean[] = [];
    const module = await realFetch();
    const render = module.WithdrawContents.prototype.render;
    module.WithdrawContents.prototype.render = function (this: InstanceType<typeof module.WithdrawContents>) {
      drawnWith.push(stepSheets.every((sheet) => el.shadowRoot!.adoptedStyleSheets.includes(sheet)));
      return render.call(this);
    };
    try {
      held.pending[0]!.come();
      await waitUntil(() => formShown(el), 'the form did not appear');
    } finally {
      module.WithdrawContents.prototype.render = render;
    }
    expect(drawnWith.length).to.be.greaterThan(0);
    expect(drawnWith.every(Boolean)).to.equal(true);
    expect(getComputedStyle($(el, '#amount')!).boxSizing).to.equal('border-box');
  });

  it('says when its contents could not be fetched, closes all the same, and a retry brings them', async () => {
    const held = heldFetch();
    const { el } = await mounted();
    el.show();
    await waitUntil(() => held.pending.length === 1, 'no fetch');
    held.pending[0]!.fail();
    await waitUntil(() => $(el, '.error-state'), 'no error shown');
    expect($(el, '.error-state')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part=error]')!.textContent).to.equal('Cannot reach the server. Try again.');
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Try again'));
    await expect(el).to.be.accessible();

    const cancelled = oneEvent(el, 'withdrawal-cancelled');
    button(el, 'Close').click();
    await cancelled;
    await waitUntil(() => !dialogOpen(el), 'Close did not close');

    // Opening again fetches again; this time it fails too, and Try again brings the contents.
    el.show();
    await waitUntil(() => held.pending.length === 2, 'reopening did not fetch again');
    held.pending[1]!.fail();
    await waitUntil(() => $(el, '.error-state'), 'no error shown the second time');
    button(el, 'Try again').click();
    await waitUntil(() => held.pending.length === 3, 'Try again did not fetch');
    await waitUntil(() => $(el, '[role=status]'), 'no loading state while retrying');
    held.pending[2]!.come();
    await waitUntil(() => formShown(el), 'the form did not appear');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.headline [data-focus]'));
  });

  it('keeps a withdrawal of unknown outcome through a close and a removal: put back and opened, it checks by itself and reports it once', async () => {
    const { el, api, page } = await mounted();
    let reported = 0;
    page.addEventListener('withdrawal-submitted', () => (reported += 1));
    el.show();
    await waitUntil(() => formShown(el), 'the form did not appear');
    const amount = $<HTMLInputElement>(el, '#amount')!;
    amount.value = '100';
    amount.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    button(el, 'Next').click();
    await waitUntil(() => $(el, 'dl.summary'), 'no summary');
    api.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true } });
    button(el, 'Confirm withdrawal').click();
    await waitUntil(() => $(el, 'h3.unknown'), 'not frozen');
    el.close();
    el.remove();
    page.append(el);
    el.show();
    await waitUntil(() => $(el, 'h3.success'), 'the lookup did not settle it');
    expect(reported).to.equal(1);
    expect(el.lastWithdrawal?.amount).to.equal(10_000);
    expect(api.calls.get('withdraw')).to.equal(1);
    expect(api.calls.get('lookupIntent')).to.equal(1);
  });
});
