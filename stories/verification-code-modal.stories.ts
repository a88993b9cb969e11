import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/verification-code-modal.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../src/api/memory/index.js';
import { deskModule } from '../src/elements/verification-code-modal/desk-module.js';
import type { VerificationCodeModal } from '../src/verification-code-modal.js';

/**
 * Each state a user can meet, on the in-memory backend. Every story opens the dialog for a
 * withdrawal of ¥1,200.00; the play function then drives it to the state named.
 */
const meta: Meta = {
  title: 'Elements/verification-code-modal',
  component: 'verification-code-modal',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

interface Scene {
  options?: MemoryAdapterOptions;
  /** Drives the open dialog to the state the story shows. */
  drive?: (modal: VerificationCodeModal, api: MemoryPartnerApi) => Promise<void>;
  purpose?: string;
  /** The dialog's code entry is still on its way (`coming`), or could not be fetched (`failed`). */
  codeEntry?: 'coming' | 'failed';
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
const part = (modal: VerificationCodeModal, name: string) => modal.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`);

async function type(modal: VerificationCodeModal, text: string): Promise<void> {
  const input = part(modal, 'input') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle();
}

async function getCode(modal: VerificationCodeModal, api: MemoryPartnerApi): Promise<string> {
  part(modal, 'send')?.click();
  await settle();
  return api.outbox.at(-1)?.code ?? '';
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function story(scene: Scene): StoryObj {
  return {
    render: (args) => {
      const api = createMemoryAdapter({ latencyMs: 60, ...scene.options });
      return html`<button @click=${(e: Event) => open((e.target as HTMLElement).nextElementSibling as VerificationCodeModal, scene.purpose)}>
          Confirm withdrawal
        </button>
        <verification-code-modal .api=${api} locale=${args['locale']}></verification-code-modal>`;
    },
    play: async ({ canvasElement }) => {
      let modal = canvasElement.querySelector('verification-code-modal') as VerificationCodeModal;
      const api = modal.api as MemoryPartnerApi;
      if (scene.codeEntry) modal = holdCodeEntry(modal, scene.codeEntry);
      open(modal, scene.purpose);
      await settle(300);
      await scene.drive?.(modal, api);
    },
  };
}

/**
 * Puts a fresh dialog in place of `modal` (whose code entry may have come while the page was idle)
 * and holds back its next fetch of the code entry: it never comes, or it fails.
 */
function holdCodeEntry(modal: VerificationCodeModal, codeEntry: 'coming' | 'failed'): VerificationCodeModal {
  const fresh = modal.cloneNode() as VerificationCodeModal;
  fresh.api = modal.api;
  modal.replaceWith(fresh);
  const real = deskModule.fetch;
  deskModule.fetch = () => {
    deskModule.fetch = real;
    return codeEntry === 'coming' ? new Promise(() => undefined) : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  };
  return fresh;
}

function open(modal: VerificationCodeModal, purpose = 'withdraw'): void {
  modal.confirm({ purpose, action: 'Confirm withdrawal of ¥1,200.00' }).catch(() => undefined);
}

/** Just opened: where the code will go, and the button to get it. */
export const Ready = story({});

/** A code went out: the button counts down, focus is in the input. */
export const CodeSent = story({ drive: async (modal, api) => void (await getCode(modal, api)) });

/** Half typed: the painted boxes follow the one real input. */
export const Typing = story({
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    await type(modal, code.slice(0, 3));
  },
});

/** A withdrawal always needs a code: the dialog is up while the settings load. */
export const Loading = story({ options: { latencyMs: 600_000 } });

/** The dialog's code entry is still on its way: the dialog is up with the loading state. */
export const CodeEntryLoading = story({ codeEntry: 'coming' });

/** The dialog's code entry could not be fetched: the network error, with a retry. */
export const CodeEntryFailed = story({ codeEntry: 'failed' });

/** While the code is being checked: the input is read-only, Verify says so. */
export const Checking = story({
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    api.checkVerificationCode = () => new Promise(() => undefined);
    await type(modal, code);
  },
});

/** A wrong code: attempts left, the typed code kept. */
export const WrongCode = story({
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    await type(modal, wrong(code));
  },
});

/** Three wrong codes: locked, with when to try again. */
export const Locked = story({
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    for (const last of ['1', '2', '3']) await type(modal, wrong(code).slice(0, 5) + last);
  },
});

/** The code has expired: asks for a new one. */
export const Expired = story({
  options: { verificationRules: { codeTtlSeconds: 1 } },
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    await settle(1100);
    await type(modal, code);
  },
});

/** The hourly send cap is reached. */
export const SendLimitReached = story({
  options: { verificationRules: { sendLimitPerHour: 1, resendAfterSeconds: 0 } },
  drive: async (modal, api) => {
    await getCode(modal, api);
    part(modal, 'send')?.click();
    await settle();
  },
});

/** The backend answered 429 to the check: wait, then Verify again. */
export const RateLimited = story({
  options: { faults: { checkVerificationCode: { kind: 'rate-limited', retryAfterSeconds: 5 } } },
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    await type(modal, code);
  },
});

/** Offline while checking: the code stays typed, Verify retries. */
export const Offline = story({
  options: { faults: { checkVerificationCode: { kind: 'offline' } } },
  drive: async (modal, api) => {
    const code = await getCode(modal, api);
    await type(modal, code);
  },
});

/** The verification settings could not be loaded: retry. */
export const PolicyFailed = story({ purpose: 'issue-coupon', options: { faults: { getVerificationPolicy: { kind: 'server' } } } });

/** No phone number or e-mail address is set up: nothing to send a code to. */
export const NoChannel = story({ purpose: 'issue-coupon', options: { verification: { channels: [] } } });

/** Only one channel offered: no choice to make. */
export const SmsOnly = story({ options: { verification: { channels: [{ channel: 'sms', destination: '0086-139****1234' }] } } });

/** Chinese texts. */
export const Chinese: StoryObj = { ...story({ drive: async (modal, api) => void (await getCode(modal, api)) }), args: { locale: 'zh-CN' } };
