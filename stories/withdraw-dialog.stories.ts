import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/withdraw-dialog.js';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../src/api/memory/index.js';
import type { WithdrawDialog } from '../src/withdraw-dialog.js';
import type { WithdrawVerifier } from '../src/core/withdraw/withdraw-flow.js';

/**
 * Every step and state of a withdrawal, on the in-memory backend (¥38,500.00 withdrawable, one
 * transaction-mode conversion flow whose account is in another name). The play functions drive
 * the dialog to the state named; the verification code is read from the backend's outbox.
 */
const meta: Meta = {
  title: 'Elements/withdraw-dialog',
  component: 'withdraw-dialog',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
};
export default meta;

interface Scene {
  options?: MemoryAdapterOptions;
  /** Leave the main bank account without its opening branch, as on the first withdrawal. */
  firstWithdrawal?: boolean;
  prepare?: (api: MemoryPartnerApi) => void;
  drive?: (dialog: WithdrawDialog, api: MemoryPartnerApi) => Promise<void>;
}

const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));
const $ = (dialog: WithdrawDialog, selector: string) => dialog.shadowRoot?.querySelector<HTMLElement>(selector);
const press = (dialog: WithdrawDialog, label: string) =>
  [...(dialog.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label)?.click();

async function amount(dialog: WithdrawDialog, text: string): Promise<void> {
  const input = $(dialog, '#amount') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new InputEvent('input'));
  await settle(50);
}

function outboxVerifier(api: MemoryPartnerApi): WithdrawVerifier {
  return async () => {
    await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }).catch(() => undefined);
    return api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: api.outbox.at(-1)?.code ?? '' });
  };
}

function story(scene: Scene, useOutbox = true): StoryObj {
  return {
    render: (args) => {
      const api = createMemoryAdapter({ latencyMs: 150, verificationRules: { resendAfterSeconds: 0 }, ...scene.options });
      if (!scene.firstWithdrawal) void api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
      scene.prepare?.(api);
      return html`<button @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as WithdrawDialog).show()}>Withdraw</button>
        <withdraw-dialog .api=${api} locale=${args['locale']} .verifier=${useOutbox ? outboxVerifier(api) : undefined}></withdraw-dialog>`;
    },
    play: async ({ canvasElement }) => {
      const dialog = canvasElement.querySelector('withdraw-dialog') as WithdrawDialog;
      dialog.show();
      await settle(400);
      await scene.drive?.(dialog, dialog.api as MemoryPartnerApi);
    },
  };
}

const toSummary = async (dialog: WithdrawDialog, text = '12000') => {
  await amount(dialog, text);
  press(dialog, 'Next');
  await settle(50);
};

/** Loading the withdrawable amount. */
export const Loading = story({ options: { latencyMs: 600_000 } });

/** The amount could not be loaded: retry. */
export const LoadFailed = story({ options: { faults: { getWithdrawalOverview: { kind: 'server' } } } });

/** Nothing can be withdrawn. */
export const Empty = story({ prepare: (api) => api.data.flows.forEach((f) => (f.withdrawableAmount = 0)) });

/** First withdrawal to a bank account without its opening branch: searchable among thousands. */
export const BranchNeeded = story({ firstWithdrawal: true });

/** The form: newest recharge first, what each recharge gives shown as the amount is typed. */
export const NewestFirst = story({ drive: (dialog) => amount(dialog, '15000') });

/** Choosing recharges by hand. */
export const PickFlows = story({
  drive: async (dialog) => {
    ($(dialog, 'input[value=pick]') as HTMLInputElement).click();
    await settle(50);
    (dialog.shadowRoot?.querySelectorAll<HTMLInputElement>('[part=flows] input[type=checkbox]')[3] as HTMLInputElement).click();
    await amount(dialog, '15000');
  },
});

/** A transaction-mode conversion recharge may not go to an account in another name: blocked at the flow. */
export const NameMismatch = story({ drive: (dialog) => toSummary(dialog, '15000') });

/** Hostile input at the amount. */
export const BadAmount = story({ drive: (dialog) => toSummary(dialog, '1e3') });

/** To a bank card in the company's verified name. */
export const BankCard = story({
  drive: async (dialog) => {
    ($(dialog, 'input[value=bank-card]') as HTMLInputElement).click();
    await settle(50);
    await amount(dialog, '8000');
  },
});

/** The summary before Confirm withdrawal. */
export const Summary = story({ drive: (dialog) => toSummary(dialog) });

/** The real verification dialog over the summary. */
export const Verifying = story(
  {
    drive: async (dialog) => {
      await toSummary(dialog);
      press(dialog, 'Confirm withdrawal');
    },
  },
  false,
);

/** A timeout at submit: the outcome is unknown and the withdrawal frozen; a retry is safe (same key). */
export const SubmitTimedOut = story({
  options: { faults: { withdraw: { kind: 'timeout', afterEffect: true } } },
  drive: async (dialog) => {
    await toSummary(dialog);
    press(dialog, 'Confirm withdrawal');
    await settle(600);
  },
});

/** A definite refusal at submit (too many requests): nothing was withdrawn; a retry sends the same key. */
export const SubmitRefused = story({
  options: { faults: { withdraw: { kind: 'rate-limited', retryAfterSeconds: 30 } } },
  drive: async (dialog) => {
    await toSummary(dialog);
    press(dialog, 'Confirm withdrawal');
    await settle(600);
  },
});

/** Submitted: the reference, and the expected arrival worded from the business days the backend gives. */
export const Done = story({
  drive: async (dialog) => {
    await toSummary(dialog);
    press(dialog, 'Confirm withdrawal');
    await settle(800);
  },
});

/** Closing with entries asks first. */
export const DiscardPrompt = story({
  drive: async (dialog) => {
    await amount(dialog, '500');
    press(dialog, 'Cancel');
  },
});

/** Chinese texts. */
export const Chinese: StoryObj = { ...story({ drive: (dialog) => amount(dialog, '15000') }), args: { locale: 'zh-CN' } };

/** The answer was lost after the backend acted: frozen, no Back, "Check what happened" or the same withdrawal again. */
export const OutcomeUnknown = story({
  options: { faults: { withdraw: { kind: 'timeout', afterEffect: true, times: 1 }, lookupIntent: { kind: 'offline', times: 1 } } },
  drive: async (dialog) => {
    await toSummary(dialog);
    press(dialog, 'Confirm withdrawal');
  },
});

/** A lookup found the lost withdrawal went through: shown as success, reported once. */
export const ResolvedDone = story({
  options: { faults: { withdraw: { kind: 'timeout', afterEffect: true, times: 1 } } },
  drive: async (dialog) => {
    await toSummary(dialog);
    press(dialog, 'Confirm withdrawal');
    await settle(800);
    press(dialog, 'Check what happened');
  },
});

/** A lookup found the withdrawal was never made: back at the summary, editable, a new key next time. */
export const ResolvedNotDone = story({
  options: { faults: { withdraw: { kind: 'timeout', times: 1 } } },
  drive: async (dialog) => {
    await toSummary(dialog);
    press(dialog, 'Confirm withdrawal');
    await settle(800);
    press(dialog, 'Check what happened');
  },
});
