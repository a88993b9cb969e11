import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/partner-kit-provider.js';
import '../../src/top-up-form.js';
import type { TopUpCompletedDetail, TopUpForm, TopUpRedirectDetail } from '../../src/top-up-form.js';
import type { LoadFailedDetail } from '../../src/elements/events.js';
import { apiArrival } from '../../src/controllers/kit-controller.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';

interface Setup {
  el: TopUpForm;
  api: MemoryPartnerApi;
  completed: TopUpCompletedDetail[];
  clock: { offset: number };
}

async function setup(locale = 'en-US', api?: MemoryPartnerApi): Promise<Setup> {
  const clock = { offset: 0 };
  const backend = api ?? createMemoryAdapter({ latencyMs: 2, now: () => Date.now() + clock.offset });
  const completed: TopUpCompletedDetail[] = [];
  const el = await fixture<TopUpForm>(
    html`<top-up-form .api=${backend} locale=${locale} @top-up-completed=${(e: CustomEvent<TopUpCompletedDetail>) => completed.push(e.detail)}></top-up-form>`,
  );
  await waitUntil(() => input(el), 'form shown');
  return { el, api: backend, completed, clock };
}

const input = (el: TopUpForm) => el.shadowRoot!.querySelector<HTMLInputElement>('#amount');
const text = (el: TopUpForm) => el.shadowRoot!.textContent ?? '';
const button = (el: TopUpForm, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === label) as HTMLButtonElement;

async function typeAndNext(el: TopUpForm, amount: string): Promise<void> {
  const field = input(el)!;
  field.value = amount;
  field.dispatchEvent(new Event('input'));
  el.shadowRoot!.querySelector('form')!.requestSubmit();
}

async function toQr(s: Setup, amount = '100'): Promise<void> {
  await typeAndNext(s.el, amount);
  await waitUntil(() => s.el.shadowRoot!.querySelector('[part=qr] svg'), 'QR shown');
}

const LABELS = {
  'en-US': { paid: 'I have paid', again: 'Start a new top-up', check: 'Check what happened' },
  'zh-CN': { paid: '我已支付', again: '重新充值', check: '核实结果' },
} as const;

