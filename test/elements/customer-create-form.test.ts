import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/customer-create-form.js';
import type { CustomerCreateForm, CustomerCreatedDetail } from '../../src/customer-create-form.js';
import type { MemoryPartnerApi } from '../../src/api/memory/index.js';
import { $, LOCALES, accessible, adapter, pause, text, type } from './voucher-helpers.js';
import { longestPatternInput } from '../support/patterns-read.js';

const HOSTILE = `a${' a'.repeat(50_000)}!`;

async function form(api: MemoryPartnerApi, locale = 'en-US') {
  return fixture<CustomerCreateForm>(html`<customer-create-form .api=${api} locale=${locale}></customer-create-form>`);
}

async function fillGood(el: CustomerCreateForm) {
  await type(el, '#accountName', 'new_customer01');
  await type(el, '#displayName', 'New Customer');
  const agreement = $<HTMLInputElement>(el, '#agreement');
  agreement.checked = true;
  agreement.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const submit = async (el: CustomerCreateForm) => {
  $<HTMLButtonElement>(el, '[part=submit]').click();
  await el.updateComplete;
};

describe('<customer-create-form>', () => {
  for (const locale of LOCALES) {
    it(`${locale}: refuses every field's hostile input at once, with a message at the field, and stays accessible`, async () => {
      const el = await form(adapter(), locale);
      await accessible(el);
      for (const id of ['accountName', 'displayName', 'mobile', 'email', 'password', 'code']) {
        // Refused by its length before any pattern runs: no long task, whatever the string.
        const read = await longestPatternInput(() => type(el, `#${id}`, HOSTILE));
        expect(read, `${id}: the longest text a pattern read`).to.be.below(1000);
      }
      await submit(el);
      for (const id of ['accountName', 'displayName', 'mobile', 'code', 'email', 'password']) {
        expect($(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
        expect(text(el, `#${id}-error`), id).to.not.equal('');
      }
      expect(text(el, '#agreement-error')).to.not.equal('');
      expect(el.shadowRoot!.activeElement?.id).to.equal('accountName');
      await accessible(el);
    });

    it(`${locale}: creates once, shows association pending, then associated, each announced once`, async () => {
      const api = adapter();
      const el = await form(api, locale);
      const created: CustomerCreatedDetail[] = [];
      const associated: CustomerCreatedDetail[] = [];
      el.addEventListener('customer-created', (e) => created.push(e.detail));
      el.addEventListener('customer-associated', (e) => associated.push(e.detail));
      await fillGood(el);
      $<HTMLButtonElement>(el, '[part=submit]').click();
      $<HTMLButtonElement>(el, '[part=submit]').click();
      await waitUntil(() => $(el, '[part=status]'), 'no status');
      expect(api.calls.get('createCustomer')).to.equal(1);
      expect(created).to.have.length(1);
      expect(created[0]).to.include({ accountName: 'new_customer01', association: 'pending' });
      await accessible(el);
      await waitUntil(() => associated.length === 1, 'never associated', { timeout: 6000 });
      await el.updateComplete;
      expect(text(el, '[part=status]')).to.contain('new_customer01');
      await accessible(el);
    });
  }

  it('shows "taken" at the account name once typing pauses', async () => {
    const api = adapter();
    const el = await form(api);
    await type(el, '#accountName', api.data.customers[0]?.accountName ?? '');
    await waitUntil(() => text(el, '#accountName-error') !== '', 'no availability answer');
    expect(text(el, '#accountName-error')).to.equal('Already registered.');
  });

  it('asks for the code sent to the mobile and puts a wrong one at the code field', async () => {
    const api = adapter();
    const el = await form(api);
    await fillGood(el);
    await type(el, '#mobile', '0086-13700000002');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Get code'))?.click();
    await waitUntil(() => api.registrationCodes.length === 1, 'no code sent');
    const code = api.registrationCodes[0]?.code ?? '';
    await type(el, '#code', code === '000000' ? '111111' : '000000');
    await submit(el);
    await waitUntil(() => text(el, '#code-error') === 'The code is wrong.', 'wrong code not shown at its field');
    await accessible(el);
  });

  it('counts the resend wait down on the send button, and announces only the send and the end of the wait', async function () {
    this.timeout(10_000);
    const api = adapter();
    // The backend sets the wait; a short one lets the countdown run out within the test.
    const send = api.sendRegistrationCode.bind(api);
    api.sendRegistrationCode = async (request, options) => ({ ...(await send(request, options)), resendAfterSeconds: 2 });
    const el = await form(api);
    await type(el, '#mobile', '0086-13700000002');
    const sendButton = $<HTMLButtonElement>(el, '#code + button');
    expect(sendButton.textContent?.trim()).to.equal('Get code');
    sendButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => sendButton.textContent?.trim() === 'Resend in 2 s', 'no countdown');
    expect(sendButton.getAttribute('aria-disabled')).to.equal('true');
    const announced = text(el, '#code-status');
    expect(announced).to.equal('A code was texted to the mobile. You can ask for another in 2 seconds.');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => sendButton.textContent?.trim() === 'Resend in 1 s', 'the countdown does not count', { timeout: 2500 });
    expect(api.registrationCodes).to.have.length(1);
    expect(text(el, '#code-status')).to.equal(announced);
    await waitUntil(() => sendButton.textContent?.trim() === 'Resend code', 'the countdown never ends', { timeout: 3000 });
    expect(text(el, '#code-status')).to.equal('You can ask for a new code now.');
    expect(sendButton.getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(sendButton);
    await accessible(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.registrationCodes.length === 2, 'no second code');
    await waitUntil(() => sendButton.textContent?.trim() === 'Resend in 2 s', 'no second countdown');
  });

  it('counts down in Chinese for the wait the backend gives, and starts over when the mobile changes', async () => {
    const api = adapter();
    const el = await form(api, 'zh-CN');
    await type(el, '#mobile', '0086-13700000002');
    const sendButton = $<HTMLButtonElement>(el, '#code + button');
    sendButton.click();
    await waitUntil(() => /^(60|59) 秒后重发$/.test(sendButton.textContent?.trim() ?? ''), 'no countdown');
    expect(text(el, '#code-status')).to.equal('验证码已发送到该手机，60 秒后可重新获取。');
    await accessible(el);
    await type(el, '#mobile', '0086-13700000003');
    expect(sendButton.textContent?.trim()).to.equal('获取验证码');
    expect(sendButton.getAttribute('aria-disabled')).to.equal('false');
  });

  it('keeps everything typed with the error when creating meets rate-limited, and the next press creates once', async () => {
    const api = adapter({ faults: { createCustomer: { kind: 'rate-limited', times: 1, retryAfterSeconds: 0 } } });
    const el = await form(api);
    const created: CustomerCreatedDetail[] = [];
    el.addEventListener('customer-created', (e) => created.push(e.detail));
    await fillGood(el);
    await submit(el);
    await waitUntil(() => text(el, 'form > [role=alert]') !== '', 'no error shown');
    expect($<HTMLInputElement>(el, '#accountName').value).to.equal('new_customer01');
    expect($<HTMLInputElement>(el, '#displayName').value).to.equal('New Customer');
    expect($<HTMLInputElement>(el, '#accountName').readOnly).to.equal(false);
    expect($<HTMLInputElement>(el, '#agreement').checked).to.equal(true);
    await accessible(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=status]'), 'the second press did not create');
    expect(created).to.have.length(1);
  });

  for (const kind of ['server', 'offline', 'rate-limited'] as const) {
    it(`says why a code could not be sent (${kind}), keeps the mobile, and sends on the next press`, async () => {
      const api = adapter({ faults: { sendRegistrationCode: { kind, times: 1, retryAfterSeconds: 0 } } });
      const el = await form(api);
      await type(el, '#mobile', '0086-13700000002');
      const sendButton = $<HTMLButtonElement>(el, '#code + button');
      sendButton.click();
      await waitUntil(() => text(el, '#code-status') !== '', 'no failure said');
      expect(api.registrationCodes).to.have.length(0);
      expect(sendButton.textContent?.trim()).to.equal('Get code');
      expect(sendButton.getAttribute('aria-disabled')).to.equal('false');
      expect($<HTMLInputElement>(el, '#mobile').value).to.equal('0086-13700000002');
      await accessible(el);
      sendButton.click();
      await waitUntil(() => api.registrationCodes.length === 1, 'no code on the next press');
    });
  }

  for (const kind of ['timeout', 'server', 'offline', 'malformed'] as const) {
    it(`says the outcome is unknown when creating meets ${kind}, freezes what was typed, and "Try again" creates once`, async () => {
      const api = adapter({ faults: { createCustomer: { kind, times: 1, ...(kind === 'timeout' ? { afterEffect: true } : {}) } } });
      const el = await form(api);
      const created: CustomerCreatedDetail[] = [];
      el.addEventListener('customer-created', (e) => created.push(e.detail));
      await fillGood(el);
      await submit(el);
      await waitUntil(() => text(el, '[part=status]').includes('could not tell'), 'unknown outcome not shown');
      expect($<HTMLInputElement>(el, '#accountName').value).to.equal('new_customer01');
      expect($<HTMLInputElement>(el, '#accountName').readOnly).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=status]'));
      await accessible(el);
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Try again'))?.click();
      await waitUntil(() => text(el, '[part=status]').includes('new_customer01'), 'retry did not create', { timeout: 5000 });
      expect(created).to.have.length(1);
    });
  }

  it('"Check what happened" after a timeout finds the account created and announces it once', async () => {
    const api = adapter({ faults: { createCustomer: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const el = await form(api, 'zh-CN');
    const created: CustomerCreatedDetail[] = [];
    el.addEventListener('customer-created', (e) => created.push(e.detail));
    await fillGood(el);
    await submit(el);
    await waitUntil(() => text(el, '[part=status]').includes('无法确定'), 'unknown outcome not shown');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('查询结果'))?.click();
    await waitUntil(() => text(el, '[part=status]').includes('new_customer01'), 'check did not find it', { timeout: 5000 });
    expect(created).to.have.length(1);
    expect(api.calls.get('createCustomer')).to.equal(1);
  });

  it('says the partner is restricted at the form, not at a field', async () => {
    const api = adapter();
    api.setPartnerRestricted(true);
    const el = await form(api);
    await fillGood(el);
    await submit(el);
    await waitUntil(() => text(el, '[role=alert]') !== '', 'no error shown');
    expect($(el, '#accountName').getAttribute('aria-invalid')).to.equal('false');
  });

  /** A paste as the browser inserts it: the field's maxlength applies, as it does to a user's paste. */
  async function paste(el: CustomerCreateForm, id: string, value: string) {
    $<HTMLInputElement>(el, `#${id}`).focus();
    document.execCommand('insertText', false, value);
    await el.updateComplete;
  }

  it('never cuts a pasted value: what is too long stays whole, refused at its field with the limit, and is not checked nor sent', async () => {
    const api = adapter();
    const el = await form(api);
    const pasted = { accountName: 'a'.repeat(40), displayName: 'x'.repeat(200), mobile: '0086-139123456789012345678901234567', password: `Ab1${'x'.repeat(37)}` };
    for (const [id, value] of Object.entries(pasted)) await paste(el, id, value);
    await pause(600);
    await el.updateComplete;
    for (const [id, value] of Object.entries(pasted)) {
      expect($<HTMLInputElement>(el, `#${id}`).value, id).to.equal(value.slice(0, 64));
      expect($(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
      expect(text(el, `#${id}-error`), id).to.equal('At most 32 characters.');
    }
    expect(text(el, '#mobile-status')).to.equal('');
    expect(api.calls.get('checkCustomerIdentity')).to.equal(undefined);
    await accessible(el);
  });

  it('says what a display name may hold, in both languages, and takes a mobile typed in full-width digits', async () => {
    const el = await form(adapter(), 'zh-CN');
    await type(el, '#displayName', 'שלום עולם');
    expect(text(el, '#displayName-error')).to.contain('A～Z');
    el.locale = 'en-US';
    await type(el, '#displayName', '😀'.repeat(10));
    expect(text(el, '#displayName-error')).to.equal('Use letters A–Z, digits, spaces, _ and - only; start with a letter, a space, _ or -.');
    await paste(el, 'mobile', '0086-１３９１２３４５６７８');
    expect($<HTMLInputElement>(el, '#mobile').value).to.equal('0086-13912345678');
    expect($(el, '#mobile').getAttribute('aria-invalid')).to.equal('false');
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const api = adapter();
    const el = await form(api);
    $<HTMLInputElement>(el, '#accountName').focus();
    await sendKeys({ type: 'keyboard_user01' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Key Board' });
    for (let i = 0; i < 4 && el.shadowRoot!.activeElement?.id !== 'agreement'; i += 1) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('agreement');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part=status]'), 'not created from the keyboard');
    expect(api.calls.get('createCustomer')).to.equal(1);
  });
});
