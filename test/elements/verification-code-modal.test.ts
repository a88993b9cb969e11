import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/verification-code-modal.js';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import { KitError } from '../../src/model/errors.js';
import type { VerificationTicket } from '../../src/model/schemas/verification.js';
import { modalTiming, type RequestCloseDetail } from '../../src/controllers/modal-controller.js';

interface Setup {
  el: VerificationCodeModal;
  api: MemoryPartnerApi;
  opener: HTMLButtonElement;
}

async function setup(options: MemoryAdapterOptions = {}, locale = 'en-US'): Promise<Setup> {
  const api = createMemoryAdapter({ latencyMs: 5, ...options });
  const page = await fixture(html`<div>
    <button id="opener">Withdraw</button>
    <verification-code-modal .api=${api} locale=${locale}></verification-code-modal>
  </div>`);
  const opener = page.querySelector('#opener') as HTMLButtonElement;
  opener.focus();
  return { el: page.querySelector('verification-code-modal') as VerificationCodeModal, api, opener };
}

const part = <T extends Element = HTMLElement>(el: VerificationCodeModal, name: string): T =>
  el.shadowRoot!.querySelector(`[part="${name}"]`) as T;
const dialog = (el: VerificationCodeModal) => part<HTMLDialogElement>(el, 'dialog');
const input = (el: VerificationCodeModal) => part<HTMLInputElement>(el, 'input');
const errorText = (el: VerificationCodeModal) => part(el, 'error')?.textContent?.trim() ?? '';
const calls = (api: MemoryPartnerApi, op: 'checkVerificationCode' | 'sendVerificationCode') => api.calls.get(op) ?? 0;

/**
 * Opens the dialog for `purpose` and waits until it is ready for the user. The pending result comes
 * back wrapped: an async function returning the promise itself would wait for it.
 */
async function open(el: VerificationCodeModal, purpose = 'withdraw'): Promise<{ result: Promise<VerificationTicket | undefined> }> {
  const result = el.confirm({ purpose, action: 'Confirm withdrawal of ¥1,200.00' });
  result.catch(() => undefined);
  await waitUntil(() => dialog(el).open && part(el, 'send'), 'dialog did not open');
  await el.updateComplete;
  return { result };
}

/** Presses "Get code" and returns the code the in-memory backend "sent". */
async function getCode(el: VerificationCodeModal, api: MemoryPartnerApi): Promise<string> {
  const before = api.outbox.length;
  part<HTMLButtonElement>(el, 'send').click();
  await waitUntil(() => api.outbox.length > before && el.shadowRoot!.activeElement === input(el), 'no code was sent');
  return api.outbox[api.outbox.length - 1]!.code;
}

