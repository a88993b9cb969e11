import type { PartnerApi } from '../../api/adapter.js';
import { type KitError, outcomeUnknown, toKitError } from '../../model/errors.js';
import type { CreateTopUpRequest, PaymentStatus } from '../../model/schemas/payments.js';
import { MoneyIntent } from '../money-intent.js';
import { checkAmountBounds, parseAmount } from '../money.js';
import { Store } from '../store.js';
import type { CompletedTopUp, OpenTopUp, RedirectPaymentAction, TopUpState } from './top-up-state.js';
import { apiGetter } from '../api-source.js';
import { lookUpLost } from './top-up-intent.js';

/** The backend operations an online top-up needs. */
export type TopUpApi = Pick<PartnerApi, 'createTopUp' | 'getPaymentStatus' | 'lookupIntent'>;

export interface TopUpOptions {
  api: TopUpApi | (() => Promise<TopUpApi>);
  /** The currency amounts are typed in (its decimals bound the amount). Default CNY. */
  currency?: () => string;
  /** Told once per top-up whose action is a payment page: the caller opens it (or lets the host). */
  onRedirect?: (topUp: OpenTopUp & { action: RedirectPaymentAction }) => void;
  /** Told once per top-up that was paid. */
  onCompleted?: (completed: CompletedTopUp) => void;
  now?: () => number;
  /** Time between two status polls while the payer pays. Default 3 s. */
  pollIntervalMs?: number;
}

/**
 * An online top-up of the partner account, without any DOM or timer: amount → one top-up under an
 * idempotency key (a lost answer freezes it until a lookup or a retry of the same amount settles it)
 * → the payment action → the payment's status until it is paid, expired or failed. The clock
 * belongs to the caller: {@link tick} polls when a poll is due, so a test drives time by hand.
 */
export class TopUpFlow extends Store<TopUpState> {
  readonly #api: () => Promise<TopUpApi>;
  readonly #options: TopUpOptions;
  readonly #now: () => number;
  readonly #intent: MoneyIntent<CreateTopUpRequest>;
  readonly #completed = new Set<string>();
  readonly #redirected = new Set<string>();
  #statusCheck: Promise<void> | undefined;

