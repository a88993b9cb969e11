import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/customer-list.js';
import type { CustomerList } from '../src/customer-list.js';
import type { MemoryAdapterOptions, MemoryPartnerApi } from '../src/api/memory/index.js';
import { memoryStory, until, type Play } from './support/memory-story.js';

/**
 * The partner's customers, state by state, on the in-memory backend: each `play` drives the list
 * there as a user would. Unbinding shows the coupons it reclaims; where the policy guards it, the
 * code is in the backend's outbox (the demo page shows it).
 */
const meta: Meta = {
  title: 'Elements/customer-list states',
  component: 'customer-list',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const shadow = (canvas: HTMLElement) => (canvas.querySelector('customer-list') as CustomerList).shadowRoot as ShadowRoot;


const rowsShown = (canvas: HTMLElement) => until(() => shadow(canvas).querySelector('.tbody .tr[data-key]'));

/** Types `value` into the filter `name`, as a user would. */
async function filter(canvas: HTMLElement, name: string, value: string): Promise<void> {
  await rowsShown(canvas);
  const input = shadow(canvas).querySelector<HTMLInputElement>(`#filter-${name}`);
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

/** Presses Unbind on the first customer holding a usable coupon, and waits for what it changes. */
async function unbind(canvas: HTMLElement, api: MemoryPartnerApi): Promise<void> {
  await rowsShown(canvas);
  const owners = new Set(api.data.coupons.filter((c) => c.status === 'usable').map((c) => c.customerId));
  const row = [...shadow(canvas).querySelectorAll<HTMLElement>('.tbody .tr[data-key]')].find((r) => owners.has(r.dataset['key'] ?? ''));
  row?.querySelector<HTMLButtonElement>('[part=unbind]')?.click();
  await until(() => shadow(canvas).querySelector('dialog .coupons, dialog [part=error]:not(:empty)'));
}

const confirm = (canvas: HTMLElement) => shadow(canvas).querySelector<HTMLButtonElement>('dialog .primary')?.click();

const story = (options: MemoryAdapterOptions = {}, play?: Play, prepare?: (api: MemoryPartnerApi) => void): StoryObj => memoryStory('customer-list', options, play, { ...(prepare ? { prepare } : {}) });

const noCode: MemoryAdapterOptions = { verification: { enabled: false } };

/** The first page still on its way (the backend answers in a minute). */
export const Loading = story({ latencyMs: 60_000 });

/** A page of customers: names and mobiles masked behind the eye button, association, real-name status, frozen state. */
export const Rows = story();

/** No customer matches the filters. */
export const Empty = story({}, (canvas) => filter(canvas, 'accountName', 'nobody-by-this-name'));

/** Filtered on the server by account name. */
export const Filtered = story({}, (canvas) => filter(canvas, 'accountName', 'a'));

/** A customer created without a mobile: said plainly, with how one gets bound. */
export const NoMobile = story({}, undefined, (api) => {
  for (const customer of api.data.customers.slice(0, 3)) delete customer.mobile;
});

/** Unbind asked: what it changes, the coupons reclaimed automatically with what remains on them. */
export const UnbindPreview = story(noCode, unbind);

/** The policy guards unbinding: the code dialog (the code is in the backend's outbox). */
export const UnbindCode = story({ verification: { enabled: true } }, async (canvas, api) => {
  await unbind(canvas, api);
  confirm(canvas);
});

/** Unbound: the coupons the backend took back; the list reloads without the customer. */
export const Unbound = story(noCode, async (canvas, api) => {
  await unbind(canvas, api);
  confirm(canvas);
});

/** The backend is busy: the question stays with the error and a retry. */
export const UnbindFailed = story({ ...noCode, faults: { unbindCustomer: { kind: 'rate-limited', times: 1, retryAfterSeconds: 30 } } }, async (canvas, api) => {
  await unbind(canvas, api);
  confirm(canvas);
});

/** The answer to unbinding was lost after it took effect: frozen until checked or sent again. */
export const UnbindOutcomeUnknown = story({ ...noCode, faults: { unbindCustomer: { kind: 'timeout', afterEffect: true, times: 1 } } }, async (canvas, api) => {
  await unbind(canvas, api);
  confirm(canvas);
});

/** What unbinding changes could not be fetched: a retry, never an unbinding. */
export const PreviewFailed = story({ ...noCode, faults: { previewUnbind: { kind: 'offline', times: 1 } } }, unbind);

/** The backend is down: the customers could not be loaded; "Try again" loads them (the fault strikes once). */
export const BackendDown = story({ faults: { listSubCustomers: { kind: 'server', times: 1 } } });
