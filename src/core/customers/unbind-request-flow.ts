import type { PartnerApi } from '../../api/adapter.js';
import type { ApproveUnbindResult, RejectUnbindResult, UnbindRequest } from '../../model/schemas/customer-accounts.js';
import type { IntentLookup } from '../../model/schemas/intents.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import type { KitError } from '../../model/errors.js';
import { ItemIntents, itemBusy } from '../item-intents.js';
import { Store } from '../store.js';
import { apiGetter } from '../api-source.js';
import { refuseText } from '../../model/rules/free-text.js';

/** The backend operations handling unbind requests needs. */
export type UnbindRequestApi = Pick<PartnerApi, 'approveUnbindRequest' | 'rejectUnbindRequest' | 'lookupIntent'>;

/** What the partner decides: approve, or reject with the reason the customer is told. */
export type UnbindDecision = { kind: 'approve' } | { kind: 'reject'; reason: string };

/** A settled decision, with what the backend answered. */
export type UnbindDecisionOutcome = { kind: 'approve'; result: ApproveUnbindResult } | { kind: 'reject'; result: RejectUnbindResult };

/** Asks for a verification code when the partner's policy guards handling unbind requests. */
export type UnbindRequestVerifier = (request: { purpose: 'unbind-request'; unbindRequest: UnbindRequest; decision: UnbindDecision['kind'] }) => Promise<VerificationTicket | undefined>;

/** Why a rejection's reason cannot be sent yet: the customer reads it, so no invisible or control characters either. */
export type ReasonIssue = 'required' | 'too-long' | 'hidden-characters';

/** The longest reason the backend takes. */
export const REASON_MAX = 200;

/**
 * Where handling one request stands: nothing asked; the decision shown (a rejection with its reason
 * being written, and what is wrong with it); a code asked for; the call in flight; refused or failed
 * (the decision stays); of unknown outcome (frozen, reason included, until a retry under the same
 * key or a `check()` settles it); settled as not done; or done, with the backend's answer.
 */
export type UnbindRequestState =
  | { step: 'idle' }
  | { step: 'confirming'; request: UnbindRequest; decision: UnbindDecision; issue: ReasonIssue | undefined }
  | { step: 'verifying' | 'submitting'; request: UnbindRequest; decision: UnbindDecision }
  | { step: 'failed'; request: UnbindRequest; decision: UnbindDecision; error: KitError }
  | { step: 'outcome-unknown'; request: UnbindRequest; decision: UnbindDecision; error: KitError; checking: boolean; stillUnknown: boolean }
  | { step: 'not-done'; request: UnbindRequest; decision: UnbindDecision; error: KitError | undefined }
  | { step: 'done'; request: UnbindRequest; outcome: UnbindDecisionOutcome };

type DecisionCall = { requestId: string; decision: UnbindDecision };

/** A lookup's answer with its done result told apart by the decision it settles. */
const settledAs = <T>(answer: IntentLookup<T>, outcome: (result: T) => UnbindDecisionOutcome): IntentLookup<UnbindDecisionOutcome> =>
  answer.status === 'done' ? { status: 'done', result: outcome(answer.result) } : answer;

const reasonIssue = (reason: string): ReasonIssue | undefined => refuseText(reason, REASON_MAX, { multiline: true })?.reason;

/**
 * Approving or rejecting customers' unbind requests, without any DOM. Each request has its own
 * intent: its idempotency key belongs to the request until the decision is settled, so double
 * clicks, a retry after a timeout or asking again after closing reach the backend as one decision.
 * A request whose decision was lost stays frozen on that decision (approve or reject, and the
 * reason) until a retry or a lookup settles it; asking again about it asks the backend first.
 */
export class UnbindRequestFlow extends Store<UnbindRequestState> {
  readonly #api: () => Promise<UnbindRequestApi>;
  readonly #verify: UnbindRequestVerifier;
  readonly #intents = new ItemIntents<DecisionCall, UnbindDecisionOutcome, UnbindDecision>('ur');

