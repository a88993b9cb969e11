/**
 * What an issue needs only once it is sent: the money intent that keeps one key per order, the
 * call and the check after a lost answer, and the reading of the backend's answer per customer.
 * `IssueFlow` fetches it on the first submission, so a page pays for it when a partner issues, not
 * when the form shows. It takes what it needs of the flow as an {@link IssueDesk} rather than
 * importing the flow's code, so no module sits both up front and in this part.
 * @module
 */
import type { IssueCouponsRequest, IssueCouponsResult } from '../../model/schemas/coupons.js';
import type { KitError } from '../../model/errors.js';
import { outcomeUnknown, toKitError } from '../../model/errors.js';
import { MoneyIntent } from '../money-intent.js';
import { readOutcomes, type CustomerOutcome } from './issue-outcome.js';
import type { IssueApi, IssueOrder, IssueReport, IssueSettled, IssueState, IssueVerifier } from './issue-flow.js';

/** What the sending code reads and changes of the `IssueFlow` that fetched it. */
export interface IssueDesk {
  state: () => IssueState;
  go: (next: IssueState) => void;
  api: () => Promise<IssueApi>;
  verify: IssueVerifier;
  now: () => number;
  loadQuotas: () => Promise<void>;
}

/**
 * Sends the orders of one `IssueFlow` and checks those whose outcome was lost, under one intent
 * from the first submission on: a retry of the same order keeps its key, an unknown outcome
 * freezes it until a retry or a check settles it.
 */
export class IssueSender {
  readonly #desk: IssueDesk;
  readonly #intent: MoneyIntent<IssueCouponsRequest>;

  constructor(desk: IssueDesk) {
    this.#desk = desk;
    this.#intent = new MoneyIntent('iss', desk.now);
  }

  /** Sends `order` (the flow shows it as `verifying`); the report when the backend answered. */
  async send(order: IssueOrder, earlier: readonly CustomerOutcome[]): Promise<IssueReport | undefined> {
    const desk = this.#desk;
    const { quota, faceValue, customers } = order;
    try {
      const api = await desk.api();
      const answer = await this.#intent.run(order.request, {
        verify: () => desk.verify({ purpose: 'issue-coupon', customers: customers.length, faceValue, currency: quota.currency }),
        call: (body, options) => api.issueCoupons(body, options),
        onPhase: (step) => desk.go({ ...this.#base(), step, order, earlier }),
      });
      return this.#answered(order, earlier, answer, undefined);
    } catch (caught) {
      const error = toKitError(caught);
      if (outcomeUnknown(error) && this.#intent.outcomeUnknown) {
        desk.go({ ...this.#base(), step: 'outcome-unknown', order, earlier, error, checking: false, stillUnknown: false });
        void desk.loadQuotas();
      } else this.#settle(order, earlier, error.code === 'cancelled' ? undefined : error, undefined);
      return undefined;
    }
  }

  /** Asks the backend what became of the order whose outcome is unknown (see `IssueFlow.check`). */
  async check(): Promise<IssueReport | undefined> {
    const desk = this.#desk;
    const state = desk.state();
    if (state.step !== 'outcome-unknown' || state.checking) return undefined;
    const { order, earlier } = state;
    desk.go({ ...state, checking: true });
    const answer = await this.#intent.resolve(async (idempotencyKey) => (await desk.api()).lookupIntent({ operation: 'issueCoupons', idempotencyKey }));
    if (answer.status === 'done') return this.#answered(order, earlier, answer.result, 'done');
    if (answer.status === 'not-done') {
      this.#settle(order, earlier, answer.error, 'not-done');
      void desk.loadQuotas();
    } else desk.go({ ...state, error: answer.error ?? state.error, checking: false, stillUnknown: true });
    return undefined;
  }

  /** Drops the order in hand: the next one is a new intent. */
  forget(): void {
    this.#intent.forget();
  }

  #base() {
    const { draft, quotas } = this.#desk.state();
    return { draft, quotas };
  }

  /** The backend answered `order`: the result per customer, and the report for the element's event. */
  #answered(order: IssueOrder, earlier: readonly CustomerOutcome[], answer: IssueCouponsResult, settled: IssueSettled | undefined): IssueReport {
    const { quota, faceValue, customers } = order;
    const { outcomes, unexpected } = readOutcomes(customers, answer, earlier);
    this.#desk.go({ ...this.#base(), step: 'result', order, outcomes, errors: {}, failure: unexpected, settled });
    void this.#desk.loadQuotas();
    return {
      quotaId: quota.id,
      kind: quota.kind,
      faceValue,
      currency: quota.currency,
      issued: answer.issued,
      failed: answer.failed.map((f) => ({ customerId: f.customerId, reason: f.error.reason ?? f.error.code })),
    };
  }

  /** `order` did not go through: back where it was sent from, saying why. */
  #settle(order: IssueOrder, earlier: readonly CustomerOutcome[], failure: KitError | undefined, settled: IssueSettled | undefined): void {
    if (earlier.length > 0) this.#desk.go({ ...this.#base(), step: 'result', order, outcomes: earlier, errors: {}, failure, settled });
    else this.#desk.go({ ...this.#base(), step: 'editing', errors: {}, failure, settled });
  }
}
