import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/customer-report-form.js';
import type { CustomerReportForm } from '../src/customer-report-form.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/api/memory/index.js';
import { DEMO_MOBILES } from '../src/api/memory/reporting.js';

/**
 * Reporting customers on the in-memory backend. Its mobiles follow one rule: ending in 0, no
 * account; in 9, two accounts to choose from; in 8888, already reported by Huawei; otherwise one.
 */
const meta: Meta = {
  title: 'Elements/customer-report-form',
  component: 'customer-report-form',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (canvas: HTMLElement) => (canvas.querySelector('customer-report-form') as CustomerReportForm).shadowRoot as ShadowRoot;

/** Pastes customers the way a partner pastes spreadsheet rows. */
const paste = (lines: string[]) => async (canvas: HTMLElement) => {
  await settle(50);
  const root = shadow(canvas);
  root.querySelector('details')?.setAttribute('open', '');
  const area = root.querySelector<HTMLTextAreaElement>('#paste');
  if (area) area.value = lines.join('\n');
  [...root.querySelectorAll<HTMLButtonElement>('details button')].at(-1)?.click();
  await settle(50);
};

const submit = async (canvas: HTMLElement) => {
  shadow(canvas).querySelector<HTMLButtonElement>('button[part=submit]')?.click();
  await settle(900);
};

function story(options: MemoryAdapterOptions = {}, play?: (canvas: HTMLElement) => Promise<void>): StoryObj {
  return {
    render: (args) => html`<customer-report-form .api=${createMemoryAdapter({ latencyMs: 150, invitationCount: 50, ...options })} locale=${args['locale']}></customer-report-form>`,
    ...(play ? { play: ({ canvasElement }) => play(canvasElement) } : {}),
  };
}

export const Empty = story();

export const SeveralAccounts = story({}, paste([`Zhou Jie, ${DEMO_MOBILES.twoAccounts}, zhou.jie@example.com`]));

export const FieldErrors = story({}, async (canvas) => {
  await paste([`x${'\u202E'}y, 12345, wang+1@example.com`, `王小明, ${DEMO_MOBILES.noAccount}, wang@example.com`])(canvas);
  await submit(canvas);
});

export const PartialFailure = story({}, async (canvas) => {
  await paste([`A One, ${DEMO_MOBILES.oneAccount}, a@example.com`, `B Two, ${DEMO_MOBILES.reportedByHuawei}, b@example.com`])(canvas);
  await submit(canvas);
});

export const RateLimited = story({ rateLimitPerSecond: 2 }, async (canvas) => {
  await paste(Array.from({ length: 8 }, (_, i) => `Customer ${i}, 0086-1390000${String(i + 1).padStart(3, '0')}1, c${i}@example.com`))(canvas);
  shadow(canvas).querySelector<HTMLButtonElement>('button[part=submit]')?.click();
});

export const EmailPreview = story({}, async (canvas) => {
  await paste([`王小明, ${DEMO_MOBILES.oneAccount}, wang@example.com`])(canvas);
  [...shadow(canvas).querySelectorAll<HTMLButtonElement>('button.link')][0]?.click();
});