describe('<top-up-form>', () => {
  // A provider with require-api and no api: the load failure at once (the wait for an api is kit-controller.test.ts's).
  before(() => (apiArrival.waitMs = 0));
  after(() => (apiArrival.waitMs = 5000));

  for (const locale of ['en-US', 'zh-CN'] as const) {
    describe(`every state is accessible (${locale})`, () => {
      it('the form, an amount issue and the QR code', async () => {
        const s = await setup(locale);
        await expect(s.el).to.be.accessible();
        await typeAndNext(s.el, '1.234');
        await waitUntil(() => input(s.el)?.getAttribute('aria-invalid') === 'true');
        await expect(s.el).to.be.accessible();
        await toQr(s);
        await expect(s.el).to.be.accessible();
      });

      it('paid, with the new balance', async () => {
        const s = await setup(locale);
        const balance = s.api.payments.accountBalance + 10_000;
        await toQr(s);
        s.api.settlePayment(s.api.payments.lastPaymentId()!, 'paid');
        button(s.el, LABELS[locale].paid).click();
        await waitUntil(() => button(s.el, LABELS[locale].again), 'paid');
        expect(balance).to.equal(3_995_000);
        expect(text(s.el)).to.contain('39,950.00');
        await expect(s.el).to.be.accessible();
      });

      it('expired and failed', async () => {
        const s = await setup(locale);
        await toQr(s);
        s.clock.offset = 16 * 60_000;
        button(s.el, LABELS[locale].paid).click();
        await waitUntil(() => button(s.el, LABELS[locale].again), 'expired');
        await expect(s.el).to.be.accessible();
        button(s.el, LABELS[locale].again).click();
        await waitUntil(() => input(s.el)?.value === '100', 'amount kept');
        await toQr(s);
        s.api.settlePayment(s.api.payments.lastPaymentId()!, 'failed');
        button(s.el, LABELS[locale].paid).click();
        await waitUntil(() => button(s.el, LABELS[locale].again), 'failed');
        await expect(s.el).to.be.accessible();
      });

      it('outcome unknown, and the load failure under require-api', async () => {
        const s = await setup(locale);
        s.api.setFaults({ createTopUp: { kind: 'timeout', afterEffect: true, times: 1 } });
        await typeAndNext(s.el, '100');
        await waitUntil(() => button(s.el, LABELS[locale].check), 'frozen');
        await expect(s.el).to.be.accessible();
        const failed: LoadFailedDetail[] = [];
        const provider = await fixture(
          html`<partner-kit-provider require-api locale=${locale}><top-up-form @top-up-form-load-failed=${(e: CustomEvent<LoadFailedDetail>) => failed.push(e.detail)}></top-up-form></partner-kit-provider>`,
        );
        const el = provider.querySelector('top-up-form')!;
        await waitUntil(() => el.shadowRoot?.querySelector('.error-state'), 'load failed');
        expect(failed.map((f) => f.error.code)).to.deep.equal(['configuration']);
        await expect(el).to.be.accessible();
      });
    });
  }

  it('leaves focus where the page has it while it loads: never takes it on a page that just opened', async () => {
    const api = createMemoryAdapter({ latencyMs: 30 });
    const page = await fixture<HTMLElement>(html`<div><input id="host-field" aria-label="Host field" /><top-up-form .api=${api} locale="en-US"></top-up-form></div>`);
    const el = page.querySelector('top-up-form')!;
    await waitUntil(() => input(el), 'form shown');
    await el.updateComplete;
    expect(document.activeElement, 'took focus from the page').to.equal(document.body);

    const host = page.querySelector<HTMLInputElement>('#host-field')!;
    const next = document.createElement('top-up-form');
    next.api = createMemoryAdapter({ latencyMs: 30 });
    next.locale = 'en-US';
    host.focus();
    page.append(next);
    await waitUntil(() => input(next), 'second form shown');
    await next.updateComplete;
    expect(document.activeElement, 'took focus from the host’s field').to.equal(host);
  });

  it('tops up by keyboard alone and completes once', async () => {
    const { el, api, completed } = await setup();
    input(el)!.focus();
    await sendKeys({ type: '１,000.50' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=qr]'), 'QR shown');
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('Scan the code');
    api.settlePayment(api.payments.lastPaymentId()!, 'paid');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('I have paid');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('Topped up'), 'paid');
    expect(completed.map((c) => c.amount)).to.deep.equal([100_050]);
    expect(text(el)).to.contain('¥1,000.50');
  });

  it('shows why an amount is refused and sends nothing', async () => {
    const { el, api } = await setup();
    await typeAndNext(el, '-5');
    await waitUntil(() => text(el).includes('cannot be negative'));
    expect(api.calls.get('createTopUp')).to.equal(undefined);
  });

  it('takes focus from Next to the amount it refuses', async () => {
    const { el } = await setup();
    const field = input(el)!;
    field.value = '1e3';
    field.dispatchEvent(new Event('input'));
    button(el, 'Next').focus();
    button(el, 'Next').click();
    await waitUntil(() => el.shadowRoot!.activeElement === input(el), 'focus stayed on Next');
    expect(input(el)!.getAttribute('aria-invalid')).to.equal('true');
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`says nothing was opened or charged when a check finds the lost top-up not done (${locale})`, async () => {
      const s = await setup(locale);
      s.api.setFaults({ createTopUp: { kind: 'timeout', times: 1 } });
      await typeAndNext(s.el, '100');
      await waitUntil(() => button(s.el, LABELS[locale].check), 'frozen');
      button(s.el, LABELS[locale].check).click();
      await waitUntil(() => input(s.el)?.value === '100', 'back on the form with the amount');
      const note = s.el.shadowRoot!.querySelector('#amount-note');
      expect(note?.textContent).to.contain(locale === 'en-US' ? 'nothing was charged' : '未产生任何扣款');
      expect(input(s.el)!.getAttribute('aria-describedby')).to.contain('amount-note');
      await expect(s.el).to.be.accessible();
      input(s.el)!.value = '120';
      input(s.el)!.dispatchEvent(new Event('input'));
      await s.el.updateComplete;
      expect(s.el.shadowRoot!.querySelector('#amount-note')).to.equal(null);
    });
  }

  it('counts the code down and polls the status until it is paid', async () => {
    const s = await setup();
    await toQr(s);
    const countdown = () => s.el.shadowRoot!.querySelector('.countdown')?.textContent ?? '';
    const first = countdown();
    expect(first).to.match(/expires in 1[45]:\d\d/);
    await waitUntil(() => countdown() !== first, 'countdown ticks', { timeout: 2500 });
    s.api.settlePayment(s.api.payments.lastPaymentId()!, 'paid');
    await waitUntil(() => text(s.el).includes('Topped up'), 'polled to paid', { timeout: 5000 });
    expect(s.completed).to.have.length(1);
  });

  it('emits a cancelable top-up-redirect once and stays when the host prevents it', async () => {
    const api = createMemoryAdapter({ latencyMs: 2 });
    api.createTopUp = (request) =>
      Promise.resolve({ topUpId: 'TU9', amount: request.amount, currency: 'CNY', action: { kind: 'redirect', paymentId: 'PAY9', url: 'https://pay.example.com/checkout/PAY9' } });
    const redirects: TopUpRedirectDetail[] = [];
    const page = location.href;
    const onRedirect = (e: CustomEvent<TopUpRedirectDetail>) => {
      expect(e.cancelable).to.equal(true);
      e.preventDefault();
      redirects.push(e.detail);
    };
    document.addEventListener('top-up-redirect', onRedirect);
    try {
      const { el } = await setup('en-US', api);
      await typeAndNext(el, '100');
      await waitUntil(() => el.shadowRoot!.querySelector('a[href="https://pay.example.com/checkout/PAY9"]'), 'page link');
      await expect(el).to.be.accessible();
      expect(redirects).to.deep.equal([{ topUpId: 'TU9', paymentId: 'PAY9', url: 'https://pay.example.com/checkout/PAY9' }]);
      expect(location.href).to.equal(page);
    } finally {
      document.removeEventListener('top-up-redirect', onRedirect);
    }
  });
});
