import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/order-payment.js';
import type { OrderPayment, OrderPaidDetail, OrderPaymentTopUpRequestedDetail } from '../../src/order-payment.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { OrderPaymentVerifier } from '../../src/core/payments/order-payment-flow.js';

const FIRST = 'CS26051001';
const STARTED = 'CS26051004';

/** Verifies straight through the backend, as a user reading the outbox would. */
function outboxVerifier(api: MemoryPartnerApi): OrderPaymentVerifier {
  return async () => {
    await api.sendVerificationCode({ purpose: 'pay-order', channel: 'sms' }).catch(() => undefined);
    return api.checkVerificationCode({ purpose: 'pay-order', channel: 'sms', code: api.outbox.at(-1)?.code ?? '' });
  };
}

async function setup(locale = 'en-US'): Promise<{ el: OrderPayment; api: MemoryPartnerApi; paid: OrderPaidDetail[] }> {
  const api = createMemoryAdapter({ latencyMs: 2, verificationRules: { resendAfterSeconds: 0 } });
  const paid: OrderPaidDetail[] = [];
  const el = await fixture<OrderPayment>(html`<order-payment .api=${api} locale=${locale} .verifier=${outboxVerifier(api)} @order-paid=${(e: CustomEvent<OrderPaidDetail>) => paid.push(e.detail)}></order-payment>`);
  await waitUntil(() => el.shadowRoot?.querySelector('[role=table]'), 'orders shown');
  return { el, api, paid };
}

const $ = <T extends Element = HTMLElement>(el: OrderPayment, selector: string): T => el.shadowRoot!.querySelector(selector) as T;
const button = (el: OrderPayment, label: string): HTMLButtonElement => [...el.shadowRoot!.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith(label)) as HTMLButtonElement;
const text = (el: OrderPayment) => el.shadowRoot!.textContent ?? '';

describe('<order-payment>', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`lists the pending orders with the customer masked, and is accessible (${locale})`, async () => {
      const { el } = await setup(locale);
      expect(el.shadowRoot!.querySelectorAll('masked-field')).to.have.length(6);
      expect(text(el)).to.contain(FIRST);
      await expect(el).to.be.accessible();
    });
  }

  it('pays one order by keyboard alone, once, and says the customer was told', async () => {
    const { el, api, paid } = await setup();
    button(el, `Pay ${FIRST}`).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part=task]'));
    expect(text(el)).to.contain('Estimated rebate').and.to.contain('only');
    await expect(el).to.be.accessible();
    button(el, 'Confirm payment').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('e-mail and SMS'), 'paid');
    expect(paid.map((p) => p.orderId)).to.deep.equal([FIRST]);
    expect(api.calls.get('payOrder')).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('an order whose service started cannot be paid; the customer can be notified', async () => {
    const { el, api } = await setup('zh-CN');
    button(el, `支付 ${STARTED}`).click();
    await waitUntil(() => text(el).includes('需客户重新下单'));
    await expect(el).to.be.accessible();
    button(el, '通知客户').click();
    await waitUntil(() => text(el).includes('已通知客户'));
    expect(api.calls.get('payOrder')).to.equal(undefined);
  });

  it('freezes on a timeout after the effect and the check finds it paid, event once', async () => {
    const { el, api, paid } = await setup();
    api.setFaults({ payOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment'));
    button(el, 'Confirm payment').click();
    await waitUntil(() => text(el).includes('may have gone through'));
    await expect(el).to.be.accessible();
    button(el, 'Check what happened').click();
    await waitUntil(() => text(el).includes('e-mail and SMS'));
    expect(paid).to.have.length(1);
  });

  it('rejects with a reason', async () => {
    const { el } = await setup();
    button(el, `Reject ${FIRST}`).click();
    await waitUntil(() => $(el, 'textarea'));
    $<HTMLTextAreaElement>(el, 'textarea').value = 'Customer pays';
    $(el, 'textarea').dispatchEvent(new Event('input'));
    button(el, 'Reject the request').click();
    await waitUntil(() => text(el).includes('returned to the customer'));
    await expect(el).to.be.accessible();
  });

  it('pays several as a job and shows per-order results', async () => {
    const { el, paid } = await setup();
    for (const id of [FIRST, 'CS26051002']) $<HTMLInputElement>(el, `input[aria-label="Select order ${id}"]`).click();
    await waitUntil(() => text(el).includes('2 selected'));
    await expect(el).to.be.accessible();
    button(el, 'Pay selected from balance').click();
    await waitUntil(() => text(el).includes('2 of 2 paid'), 'job done', { timeout: 5000 });
    expect(paid).to.have.length(2);
    await expect(el).to.be.accessible();
  });
  it('offers a top-up of what the balance lacks, and the order can be paid after it', async () => {
    const { el, api } = await setup();
    const requests: OrderPaymentTopUpRequestedDetail[] = [];
    el.addEventListener('top-up-requested', (e) => requests.push(e.detail));
    button(el, 'Pay CS26051005').click();
    await waitUntil(() => button(el, 'Top up'), 'top-up offered');
    await expect(el).to.be.accessible();
    button(el, 'Top up').click();
    expect(requests).to.deep.equal([{ orderId: 'CS26051005', shortfall: 1_100_000, currency: 'CNY' }]);
    expect(button(el, 'Top up').textContent).to.contain('11,000.00');
    api.payments.allocatableBalance += 1_100_000;
    await el.refresh();
    await waitUntil(() => !button(el, 'Top up'), 'block lifted');
  });

  it('draws a QR payment action when the backend answers one', async () => {
    const { el, api } = await setup('zh-CN');
    api.payOrder = (request) =>
      Promise.resolve({ status: 'action-required', orderId: request.orderId, action: { kind: 'qr', paymentId: 'PAY7', payload: 'https://pay.example.com/q/PAY7', expiresAt: '2030-01-01T00:00:00Z' } });
    button(el, `支付 ${FIRST}`).click();
    await waitUntil(() => $(el, '[part=task] input[type=radio]'));
    [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=task] input[type=radio]')][1]!.click();
    button(el, '确认付款').click();
    await waitUntil(() => $(el, '[part=qr] svg'), 'QR drawn');
    expect($(el, '[part=qr] svg').getAttribute('aria-label')).to.equal('支付二维码');
    await expect(el).to.be.accessible();
  });

  it('keeps focus in the component: to the panel when it opens and when its control goes, back to the row or the table when it closes', async () => {
    const { el } = await setup();
    const focused = () => el.shadowRoot!.activeElement;
    button(el, `Pay ${FIRST}`).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.hasAttribute('data-focus'), 'panel heading focused on open');
    expect(focused()?.textContent).to.equal(FIRST);
    button(el, 'Close').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('data-pay') === FIRST, 'back on the row');
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment'));
    button(el, 'Confirm payment').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('e-mail and SMS'), 'paid');
    await waitUntil(() => focused()?.hasAttribute('data-focus'), 'heading focused once paid');
    button(el, 'Close').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('part') === 'table', 'the paid row is gone: the table');
    button(el, 'Reject CS26051002').click();
    await waitUntil(() => $(el, 'textarea'));
    $<HTMLTextAreaElement>(el, 'textarea').value = 'Customer pays';
    $(el, 'textarea').dispatchEvent(new Event('input'));
    button(el, 'Reject the request').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('returned to the customer'));
    await waitUntil(() => focused()?.hasAttribute('data-focus'), 'heading focused once rejected');
    expect(document.activeElement).to.equal(el);
  });
});