/** Puts text into the code input as typing or pasting does. */
async function enter(el: VerificationCodeModal, text: string): Promise<void> {
  input(el).value = text;
  input(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const status = (el: VerificationCodeModal) => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

/** axe with every WCAG 2.0–2.2 A and AA rule, target size (off by default in axe) included. */
async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
  (window as unknown as { axe: { configure(spec: object): void } }).axe.configure({ rules: [{ id: 'target-size', enabled: true }] });
  await expect(el).to.be.accessible();
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('<verification-code-modal>', () => {
  afterEach(() => (modalTiming.doubleClickMs = 500));

  it('resolves without a dialog when the policy does not guard the action', async () => {
    const { el, api } = await setup({ verification: { enabled: false } });
    const ticket = await el.confirm({ purpose: 'issue-coupon' });
    expect(ticket).to.equal(undefined);
    expect(dialog(el).open).to.equal(false);
    expect(calls(api, 'sendVerificationCode')).to.equal(0);
  });

  it('always asks for withdrawal, even with the policy off', async () => {
    const { el } = await setup({ verification: { enabled: false } });
    await open(el, 'withdraw');
    expect(dialog(el).open).to.equal(true);
  });

  it('confirms with the code from the outbox: focus moves in, the ticket comes back, focus returns', async () => {
    const { el, api, opener } = await setup();
    const { result } = await open(el);
    expect(part(el, 'action').textContent).to.contain('Confirm withdrawal of ¥1,200.00');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'send'));
    expect(el.shadowRoot!.querySelector('.destination')?.textContent).to.contain('0086-139****1234');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'verification-code-sent');
    const code = await getCode(el, api);
    const detail = (await sent).detail;
    expect(detail).to.deep.equal({ purpose: 'withdraw', channel: 'sms', destination: '0086-139****1234' });
    expect(JSON.stringify(detail)).not.to.contain(code);
    expect(part(el, 'send').textContent).to.match(/Resend in (59|60) s/);
    expect(part(el, 'send').getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain('Code sent to 0086-139****1234');
    await expect(el).to.be.accessible();

    await sendKeys({ type: code });
    const ticket = (await result)!;
    expect(ticket.purpose).to.equal('withdraw');
    expect(ticket.ticket).to.match(/^vt_/);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    expect(el.shadowRoot!.innerHTML).not.to.contain(code);
  });

  it('accepts pasted codes with spaces, dashes or full-width digits and ignores other characters', async () => {
    const { el, api } = await setup();
    for (const shape of [(c: string) => `${c.slice(0, 3)} ${c.slice(3)}`, (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`, (c: string) => c.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))]) {
      const { result } = await open(el);
      const code = await getCode(el, api);
      await enter(el, 'ab');
      expect(input(el).value).to.equal('');
      await enter(el, shape(code));
      expect(await result).to.have.property('purpose', 'withdraw');
      // The next round waits for no countdown: a used code frees the resend at once in this backend.
      api.setVerification({});
    }
  });

  it('says how many attempts are left after a wrong code and keeps what was typed', async () => {
    const { el, api } = await setup();
    const { result } = await open(el);
    const code = await getCode(el, api);
    await enter(el, wrong(code));
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.contain('The code is not correct. 2 attempts left.');
    expect(input(el).value).to.equal(wrong(code));
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('code-error');
    await expect(el).to.be.accessible();
    // Pressing Verify again with the same refused digits does not spend another attempt.
    part<HTMLButtonElement>(el, 'confirm').click();
    await el.updateComplete;
    expect(calls(api, 'checkVerificationCode')).to.equal(1);
    await enter(el, code);
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  it('says a wrong code is wrong without a count when the adapter does not know the attempts left', async () => {
    const api = createMemoryAdapter({ latencyMs: 5 });
    // As the HTTP adapter reads CBC.99004010: the contract's error body carries no count.
    const uncounted = new Proxy(api, {
      get: (target, name) => {
        if (name === 'checkVerificationCode') {
          return (...args: Parameters<MemoryPartnerApi['checkVerificationCode']>) =>
            target.checkVerificationCode(...args).catch((error: KitError) => {
              throw new KitError(error.code, error.message, { ...(error.reason ? { reason: error.reason } : {}), ...(error.backendCode ? { backendCode: error.backendCode } : {}) });
            });
        }
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const { el } = await setup();
    el.api = uncounted;
    await open(el);
    const code = await getCode(el, api);
    await enter(el, wrong(code));
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.contain('The code is not correct. Check it and type it again.');
    expect(errorText(el)).not.to.match(/attempt|\d+ left/);
    el.close();
  });

  it('refuses at the field a code it refused before, in words, without spending an attempt', async () => {
    const { el, api } = await setup();
    const { result } = await open(el);
    const code = await getCode(el, api);
    await enter(el, wrong(code));
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    await enter(el, wrong(code).slice(0, 5));
    expect(errorText(el)).to.equal('');
    await enter(el, wrong(code));
    expect(errorText(el)).to.contain('You entered this code already; it was not correct.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(errorText(el)).to.contain('You entered this code already; it was not correct.');
    expect(calls(api, 'checkVerificationCode')).to.equal(1);
    await accessible(el);
    await enter(el, code);
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  it('says a code whose passing answer was lost can no longer be used, and offers a new one at once', async () => {
    const { el, api } = await setup();
    const { result } = await open(el);
    const code = await getCode(el, api);
    api.setFaults({ checkVerificationCode: { kind: 'timeout', afterEffect: true, times: 1 } });
    await enter(el, code);
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => calls(api, 'checkVerificationCode') === 2 && part(el, 'confirm').getAttribute('aria-busy') === 'false', 'not checked again');
    await el.updateComplete;
    expect(errorText(el)).to.contain('This code can no longer be used. Get a new code.');
    expect(errorText(el)).not.to.contain('No code was sent');
    expect(part(el, 'send').textContent!.trim()).to.equal('Resend code');
    expect(part(el, 'send').getAttribute('aria-disabled')).to.equal('false');
    expect(status(el)).not.to.contain('Code sent to');
    await accessible(el);
    const fresh = await getCode(el, api);
    expect(calls(api, 'sendVerificationCode')).to.equal(2);
    await enter(el, fresh);
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  it('offers a new code when the code has expired', async () => {
    let now = Date.now();
    const { el, api } = await setup({ now: () => now });
    await open(el);
    const code = await getCode(el, api);
    now += 301_000;
    await enter(el, code);
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.contain('This code has expired. Get a new code.');
    expect(input(el).value).to.equal(code);
    await expect(el).to.be.accessible();
  });

  it('locks after three wrong codes, says until when, and stays locked when reopened', async () => {
    const { el, api } = await setup();
    await open(el);
    const code = await getCode(el, api);
    for (const attempt of [1, 2, 3]) {
      await enter(el, wrong(code).slice(0, 5) + String(attempt));
      await waitUntil(() => calls(api, 'checkVerificationCode') === attempt && errorText(el) !== '');
    }
    expect(errorText(el)).to.contain('Too many wrong codes. You can try again in 15 minutes.');
    expect(input(el).readOnly).to.equal(true);
    expect(part(el, 'send').getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'confirm').getAttribute('aria-disabled')).to.equal('true');
    await accessible(el);
    el.close();
    await el.updateComplete;
    await open(el);
    expect(errorText(el)).to.contain('You can try again in 15 minutes.');
    expect(input(el).readOnly).to.equal(true);
  });

  it('says a new code may be asked for only when it may, and then resending works', async () => {
    const { el, api } = await setup({ verificationRules: { resendAfterSeconds: 1, lockSeconds: 2.5 } });
    await open(el);
    const code = await getCode(el, api);
    for (const attempt of [1, 2, 3]) {
      await enter(el, wrong(code).slice(0, 5) + String(attempt));
      await waitUntil(() => calls(api, 'checkVerificationCode') === attempt && errorText(el) !== '');
    }
    await waitUntil(() => status(el).includes('You can ask for a new code now.'), 'never said a new code may be asked for', { timeout: 5000 });
    expect(part(el, 'send').getAttribute('aria-disabled')).to.equal('false');
    part<HTMLButtonElement>(el, 'send').click();
    await waitUntil(() => api.outbox.length === 2, 'resending did nothing');
  });

  it('does not check digits pasted before any code was sent', async () => {
    const { el, api } = await setup();
    await open(el);
    await enter(el, '123456');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(calls(api, 'checkVerificationCode')).to.equal(0);
    expect(errorText(el)).to.equal('');
    expect(input(el).value).to.equal('123456');
  });

  it('speaks the live region in the language the page switched to', async () => {
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'en-US';
    try {
      const api = createMemoryAdapter({ latencyMs: 5 });
      const el = await fixture<VerificationCodeModal>(html`<verification-code-modal .api=${api}></verification-code-modal>`);
      await open(el);
      await getCode(el, api);
      expect(status(el)).to.contain('Code sent to 0086-139****1234');
      document.documentElement.lang = 'zh-CN';
      await waitUntil(() => status(el).includes('验证码已发送至 0086-139****1234'), 'the live region stayed in English');
      expect(part(el, 'title').textContent).to.equal('安全验证');
    } finally {
      document.documentElement.lang = lang;
    }
  });

  it('keeps the code boxes their size and clear of the send button when the countdown starts', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const { el, api } = await setup();
      await open(el);
      const before = part(el, 'boxes').getBoundingClientRect();
      await getCode(el, api);
      await el.updateComplete;
      const after = part(el, 'boxes').getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
      // The focus ring is 2 px wide, 2 px off the boxes.
      const ring = { left: after.left - 4, right: after.right + 4, top: after.top - 4, bottom: after.bottom + 4 };
      const send = part(el, 'send').getBoundingClientRect();
      const overlaps = send.left < ring.right && send.right > ring.left && send.top < ring.bottom && send.bottom > ring.top;
      expect(overlaps).to.equal(false);
      const box = dialog(el).getBoundingClientRect();
      expect(box.height).to.equal(640);
      expect(part(el, 'confirm').getBoundingClientRect().bottom).to.be.at.most(640);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  for (const locale of ['en-US', 'zh-CN']) {
    it(`passes axe in every state (${locale})`, async () => {
      const { el, api } = await setup({ latencyMs: 100, faults: { getVerificationPolicy: { kind: 'server', times: 1 } } }, locale);
      el.confirm({ purpose: 'issue-coupon' }).catch(() => undefined);
      await waitUntil(() => dialog(el).open && errorText(el) !== '', 'no policy error');
      await accessible(el);
      (el.shadowRoot!.querySelector('.primary') as HTMLButtonElement).click();
      await waitUntil(() => part(el, 'send'), 'did not recover');
      await accessible(el);
      part<HTMLButtonElement>(el, 'send').click();
      await el.updateComplete;
      await accessible(el);
      await waitUntil(() => api.outbox.length === 1 && part(el, 'send').getAttribute('aria-busy') === 'false');
      const code = api.outbox[0]!.code;
      await enter(el, wrong(code));
      expect(part(el, 'confirm').getAttribute('aria-busy')).to.equal('true');
      await accessible(el);
      await waitUntil(() => errorText(el) !== '', 'no error shown');
      await accessible(el);
      el.close();
    });
  }

  it('says when the send cap is reached', async () => {
    const { el, api } = await setup({ verificationRules: { sendLimitPerHour: 1, resendAfterSeconds: 0 } });
    await open(el);
    await getCode(el, api);
    part<HTMLButtonElement>(el, 'send').click();
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.contain('You have asked for too many codes. You can ask again in 60 minutes.');
    expect(errorText(el)).to.contain('CBC.99004015');
    expect(api.outbox).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('explains a 429 and verifies on retry with the typed code kept', async () => {
    const { el, api } = await setup();
    const { result } = await open(el);
    const code = await getCode(el, api);
    api.setFaults({ checkVerificationCode: { kind: 'rate-limited', times: 1 } });
    await enter(el, code);
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.match(/Too many requests\. Try again in \d+ s\./);
    expect(input(el).value).to.equal(code);
    part<HTMLButtonElement>(el, 'confirm').click();
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  it('keeps the code when offline and verifies when Enter is pressed again', async () => {
    const { el, api } = await setup();
    const { result } = await open(el);
    const code = await getCode(el, api);
    api.setFaults({ checkVerificationCode: { kind: 'offline', times: 1 } });
    await enter(el, code);
    await waitUntil(() => errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.contain('You are offline. Reconnect and try again.');
    expect(input(el).value).to.equal(code);
    await expect(el).to.be.accessible();
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(await result).to.have.property('purpose', 'withdraw');
  });

  it('rejects with a cancel error on Esc, fires verification-cancelled, clears the code and returns focus', async () => {
    const { el, api, opener } = await setup();
    const { result } = await open(el);
    await getCode(el, api);
    await enter(el, '123');
    const cancelled = oneEvent(el, 'verification-cancelled');
    await sendKeys({ press: 'Escape' });
    const error = (await result.catch((e: unknown) => e)) as KitError;
    expect(error.code).to.equal('cancelled');
    expect((await cancelled).detail).to.deep.equal({ purpose: 'withdraw' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    expect(input(el)?.value ?? '').to.equal('');
  });

  it('rejects when Cancel is pressed', async () => {
    const { el } = await setup();
    const { result } = await open(el);
    part<HTMLButtonElement>(el, 'cancel').click();
    const error = (await result.catch((e: unknown) => e)) as KitError;
    expect(error.code).to.equal('cancelled');
  });

  it('keeps the resend countdown when the dialog is closed and reopened', async () => {
    const { el, api } = await setup();
    await open(el);
    await getCode(el, api);
    el.close();
    await el.updateComplete;
    await open(el);
    expect(part(el, 'send').textContent).to.match(/Resend in \d+ s/);
    expect(part(el, 'send').getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.match(/You can ask for a new code in \d+ seconds/);
    part<HTMLButtonElement>(el, 'send').click();
    await el.updateComplete;
    expect(api.outbox).to.have.length(1);
  });

  it('clears the input and focuses it again on resend', async () => {
    const { el, api } = await setup({ verificationRules: { resendAfterSeconds: 0 } });
    await open(el);
    await getCode(el, api);
    await enter(el, '12');
    part<HTMLButtonElement>(el, 'confirm').focus();
    await getCode(el, api);
    expect(input(el).value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('checks once however often Verify is clicked, and ignores edits while checking', async () => {
    const { el, api } = await setup({ latencyMs: 150 });
    const { result } = await open(el);
    const code = await getCode(el, api);
    await enter(el, code);
    expect(input(el).readOnly).to.equal(true);
    part<HTMLButtonElement>(el, 'confirm').click();
    part<HTMLButtonElement>(el, 'confirm').click();
    await enter(el, wrong(code));
    await result;
    expect(calls(api, 'checkVerificationCode')).to.equal(1);
  });

  it('asks for all six digits before checking', async () => {
    const { el, api } = await setup();
    await open(el);
    await getCode(el, api);
    await enter(el, '123');
    part<HTMLButtonElement>(el, 'confirm').click();
    await el.updateComplete;
    expect(errorText(el)).to.equal('Enter all 6 digits of the code.');
    expect(calls(api, 'checkVerificationCode')).to.equal(0);
  });

  it('lets the user choose e-mail, and works declaratively with the ticket in the event', async () => {
    const { el, api } = await setup();
    el.purpose = 'issue-coupon';
    el.open = true;
    await waitUntil(() => dialog(el).open && part(el, 'channels'), 'dialog did not open');
    const email = el.shadowRoot!.querySelector('input[value="email"]') as HTMLInputElement;
    email.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.destination')?.textContent).to.contain('f***@yunfan.example.com');
    const code = await getCode(el, api);
    expect(api.outbox.at(-1)?.channel).to.equal('email');
    const verified = oneEvent(el, 'verification-verified');
    await enter(el, code);
    const { detail } = await verified;
    expect(detail.purpose).to.equal('issue-coupon');
    expect(detail.required).to.equal(true);
    expect(detail.ticket).to.match(/^vt_/);
    expect(el.hasAttribute('open')).to.equal(false);
  });

  it('fills the code from an SMS where the WebOTP API exists', async () => {
    const { el, api } = await setup();
    const credentials = navigator.credentials;
    const hadOtp = 'OTPCredential' in window;
    Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true });
    Object.defineProperty(navigator, 'credentials', {
      value: { get: () => new Promise((resolve) => setTimeout(() => resolve({ code: api.outbox.at(-1)?.code }), 100)) },
      configurable: true,
    });
    try {
      const { result } = await open(el);
      await getCode(el, api);
      expect(await result).to.have.property('purpose', 'withdraw');
    } finally {
      Object.defineProperty(navigator, 'credentials', { value: credentials, configurable: true });
      if (!hadOtp) delete (window as { OTPCredential?: unknown }).OTPCredential;
    }
  });

  it('shows a failed policy load with a retry', async () => {
    const { el, api } = await setup({ faults: { getVerificationPolicy: { kind: 'server', times: 1 } } });
    el.confirm({ purpose: 'issue-coupon' }).catch(() => undefined);
    await waitUntil(() => dialog(el).open && errorText(el) !== '', 'no error shown');
    expect(errorText(el)).to.contain('Could not load the verification settings.');
    await expect(el).to.be.accessible();
    (el.shadowRoot!.querySelector('.primary') as HTMLButtonElement).click();
    await waitUntil(() => part(el, 'send'), 'did not recover');
    expect(calls(api, 'sendVerificationCode')).to.equal(0);
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el, api } = await setup();
      await open(el);
      await getCode(el, api);
      const box = dialog(el).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      for (const name of ['input', 'send', 'confirm', 'cancel']) {
        expect(part(el, name).getBoundingClientRect().right, name).to.be.at.most(box.right);
      }
      expect(dialog(el).scrollWidth).to.be.at.most(dialog(el).clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('asks before closing on Esc, the backdrop and Cancel, and stays open when the host says no', async () => {
    const { el, api } = await setup();
    const { result } = await open(el);
    const sources: string[] = [];
    const keepOpen = (event: CustomEvent<RequestCloseDetail>) => {
      sources.push(event.detail.source);
      event.preventDefault();
    };
    el.addEventListener('verification-code-modal-request-close', keepOpen);
    const box = dialog(el).getBoundingClientRect();
    const field = input(el).getBoundingClientRect();
    // A person clicked into the dialog before Esc: without that activation Chromium does not let a page keep a dialog open.
    await sendMouse({ type: 'click', position: [Math.round(field.left + 5), Math.round(field.top + field.height / 2)] });
    await sendKeys({ press: 'Escape' });
    part<HTMLButtonElement>(el, 'cancel').click();
    // A click of the user's own, not the second of a double click on what opened it.
    modalTiming.doubleClickMs = 0;
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.max(1, Math.round(box.top) - 10)] });
    await el.updateComplete;
    expect(sources).to.deep.equal(['escape', 'close-button', 'backdrop']);
    expect(dialog(el).open).to.equal(true);
    expect(calls(api, 'sendVerificationCode')).to.equal(0);
    el.removeEventListener('verification-code-modal-request-close', keepOpen);
    const asked = oneEvent(el, 'verification-code-modal-request-close');
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.max(1, Math.round(box.top) - 10)] });
    expect((await asked).detail).to.deep.equal({ source: 'backdrop' });
    expect(((await result.catch((e: unknown) => e)) as KitError).code).to.equal('cancelled');
  });

  it('fires verification-verified once when confirm() is called twice for the same purpose', async () => {
    const { el, api } = await setup();
    let verified = 0;
    el.addEventListener('verification-verified', () => (verified += 1));
    const { result } = await open(el);
    expect(el.confirm({ purpose: 'withdraw' })).to.equal(result);
    await enter(el, await getCode(el, api));
    await result;
    await el.updateComplete;
    expect(verified).to.equal(1);
  });

  it('keeps the dialog up for a newer confirmation and tells nobody the older one was cancelled', async () => {
    const { el } = await setup();
    let cancelled = 0;
    el.addEventListener('verification-cancelled', () => (cancelled += 1));
    const { result } = await open(el);
    const newer = el.confirm({ purpose: 'issue-coupon', action: 'Confirm issuing CN¥100.00 to 2 customers' });
    newer.catch(() => undefined);
    expect(((await result.catch((e: unknown) => e)) as KitError).reason).to.equal('replaced');
    await waitUntil(() => part(el, 'action').textContent?.includes('issuing'), 'the newer confirmation is not shown');
    expect(dialog(el).open).to.equal(true);
    expect(el.open).to.equal(true);
    expect(cancelled).to.equal(0);
    el.close();
    await newer.catch(() => undefined);
    expect(cancelled).to.equal(1);
  });

  it('stops waiting for the SMS as soon as it leaves the page', async () => {
    const { el, api } = await setup();
    const credentials = navigator.credentials;
    const hadOtp = 'OTPCredential' in window;
    let signal: AbortSignal | null | undefined;
    Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true });
    Object.defineProperty(navigator, 'credentials', {
      value: {
        get: (options: CredentialRequestOptions) => {
          signal = options.signal;
          return new Promise(() => undefined);
        },
      },
      configurable: true,
    });
    try {
      await open(el);
      await getCode(el, api);
      expect(signal?.aborted).to.equal(false);
      el.remove();
      expect(signal?.aborted).to.equal(true);
    } finally {
      Object.defineProperty(navigator, 'credentials', { value: credentials, configurable: true });
      if (!hadOtp) delete (window as { OTPCredential?: unknown }).OTPCredential;
    }
  });

  it('keeps what the live region says to itself', async () => {
    const { el, api } = await setup();
    await open(el);
    await getCode(el, api);
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain('Code sent to');
    const type = el.constructor as typeof VerificationCodeModal;
    expect(type.elementProperties.has('announcement')).to.equal(false);
    expect(type.observedAttributes).not.to.include('announcement');
    expect('announcement' in el).to.equal(false);
  });

  it('speaks Chinese', async () => {
    const { el } = await setup({}, 'zh-CN');
    await open(el);
    expect(part(el, 'title').textContent).to.equal('安全验证');
    expect(part(el, 'send').textContent?.trim()).to.equal('获取验证码');
    await expect(el).to.be.accessible();
  });
});
