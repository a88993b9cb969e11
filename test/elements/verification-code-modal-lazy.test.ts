import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VerificationCodeModal, VerificationVerifiedDetail } from '../../src/verification-code-modal.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import { deskModule } from '../../src/elements/verification-code-modal/desk-module.js';
import type { VerificationTicket } from '../../src/model/schemas/verification.js';
import { failure } from '../support/failure.js';

// Module fetches are read from resource timing; the default buffer of 250 entries could drop them.
performance.setResourceTimingBufferSize(10_000);

/** Code only the code entry needs: the flow, its controllers, its rendering and sheets. */
const ENTRY_CODE = [
  '/core/verification/verification-flow.',
  '/elements/verification-code-modal/verification-desk.',
  '/elements/verification-code-modal/code-entry.styles.',
  '/controllers/ticker-controller.',
  '/controllers/sms-code-controller.',
];

function fetches(files: readonly string[]): number[] {
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  return files.map((file) => urls.filter((url) => url.includes(file)).length);
}

/**
 * The code entry's fetch, held by the test: `open()` lets the fetches started so far through,
 * `fail()` makes them fail as a lost network does.
 */
function holdFetches() {
  const real = deskModule.fetch;
  const held: { resolve: () => void; reject: () => void }[] = [];
  const fetch = {
    started: 0,
    open: () => held.splice(0).forEach((f) => f.resolve()),
    fail: () => held.splice(0).forEach((f) => f.reject()),
  };
  deskModule.fetch = () => {
    fetch.started += 1;
    return new Promise((resolve, reject) => {
      held.push({ resolve: () => resolve(real()), reject: () => reject(new TypeError('Failed to fetch dynamically imported module')) });
    });
  };
  restore = () => {
    deskModule.fetch = real;
  };
  return fetch;
}
let restore: (() => void) | undefined;

/** Idle callbacks run when the test says the browser is idle, not when Chromium happens to be. */
let idle: (() => void)[] = [];
const browserIdle = () => idle.splice(0).forEach((run) => run());

async function setup(options: MemoryAdapterOptions = {}): Promise<{ el: VerificationCodeModal; api: MemoryPartnerApi; opener: HTMLButtonElement }> {
  const api = createMemoryAdapter({ latencyMs: 5, ...options });
  const page = await fixture(html`<div>
    <button id="opener">Withdraw</button>
    <verification-code-modal .api=${api} locale="en-US"></verification-code-modal>
  </div>`);
  const opener = page.querySelector('#opener') as HTMLButtonElement;
  opener.focus();
  return { el: page.querySelector('verification-code-modal') as VerificationCodeModal, api, opener };
}

