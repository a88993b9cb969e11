import type { PartnerApi } from '../../api/adapter.js';
import { KitError, outcomeUnknown, toKitError } from '../../model/errors.js';
import { delay } from '../../model/delay.js';
import { REJECT_REASON_MAX, fundsShortfall, paymentBlock, startTimePassed, type PaymentBlock } from '../../model/rules/payments.js';
import { checkFreeText } from '../../model/rules/free-text.js';
import type { OrderPaymentOverview, PaymentAction, PaymentMethod, PayOrderRequest, PayOrderResult, PendingOrder } from '../../model/schemas/payments.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import { MoneyIntent } from '../money-intent.js';
import { Store } from '../store.js';
import type { JobOutcome, OrderPaymentReady, OrderPaymentState, OrderTask, PaidOrder } from './order-payment-state.js';
import { apiGetter } from '../api-source.js';

/** The backend operations paying orders needs. */
export type OrderPaymentApi = Pick<PartnerApi, 'getOrderPaymentOverview' | 'payOrder' | 'rejectOrder' | 'notifyOrderCustomer' | 'lookupIntent' | 'getPaymentStatus'>;

/** Asks for a verification code where the policy guards `pay-order`; rejects with `cancelled` when the user gives up. */
export type OrderPaymentVerifier = (request: { purpose: 'pay-order'; amount: number; currency: string }) => Promise<VerificationTicket | undefined>;

export interface OrderPaymentOptions {
  api: OrderPaymentApi | (() => Promise<OrderPaymentApi>);
  verify: OrderPaymentVerifier;
  /** Told once per order that was paid (by a confirmation, a job or a lookup). */
  onPaid?: (result: PaidOrder) => void;
  now?: () => number;
  /** Least time between two payments of a pay-many job. Default 500 ms. */
  jobIntervalMs?: number;
}

const BALANCE: PaymentMethod = { type: 'balance' };

/**
 * Paying the orders customers asked the partner to pay (代支付), without any DOM. Each order has its
 * own {@link MoneyIntent}: a confirmation, a retry, a reopened order and a pay-many job all reach
 * the backend under that order's key, so an order is paid once whatever the clicks. An order whose
 * service start time has passed is never sent: the customer must order again, and can be told so.
 */
export class OrderPaymentFlow extends Store<OrderPaymentState> {
  readonly #api: () => Promise<OrderPaymentApi>;
  readonly #options: OrderPaymentOptions;
  readonly #now: () => number;
  readonly #intents = new Map<string, MoneyIntent<PayOrderRequest>>();
  /** Notifications and rejections: keyed too, so a retry after a lost answer sends one message. */
  readonly #sideIntents = new Map<string, MoneyIntent<{ orderId: string; reason?: string }>>();
  /** Orders paid through this flow, by id, with what the backend answered. */
  readonly #paid = new Map<string, PaidOrder>();
  /** The last pay-many job's outcomes, which an order paid through its own row updates too. */
  #jobOutcomes = new Map<string, JobOutcome>();
  /** The online payment each order has open: reopened, never paid a second time, until it expires or fails. */
  readonly #actions = new Map<string, PaymentAction>();
  #load: AbortController | undefined;

