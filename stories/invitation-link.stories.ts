import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/invitation-link.js';
import type { InvitationLink } from '../src/invitation-link.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/api/memory/index.js';

/** The offline invitation link with its QR code, on the in-memory backend. */
const meta: Meta = {
  title: 'Elements/invitation-link',
  component: 'invitation-link',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (canvas: HTMLElement) => (canvas.querySelector('invitation-link') as InvitationLink).shadowRoot as ShadowRoot;
const press = (canvas: HTMLElement, selector: string) => shadow(canvas).querySelector<HTMLButtonElement>(selector)?.click();

function story(options: MemoryAdapterOptions = {}, attrs: { kind?: string; label?: string } = {}, play?: (canvas: HTMLElement) => Promise<void>): StoryObj {
  return {
    render: (args) =>
      html`<invitation-link .api=${createMemoryAdapter({ latencyMs: 150, invitationCount: 5, ...options })} locale=${args['locale']} kind=${attrs.kind ?? 'generic'}
        .label=${attrs.label}></invitation-link>`,
    ...(play ? { play: ({ canvasElement }) => play(canvasElement) } : {}),
  };
}

export const Generic = story();

export const CustomDefaultLabel = story({}, { kind: 'custom' });

export const CustomChineseLabel = story({}, { kind: 'custom', label: '华东渠道 王小明' });

export const RefusedLabel = story({}, { kind: 'custom', label: 'evil\u202Egnp' });

export const ConfirmRevoke = story({}, {}, async (canvas) => {
  await settle();
  press(canvas, '.actions button.danger');
});

export const Revoked = story({}, {}, async (canvas) => {
  await settle();
  press(canvas, '.actions button.danger');
  await settle(50);
  press(canvas, 'dialog button.danger');
});

export const LoadFailed = story({ faults: { openInvitationLink: { kind: 'server' } } });

export const LargeCode = {
  ...story(),
  decorators: [(s: () => unknown) => html`<div class="qr-large">${s()}</div><style>.qr-large invitation-link { --pk-qr-size: 28rem; }</style>`],
} satisfies StoryObj;
