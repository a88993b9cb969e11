import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/partner-kit-provider.js';
import '../src/top-up-form.js';
import type { TopUpForm } from '../src/top-up-form.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../src/api/memory/index.js';

/** An online top-up of the partner account: amount, then a QR code (or a payment page) until it is paid. */
const meta: Meta = {
  title: 'Elements/top-up-form',
  component: 'top-up-form',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (canvas: HTMLElement) => (canvas.querySelector('top-up-form') as TopUpForm).shadowRoot as ShadowRoot;

/** Types `amount` and presses Next, as a user would. */
async function next(canvas: HTMLElement, amount: string): Promise<void> {
  await settle();
  const input = shadow(canvas).querySelector<HTMLInputElement>('#amount');
  if (!input) return;
  input.value = amount;
  input.dispatchEvent(new Event('input'));
  shadow(canvas).querySelector('form')?.requestSubmit();
  await settle();
}

const press = (canvas: HTMLElement, index: number) => shadow(canvas).querySelectorAll<HTMLButtonElement>('button')[index]?.click();

function story(options: MemoryAdapterOptions = {}, play?: (canvas: HTMLElement, api: MemoryPartnerApi) => Promise<void>): StoryObj {
  let api = createMemoryAdapter({ latencyMs: 150, ...options });
  return {
    render: (args) => {
      api = createMemoryAdapter({ latencyMs: 150, ...options });
      return html`<top-up-form .api=${api} locale=${args['locale']}></top-up-form>`;
    },
    ...(play ? { play: ({ canvasElement }) => play(canvasElement, api) } : {}),
  };
}

/** The amount form, empty. */
export const Amount = story();

/** An amount the kit refuses: three decimals. */
export const AmountRefused = story({}, (canvas) => next(canvas, '10.005'));

/** The QR code to scan, its countdown running, polled every 3 s. */
export const QrCode = story({}, (canvas) => next(canvas, '1,000'));

/** The payer paid: the new balance. */
export const Paid = story({}, async (canvas, api) => {
  await next(canvas, '1,000');
  api.settlePayment(api.payments.lastPaymentId() ?? '', 'paid');
  press(canvas, 0);
});

/** The payer gave up in the payment app. */
export const Failed = story({}, async (canvas, api) => {
  await next(canvas, '1,000');
  api.settlePayment(api.payments.lastPaymentId() ?? '', 'failed');
  press(canvas, 0);
});

/** The answer to Next was lost after the backend opened the top-up: frozen until checked or sent again. */
export const OutcomeUnknown = story({ faults: { createTopUp: { kind: 'timeout', afterEffect: true, times: 1 } } }, (canvas) => next(canvas, '1,000'));

/** The backend is busy: back on the form with the amount kept. */
export const RateLimited = story({ faults: { createTopUp: { kind: 'rate-limited', times: 1, retryAfterSeconds: 30 } } }, (canvas) => next(canvas, '1,000'));

/** No adapter under a provider with `require-api`: the form says it cannot be used. */
export const LoadFailed: StoryObj = {
  render: (args) => html`<partner-kit-provider require-api locale=${args['locale']}><top-up-form></top-up-form></partner-kit-provider>`,
};

const expiry = { offsetMs: 0 };

/** The code expired before the payer paid (the backend's clock moved 16 minutes on). */
export const Expired = story({ now: () => Date.now() + expiry.offsetMs }, async (canvas) => {
  expiry.offsetMs = 0;
  await next(canvas, '1,000');
  expiry.offsetMs = 16 * 60_000;
  press(canvas, 0);
});
