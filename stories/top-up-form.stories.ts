import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/partner-kit-provider.js';
import '../src/top-up-form.js';
import type { TopUpForm } from '../src/top-up-form.js';
import type { MemoryAdapterOptions, MemoryPartnerApi } from '../src/api/memory/index.js';
import { memoryStory, type Play } from './support/memory-story.js';
import { apiArrival } from '../src/controllers/kit-controller.js';

/**
 * Tops up the partner account three ways: online (amount, then a QR code or a payment page until it
 * is paid), by bank transfer to a dedicated remittance account, or by claiming an offline remittance.
 */
const meta: Meta = {
  title: 'Elements/top-up-form',
  component: 'top-up-form',
  args: { locale: 'en-US', view: 'online' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] },
    view: { control: 'inline-radio', options: ['online', 'transfer', 'claim'] },
  },
};
export default meta;

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (canvas: HTMLElement) => (canvas.querySelector('top-up-form') as TopUpForm).shadowRoot as ShadowRoot;

/** Types `amount` and presses Next, as a user would. */
async function next(canvas: HTMLElement, amount: string): Promise<void> {
  await settle();
  const input = shadow(canvas).querySelector<HTMLInputElement>('#amount');
  if (!input) return;
  input.value = amount;
  input.dispatchEvent(new Event('input'));
  shadow(canvas).querySelector('form')?.requestSubmit();
  await settle();
}

const press = (canvas: HTMLElement, index: number) => shadow(canvas).querySelectorAll<HTMLButtonElement>('button')[index]?.click();

/** Passes the remittance-account code through the backend, as a user reading the SMS would. */
const passCode = (api: MemoryPartnerApi) => async ({ purpose }: { purpose: string }) => {
  await api.sendVerificationCode({ purpose, channel: 'sms' });
  return api.checkVerificationCode({ purpose, channel: 'sms', code: api.outbox.at(-1)?.code ?? '' });
};

/** Presses the button whose text is `label`, once it is there. */
async function pressNamed(canvas: HTMLElement, label: string): Promise<void> {
  await settle();
  [...shadow(canvas).querySelectorAll('button')].find((b) => b.textContent?.trim() === label)?.click();
  await settle();
}

/** Claim: searches by remitter and opens the claim of the first match. */
async function openClaim(canvas: HTMLElement, remitter = '张伟'): Promise<void> {
  await settle();
  const input = shadow(canvas).querySelector<HTMLInputElement>('#search-remitterName');
  if (!input) return;
  input.value = remitter;
  input.dispatchEvent(new Event('input'));
  shadow(canvas).querySelector<HTMLFormElement>('form[part=search]')?.requestSubmit();
  await settle(600);
  shadow(canvas).querySelector<HTMLButtonElement>('[data-claim]')?.click();
  await settle();
}

