import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/masked-field.js';
import '../src/partner-kit-provider.js';
import { createMemoryAdapter } from '../src/api/memory/index.js';
import type { MaskedField } from '../src/masked-field.js';

/** Every state a user can meet, on the in-memory backend. */
const meta: Meta = {
  title: 'Elements/masked-field',
  component: 'masked-field',
  args: { kind: 'mobile', locale: 'en-US', copyable: false, autoHide: 0 },
  argTypes: {
    kind: { control: 'inline-radio', options: ['mobile', 'name', 'email', 'text'] },
    locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] },
  },
  render: (args) =>
    html`<masked-field kind=${args.kind} locale=${args.locale} ?copyable=${args.copyable} auto-hide=${args.autoHide}
      .value=${{ mobile: '0086-13912341234', name: '张三丰', email: 'alice@example.com', text: '6222020200112233' }[args.kind as string]}></masked-field>`,
};
export default meta;

type Story = StoryObj;

const reveal = async (root: HTMLElement) => {
  const field = root.querySelector('masked-field') as MaskedField;
  await field.updateComplete;
  await field.show();
};

/** Hidden by default: only the mask is in the page. */
export const Hidden: Story = {};

/** Shown after the eye button was pressed. */
export const Revealed: Story = { play: async ({ canvasElement }) => reveal(canvasElement) };

/** With a copy button while shown. */
export const Copyable: Story = { args: { copyable: true }, play: async ({ canvasElement }) => reveal(canvasElement) };

/** Chinese texts: the button is named 显示手机号. */
export const Chinese: Story = { args: { locale: 'zh-CN', kind: 'name' } };

/** Hides itself again after 5 seconds, unless it has focus. */
export const AutoHide: Story = { args: { autoHide: 5 }, play: async ({ canvasElement }) => reveal(canvasElement) };

/** The full value is fetched through the adapter on each reveal, so the backend can audit it. */
export const FromAdapter: Story = {
  render: () => html`<masked-field kind="mobile" masked="0086-139****1234" reveal-resource="customer" reveal-id="c-0001"
    .api=${createMemoryAdapter({ latencyMs: 600 })} locale="en-US"></masked-field>`,
};

/** While the adapter answers: the button is busy. */
export const Loading: Story = {
  render: () => html`<masked-field kind="mobile" masked="0086-139****1234" reveal-resource="customer" reveal-id="c-0001"
    .api=${createMemoryAdapter({ latencyMs: 600_000 })} locale="en-US"></masked-field>`,
  play: async ({ canvasElement }) => void reveal(canvasElement),
};

/** The backend could not be reached: the mask stays, the reason is said, the eye retries. */
export const Offline: Story = {
  render: () => html`<masked-field kind="mobile" masked="0086-139****1234" reveal-resource="customer" reveal-id="c-0001"
    .api=${createMemoryAdapter({ faults: { revealField: { kind: 'offline', times: 1 } } })} locale="en-US"></masked-field>`,
  play: async ({ canvasElement }) => reveal(canvasElement),
};

/** Too many reveals: the backend asks to slow down. */
export const RateLimited: Story = {
  render: () => html`<masked-field kind="email" masked="a***@example.com" reveal-resource="customer" reveal-id="c-0001"
    .api=${createMemoryAdapter({ faults: { revealField: { kind: 'rate-limited' } } })} locale="en-US"></masked-field>`,
  play: async ({ canvasElement }) => reveal(canvasElement),
};

/** Inline in a sentence: it takes the size and colour of the text around it. */
export const InlineInText: Story = {
  render: () => html`<p style="font-size: 18px">Call the customer on <masked-field kind="mobile" .value=${'0086-13912341234'}></masked-field> before noon.</p>`,
};

/** In a narrow table cell. */
export const InTableCell: Story = {
  render: () => html`<table style="width: 320px; border-collapse: collapse">
    <thead><tr><th scope="col" style="text-align:left">Customer</th><th scope="col" style="text-align:left">E-mail</th></tr></thead>
    <tbody><tr>
      <td><masked-field kind="name" .value=${'杭州云帆科技有限公司'}></masked-field></td>
      <td><masked-field kind="email" .value=${'finance.department@yunfan-technology.example.com'} copyable></masked-field></td>
    </tr></tbody>
  </table>`,
};

/** The dark token set through the provider, and a host's own accent colour through a token. */
export const DarkAndThemed: Story = {
  render: () => html`<partner-kit-provider theme="dark" style="--pk-color-primary: #ffb86b">
    <div style="background: #1f2329; padding: 16px"><masked-field kind="mobile" .value=${'0086-13912341234'} copyable></masked-field></div>
  </partner-kit-provider>`,
};
