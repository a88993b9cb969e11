import '../../../src/order-payment.js';
import type { OrderPayment } from '../../../src/order-payment.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { FIRST_ORDER, backend, confirmPayment, mount, openPayment, ordersReady, outboxVerifier } from '../support/flows.js';
import { screenshotSuite } from './shots.js';

function paymentOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) {
  const api = backend(options);
  return { api, payment: mount<OrderPayment>(stage, 'order-payment', api, locale, (el) => (el.verifier = outboxVerifier(api))) };
}

screenshotSuite(
  'order-payment',
  {
    loading: async (stage, locale) => {
      const { payment } = paymentOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => $(payment, 'section [role=status]'), 'no loading state');
    },
    idle: async (stage, locale) => ordersReady(paymentOn(stage, locale).payment),
    error: async (stage, locale) => {
      const { payment } = paymentOn(stage, locale, { faults: { getOrderPaymentOverview: { kind: 'server', times: 0 } } });
      await waitFor(() => $(payment, '.error-state')?.textContent?.trim(), 'no error shown');
    },
    task: async (stage, locale) => {
      const { payment } = paymentOn(stage, locale);
      await ordersReady(payment);
      await openPayment(payment, locale);
    },
    qr: async (stage, locale) => {
      const { api, payment } = paymentOn(stage, locale);
      api.payOrder = (request) =>
        Promise.resolve({ status: 'action-required', orderId: request.orderId, action: { kind: 'qr', paymentId: 'PAY7', payload: 'https://pay.example.com/q/PAY7', expiresAt: '2026-11-20T01:45:00Z' } });
      await ordersReady(payment);
      await openPayment(payment, locale);
      $<HTMLButtonElement>(payment, '[part=task] button.primary')!.click();
      await waitFor(() => $(payment, '[part=task] [part=qr] svg'), 'no QR code');
    },
    result: async (stage, locale) => {
      const { payment } = paymentOn(stage, locale);
      await ordersReady(payment);
      await openPayment(payment, locale, FIRST_ORDER);
      await confirmPayment(payment, locale);
    },
    // A reject reason refused at the field: too long for the customer to be sent.
    'reject-refused': async (stage, locale) => {
      const { payment } = paymentOn(stage, locale);
      await ordersReady(payment);
      $<HTMLButtonElement>(payment, '.row-actions button:not(.primary)')!.click();
      const reason = await waitFor(() => $<HTMLTextAreaElement>(payment, '#reason'), 'no reason field');
      reason.value = '原因'.repeat(120);
      reason.dispatchEvent(new Event('input'));
      await payment.updateComplete;
      $<HTMLButtonElement>(payment, '[part=task] .actions button.primary')!.click();
      await waitFor(() => $(payment, '#reason-error')?.textContent?.trim(), 'not refused');
    },
  },
  ['idle', 'task', 'reject-refused'],
);
