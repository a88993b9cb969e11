import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/invite-table.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/api/memory/index.js';
import type { Invitation } from '../src/model/schemas/invitations.js';
import type { InviteTable } from '../src/invite-table.js';

/** The invited-customers table on the in-memory backend, and with 100,000 rows the host passes in. */
const meta: Meta = {
  title: 'Elements/invite-table',
  component: 'invite-table',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (canvas: HTMLElement) => (canvas.querySelector('invite-table') as InviteTable).shadowRoot as ShadowRoot;

function story(options: MemoryAdapterOptions = {}, play?: (canvas: HTMLElement) => Promise<void>, width = ''): StoryObj {
  return {
    render: (args) => html`<div style=${width ? `width: ${width}` : ''}>
      <invite-table .api=${createMemoryAdapter({ latencyMs: 200, ...options })} locale=${args['locale']}></invite-table>
    </div>`,
    ...(play ? { play: ({ canvasElement }) => play(canvasElement) } : {}),
  };
}

const selectPage = async (canvas: HTMLElement) => {
  await settle(600);
  shadow(canvas).querySelector<HTMLInputElement>('.thead input[type=checkbox]')?.click();
  await settle(50);
};

const resendSelected = async (canvas: HTMLElement) => {
  await selectPage(canvas);
  [...shadow(canvas).querySelectorAll<HTMLButtonElement>('.toolbar button')].at(-1)?.click();
  // The confirmation's code may still be on its way: the table's update waits for it.
  await (canvas.querySelector('invite-table') as InviteTable).updateComplete;
};

const confirm = async (canvas: HTMLElement) => {
  await resendSelected(canvas);
  [...shadow(canvas).querySelectorAll<HTMLButtonElement>('dialog button')].at(-1)?.click();
};

/** Paged through the adapter: masked fields, statuses with reasons, sorting, filters. */
export const Default = story();

/** Loading. */
export const Loading = story({ latencyMs: 600_000 });

/** The backend cannot be reached: retry. */
export const Failed = story({ faults: { listInvitations: { kind: 'offline' } } });

/** Nothing matches. */
export const Empty = story({ invitationCount: 0 });

/** A page selected: offer to select every match. */
export const Selected = story({}, selectPage);

/** The batch confirmation, listing the customers (masked). */
export const ConfirmBatch = story({}, resendSelected);

/** A batch slowed down by the backend's rate limit (429), never failed by it. */
export const RateLimited = story({ rateLimitPerSecond: 3, latencyMs: 100 }, confirm);

/** A batch with failures: retry only those. */
export const PartlyFailed = story({ faults: { resendInvitation: { kind: 'server', times: 3 } } }, confirm);

/** In a narrow container (under 480px): rows become stacked cards with labelled fields. */
export const Narrow = story({}, undefined, '360px');

/** A tablet-wide container: header and body scroll sideways together, selection, name and actions stay in view. */
export const Tablet = story({}, undefined, '768px');

/** Invitations a host already has, as many as asked. */
function hostRows(count: number): Invitation[] {
  const statuses = ['reported', 'invited', 'associated', 'failed'] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `inv-${i}`,
    maskedName: `客${i % 97}**`,
    maskedMobile: `0086-139****${String(i % 10_000).padStart(4, '0')}`,
    maskedEmail: 'u***@example.com',
    status: statuses[i % 4] as Invitation['status'],
    invitedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    linkExpiresAt: new Date(Date.UTC(2026, 0, 8) + i * 60_000).toISOString(),
    operator: `op${i % 5}`,
  }));
}

/** 100,000 rows the host passes in: only the visible rows are in the DOM. */
export const HundredThousandRows: StoryObj = {
  render: (args) => html`<invite-table .rows=${hostRows(100_000)} locale=${args['locale']}></invite-table>`,
};

/** A host that makes its rows taller (`--pk-table-row-height: 64px`): scrolling and the keyboard follow. */
export const TallRows: StoryObj = {
  render: (args) => html`<invite-table style="--pk-table-row-height: 64px" .rows=${hostRows(10_000)} locale=${args['locale']}></invite-table>`,
};

/** A 3,000-character name and one with a right-to-left override: truncated in its cell, isolated from its neighbours. */
export const HostileNames: StoryObj = {
  render: (args) => html`<invite-table
    .rows=${hostRows(20).map((row, i) => (i === 0 ? { ...row, maskedName: '李'.repeat(3000) } : i === 1 ? { ...row, maskedName: '\u202Eabc**' } : row))}
    locale=${args['locale']}
  ></invite-table>`,
};

/** Chinese texts. */
export const Chinese: StoryObj = { ...story(), args: { locale: 'zh-CN' } };