const part = <T extends Element = HTMLElement>(el: VerificationCodeModal, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`) as T | null;
const dialog = (el: VerificationCodeModal) => part<HTMLDialogElement>(el, 'dialog')!;
const errorText = (el: VerificationCodeModal) => part(el, 'error')?.textContent?.trim() ?? '';
const loading = (el: VerificationCodeModal) => el.shadowRoot!.querySelector('p[role="status"]')?.textContent?.trim() ?? '';
const retry = (el: VerificationCodeModal) => el.shadowRoot!.querySelector<HTMLButtonElement>('.dialog-actions .primary');

/** Asks for a confirmation; the pending result comes back wrapped, as an async function would wait for it. */
function ask(el: VerificationCodeModal, purpose = 'withdraw', action = 'Confirm withdrawal of ¥1,200.00'): { result: Promise<VerificationTicket | undefined> } {
  const result = el.confirm({ purpose, action });
  result.catch(() => undefined);
  return { result };
}

async function enterSentCode(el: VerificationCodeModal, api: MemoryPartnerApi): Promise<void> {
  part<HTMLButtonElement>(el, 'send')!.click();
  await waitUntil(() => api.outbox.length > 0 && el.shadowRoot!.activeElement === part(el, 'input'), 'no code was sent');
  const input = part<HTMLInputElement>(el, 'input')!;
  input.value = api.outbox.at(-1)!.code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function count<D>(el: EventTarget, type: string): D[] {
  const seen: D[] = [];
  el.addEventListener(type, (event) => seen.push((event as CustomEvent<D>).detail));
  return seen;
}

describe('<verification-code-modal> fetches its code entry on first use', () => {
  const realIdle = window.requestIdleCallback;

  before(async () => {
    window.requestIdleCallback = (run) => {
      idle.push(() => run({ didTimeout: false, timeRemaining: () => 50 }));
      return idle.length;
    };
    await import('../../src/verification-code-modal.js');
  });

  after(() => {
    window.requestIdleCallback = realIdle;
  });

  afterEach(() => {
    restore?.();
    restore = undefined;
    idle = [];
  });

  it('costs a page with the closed dialog none of the code entry until the browser is idle, then fetches it once', async () => {
    const { el } = await setup();
    await aTimeout(50);
    expect(performance.getEntriesByType('resource').length, 'the timing buffer kept every fetch').to.be.below(10_000);
    expect(fetches(ENTRY_CODE), ENTRY_CODE.join(', ')).to.deep.equal([0, 0, 0, 0, 0]);
    expect(dialog(el).open).to.equal(false);

    const fetch = holdFetches();
    browserIdle();
    expect(fetch.started).to.equal(1);
    fetch.open();
    await el.updateComplete;
    for (let round = 0; round < 2; round += 1) {
      ask(el);
      await waitUntil(() => part(el, 'send'), 'the dialog did not offer to send a code');
      el.close();
      await el.updateComplete;
    }
    expect(fetch.started).to.equal(1);
  });

  it('resolves confirm() for a purpose the policy does not guard without ever showing the dialog, also while the code entry comes', async () => {
    const fetch = holdFetches();
    const { el, api } = await setup({ verification: { enabled: false } });
    const verified = count<VerificationVerifiedDetail>(el, 'verification-verified');
    const result = el.confirm({ purpose: 'issue-coupon' });
    await waitUntil(() => fetch.started === 1, 'the code entry was not asked for');
    await aTimeout(20);
    expect(dialog(el).open).to.equal(false);
    fetch.open();
    expect(await result).to.equal(undefined);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.open).to.equal(false);
    expect(verified).to.deep.equal([{ purpose: 'issue-coupon', required: false }]);
    expect(api.calls.get('sendVerificationCode') ?? 0).to.equal(0);
  });

  it('shows the loading state in the open dialog while the code entry comes, then takes focus to "Get code"', async () => {
    const fetch = holdFetches();
    const { el, api } = await setup();
    const { result } = ask(el);
    await waitUntil(() => dialog(el).open, 'the dialog did not open');
    expect(el.open).to.equal(true);
    expect(part(el, 'action')?.textContent).to.contain('Confirm withdrawal of ¥1,200.00');
    expect(loading(el)).to.equal('Loading…');
    expect(el.shadowRoot!.querySelector('.skeleton')).not.to.equal(null);
    expect(part(el, 'input')).to.equal(null);
    await expect(el).to.be.accessible();

    fetch.open();
    await waitUntil(() => part(el, 'send'), 'the code entry did not come');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'send'));
    await enterSentCode(el, api);
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  it('shows a failed fetch as the network error with a retry that works, and fetches once per try', async () => {
    const fetch = holdFetches();
    const { el, api } = await setup();
    const { result } = ask(el);
    await waitUntil(() => fetch.started === 1, 'the code entry was not asked for');
    fetch.fail();
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.equal('Cannot reach the server. Try again.');
    expect(dialog(el).open).to.equal(true);
    expect(retry(el)?.textContent?.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();

    retry(el)!.click();
    await waitUntil(() => loading(el) === 'Loading…', 'no loading state on retry');
    expect(fetch.started).to.equal(2);
    fetch.fail();
    await waitUntil(() => retry(el), 'the second failure shows no retry');
    // The pressed Retry went away while loading; the new one takes focus, so Enter retries again rather than cancelling.
    expect(el.shadowRoot!.activeElement, 'focus on the new Retry').to.equal(retry(el));

    retry(el)!.click();
    await waitUntil(() => fetch.started === 3, 'retrying again fetched nothing');
    fetch.open();
    await waitUntil(() => part(el, 'send'), 'the code entry did not come');
    await enterSentCode(el, api);
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  for (const [how, purpose] of [
    ['in the open dialog', 'withdraw'],
    ['in a dialog the failure opens', 'issue-coupon'],
  ] as const) {
    it(`puts focus on Retry when the code entry could not be fetched ${how}: Enter retries, it does not cancel`, async () => {
      const fetch = holdFetches();
      const { el } = await setup();
      const cancelled = count(el, 'verification-cancelled');
      el.confirm({ purpose }).catch(() => undefined);
      await waitUntil(() => fetch.started === 1, 'the code entry was not asked for');
      fetch.fail();
      await waitUntil(() => dialog(el).open && retry(el), 'no retry');
      expect(el.shadowRoot!.activeElement === retry(el), 'focus on Retry').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => fetch.started === 2, 'Enter did not retry');
      expect(cancelled).to.deep.equal([]);
      expect(dialog(el).open).to.equal(true);
      fetch.fail();
    });
  }

  it('shows the failed fetch even for a purpose the dialog would not have shown, and Cancel rejects as cancel does', async () => {
    const fetch = holdFetches();
    const { el } = await setup({ verification: { enabled: false } });
    const cancelled = count(el, 'verification-cancelled');
    const result = el.confirm({ purpose: 'issue-coupon' });
    await waitUntil(() => fetch.started === 1, 'the code entry was not asked for');
    fetch.fail();
    await waitUntil(() => dialog(el).open && errorText(el) !== '', 'the failure was not shown');
    expect(el.open).to.equal(true);
    part<HTMLButtonElement>(el, 'cancel')!.click();
    expect((await failure(result)).code).to.equal('cancelled');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.open).to.equal(false);
    expect(cancelled).to.deep.equal([{ purpose: 'issue-coupon' }]);
  });

  it('cancels while the code entry comes: confirm() rejects, verification-cancelled fires once, focus returns and nothing reopens', async () => {
    const fetch = holdFetches();
    const { el, opener } = await setup();
    const cancelled = count(el, 'verification-cancelled');
    const verified = count(el, 'verification-verified');
    const asked = count(el, 'verification-code-modal-request-close');
    const { result } = ask(el);
    await waitUntil(() => dialog(el).open, 'the dialog did not open');

    const keepOpen = (event: Event) => event.preventDefault();
    el.addEventListener('verification-code-modal-request-close', keepOpen);
    part<HTMLButtonElement>(el, 'cancel')!.click();
    await aTimeout(0);
    expect(dialog(el).open, 'the host kept it open').to.equal(true);
    el.removeEventListener('verification-code-modal-request-close', keepOpen);

    part<HTMLButtonElement>(el, 'cancel')!.click();
    expect((await failure(result)).code).to.equal('cancelled');
    await waitUntil(() => !dialog(el).open, 'the dialog stayed open');
    expect(document.activeElement).to.equal(opener);
    expect(asked).to.deep.equal([{ source: 'close-button' }, { source: 'close-button' }]);

    fetch.open();
    await el.updateComplete;
    await aTimeout(20);
    expect(dialog(el).open).to.equal(false);
    expect(el.open).to.equal(false);
    expect(cancelled).to.deep.equal([{ purpose: 'withdraw' }]);
    expect(verified).to.deep.equal([]);
  });

  it('rejects confirm() when the element leaves the page while the code entry comes', async () => {
    const fetch = holdFetches();
    const { el } = await setup();
    const cancelled = count(el, 'verification-cancelled');
    const { result } = ask(el);
    await waitUntil(() => fetch.started === 1, 'the code entry was not asked for');
    el.remove();
    expect((await failure(result)).code).to.equal('cancelled');
    expect(cancelled).to.have.length(1);
    fetch.open();
  });

  it('returns the same promise for the same purpose before and after the code entry came, and says verified once', async () => {
    const fetch = holdFetches();
    const { el, api } = await setup();
    const verified = count<VerificationVerifiedDetail>(el, 'verification-verified');
    const { result } = ask(el);
    expect(el.confirm({ purpose: 'withdraw' })).to.equal(result);
    fetch.open();
    await waitUntil(() => part(el, 'send'), 'the code entry did not come');
    expect(el.confirm({ purpose: 'withdraw' })).to.equal(result);
    await enterSentCode(el, api);
    await result;
    await el.updateComplete;
    expect(verified).to.have.length(1);
    expect(fetch.started).to.equal(1);
  });

  it('lets a newer confirmation take the place of one waiting for the code entry, telling nobody the older was cancelled', async () => {
    const fetch = holdFetches();
    const { el } = await setup();
    const cancelled = count(el, 'verification-cancelled');
    const { result: older } = ask(el);
    const { result: newer } = ask(el, 'issue-coupon', 'Confirm issuing CN¥100.00 to 2 customers');
    expect((await failure(older)).reason).to.equal('replaced');
    fetch.open();
    await waitUntil(() => part(el, 'action')?.textContent?.includes('issuing') && part(el, 'send'), 'the newer confirmation is not shown');
    expect(cancelled).to.have.length(0);
    el.close();
    expect((await failure(newer)).code).to.equal('cancelled');
    expect(cancelled).to.deep.equal([{ purpose: 'issue-coupon' }]);
  });

  it('opens declaratively while the code entry comes and hands the ticket over in the event', async () => {
    const fetch = holdFetches();
    const { el, api } = await setup();
    const verified = count<VerificationVerifiedDetail>(el, 'verification-verified');
    el.purpose = 'withdraw';
    el.open = true;
    await waitUntil(() => dialog(el).open && loading(el) === 'Loading…', 'no loading state');
    fetch.open();
    await waitUntil(() => part(el, 'send'), 'the code entry did not come');
    await enterSentCode(el, api);
    await waitUntil(() => verified.length === 1, 'not verified');
    expect(verified[0]!.ticket).to.match(/^vt_/);
    expect(el.hasAttribute('open')).to.equal(false);
  });
});
