import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/customer-create-form.js';
import type { CustomerCreateForm } from '../src/customer-create-form.js';
import type { MemoryAdapterOptions } from '../src/api/memory/index.js';
import { memoryStory, until, type Play } from './support/memory-story.js';

/**
 * Creating a customer account, state by state, on the in-memory backend: each `play` types as a
 * user would. The registration code texted to a mobile is in the backend's `registrationCodes`
 * (the demo page shows it).
 */
const meta: Meta = {
  title: 'Elements/customer-create-form states',
  component: 'customer-create-form',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

const NEW_MOBILE = '0086-13700000002';

const shadow = (canvas: HTMLElement) => (canvas.querySelector('customer-create-form') as CustomerCreateForm).shadowRoot as ShadowRoot;


/** Types each value into its field, as a user would, then accepts the agreement when asked to. */
async function fill(canvas: HTMLElement, values: Record<string, string>, agree = true): Promise<void> {
  await until(() => shadow(canvas).querySelector('#accountName'));
  for (const [id, value] of Object.entries(values)) {
    await until(() => shadow(canvas).querySelector(`#${id}`));
    const input = shadow(canvas).querySelector<HTMLInputElement>(`#${id}`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new InputEvent('input'));
  }
  const agreement = shadow(canvas).querySelector<HTMLInputElement>('#agreement');
  if (agree && agreement && !agreement.checked) agreement.click();
}

const submit = (canvas: HTMLElement) => shadow(canvas).querySelector<HTMLButtonElement>('[part=submit]')?.click();

/** Presses "Get code" for the mobile typed, and waits for the countdown. */
async function sendCode(canvas: HTMLElement): Promise<void> {
  await until(() => shadow(canvas).querySelector('#code + button'));
  shadow(canvas).querySelector<HTMLButtonElement>('#code + button')?.click();
  await until(() => shadow(canvas).querySelector('#code + button[aria-disabled=true]:not([aria-busy=true])'));
}

const good = { accountName: 'new_customer01', displayName: 'New Customer' };

const story = (options: MemoryAdapterOptions = {}, play?: Play): StoryObj => memoryStory('customer-create-form', options, play);

/** The empty form: the rules as hints, the agreement to accept. */
export const Empty = story();

/** An account name already registered: said at the field once typing pauses. */
export const NameTaken = story({}, (canvas, api) => fill(canvas, { accountName: api.data.customers[0]?.accountName ?? '' }, false));

/** A code texted to the new mobile: the send button counts the resend wait down. */
export const CodeSent = story({}, async (canvas) => {
  await fill(canvas, { ...good, mobile: NEW_MOBILE });
  await sendCode(canvas);
});

/** Created: the association with the partner is pending until the list confirms it. */
export const CreatedAssociationPending = story({}, async (canvas) => {
  await fill(canvas, good);
  submit(canvas);
});

/** The backend refused the code typed: the refusal at the code field, the rest kept. */
export const RefusedAtField = story({}, async (canvas, api) => {
  await fill(canvas, { ...good, mobile: NEW_MOBILE });
  await sendCode(canvas);
  const sent = api.registrationCodes.at(-1)?.code;
  await fill(canvas, { code: sent === '000000' ? '111111' : '000000' });
  submit(canvas);
});

/** Every field given a hostile value: each refused at once with its message. */
export const HostileInput = story({}, async (canvas) => {
  const hostile = `a${' a'.repeat(5_000)}!`;
  await fill(canvas, { accountName: hostile, displayName: hostile, mobile: hostile, email: hostile, password: hostile }, false);
  submit(canvas);
});

/** The backend is down while creating: the entries frozen as sent, "Check what happened" and "Try again" (the fault strikes once). */
export const BackendDown = story({ faults: { createCustomer: { kind: 'server', times: 1 } } }, async (canvas) => {
  await fill(canvas, good);
  submit(canvas);
});

/** The partner may not acquire customers: said at the form, not at a field. */
export const PartnerRestricted = story({}, async (canvas, api) => {
  api.setPartnerRestricted(true);
  await fill(canvas, good);
  submit(canvas);
});
