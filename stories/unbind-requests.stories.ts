import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/unbind-requests.js';
import type { UnbindRequests } from '../src/unbind-requests.js';
import type { MemoryAdapterOptions } from '../src/api/memory/index.js';
import { memoryStory, until, type Play } from './support/memory-story.js';
import type { UnbindRequestStatus } from '../src/model/schemas/customer-accounts.js';

/**
 * Customers' unbind requests, state by state, on the in-memory backend: each `play` filters or
 * decides as a user would. Where the policy guards a decision, the code is in the backend's outbox
 * (the demo page shows it).
 */
const meta: Meta = {
  title: 'Elements/unbind-requests states',
  component: 'unbind-requests',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const shadow = (canvas: HTMLElement) => (canvas.querySelector('unbind-requests') as UnbindRequests).shadowRoot as ShadowRoot;


/** Shows the requests in `status` only. */
function only(status: UnbindRequestStatus) {
  return async (canvas: HTMLElement): Promise<void> => {
    await until(() => shadow(canvas).querySelector('#filter-status'));
    const select = shadow(canvas).querySelector<HTMLSelectElement>('#filter-status');
    if (!select) return;
    select.value = status;
    select.dispatchEvent(new Event('change'));
  };
}

/** Presses Approve or Reject on the first pending request, and waits for the question. */
async function decide(canvas: HTMLElement, kind: 'approve' | 'reject'): Promise<void> {
  await until(() => shadow(canvas).querySelector(`[part=${kind}]`));
  shadow(canvas).querySelector<HTMLButtonElement>(`[part=${kind}]`)?.click();
  await until(() => shadow(canvas).querySelector('dialog .primary'));
}

/** Writes the rejection's reason the customer is told. */
function reason(canvas: HTMLElement, text: string): void {
  const field = shadow(canvas).querySelector<HTMLTextAreaElement>('#reason');
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

const confirm = (canvas: HTMLElement) => shadow(canvas).querySelector<HTMLButtonElement>('dialog .primary')?.click();

const story = (options: MemoryAdapterOptions = {}, play?: Play): StoryObj => memoryStory('unbind-requests', options, play);

const noCode: MemoryAdapterOptions = { verification: { enabled: false } };

/** Every request, newest first: pending ones with Approve and Reject, handled ones with when and why. */
export const List = story();

/** Waiting for the partner. */
export const Pending = story({}, only('pending'));

/** Approved: the customer was unbound. */
export const Approved = story({}, only('approved'));

/** Rejected, with the reason the customer was told. */
export const Rejected = story({}, only('rejected'));

/** The customer withdrew the request before the partner handled it. */
export const Withdrawn = story({}, only('withdrawn'));

/** Approve asked: what approving changes. */
export const ApproveQuestion = story(noCode, (canvas) => decide(canvas, 'approve'));

/** The policy guards decisions: the code dialog (the code is in the backend's outbox). */
export const ApproveCode = story({ verification: { enabled: true } }, async (canvas) => {
  await decide(canvas, 'approve');
  confirm(canvas);
});

/** Approved: the customer is unbound and its coupons reclaimed; the row says approved. */
export const ApproveDone = story(noCode, async (canvas) => {
  await decide(canvas, 'approve');
  confirm(canvas);
});

/** Reject asked without a reason: the field says one is needed. */
export const RejectNeedsReason = story(noCode, async (canvas) => {
  await decide(canvas, 'reject');
  confirm(canvas);
});

/** Rejected with a reason the customer is told. */
export const RejectWithReason = story(noCode, async (canvas) => {
  await decide(canvas, 'reject');
  reason(canvas, 'Your contract with us runs until June.');
  confirm(canvas);
});

/** The backend is busy: the decision stays with the error and a retry, the reason kept. */
export const DecisionFailed = story({ ...noCode, faults: { rejectUnbindRequest: { kind: 'rate-limited', times: 1, retryAfterSeconds: 30 } } }, async (canvas) => {
  await decide(canvas, 'reject');
  reason(canvas, 'Your contract with us runs until June.');
  confirm(canvas);
});

/** The customer withdrew the request meanwhile: said so, and the list reloads. */
export const NoLongerPending = story(noCode, async (canvas, api) => {
  await decide(canvas, 'approve');
  const id = shadow(canvas).querySelector<HTMLElement>('.tbody .tr[data-key]:has([part=approve])')?.dataset['key'];
  if (id) api.withdrawUnbindRequest(id);
  confirm(canvas);
});

/** The answer to a decision was lost after it took effect: frozen until checked or sent again. */
export const DecisionOutcomeUnknown = story({ ...noCode, faults: { approveUnbindRequest: { kind: 'timeout', afterEffect: true, times: 1 } } }, async (canvas) => {
  await decide(canvas, 'approve');
  confirm(canvas);
});

/** The backend is down: the requests could not be loaded; "Try again" loads them (the fault strikes once). */
export const BackendDown = story({ faults: { listUnbindRequests: { kind: 'server', times: 1 } } });
