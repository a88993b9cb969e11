import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/voucher-issue-form.js';
import '../src/issued-voucher-list.js';
import '../src/voucher-records.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../src/api/memory/index.js';

/**
 * The voucher lifecycle on the in-memory backend: issue, the issued list with reclaim, and the
 * operation records. Play functions drive the form to the state named.
 */
const meta: Meta = {
  title: 'Elements/vouchers',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const api = (options: MemoryAdapterOptions = {}) => createMemoryAdapter({ latencyMs: 150, ...options });
const root = (canvas: HTMLElement, tag: string) => canvas.querySelector(tag)?.shadowRoot as ShadowRoot;

async function fill(canvas: HTMLElement, customers: number, face: string, remark = ''): Promise<void> {
  await settle(600);
  const form = root(canvas, 'voucher-issue-form');
  for (let i = 0; i < customers; i++) {
    form.querySelector<HTMLButtonElement>('#customer-results button:not([disabled], [aria-disabled=true])')?.click();
    await settle(50);
  }
  for (const [selector, value] of [['#face-value', face], ['#remark', remark]] as const) {
    const input = form.querySelector<HTMLInputElement>(selector);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new InputEvent('input'));
  }
  await settle(50);
}

const submit = (canvas: HTMLElement) => root(canvas, 'voucher-issue-form').querySelector<HTMLButtonElement>('[part=submit]')?.click();

function issue(options: MemoryAdapterOptions, play?: (canvas: HTMLElement, backend: MemoryPartnerApi) => Promise<void>, attrs = { max: 10 }): StoryObj {
  const backend = api(options);
  return {
    render: (args) => html`<voucher-issue-form .api=${backend} locale=${args['locale']} max-customers=${attrs.max}></voucher-issue-form>`,
    ...(play ? { play: ({ canvasElement }) => play(canvasElement, backend) } : {}),
  };
}

/** Quotas in every state; customers searched on the server. */
export const IssueForm = issue({});

/** Filled in: three customers, the total live. */
export const IssueFilled = issue({}, (canvas) => fill(canvas, 3, '100', 'Q4 promotion'));

/** The customer limit reached (2 here). */
export const CustomerLimit = issue({}, (canvas) => fill(canvas, 2, ''), { max: 2 });

/** Face value refused, total over balance and a remark too long. */
export const IssueInvalid = issue({}, async (canvas) => {
  await fill(canvas, 1, '1e3', 'x'.repeat(210));
  submit(canvas);
});

/** The verification code asked for before issuing. */
export const IssueVerifying = issue({}, async (canvas) => {
  await fill(canvas, 2, '100');
  submit(canvas);
});

/** Partial success: one customer refused, retry the failed ones only. */
export const IssuePartial = issue({ verification: { enabled: false } }, async (canvas, backend) => {
  await fill(canvas, 3, '100');
  const customer = backend.data.customers.find((c) => c.id === 'c-0002');
  if (customer) customer.associationType = 'referral';
  submit(canvas);
});

/** The issue's answer was lost: the form is frozen with "may have gone through", a check and a retry of the same issue (issues once). */
export const IssueTimedOut = issue({ verification: { enabled: false }, faults: { issueCoupons: { kind: 'timeout', afterEffect: true } } }, async (canvas) => {
  await fill(canvas, 1, '100');
  submit(canvas);
});

/** The backend's answer leaves one customer out: shown as unknown, never retried under a new key. */
export const IssueUnreported = issue({ verification: { enabled: false } }, async (canvas, backend) => {
  await fill(canvas, 2, '100');
  backend.issueCoupons = async ({ customerIds }) => ({ issued: [{ customerId: customerIds[0] ?? '', couponId: 'CP-STORY' }], failed: [] });
  submit(canvas);
});

/** Issued coupons, filtered and paged on the server, with reclaim. */
export const IssuedList: StoryObj = {
  render: (args) => html`<issued-voucher-list .api=${api({ verification: { enabled: false } })} locale=${args['locale']}></issued-voucher-list>`,
};