  constructor(options: TopUpOptions) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    this.#intent = new MoneyIntent('top', this.#now);
  }

  /** Makes sure there is an adapter to top up through (a missing one under `require-api` shows at once). */
  async start(): Promise<void> {
    const step = this.state.step;
    if (step !== 'idle' && step !== 'load-failed') return;
    try {
      await this.#api();
      this.replaceState(editing(''));
    } catch (caught) {
      this.replaceState({ step: 'load-failed', error: toKitError(caught) });
    }
  }

  /** Tries the adapter again after a failed start: one that arrived later (a token fetched first) may be there now. */
  retryStart(): Promise<void> {
    return this.state.step === 'load-failed' ? this.start() : Promise.resolve();
  }

  setAmount(amount: string): void {
    if (this.state.step === 'editing') this.replaceState(editing(amount));
  }

  /** Next: checks the amount as every amount is checked, then opens one top-up. Calls in flight join it. */
  next(): Promise<void> {
    const state = this.state;
    if (state.step === 'creating') return state.submission;
    if (state.step !== 'editing') return Promise.resolve();
    const parsed = parseAmount(state.amount, this.#options.currency?.() ?? 'CNY');
    const issue = parsed.ok ? checkAmountBounds(parsed.minor) : parsed.reason;
    if (!parsed.ok || issue) {
      this.replaceState({ ...state, issue, refusal: undefined });
      return Promise.resolve();
    }
    return this.#create(state.amount, parsed.minor);
  }

  /** Sends the same top-up again after a lost answer: same amount, same key, so it is opened once. */
  retry(): Promise<void> {
    const state = this.state;
    if (state.step === 'creating') return state.submission;
    if (state.step !== 'outcome-unknown' || state.checking) return Promise.resolve();
    return this.#create(state.amount, state.minor);
  }

  /** Asks the backend what became of the top-up whose answer was lost. */
  async check(): Promise<void> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return;
    this.replaceState({ ...state, checking: true });
    const settled = await lookUpLost(this.#intent, this.#api, 'createTopUp');
    if (settled.status === 'done') this.#await(state.amount, settled.result);
    else if (settled.status === 'unknown') this.replaceState({ ...state, checking: false, checked: true, error: settled.error });
    else this.replaceState({ ...editing(state.amount, settled.error), notDone: true });
  }

  /** "I have paid": asks for the payment's status now. A check in flight is joined. */
  checkPayment(): Promise<void> {
    if (this.state.step !== 'awaiting-payment') return Promise.resolve();
    this.#statusCheck ??= this.#checkStatus().finally(() => {
      this.#statusCheck = undefined;
    });
    return this.#statusCheck;
  }

  /**
   * Called on every tick of the caller's clock while the payer pays: checks the status when a poll
   * is due, and at once when the code expires. Answers whether the flow still waits for the payer.
   */
  tick(): boolean {
    const state = this.state;
    if (state.step !== 'awaiting-payment') return false;
    const now = this.#now();
    const expired = (this.secondsLeft() ?? 1) <= 0;
    if (!state.checking && (expired || now - state.polledAt >= (this.#options.pollIntervalMs ?? 3000))) void this.checkPayment();
    return true;
  }

  /** Whole seconds until the QR code expires (0 once it has); `undefined` for a payment page. */
  secondsLeft(): number | undefined {
    const state = this.state;
    if (state.step !== 'awaiting-payment' || state.topUp.action.kind !== 'qr') return undefined;
    return Math.max(0, Math.ceil((Date.parse(state.topUp.action.expiresAt) - this.#now()) / 1000));
  }

  /** Back to the amount: after an expired or failed payment with the amount kept, after a paid one empty. */
  startOver(): void {
    const state = this.state;
    if (state.step === 'expired' || state.step === 'failed') this.replaceState(editing(state.amount));
    else if (state.step === 'paid') this.replaceState(editing(''));
  }

  #create(amount: string, minor: number): Promise<void> {
    const submission: Promise<void> = Promise.resolve().then(async () => {
      try {
        const api = await this.#api();
        const topUp = await this.#intent.run({ amount: minor }, { verify: noCode, call: (request, options) => api.createTopUp(request, options) });
        this.#await(amount, topUp);
      } catch (caught) {
        const error = toKitError(caught);
        if (outcomeUnknown(error) || this.#intent.outcomeUnknown) this.replaceState({ step: 'outcome-unknown', amount, minor, error, checking: false, checked: false });
        else this.replaceState(editing(amount, error));
      }
    });
    this.replaceState({ step: 'creating', amount, minor, submission });
    return submission;
  }

  #await(amount: string, topUp: OpenTopUp): void {
    this.replaceState({ step: 'awaiting-payment', amount, topUp, checking: false, polledAt: this.#now(), error: undefined });
    const { action } = topUp;
    if (action.kind === 'redirect' && !this.#redirected.has(topUp.topUpId)) {
      this.#redirected.add(topUp.topUpId);
      this.#options.onRedirect?.({ ...topUp, action });
    }
  }

  async #checkStatus(): Promise<void> {
    const state = this.state;
    if (state.step !== 'awaiting-payment') return;
    this.replaceState({ ...state, checking: true });
    let status: PaymentStatus;
    try {
      status = await (await this.#api()).getPaymentStatus({ paymentId: state.topUp.action.paymentId });
    } catch (caught) {
      // The payment itself is unaffected by a failed poll: keep waiting, say so, poll again.
      this.#stillWaiting(state.topUp, toKitError(caught));
      return;
    }
    switch (status.status) {
      case 'pending':
        this.#stillWaiting(state.topUp, undefined);
        break;
      case 'paid':
        this.#complete({ topUpId: state.topUp.topUpId, amount: state.topUp.amount, currency: status.currency, balance: status.balance });
        break;
      case 'expired':
      case 'failed':
        this.replaceState({ step: status.status, amount: state.amount, topUp: state.topUp });
    }
  }

  #stillWaiting(topUp: OpenTopUp, error: KitError | undefined): void {
    const state = this.state;
    if (state.step === 'awaiting-payment' && state.topUp.topUpId === topUp.topUpId) this.replaceState({ ...state, checking: false, polledAt: this.#now(), error });
  }

  #complete(completed: CompletedTopUp): void {
    this.replaceState({ step: 'paid', completed });
    if (this.#completed.has(completed.topUpId)) return;
    this.#completed.add(completed.topUpId);
    this.#options.onCompleted?.(completed);
  }
}

const noCode = () => Promise.resolve(undefined);

const editing = (amount: string, refusal?: KitError): Extract<TopUpState, { step: 'editing' }> => ({ step: 'editing', amount, issue: undefined, refusal, notDone: false });
