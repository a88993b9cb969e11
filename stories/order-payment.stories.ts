import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/order-payment.js';
import type { OrderPayment } from '../src/order-payment.js';
import type { MemoryAdapterOptions, MemoryPartnerApi } from '../src/api/memory/index.js';
import { memoryStory, until, type Play } from './support/memory-story.js';

/**
 * Orders customers asked the partner to pay (代支付), state by state, on the in-memory backend: each
 * `play` drives the element there as a user would. The verification code, where asked, is in the
 * backend's outbox (the demo page shows it).
 */
const meta: Meta = {
  title: 'Elements/order-payment states',
  component: 'order-payment',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const FIRST = 'CS26051001';
const STARTED = 'CS26051004';
const SHORT = 'CS26051005';

const shadow = (canvas: HTMLElement) => (canvas.querySelector('order-payment') as OrderPayment).shadowRoot as ShadowRoot;


/** The button whose accessible name (label or text) starts with `name`, in either language. */
function buttonOf(canvas: HTMLElement, ...names: string[]): HTMLButtonElement | undefined {
  return [...shadow(canvas).querySelectorAll('button')].find((b) => names.some((n) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith(n)));
}

async function press(canvas: HTMLElement, ...names: string[]): Promise<void> {
  await until(() => buttonOf(canvas, ...names));
  buttonOf(canvas, ...names)?.click();
}

const ordersShown = (canvas: HTMLElement) => until(() => shadow(canvas).querySelector('[role=table], .empty'));

/** Opens the payment panel of `orderId`. */
async function open(canvas: HTMLElement, orderId: string): Promise<void> {
  await ordersShown(canvas);
  await press(canvas, `Pay ${orderId}`, `支付 ${orderId}`);
  await until(() => shadow(canvas).querySelector('[part=task]'));
}

const confirm = (canvas: HTMLElement) => press(canvas, 'Confirm payment', '确认付款');

async function select(canvas: HTMLElement, ...orderIds: string[]): Promise<void> {
  await ordersShown(canvas);
  for (const id of orderIds) shadow(canvas).querySelector<HTMLInputElement>(`input[aria-label$=" ${id}"]`)?.click();
}

const story = (options: MemoryAdapterOptions = {}, play?: Play, prepare?: (api: MemoryPartnerApi) => void): StoryObj => memoryStory('order-payment', options, play, { ...(prepare ? { prepare } : {}) });

const noCode: MemoryAdapterOptions = { verification: { enabled: false } };

/** The pending orders with both balances; the fourth order's service has started. */
export const List = story();

/** No customer is waiting. */
export const Empty = story({}, undefined, (api) => {
  api.payments.overview().orders.splice(0);
});

/** The service start time passed: the customer must order again; the partner can tell them. */
export const StartPassed = story({}, (canvas) => open(canvas, STARTED));

/** The allocatable balance does not cover the order: said so, with a top-up of what is missing. */
export const BalanceShort = story({}, (canvas) => open(canvas, SHORT));

/** The payment panel: balance or an online channel, the estimated rebate labelled as an estimate. */
export const MethodChoice = story({}, async (canvas) => {
  await open(canvas, FIRST);
  shadow(canvas).querySelectorAll<HTMLInputElement>('[part=task] input[type=radio]')[1]?.click();
});

/** The policy guards paying: the code dialog (the code is in the backend's outbox). */
export const CodeStep = story({}, async (canvas) => {
  await open(canvas, FIRST);
  await confirm(canvas);
});

/** Paid: the customer was told by e-mail and SMS; `order-paid` fired once. */
export const Paid = story(noCode, async (canvas) => {
  await open(canvas, FIRST);
  await confirm(canvas);
});

/** The answer to the payment was lost after it took effect: frozen until checked or sent again. */
export const OutcomeUnknown = story({ ...noCode, faults: { payOrder: { kind: 'timeout', afterEffect: true, times: 1 } } }, async (canvas) => {
  await open(canvas, FIRST);
  await confirm(canvas);
});

/** Rejected with a reason: the request went back to the customer. */
export const Rejected = story({}, async (canvas) => {
  await ordersShown(canvas);
  await press(canvas, `Reject ${FIRST}`, `拒绝 ${FIRST}`);
  await until(() => shadow(canvas).querySelector('textarea'));
  const reason = shadow(canvas).querySelector('textarea');
  if (reason) {
    reason.value = 'The customer pays it themselves.';
    reason.dispatchEvent(new Event('input'));
  }
  await press(canvas, 'Reject the request', '拒绝代支付');
});

/** Paying three selected orders as a job, one every half second: progress while it runs. */
export const PayManyProgress = story({ ...noCode, latencyMs: 600 }, async (canvas) => {
  await select(canvas, FIRST, 'CS26051002', 'CS26051003');
  await press(canvas, 'Pay selected from balance', '用余额支付所选订单');
});

/** A job in which one payment's answer was lost: per-order results and "retry the failed ones". */
export const PayManyPartialFailure = story({ ...noCode, faults: { payOrder: { kind: 'server', times: 1 } } }, async (canvas) => {
  await select(canvas, FIRST, 'CS26051002');
  await press(canvas, 'Pay selected from balance', '用余额支付所选订单');
  await until(() => buttonOf(canvas, 'Retry the failed ones', '重试失败的订单'));
});

/** The backend is down: the orders could not be loaded; "Try again" loads them (the fault strikes once). */
export const BackendDown = story({ faults: { getOrderPaymentOverview: { kind: 'server', times: 1 } } });