/** Opens the first row's reclaim and confirms it. */
async function reclaimFirst({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  await settle(600);
  const list = root(canvasElement, 'issued-voucher-list');
  list.querySelector<HTMLButtonElement>('[part=reclaim]')?.click();
  await settle(100);
  [...list.querySelectorAll<HTMLButtonElement>('dialog button')].at(-1)?.click();
}

/** The reclaim dialog with the amount actually reclaimed. */
export const Reclaimed: StoryObj = {
  render: (args) => html`<issued-voucher-list .api=${api({ verification: { enabled: false } })} locale=${args['locale']}></issued-voucher-list>`,
  play: reclaimFirst,
};

/** The reclaim's answer was lost: "may have been reclaimed", with a check and a retry that reuses the same idempotency key. */
export const ReclaimTimedOut: StoryObj = {
  render: (args) =>
    html`<issued-voucher-list .api=${api({ verification: { enabled: false }, faults: { reclaimCoupon: { kind: 'timeout', afterEffect: true } } })} locale=${args['locale']}></issued-voucher-list>`,
  play: reclaimFirst,
};

/** The issued list when the backend cannot be reached. */
export const IssuedListOffline: StoryObj = {
  render: (args) => html`<issued-voucher-list .api=${api({ faults: { listIssuedCoupons: { kind: 'offline' } } })} locale=${args['locale']}></issued-voucher-list>`,
};

/** Issue and reclaim records with remarks. */
export const Records: StoryObj = {
  render: (args) => html`<voucher-records .api=${api()} locale=${args['locale']}></voucher-records>`,
};

/** Checked after a lost answer, and the partner center still cannot say: it stays frozen and says so. */
export const IssueStillUnknown = issue(
  { verification: { enabled: false }, faults: { issueCoupons: { kind: 'timeout', afterEffect: true }, lookupIntent: { kind: 'offline' } } },
  async (canvas) => {
    await fill(canvas, 1, '100');
    submit(canvas);
    await settle(600);
    root(canvas, 'voucher-issue-form').querySelector<HTMLButtonElement>('[part=outcome-unknown] button')?.click();
  },
);

/** The quotas could not be loaded: the error state with a retry. */
export const IssueQuotasFailed = issue({ faults: { listQuotas: { kind: 'server' } } });

/** The issued list while its first page loads: skeleton rows. */
export const IssuedListLoading: StoryObj = {
  render: (args) => html`<issued-voucher-list .api=${api({ latencyMs: 600_000 })} locale=${args['locale']}></issued-voucher-list>`,
};

/** Nothing matches the filters. */
export const IssuedListEmpty: StoryObj = {
  render: (args) => html`<issued-voucher-list .api=${api()} locale=${args['locale']}></issued-voucher-list>`,
  play: async ({ canvasElement }) => {
    await settle(600);
    const search = root(canvasElement, 'issued-voucher-list').querySelector<HTMLInputElement>('input[type=search]');
    if (!search) return;
    search.value = 'c-none';
    search.dispatchEvent(new InputEvent('input'));
  },
};

/** A narrow container (320 px): rows become stacked cards. */
export const IssuedListNarrow: StoryObj = {
  render: (args) => html`<div class="story-narrow"><issued-voucher-list .api=${api()} locale=${args['locale']}></issued-voucher-list></div>`,
  decorators: [(story) => html`<style>.story-narrow { width: 320px; }</style>${story()}`],
};

/** The records when the backend cannot be reached. */
export const RecordsOffline: StoryObj = {
  render: (args) => html`<voucher-records .api=${api({ faults: { listCouponRecords: { kind: 'offline' } } })} locale=${args['locale']}></voucher-records>`,
};

/** Chinese texts. */
export const Chinese: StoryObj = { ...IssueFilled, args: { locale: 'zh-CN' } };