/** Chooses a voucher file, as the picker would. */
function pickVoucher(canvas: HTMLElement, file = new File([new Uint8Array(2048)], 'voucher.png', { type: 'image/png' })): void {
  const input = shadow(canvas).querySelector<HTMLInputElement>('#voucher');
  if (!input) return;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

const story = (options: MemoryAdapterOptions = {}, play?: Play, view = 'online'): StoryObj =>
  memoryStory('top-up-form', options, play, {
    args: { view },
    setup: (element, api, args) => {
      Object.assign(element, { verifier: passCode(api) });
      element.setAttribute('view', String(args['view']));
    },
  });

/** The amount form, empty. */
export const Amount = story();

/** An amount the kit refuses: three decimals. */
export const AmountRefused = story({}, (canvas) => next(canvas, '10.005'));

/** The QR code to scan, its countdown running, polled every 3 s. */
export const QrCode = story({}, (canvas) => next(canvas, '1,000'));

/** The payer paid: the new balance. */
export const Paid = story({}, async (canvas, api) => {
  await next(canvas, '1,000');
  api.settlePayment(api.payments.lastPaymentId() ?? '', 'paid');
  press(canvas, 0);
});

/** The payer gave up in the payment app. */
export const Failed = story({}, async (canvas, api) => {
  await next(canvas, '1,000');
  api.settlePayment(api.payments.lastPaymentId() ?? '', 'failed');
  press(canvas, 0);
});

/** The answer to Next was lost after the backend opened the top-up: frozen until checked or sent again. */
export const OutcomeUnknown = story({ faults: { createTopUp: { kind: 'timeout', afterEffect: true, times: 1 } } }, (canvas) => next(canvas, '1,000'));

/** The backend is busy: back on the form with the amount kept. */
export const RateLimited = story({ faults: { createTopUp: { kind: 'rate-limited', times: 1, retryAfterSeconds: 30 } } }, (canvas) => next(canvas, '1,000'));

/** No adapter under a provider with `require-api`: the form says it cannot be used (here at once, not after the 5 s a page waits for its api). */
export const LoadFailed: StoryObj = {
  beforeEach: () => {
    apiArrival.waitMs = 0;
    return () => void (apiArrival.waitMs = 5000);
  },
  render: (args) => html`<partner-kit-provider require-api locale=${args['locale']}><top-up-form></top-up-form></partner-kit-provider>`,
};

const expiry = { offsetMs: 0 };

/** The code expired before the payer paid (the backend's clock moved 16 minutes on). */
export const Expired = story({ now: () => Date.now() + expiry.offsetMs }, async (canvas) => {
  expiry.offsetMs = 0;
  await next(canvas, '1,000');
  expiry.offsetMs = 16 * 60_000;
  press(canvas, 0);
});

/** Bank transfer, first use: the dedicated account needs a verification code to enable. */
export const TransferNotEnabled = story({}, undefined, 'transfer');

/** The enabled account: masked number (eye to reveal, then copy), reference, SMS, proof, payers, transfers. */
export const TransferAccount = story({}, (canvas) => pressNamed(canvas, 'Verify and enable'), 'transfer');

/** The details were texted: where they went, and the wait before the next SMS. */
export const TransferSmsSent = story(
  {},
  async (canvas) => {
    await pressNamed(canvas, 'Verify and enable');
    await pressNamed(canvas, 'Send the details by SMS');
  },
  'transfer',
);

/** A payer name twice: the message sits at the field and nothing is sent. */
export const TransferPayerRefused = story(
  {},
  async (canvas) => {
    await pressNamed(canvas, 'Verify and enable');
    for (const index of [0, 1]) {
      await pressNamed(canvas, 'Add a payer');
      const input = shadow(canvas).querySelector<HTMLInputElement>(`#payer-${index}`);
      if (input) {
        input.value = '杭州云帆科技有限公司';
        input.dispatchEvent(new Event('input'));
      }
    }
    await pressNamed(canvas, 'Save payers');
  },
  'transfer',
);

/** The answer to enabling was lost after the backend acted: frozen until checked or sent again. */
export const TransferEnableUnknown = story(
  { faults: { enableRemittanceAccount: { kind: 'timeout', afterEffect: true, times: 1 } } },
  (canvas) => pressNamed(canvas, 'Verify and enable'),
  'transfer',
);

/** Claim an offline remittance: the search, and the claim records. */
export const ClaimSearch = story({}, undefined, 'claim');

/** What a search by remitter found. */
export const ClaimResults = story(
  {},
  async (canvas) => {
    await settle();
    const input = shadow(canvas).querySelector<HTMLInputElement>('#search-remitterName');
    if (!input) return;
    input.value = '张伟';
    input.dispatchEvent(new Event('input'));
    shadow(canvas).querySelector<HTMLFormElement>('form[part=search]')?.requestSubmit();
  },
  'claim',
);

/** The claim form with a voucher of the wrong type, refused before any upload. */
export const ClaimVoucherRefused = story(
  {},
  async (canvas) => {
    await openClaim(canvas);
    pickVoucher(canvas, new File([new Uint8Array(10)], 'voucher.gif', { type: 'image/gif' }));
  },
  'claim',
);

/** The answer to the claim was lost after the backend acted: frozen until checked or sent again. */
export const ClaimOutcomeUnknown = story(
  { faults: { claimRemittance: { kind: 'timeout', afterEffect: true, times: 1 } } },
  async (canvas) => {
    await openClaim(canvas);
    pickVoucher(canvas);
    await pressNamed(canvas, 'Confirm claim');
  },
  'claim',
);

/** Claimed: under review, in the claim records. */
export const Claimed = story(
  {},
  async (canvas) => {
    await openClaim(canvas);
    pickVoucher(canvas);
    await pressNamed(canvas, 'Confirm claim');
  },
  'claim',
);

/** A claim the review rejected, with why (shown when the claims tab is opened again). */
export const ClaimRejected = story(
  {},
  async (canvas, api) => {
    await openClaim(canvas);
    pickVoucher(canvas);
    await pressNamed(canvas, 'Confirm claim');
    const claim = (await api.listRemittanceClaims({ offset: 0, limit: 1 })).items[0];
    if (claim) api.reviewClaim(claim.id, 'rejected', 'The voucher does not show the remitting account.');
    shadow(canvas).querySelector<HTMLButtonElement>('#tab-online')?.click();
    await settle();
    shadow(canvas).querySelector<HTMLButtonElement>('#tab-claim')?.click();
  },
  'claim',
);