  constructor(options: { api: UnbindRequestApi | (() => Promise<UnbindRequestApi>); verify: UnbindRequestVerifier }) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#verify = options.verify;
  }

  /** Whether a decision is in flight: it cannot be dismissed or replaced until it ends. */
  get busy(): boolean {
    return itemBusy(this.state);
  }

  /** Whether `request`'s last decision was lost: only that decision may be sent for it until settled. */
  frozen(request: UnbindRequest): boolean {
    return this.#intents.lost(request.id) !== undefined;
  }

  /**
   * Opens the decision `kind` on a pending request. A request whose last decision was lost shows
   * that one instead, while the backend is asked about it; resolves with the outcome when that
   * answer says it went through.
   */
  ask(request: UnbindRequest, kind: UnbindDecision['kind']): Promise<UnbindDecisionOutcome | undefined> {
    if (this.busy) return Promise.resolve(undefined);
    const lost = this.#intents.lost(request.id);
    if (lost) {
      this.#go({ step: 'outcome-unknown', request, decision: lost.context, error: lost.error, checking: false, stillUnknown: false });
      return this.check();
    }
    if (request.status === 'pending') this.#go({ step: 'confirming', request, decision: kind === 'approve' ? { kind } : { kind, reason: '' }, issue: undefined });
    return Promise.resolve(undefined);
  }

  /**
   * The rejection's reason as typed, refused at once when too long or holding hidden characters (a
   * paste shows why straight away; a missing reason waits for the confirmation). A lost rejection
   * keeps the reason it was sent with.
   */
  setReason(reason: string): void {
    const state = this.state;
    if (state.step !== 'confirming' && state.step !== 'failed' && state.step !== 'not-done') return;
    if (state.decision.kind !== 'reject') return;
    const issue = reasonIssue(reason);
    this.#go({ step: 'confirming', request: state.request, decision: { kind: 'reject', reason }, issue: issue === 'required' ? undefined : issue });
  }

  /**
   * Sends the decision shown (after an unknown outcome: the same one, same key). Resolves with the
   * outcome; `undefined` when the reason is not ready, when refused or failed (the state says why),
   * or when nothing is asked or one is in flight: a second click calls nothing.
   */
  async confirm(): Promise<UnbindDecisionOutcome | undefined> {
    const state = this.state;
    if (this.busy || state.step === 'idle' || state.step === 'done') return undefined;
    const { request, decision } = state;
    const issue = decision.kind === 'reject' ? reasonIssue(decision.reason) : undefined;
    if (issue) {
      this.#go({ step: 'confirming', request, decision, issue });
      return undefined;
    }
    const sent: UnbindDecision = decision.kind === 'reject' ? { kind: 'reject', reason: decision.reason.trim() } : decision;
    this.#go({ step: 'verifying', request, decision: sent });
    const outcome = await this.#intents.run(request.id, sent, {
      request: { requestId: request.id, decision: sent },
      verify: () => this.#verify({ purpose: 'unbind-request', unbindRequest: request, decision: sent.kind }),
      call: (call, options) => this.#send(call, options),
      onPhase: (step) => this.#go({ step, request, decision: sent }),
    });
    if (outcome.status === 'done') return this.#done(request, outcome.result);
    const { error } = outcome;
    if (outcome.status === 'unknown') this.#go({ step: 'outcome-unknown', request, decision: sent, error, checking: false, stillUnknown: false });
    else this.#go(error.code === 'cancelled' ? { step: 'confirming', request, decision: sent, issue: undefined } : { step: 'failed', request, decision: sent, error });
    return undefined;
  }

  /** Asks the backend what became of the decision whose outcome is unknown. */
  async check(): Promise<UnbindDecisionOutcome | undefined> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return undefined;
    const { request, decision } = state;
    this.#go({ ...state, checking: true });
    const answer = await this.#intents.check(request.id, async (idempotencyKey) => {
      const api = await this.#api();
      return decision.kind === 'approve'
        ? settledAs(await api.lookupIntent({ operation: 'approveUnbindRequest', idempotencyKey }), (result): UnbindDecisionOutcome => ({ kind: 'approve', result }))
        : settledAs(await api.lookupIntent({ operation: 'rejectUnbindRequest', idempotencyKey }), (result): UnbindDecisionOutcome => ({ kind: 'reject', result }));
    });
    if (answer.status === 'done') return this.#done(request, answer.result);
    if (answer.status === 'not-done') this.#go({ step: 'not-done', request, decision, error: answer.error });
    else this.#go({ ...state, error: answer.error ?? state.error, checking: false, stillUnknown: true });
    return undefined;
  }

  /** Closes the decision or its result. A decision in flight is not abandoned: it is still awaited. */
  dismiss(): void {
    if (!this.busy) this.#go({ step: 'idle' });
  }

  async #send({ requestId, decision }: DecisionCall, options: Parameters<UnbindRequestApi['approveUnbindRequest']>[1]): Promise<UnbindDecisionOutcome> {
    const api = await this.#api();
    if (decision.kind === 'approve') return { kind: 'approve', result: await api.approveUnbindRequest({ requestId }, options) };
    return { kind: 'reject', result: await api.rejectUnbindRequest({ requestId, reason: decision.reason }, options) };
  }

  #done(request: UnbindRequest, outcome: UnbindDecisionOutcome): UnbindDecisionOutcome {
    this.#intents.settle(request.id);
    this.#go({ step: 'done', request, outcome });
    return outcome;
  }

  #go(next: UnbindRequestState): void {
    this.replaceState(next);
  }
}