  constructor(options: OrderPaymentOptions) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Loads the pending orders (again); an order in flight or of unknown outcome stays as it is. */
  async load(): Promise<void> {
    this.#load?.abort();
    const load = new AbortController();
    this.#load = load;
    const before = this.state;
    if (before.step !== 'ready') this.replaceState({ step: 'loading' });
    try {
      const overview = await (await this.#api()).getOrderPaymentOverview({ signal: load.signal });
      if (load !== this.#load) return;
      const now = this.state;
      const orders = overview.orders.filter((o) => !this.#paid.has(o.id));
      this.replaceState(
        now.step === 'ready'
          ? { ...now, overview: { ...overview, orders }, selected: now.selected.filter((id) => orders.some((o) => o.id === id)) }
          : { step: 'ready', overview: { ...overview, orders }, selected: [], task: undefined, job: undefined },
      );
      // New balances (a top-up) may lift or raise the block of the order being chosen for.
      const task = this.#ready()?.task;
      const order = task && this.order(task.orderId);
      if (task?.phase === 'choosing' && order) this.#task({ ...task, block: this.#block(order, task.method) });
    } catch (caught) {
      if (load === this.#load && this.state.step !== 'ready') this.replaceState({ step: 'load-failed', error: toKitError(caught) });
    }
  }

  /** The order by id, while it is listed. */
  order(orderId: string): PendingOrder | undefined {
    const state = this.state;
    return state.step === 'ready' ? state.overview.orders.find((o) => o.id === orderId) : undefined;
  }

  /** Whether the order's service has started: it cannot be paid any more. */
  startPassed(order: PendingOrder): boolean {
    return startTimePassed(order, this.#now());
  }

  /** Opens one order to pay it; one whose service start passed opens on "notify the customer". */
  open(orderId: string): void {
    const state = this.#ready();
    const order = this.order(orderId);
    if (!state || !order || this.#busy(state.task)) return;
    if (this.startPassed(order)) {
      this.#task({ phase: 'start-passed', orderId, notifying: false, notified: false, error: undefined });
      return;
    }
    const action = this.#actions.get(orderId);
    if (action) {
      this.#task({ phase: 'action', orderId, action });
      void this.#recheckAction(orderId, action);
      return;
    }
    const intent = this.#intents.get(orderId);
    if (intent?.outcomeUnknown) {
      this.#task({ phase: 'outcome-unknown', orderId, method: BALANCE, error: undefined, checking: false, checked: false });
      return;
    }
    this.#task({ phase: 'choosing', orderId, method: BALANCE, block: this.#block(order, BALANCE), refusal: undefined });
  }

  setMethod(method: PaymentMethod): void {
    const task = this.#ready()?.task;
    const order = task && this.order(task.orderId);
    if (task?.phase === 'choosing' && order) this.#task({ ...task, method, block: this.#block(order, method), refusal: undefined });
  }

  /** Closes the order's panel; a payment in flight cannot be called back and stays. */
  close(): void {
    const state = this.#ready();
    if (state && !this.#busy(state.task)) this.replaceState({ ...state, task: undefined });
  }

  /** Confirm payment: code where guarded, then one payment under the order's key. Calls in flight join it. */
  confirm(): Promise<void> {
    const task = this.#ready()?.task;
    if (task?.phase === 'verifying' || task?.phase === 'submitting') return task.submission;
    if (task?.phase !== 'choosing' && task?.phase !== 'outcome-unknown') return Promise.resolve();
    const order = this.order(task.orderId);
    if (!order) return Promise.resolve();
    if (task.phase === 'choosing') {
      // Checked again at the click: the start time may have passed while the panel was open.
      const block = this.#block(order, task.method);
      if (block === 'start-passed') return Promise.resolve(this.open(order.id));
      if (block) return Promise.resolve(this.#task({ ...task, block }));
    }
    const { method } = task;
    const submission: Promise<void> = Promise.resolve().then(() => this.#submit(order, method, submission));
    this.#task({ phase: 'verifying', orderId: order.id, method, submission });
    return submission;
  }

  /** Asks the backend what became of the order's payment whose outcome is unknown. */
  async check(): Promise<void> {
    const task = this.#ready()?.task;
    if (task?.phase !== 'outcome-unknown' || task.checking) return;
    const intent = this.#intentOf(task.orderId);
    this.#task({ ...task, checking: true });
    let settled;
    try {
      const api = await this.#api();
      settled = await intent.resolve((idempotencyKey) => api.lookupIntent({ operation: 'payOrder', idempotencyKey }));
    } catch (caught) {
      settled = { status: 'unknown' as const, error: toKitError(caught) };
    }
    const order = this.order(task.orderId);
    if (settled.status === 'done') {
      if (settled.result.status === 'action-required') this.#openAction(task.orderId, settled.result.action);
      else this.#settle(task.orderId, settled.result, true);
    } else if (settled.status === 'unknown' || !order) this.#task({ ...task, checking: false, checked: true, error: settled.error });
    else this.#task({ phase: 'choosing', orderId: order.id, method: task.method, block: undefined, refusal: settled.error });
  }

  /** Tells the customer the order can no longer be paid and must be placed again. */
  async notifyCustomer(): Promise<void> {
    const task = this.#ready()?.task;
    if (task?.phase !== 'start-passed' || task.notifying || task.notified) return;
    this.#task({ ...task, notifying: true, error: undefined });
    try {
      const api = await this.#api();
      await this.#sideIntent(`notify:${task.orderId}`).run({ orderId: task.orderId }, { verify: noCode, call: (request, options) => api.notifyOrderCustomer(request, options) });
      this.#task({ ...task, notifying: false, notified: true });
    } catch (caught) {
      this.#task({ ...task, notifying: false, error: toKitError(caught) });
    }
  }

  /** Starts turning a request down: the reason is asked for. */
  beginReject(orderId: string): void {
    const state = this.#ready();
    if (!state || !this.order(orderId) || this.#busy(state.task)) return;
    // A rejection that may have gone through reopens on the reason it was sent with, to be sent again as it was.
    const lost = this.#sideIntents.get(`reject:${orderId}`)?.frozen;
    this.#task({ phase: 'rejecting', orderId, reason: lost?.request.reason ?? '', busy: false, error: lost?.error });
  }

  /** Changes the reason; not while a rejection that may have gone through waits to be sent again as it was. */
  setReason(reason: string): void {
    const task = this.#ready()?.task;
    if (task?.phase !== 'rejecting' || task.busy || this.#sideIntents.get(`reject:${task.orderId}`)?.outcomeUnknown) return;
    this.#task({ ...task, reason, error: undefined });
  }

  /** Rejects the request with the reason given: it goes back to the customer. */
  async reject(): Promise<void> {
    const task = this.#ready()?.task;
    if (task?.phase !== 'rejecting' || task.busy) return;
    // The customer reads it: refused at the field when empty, too long or holding invisible characters.
    const checked = checkFreeText(task.reason, REJECT_REASON_MAX, { multiline: true });
    if (!checked.ok) {
      this.#task({ ...task, error: new KitError('validation', 'The reason was refused.', { reason: REASON_REFUSALS[checked.reason] }) });
      return;
    }
    const reason = checked.value;
    this.#task({ ...task, busy: true, error: undefined });
    try {
      const api = await this.#api();
      await this.#sideIntent(`reject:${task.orderId}`).run({ orderId: task.orderId, reason }, { verify: noCode, call: (request, options) => api.rejectOrder({ orderId: request.orderId, reason }, options) });
      this.#drop(task.orderId);
      this.#task({ phase: 'rejected', orderId: task.orderId });
    } catch (caught) {
      this.#task({ ...task, busy: false, error: toKitError(caught) });
    }
  }

  // ── Paying many ──────────────────────────────────────────────────────────────────────────────

  toggleSelect(orderId: string): void {
    const state = this.#ready();
    if (!state || state.job?.running) return;
    const selected = state.selected.includes(orderId) ? state.selected.filter((id) => id !== orderId) : [...state.selected, orderId];
    this.replaceState({ ...state, selected });
  }

  /** The selected orders' total, and which balance it overdraws, if any. */
  selection(): { total: number; shortfall: 'balance-insufficient' | 'allocatable-insufficient' | undefined; startPassed: number } {
    const state = this.#ready();
    if (!state) return { total: 0, shortfall: undefined, startPassed: 0 };
    const orders = state.selected.map((id) => this.order(id)).filter((o): o is PendingOrder => o !== undefined);
    const total = orders.reduce((sum, o) => sum + o.amount, 0);
    return { total, shortfall: fundsShortfall(state.overview, total), startPassed: orders.filter((o) => this.startPassed(o)).length };
  }

  /** Pays the selected orders from the balance, one at a time at the job's rate, each under its own key. */
  payMany(): Promise<void> {
    const state = this.#ready();
    if (!state || state.job?.running || state.selected.length === 0 || this.selection().shortfall) return Promise.resolve();
    return this.#runJob(state.selected);
  }

  /** Pays again only the orders of the last job that failed or whose outcome is unknown (same keys for those). */
  retryFailed(): Promise<void> {
    const job = this.#ready()?.job;
    if (!job || job.running) return Promise.resolve();
    const again = [...job.outcomes].filter(([, o]) => o.status === 'failed' || o.status === 'unknown').map(([id]) => id);
    return again.length > 0 ? this.#runJob(again, job.outcomes) : Promise.resolve();
  }

  async #runJob(ids: readonly string[], earlier: ReadonlyMap<string, JobOutcome> = new Map()): Promise<void> {
    const outcomes = new Map(earlier);
    this.#jobOutcomes = outcomes;
    for (const id of ids) outcomes.set(id, { status: 'waiting' });
    const report = (running: boolean) => {
      const now = this.#ready();
      if (now) this.replaceState({ ...now, job: { running, outcomes: new Map(outcomes) } });
    };
    report(true);
    let first = true;
    for (const id of ids) {
      const order = this.order(id);
      // Paid meanwhile through its own row: the job reports it so, and does not pay it again.
      const paid = this.#paid.get(id);
      if (paid) outcomes.set(id, { status: 'paid', result: paid });
      if (paid || !order) continue;
      if (!first) await delay(this.#options.jobIntervalMs ?? 500);
      first = false;
      outcomes.set(id, { status: 'running' });
      report(true);
      const online = this.#actions.has(id) ? await this.#onlinePayment(id) : 'ended';
      if (online !== 'ended') {
        outcomes.set(id, online === 'open' ? { status: 'failed', error: paymentOpen() } : { status: 'paid', result: online });
        continue;
      }
      const block = this.#block(order, BALANCE);
      if (block) {
        outcomes.set(id, { status: 'failed', error: new KitError(block === 'start-passed' ? 'conflict' : 'insufficient-funds', block, { reason: block }) });
        continue;
      }
      try {
        const result = await this.#pay(order, BALANCE);
        if (result.status === 'paid') outcomes.set(id, { status: 'paid', result });
      } catch (caught) {
        const error = toKitError(caught);
        outcomes.set(id, { status: outcomeUnknown(error) ? 'unknown' : 'failed', error });
      }
      report(true);
    }
    const now = this.#ready();
    if (now) this.replaceState({ ...now, selected: now.selected.filter((id) => !this.#paid.has(id)), job: { running: false, outcomes: new Map(outcomes) } });
  }

  async #submit(order: PendingOrder, method: PaymentMethod, submission: Promise<void>): Promise<void> {
    try {
      const result = await this.#pay(order, method, (phase) => this.#task({ phase, orderId: order.id, method, submission }));
      if (result.status === 'action-required') this.#openAction(order.id, result.action);
      else this.#task({ phase: 'paid', orderId: order.id, result, recovered: false });
    } catch (caught) {
      const error = toKitError(caught);
      if (outcomeUnknown(error)) this.#task({ phase: 'outcome-unknown', orderId: order.id, method, error, checking: false, checked: false });
      else if (error.reason === 'start-time-passed') this.#task({ phase: 'start-passed', orderId: order.id, notifying: false, notified: false, error: undefined });
      else this.#task({ phase: 'choosing', orderId: order.id, method, block: undefined, refusal: error.code === 'cancelled' ? undefined : error });
    }
  }

  /** One payment of `order` under its own key; a paid answer settles the order at once. */
  async #pay(order: PendingOrder, method: PaymentMethod, onPhase?: (phase: 'verifying' | 'submitting') => void): Promise<PayOrderResult> {
    const api = await this.#api();
    const state = this.#ready();
    const result = await this.#intentOf(order.id).run(
      { orderId: order.id, method },
      {
        verify: () => this.#options.verify({ purpose: 'pay-order', amount: order.amount, currency: state?.overview.currency ?? order.currency }),
        call: (request, options) => api.payOrder(request, options),
        ...(onPhase ? { onPhase } : {}),
      },
    );
    if (result.status === 'paid') this.#settle(order.id, result, false, false);
    return result;
  }

  #openAction(orderId: string, action: PaymentAction): void {
    this.#actions.set(orderId, action);
    this.#task({ phase: 'action', orderId, action });
  }

  /**
   * Where the order's open online payment stands: still `open` (or not known to have ended, rather
   * than risk a second payment), `ended` (expired or failed: forgotten, the order may be paid
   * again), or paid (the order is settled, without touching the balance).
   */
  async #onlinePayment(orderId: string): Promise<'open' | 'ended' | PaidOrder> {
    const action = this.#actions.get(orderId);
    if (!action) return 'ended';
    let status;
    try {
      status = await (await this.#api()).getPaymentStatus({ paymentId: action.paymentId });
    } catch {
      return 'open';
    }
    if (status.status === 'pending') return 'open';
    this.#actions.delete(orderId);
    const order = this.order(orderId);
    if (status.status !== 'paid' || !order) return 'ended';
    const result: PaidOrder = { status: 'paid', orderId, amount: order.amount, currency: order.currency, paidAt: new Date(this.#now()).toISOString() };
    this.#settle(orderId, result, true, false, false);
    return result;
  }

  /** A reopened order shows its open payment at once; once the backend says it ended, the panel moves on. */
  async #recheckAction(orderId: string, action: PaymentAction): Promise<void> {
    const online = await this.#onlinePayment(orderId);
    const task = this.#ready()?.task;
    if (online === 'open' || task?.phase !== 'action' || task.action !== action) return;
    if (online === 'ended') this.open(orderId);
    else this.#task({ phase: 'paid', orderId, result: online, recovered: true });
  }

  /** Records a paid order once: off the list, balances down (for a balance payment), `onPaid` told. */
  #settle(orderId: string, result: PaidOrder, recovered: boolean, show = true, debit = true): void {
    if (!this.#paid.has(orderId)) {
      this.#paid.set(orderId, result);
      this.#settleInJob(orderId, result);
      const state = this.#ready();
      if (state && debit) {
        const { overview } = state;
        this.replaceState({
          ...state,
          overview: { ...overview, accountBalance: Math.max(0, overview.accountBalance - result.amount), allocatableBalance: Math.max(0, overview.allocatableBalance - result.amount) },
        });
      }
      this.#drop(orderId);
      this.#options.onPaid?.(result);
    }
    if (show) this.#task({ phase: 'paid', orderId, result, recovered });
  }

  /** An order of the last job paid through its own row (during the job or after): the job's panel says so. */
  #settleInJob(orderId: string, result: PaidOrder): void {
    const state = this.#ready();
    const job = state?.job;
    if (!state || !job || !this.#jobOutcomes.has(orderId)) return;
    this.#jobOutcomes.set(orderId, { status: 'paid', result });
    this.replaceState({ ...state, job: { running: job.running, outcomes: new Map(this.#jobOutcomes) } });
  }

  #drop(orderId: string): void {
    const state = this.#ready();
    if (!state) return;
    const overview: OrderPaymentOverview = { ...state.overview, orders: state.overview.orders.filter((o) => o.id !== orderId) };
    this.replaceState({ ...state, overview, selected: state.selected.filter((id) => id !== orderId) });
  }

  #block(order: PendingOrder, method: PaymentMethod): PaymentBlock | undefined {
    const state = this.#ready();
    return state ? paymentBlock(order, method, state.overview, this.#now()) : undefined;
  }

  #intentOf(orderId: string): MoneyIntent<PayOrderRequest> {
    let intent = this.#intents.get(orderId);
    if (!intent) {
      intent = new MoneyIntent('pay', this.#now);
      this.#intents.set(orderId, intent);
    }
    return intent;
  }

  #sideIntent(name: string): MoneyIntent<{ orderId: string; reason?: string }> {
    let intent = this.#sideIntents.get(name);
    if (!intent) {
      intent = new MoneyIntent(name.slice(0, 3), this.#now);
      this.#sideIntents.set(name, intent);
    }
    return intent;
  }

  #busy(task: OrderTask | undefined): boolean {
    return task?.phase === 'verifying' || task?.phase === 'submitting' || (task?.phase === 'outcome-unknown' && task.checking);
  }

  #task(task: OrderTask): void {
    const state = this.#ready();
    if (state) this.replaceState({ ...state, task });
  }

  #ready(): OrderPaymentReady | undefined {
    const state = this.state;
    return state.step === 'ready' ? state : undefined;
  }
}

const noCode = () => Promise.resolve(undefined);

/** The error reason of each way a typed rejection reason is refused. */
const REASON_REFUSALS = { required: 'reason-missing', 'too-long': 'reason-too-long', 'hidden-characters': 'reason-hidden-characters' } as const;

const paymentOpen = () => new KitError('conflict', 'An online payment of this order is still open.', { reason: 'payment-open' });
