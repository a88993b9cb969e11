import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/order-payment.js';
import type { OrderPayment, OrderPaidDetail, OrderPaymentTopUpRequestedDetail } from '../../src/order-payment.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { OrderPaymentVerifier } from '../../src/core/payments/order-payment-flow.js';
import { backendError } from '../../src/api/backend-errors.js';
import { KitError } from '../../src/model/errors.js';

const FIRST = 'CS26051001';
const STARTED = 'CS26051004';

/** Verifies straight through the backend, as a user reading the outbox would. */
function outboxVerifier(api: MemoryPartnerApi): OrderPaymentVerifier {
  return async () => {
    await api.sendVerificationCode({ purpose: 'pay-order', channel: 'sms' }).catch(() => undefined);
    return api.checkVerificationCode({ purpose: 'pay-order', channel: 'sms', code: api.outbox.at(-1)?.code ?? '' });
  };
}

async function setup(
  locale = 'en-US',
  options: { api?: MemoryPartnerApi; verifier?: (api: MemoryPartnerApi) => OrderPaymentVerifier } = {},
): Promise<{ el: OrderPayment; api: MemoryPartnerApi; paid: OrderPaidDetail[] }> {
  const api = options.api ?? createMemoryAdapter({ latencyMs: 2, verificationRules: { resendAfterSeconds: 0 } });
  const paid: OrderPaidDetail[] = [];
  const verifier = (options.verifier ?? outboxVerifier)(api);
  const el = await fixture<OrderPayment>(html`<order-payment .api=${api} locale=${locale} .verifier=${verifier} @order-paid=${(e: CustomEvent<OrderPaidDetail>) => paid.push(e.detail)}></order-payment>`);
  await waitUntil(() => el.shadowRoot?.querySelector('[role=table], .empty'), 'orders shown');
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

  it('refuses a reason the customer would read wrongly at the field, with focus there, and sends nothing', async () => {
    const { el, api } = await setup();
    button(el, `Reject ${FIRST}`).click();
    await waitUntil(() => $(el, 'textarea'));
    const reason = () => $<HTMLTextAreaElement>(el, 'textarea');
    const refusedWith = async (value: string, words: string) => {
      reason().value = value;
      reason().dispatchEvent(new Event('input'));
      button(el, 'Reject the request').click();
      await waitUntil(() => $(el, '#reason-error').textContent === words, `not refused with "${words}"`);
      await waitUntil(() => el.shadowRoot!.activeElement === reason(), 'focus is not on the reason');
      expect(reason().getAttribute('aria-invalid')).to.equal('true');
      expect(reason().getAttribute('aria-describedby')).to.contain('reason-error');
    };
    expect($(el, '#reason-hint').textContent).to.equal('The customer reads it. At most 200 characters.');
    await refusedWith('', 'Enter a reason.');
    // A long paste arrives whole, to be refused with a message, not cut at 200 without a word.
    await refusedWith('x'.repeat(300), 'At most 200 characters.');
    expect(reason().value).to.have.length(300);
    await refusedWith('Pay \u202Eyourself', 'Remove the invisible or control characters.');
    await expect(el).to.be.accessible();
    expect(api.calls.get('rejectOrder') ?? 0).to.equal(0);
    reason().value = 'Over budget this month.\nPlease pay it yourself.';
    reason().dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(reason().getAttribute('aria-invalid'), 'a new reason is not refused before it is sent').to.equal('false');
    button(el, 'Reject the request').click();
    await waitUntil(() => text(el).includes('returned to the customer'), 'a reason over two lines was refused');
  });

  it('keeps Try again inert while a rate limit on loading asks to wait, and loads once the wait is over', async () => {
    const api = createMemoryAdapter({ latencyMs: 2, faults: { getOrderPaymentOverview: { kind: 'rate-limited', retryAfterSeconds: 1, times: 1 } } });
    const el = await fixture<OrderPayment>(html`<order-payment .api=${api}></order-payment>`);
    await waitUntil(() => $(el, '.error-state'), 'no error');
    const retry = () => $<HTMLButtonElement>(el, '.error-state button');
    expect(retry().getAttribute('aria-disabled')).to.equal('true');
    retry().click();
    expect(api.calls.get('getOrderPaymentOverview'), 'pressed during the wait, it asked again').to.equal(1);
    await waitUntil(() => retry().getAttribute('aria-disabled') === 'false', 'still inert after the wait', { timeout: 5000 });
    retry().click();
    await waitUntil(() => $(el, '[role=table]'), 'no orders after the retry');
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

  it('takes focus on when its pressed control goes, not once the user has moved to another part of the page', async () => {
    const { el } = await setup();
    const outside = document.createElement('button');
    outside.textContent = 'Elsewhere';
    el.before(outside);
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment'));
    button(el, 'Confirm payment').focus();
    // The user moves to the host's page while the payment is sent; its answer redraws the panel.
    const answered = waitUntil(() => text(el).includes('e-mail and SMS'), 'paid');
    button(el, 'Confirm payment').click();
    outside.focus();
    await answered;
    await el.updateComplete;
    expect(document.activeElement, 'took focus back from the page').to.equal(outside);
    outside.remove();
  });

  // The backend's own text is for logs: the user reads the kit's sentence and the code for support.
  const refusals: [string, string][] = [
    ['CBC.99003110', 'payment deadline has passed'],
    ['CBC.99003106', 'The order status changed'],
    ['CBC.99005003', 'does not cover this order'],
    ['CBC.99008040', 'Too many payment attempts'],
    ['CBC.99008056', 'transaction cap is reached'],
  ];
  for (const [code, plain] of refusals) {
    const backendText = `cbc-internal-message-${code}`;
    it(`says the backend's ${code} in plain words with its code, nothing paid, and is accessible`, async () => {
      const { el, api, paid } = await setup();
      api.payOrder = () => Promise.reject(backendError(code, backendText));
      button(el, `Pay ${FIRST}`).click();
      await waitUntil(() => button(el, 'Confirm payment'));
      button(el, 'Confirm payment').click();
      await waitUntil(() => $(el, '[part=task] [role=alert]').textContent?.includes(plain), `${code} in plain words`);
      expect($(el, '[part=task] [role=alert]').textContent).to.contain(`(Code ${code})`).and.not.to.contain(backendText);
      expect(Boolean(button(el, 'Top up'))).to.equal(code === 'CBC.99005003');
      expect(paid).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it("the backend's CBC.99003162 (its clock is ahead) opens the order-again panel with Notify", async () => {
    const { el, api } = await setup();
    api.payOrder = () => Promise.reject(backendError('CBC.99003162', 'The order cannot be paid after its service start time.'));
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment'));
    button(el, 'Confirm payment').click();
    await waitUntil(() => text(el).includes('must place the order again'));
    expect(button(el, 'Notify the customer')).to.not.equal(undefined);
  });

  it('says so while loading, when nothing waits and when loading failed (with a retry), accessible in each', async () => {
    const slow = await fixture<OrderPayment>(html`<order-payment .api=${createMemoryAdapter({ latencyMs: 60_000 })} locale="en-US"></order-payment>`);
    await waitUntil(() => text(slow).includes('Loading orders'));
    await expect(slow).to.be.accessible();

    const none = createMemoryAdapter({ latencyMs: 2 });
    none.payments.overview().orders.splice(0);
    const { el: empty } = await setup('zh-CN', { api: none });
    expect(text(empty)).to.contain('暂无客户请您代支付的订单');
    expect($(empty, '[role=table]')).to.equal(null);
    await expect(empty).to.be.accessible();

    const broken = createMemoryAdapter({ latencyMs: 2, faults: { getOrderPaymentOverview: { kind: 'server', times: 1 } } });
    const failed = await fixture<OrderPayment>(html`<order-payment .api=${broken} locale="en-US"></order-payment>`);
    await waitUntil(() => $(failed, '.error-state'), 'load failure shown');
    expect(text(failed)).to.contain('Could not load the orders.');
    await expect(failed).to.be.accessible();
    button(failed, 'Try again').click();
    await waitUntil(() => $(failed, '[role=table]'), 'orders after the retry');
  });

  it('offers a marketplace goods order only the balance and the online method the backend names', async () => {
    const { el } = await setup();
    button(el, 'Pay CS26051006').click();
    await waitUntil(() => $(el, '[part=task] fieldset'));
    const methods = [...el.shadowRoot!.querySelectorAll('[part=task] label.choice')].map((l) => l.textContent?.trim());
    expect(methods).to.deep.equal(['Account balance', 'Online payment (Petal Pay)']);
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=task] input[type=radio]')[1]!.click();
    button(el, 'Confirm payment').click();
    await waitUntil(() => button(el, 'Continue to the payment page'), 'the payment page offered');
    await expect(el).to.be.accessible();
    const redirects: string[] = [];
    el.addEventListener('order-payment-redirect', (e) => {
      e.preventDefault();
      redirects.push(e.detail.url);
    });
    button(el, 'Continue to the payment page').click();
    expect(redirects).to.have.length(1);
    expect(redirects[0]).to.match(/^https:\/\/pay\.example\.com\/checkout\/PAY/);
  });

  it('asks for the code with the amount where guarded; giving up sends nothing and says nothing went wrong', async () => {
    const asked: { amount: number; currency: string }[] = [];
    let giveUp: (() => void) | undefined;
    const { el, api, paid } = await setup('en-US', {
      verifier: (backend) => async (request) => {
        asked.push({ amount: request.amount, currency: request.currency });
        if (asked.length > 1) return outboxVerifier(backend)(request);
        await new Promise<void>((resolve) => (giveUp = resolve));
        throw new KitError('cancelled', 'The user closed the code dialog.');
      },
    });
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment'));
    button(el, 'Confirm payment').click();
    await waitUntil(() => text(el).includes('Waiting for the verification code'), 'waiting for the code');
    await expect(el).to.be.accessible();
    giveUp!();
    await waitUntil(() => asked.length === 1 && !$(el, '[part=task] fieldset').hasAttribute('disabled'), 'back on the choice');
    expect($(el, '[part=task] [role=alert]').textContent?.trim()).to.equal('');
    expect(api.calls.get('payOrder')).to.equal(undefined);
    button(el, 'Confirm payment').click();
    await waitUntil(() => text(el).includes('e-mail and SMS'), 'paid');
    expect(asked).to.deep.equal([
      { amount: 128_000, currency: 'CNY' },
      { amount: 128_000, currency: 'CNY' },
    ]);
    expect(paid).to.have.length(1);
  });

  it('pays once whatever the clicks, the lost answers and the reopenings; order-paid once', async () => {
    const { el, api, paid } = await setup();
    api.setFaults({ payOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment'));
    button(el, 'Confirm payment').click();
    button(el, 'Confirm payment').click();
    await waitUntil(() => text(el).includes('may have gone through'));
    button(el, 'Close').click();
    await waitUntil(() => !$(el, '[part=task]'));
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => text(el).includes('may have gone through'), 'reopened frozen, not on a fresh choice');
    button(el, 'Send the same payment again').click();
    button(el, 'Send the same payment again')?.click();
    await waitUntil(() => text(el).includes('e-mail and SMS'), 'paid');
    expect(paid.map((p) => p.orderId)).to.deep.equal([FIRST]);
    expect(api.payments.accountBalance).to.equal(3_985_000 - 128_000);
    expect(el.shadowRoot!.querySelector(`[data-pay="${FIRST}"]`)).to.equal(null);
  });

  it('rejects by keyboard alone; a lost answer keeps the reason as sent and the retry returns it once', async () => {
    const { el, api } = await setup();
    api.setFaults({ rejectOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    button(el, `Reject ${FIRST}`).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, 'textarea'));
    $(el, 'textarea').focus();
    await sendKeys({ type: 'Customer pays' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('may already have been returned'), 'lost answer said');
    expect($<HTMLTextAreaElement>(el, 'textarea').readOnly).to.equal(true);
    await expect(el).to.be.accessible();
    button(el, 'Reject the request').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('returned to the customer'));
    expect(api.calls.get('rejectOrder')).to.equal(2);
    expect(api.payments.overview().orders.some((o) => o.id === FIRST)).to.equal(false);
  });

  it('says when notifying the customer failed, and notifies on the retry', async () => {
    const { el, api } = await setup();
    api.setFaults({ notifyOrderCustomer: { kind: 'server', times: 1 } });
    button(el, `Pay ${STARTED}`).click();
    await waitUntil(() => button(el, 'Notify the customer'));
    button(el, 'Notify the customer').click();
    await waitUntil(() => text(el).includes('Server error'), 'failure said');
    await expect(el).to.be.accessible();
    button(el, 'Notify the customer').click();
    await waitUntil(() => text(el).includes('The customer was told'));
    expect(api.calls.get('notifyOrderCustomer')).to.equal(2);
  });

  it('says in the batch panel that an order left unknown by the batch was paid through its own row, once', async () => {
    const { el, api, paid } = await setup();
    api.setFaults({ payOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    for (const id of [FIRST, 'CS26051002']) $<HTMLInputElement>(el, `input[aria-label="Select order ${id}"]`).click();
    await waitUntil(() => text(el).includes('2 selected'));
    button(el, 'Pay selected from balance').click();
    await waitUntil(() => text(el).includes('1 of 2 paid') && button(el, 'Retry the failed ones'), 'partial result', { timeout: 5000 });
    // The unknown one, through its own row: the same intent (same key), settled.
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Confirm payment') ?? button(el, 'Check what happened'), 'no panel for the row');
    (button(el, 'Check what happened') ?? button(el, 'Confirm payment')).click();
    await waitUntil(() => text(el).includes('2 of 2 paid'), 'the batch panel still says unknown', { timeout: 5000 });
    expect($(el, '[part=job] ul').textContent).to.contain(`${FIRST}: Paid`);
    expect(paid.map((p) => p.orderId).sort()).to.deep.equal([FIRST, 'CS26051002']);
    expect(api.payments.accountBalance).to.equal(3_985_000 - 128_000 - 542_300);
  });

  it('shows an order left unknown by a batch, then paid through its own row while the batch still ran, as paid when it ends, once', async () => {
    const { el, api, paid } = await setup();
    api.setFaults({ payOrder: { kind: 'timeout', afterEffect: true, times: 1 } });
    // The batch waits at its last order until the row's payment is settled.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const payOrder = api.payOrder.bind(api);
    api.payOrder = async (request, options) => {
      if (request.orderId === 'CS26051003') await held;
      return payOrder(request, options);
    };
    for (const id of [FIRST, 'CS26051002', 'CS26051003']) $<HTMLInputElement>(el, `input[aria-label="Select order ${id}"]`).click();
    await waitUntil(() => text(el).includes('3 selected'));
    button(el, 'Pay selected from balance').click();
    await waitUntil(() => $(el, '[part=job] ul')?.textContent?.includes(`${FIRST}: Outcome unknown`), 'the first order not unknown', { timeout: 5000 });
    button(el, `Pay ${FIRST}`).click();
    await waitUntil(() => button(el, 'Check what happened') ?? button(el, 'Confirm payment'), 'no panel for the row');
    (button(el, 'Check what happened') ?? button(el, 'Confirm payment')).click();
    await waitUntil(() => paid.some((p) => p.orderId === FIRST), 'the row did not settle it');
    release();
    await waitUntil(() => text(el).includes('3 of 3 paid'), 'the batch panel still says unknown', { timeout: 5000 });
    expect($(el, '[part=job] ul').textContent).to.contain(`${FIRST}: Paid`).and.not.to.contain('Outcome unknown');
    expect(paid.map((p) => p.orderId).sort()).to.deep.equal([FIRST, 'CS26051002', 'CS26051003']);
    expect(api.payments.accountBalance).to.equal(3_985_000 - 128_000 - 542_300 - 1_200_000);
  });

  it('pays many by keyboard: a failed one is reported with its reason and paid on "retry the failed ones", never twice', async () => {
    const { el, api, paid } = await setup();
    api.setFaults({ payOrder: { kind: 'server', times: 1 } });
    for (const id of [FIRST, 'CS26051002']) {
      $<HTMLInputElement>(el, `input[aria-label="Select order ${id}"]`).focus();
      await sendKeys({ press: 'Space' });
    }
    await waitUntil(() => text(el).includes('2 selected'));
    button(el, 'Pay selected from balance').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('1 of 2 paid') && button(el, 'Retry the failed ones'), 'partial result', { timeout: 5000 });
    expect($(el, '[part=job] ul').textContent).to.contain(`${FIRST}: Outcome unknown`).and.to.contain('CS26051002: Paid');
    await expect(el).to.be.accessible();
    button(el, 'Retry the failed ones').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('2 of 2 paid'), 'all paid', { timeout: 5000 });
    expect(paid.map((p) => p.orderId).sort()).to.deep.equal([FIRST, 'CS26051002']);
    expect(api.payments.accountBalance).to.equal(3_985_000 - 128_000 - 542_300);
    await expect(el).to.be.accessible();
  });
});
