import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationChannel, VerificationTicket } from '../../model/schemas/verification.js';
import { KitError, toKitError } from '../../model/errors.js';
import { needsVerification } from '../../model/rules/verification-policy.js';
import { Store } from '../store.js';
import { maskEmail, maskMobile } from '../masks.js';
import { normalizeCode } from './normalize-code.js';
import { codeClock, type SentCode } from './code-clock.js';
import { cancelledError } from './cancelled.js';
import { CLOSED, desk, deskOf, isShown, type Asked, type CodeDesk, type CodeFailure, type ConfirmRequest, type VerificationState } from './verification-state.js';
import { apiGetter } from '../api-source.js';

/** The backend operations a verification needs. */
export type VerificationApi = Pick<PartnerApi, 'getVerificationPolicy' | 'sendVerificationCode' | 'checkVerificationCode'>;

/** Options of a {@link VerificationFlow}. */
export interface VerificationFlowOptions {
  /** The backend, or a function resolving it when first needed. */
  api: VerificationApi | (() => Promise<VerificationApi>);
  /** The clock deadlines are read from; tests may move it. */
  now?: () => number;
}

export const CODE_LENGTH = 6;

interface Pending {
  resolve: (ticket: VerificationTicket | undefined) => void;
  reject: (error: KitError) => void;
  promise: Promise<VerificationTicket | undefined>;
}

/** How a backend call ended, unless a newer step took its place. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: KitError };

/**
 * Confirms a sensitive action with a code sent by SMS or e-mail, without any DOM: a host can drive
 * its own dialog from this state exactly as `<verification-code-modal>` does.
 *
 * `confirm()` resolves with a single-use ticket for the money-moving call, or with `undefined`
 * when the partner's policy does not guard the action; it rejects with a `cancelled` KitError when
 * the user gives up (reason `replaced` when a newer `confirm()` took its place). Only one call is
 * ever in flight; a wrong code is not re-sent unchanged.
 */
export class VerificationFlow extends Store<VerificationState> {
  readonly #options: VerificationFlowOptions;
  readonly #now: () => number;
  #pending: Pending | undefined;
  #api: VerificationApi | undefined;
  #inFlight: AbortController | undefined;
  #checking: Promise<void> | undefined;
  /**
   * Per channel, the digits the backend refused for the code sent there, so typing them again is
   * refused here without spending one of the three attempts. Gone when the confirmation ends.
   */
  readonly #refused = new Map<VerificationChannel, Set<string>>();
  #unlock: ReturnType<typeof setTimeout> | undefined;

  constructor(options: VerificationFlowOptions) {
    super(CLOSED);
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
  }

  /**
   * Asks for confirmation of `request.purpose`. A second call for the same purpose while one is
   * waiting returns the same promise (a double click opens one dialog); a call for another purpose
   * takes the place of the waiting one, whose promise rejects `cancelled` with reason `replaced`.
   */
  confirm(request: ConfirmRequest): Promise<VerificationTicket | undefined> {
    const current = this.state;
    if (this.#pending && current.step !== 'closed' && current.purpose === request.purpose) return this.#pending.promise;
    const shown = isShown(current) || needsVerification(undefined, request.purpose);
    const replaced = this.#pending;
    this.#stop();
    let settle!: Pick<Pending, 'resolve' | 'reject'>;
    const promise = new Promise<VerificationTicket | undefined>((resolve, reject) => {
      settle = { resolve, reject };
    });
    this.#pending = { ...settle, promise };
    replaced?.reject(cancelledError(true));
    void this.#loadPolicy({ purpose: request.purpose, action: request.action }, shown);
    return promise;
  }

  /** Whole seconds until another code may be requested on the chosen channel; 0 when it may now. */
  resendIn(): number {
    return this.#secondsUntil(deskOf(this.state)?.sent?.resendAt);
  }

  /** Whether "Get code" / "Resend" would send now: ready, and neither a countdown nor a lock holds it back. */
  canSend(): boolean {
    return this.state.step === 'ready' && this.resendIn() === 0;
  }

  /** Whole seconds the lock after too many wrong codes still lasts; 0 when not locked. */
  lockedFor(): number {
    const state = this.state;
    return state.step === 'locked' ? this.#secondsUntil(state.until) : 0;
  }

  /** Whether the code sent on the chosen channel can still be used. */
  codeAlive(): boolean {
    return this.#secondsUntil(deskOf(this.state)?.sent?.expiresAt) > 0;
  }

  /** Switches between SMS and e-mail. A code typed for the other channel is cleared. */
  selectChannel(channel: CodeDesk['channel']): void {
    const state = this.state;
    if (state.step !== 'ready' || !state.channels.some((c) => c.channel === channel)) return;
    const sent = this.#clock(state.purpose)?.sent.get(channel);
    this.#go({ ...desk(state), step: 'ready', channel, sent, code: '', failure: undefined });
  }

  /**
   * Sends a code on the chosen channel. Ignored unless ready and while the resend countdown runs.
   * Resolves `true` when a code went out (the UI then clears and focuses the input).
   */
  async send(): Promise<boolean> {
    const state = this.state;
    if (state.step !== 'ready' || this.resendIn() > 0) return false;
    const { purpose, channel } = state;
    const outcome = await this.#call({ ...desk(state), step: 'sending' }, async (api, signal) => {
      const result = await api.sendVerificationCode({ purpose, channel }, { signal });
      if (result.channel !== channel) throw new KitError('malformed-response', 'The code went to another channel than asked.', { reason: 'channel-mismatch' });
      return result;
    });
    const current = this.state;
    if (!outcome || current.step !== 'sending') return false;
    if (!outcome.ok) {
      this.#onSendFailed(current, outcome.error);
      return false;
    }
    const now = this.#now();
    const sent: SentCode = {
      channel,
      destination: masked(outcome.value.destination, channel),
      resendAt: now + outcome.value.resendAfterSeconds * 1000,
      expiresAt: now + outcome.value.expiresInSeconds * 1000,
    };
    this.#clock(purpose)?.sent.set(channel, sent);
    this.#refused.delete(channel);
    this.#go({ ...desk(current), step: 'ready', sent, code: '', failure: undefined });
    return true;
  }

  /**
   * Takes what was typed or pasted; checks by itself once six new digits are there and a code was
   * sent for them (digits pasted before any code went out wait for an explicit Verify). Six digits
   * the backend already refused are refused at once (reason `code-repeated`), with no call.
   */
  input(raw: string): void {
    const state = this.state;
    if (state.step !== 'ready' && state.step !== 'sending') return;
    const code = normalizeCode(raw, CODE_LENGTH);
    if (code === state.code) return;
    if (state.step === 'sending') {
      this.#go({ ...state, code });
      return;
    }
    const repeated = this.#wasRefused(state.channel, code);
    const failure = repeated ? repeatedFailure() : state.failure?.during === 'check' ? undefined : state.failure;
    this.#go({ ...state, code, failure });
    if (code.length === CODE_LENGTH && !repeated && state.sent) void this.submit();
  }

  /**
   * Checks the typed code (Enter, OK). While a check is in flight, every further call joins it,
   * so a double click checks once.
   */
  submit(): Promise<void> {
    if (this.#checking) return this.#checking;
    const run = this.#check().finally(() => {
      if (this.#checking === run) this.#checking = undefined;
    });
    this.#checking = run;
    return run;
  }

  /** Repeats whatever failed: loading the policy, sending, or checking. */
  retry(): Promise<unknown> {
    const state = this.state;
    if (state.step === 'policy-failed') return this.#loadPolicy({ purpose: state.purpose, action: state.action }, true);
    if (state.step === 'ready' && state.failure?.during === 'send') return this.send();
    return this.submit();
  }

  /** Gives up: the waiting `confirm()` rejects with a `cancelled` KitError and the typed code is forgotten. */
  cancel(): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#stop();
    if (this.state.step !== 'closed') this.#go(CLOSED);
    pending?.reject(cancelledError());
  }

  async #loadPolicy(asked: Asked, shown: boolean): Promise<void> {
    const outcome = await this.#call({ ...asked, step: 'loading', shown }, (api, signal) => api.getVerificationPolicy({ signal }));
    if (!outcome) return;
    if (!outcome.ok) {
      this.#go({ ...asked, step: 'policy-failed', error: outcome.error });
      return;
    }
    const policy = outcome.value;
    if (!needsVerification(policy, asked.purpose)) {
      this.#settle(undefined);
      return;
    }
    const clock = this.#clock(asked.purpose);
    const channel = policy.channels.find((c) => clock?.sent.has(c.channel))?.channel ?? policy.channels[0]?.channel;
    if (channel === undefined) {
      this.#go({ ...asked, step: 'policy-failed', error: new KitError('configuration', 'No channel to send codes to.', { reason: 'no-channel' }) });
      return;
    }
    const channels = policy.channels.map((c) => ({ channel: c.channel, destination: masked(c.destination, c.channel) }));
    const entry: CodeDesk = { ...asked, channels, channel, sent: clock?.sent.get(channel), code: '' };
    const lockedUntil = clock?.lockedUntil ?? 0;
    if (lockedUntil > this.#now()) this.#enterLock(entry, lockedUntil);
    else this.#go({ ...entry, step: 'ready', failure: undefined });
  }

  async #check(): Promise<void> {
    const state = this.state;
    if (state.step !== 'ready') return;
    if (state.code.length !== CODE_LENGTH) {
      const error = new KitError('validation', 'Enter the whole code.', { reason: 'code-incomplete' });
      this.#go({ ...state, failure: { during: 'check', error } });
      return;
    }
    // Digits the backend refused already: say so rather than spend another attempt.
    if (this.#wasRefused(state.channel, state.code)) {
      this.#go({ ...state, failure: repeatedFailure() });
      return;
    }
    const { purpose, channel, code } = state;
    const outcome = await this.#call({ ...desk(state), step: 'checking' }, async (api, signal) => {
      const ticket = await api.checkVerificationCode({ purpose, channel, code }, { signal });
      if (ticket.purpose !== purpose) throw new KitError('malformed-response', 'The ticket is for another action.', { reason: 'ticket-purpose' });
      return ticket;
    });
    const current = this.state;
    if (!outcome || current.step !== 'checking') return;
    if (!outcome.ok) {
      this.#onCheckFailed(current, outcome.error);
      return;
    }
    this.#clock(purpose)?.sent.delete(channel);
    this.#settle(outcome.value);
  }

  #onSendFailed(state: CodeDesk, error: KitError): void {
    if (error.reason === 'attempts-exceeded') {
      this.#lock(state, error);
      return;
    }
    // The server said when it takes the next send (resend too soon, send cap, 429): count down to it.
    const sent = error.code === 'rate-limited' && error.retryAfterMs !== undefined ? this.#holdSends(state, error.retryAfterMs) : state.sent;
    this.#go({ ...desk(state), step: 'ready', sent, failure: { during: 'send', error } });
  }

  #onCheckFailed(state: CodeDesk, error: KitError): void {
    if (error.reason === 'attempts-exceeded') {
      this.#lock(state, error);
      return;
    }
    if (error.reason === 'code-incorrect') this.#refusedOn(state.channel).add(state.code);
    // "No code was sent" for a code that was and should still be good: the backend no longer holds it
    // (it passed, but the answer with the ticket was lost). Said as such; a new one may be asked for at once.
    const said = error.reason === 'code-not-sent' && this.#secondsUntil(state.sent?.expiresAt) > 0 ? goneError(error) : error;
    const dead = error.reason === 'code-expired' || error.reason === 'code-not-sent';
    const sent = dead ? this.#expire(state) : state.sent;
    this.#go({ ...desk(state), step: 'ready', sent, failure: { during: 'check', error: said } });
  }

  #refusedOn(channel: VerificationChannel): Set<string> {
    let refused = this.#refused.get(channel);
    if (!refused) {
      refused = new Set();
      this.#refused.set(channel, refused);
    }
    return refused;
  }

  #wasRefused(channel: VerificationChannel, code: string): boolean {
    return code.length === CODE_LENGTH && (this.#refused.get(channel)?.has(code) ?? false);
  }

  /** Too many wrong codes: the backend dropped the code and takes none until the lock ends. */
  #lock(state: CodeDesk, error: KitError): void {
    const until = this.#now() + (error.retryAfterMs ?? 0);
    const clock = this.#clock(state.purpose);
    if (clock) clock.lockedUntil = until;
    this.#enterLock({ ...desk(state), sent: this.#expire(state) }, until);
  }

  #enterLock(entry: CodeDesk, until: number): void {
    this.#go({ ...desk(entry), step: 'locked', until });
    // The lock ends by time alone; the state says so when it does.
    this.#unlock = setTimeout(() => {
      const state = this.state;
      if (state.step === 'locked') this.#go({ ...desk(state), step: 'ready', failure: undefined });
    }, until - this.#now());
  }

  /**
   * Marks the code sent on the chosen channel as no longer usable. The backend dropped it (expired,
   * passed, or locked), and it holds the resend wait only against a code it still has: the wait ends too.
   */
  #expire(state: CodeDesk): SentCode | undefined {
    if (!state.sent) return undefined;
    const now = this.#now();
    const expired = { ...state.sent, expiresAt: Math.min(state.sent.expiresAt, now), resendAt: Math.min(state.sent.resendAt, now) };
    this.#clock(state.purpose)?.sent.set(state.channel, expired);
    return expired;
  }

  #holdSends(state: CodeDesk, retryAfterMs: number): SentCode {
    const now = this.#now();
    const destination = state.channels.find((c) => c.channel === state.channel)?.destination ?? '';
    const sent: SentCode = { channel: state.channel, destination, expiresAt: now, ...state.sent, resendAt: now + retryAfterMs };
    this.#clock(state.purpose)?.sent.set(state.channel, sent);
    return sent;
  }

  #settle(ticket: VerificationTicket | undefined): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#stop();
    this.#go(CLOSED);
    pending?.resolve(ticket);
  }

  /** Drops whatever the current confirmation had running. */
  #stop(): void {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
    this.#checking = undefined;
    this.#refused.clear();
    clearTimeout(this.#unlock);
    this.#unlock = undefined;
  }

  /** Moves to `next` and runs `run` as the one call in flight; resolves `undefined` when a newer step took its place. */
  async #call<T>(next: VerificationState, run: (api: VerificationApi, signal: AbortSignal) => Promise<T>): Promise<Outcome<T> | undefined> {
    this.#inFlight?.abort();
    const call = new AbortController();
    this.#inFlight = call;
    this.#go(next);
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await run(await this.#resolveApi(), call.signal) };
    } catch (caught) {
      outcome = { ok: false, error: toKitError(caught) };
    }
    if (call !== this.#inFlight) return undefined;
    this.#inFlight = undefined;
    return outcome;
  }

  #go(next: VerificationState): void {
    this.replaceState(next);
  }

  #clock(purpose: string) {
    return this.#api ? codeClock(this.#api, purpose) : undefined;
  }

  async #resolveApi(): Promise<VerificationApi> {
    // Resolved on every call: the host may hand the element another adapter between two confirmations.
    this.#api = await apiGetter(this.#options.api)();
    return this.#api;
  }

  #secondsUntil(epochMs: number | undefined): number {
    return epochMs === undefined ? 0 : Math.max(0, Math.ceil((epochMs - this.#now()) / 1000));
  }
}

/** Digits typed again after the backend refused them. */
function repeatedFailure(): CodeFailure {
  return { during: 'check', error: new KitError('validation', 'This code was checked already and is not correct.', { reason: 'code-repeated' }) };
}

/** The backend holds no code any more for one that was sent: it can no longer be used. */
function goneError(error: KitError): KitError {
  return new KitError(error.code, 'This code can no longer be used.', { reason: 'code-gone', ...(error.backendCode ? { backendCode: error.backendCode } : {}), cause: error });
}

/** The backend sends destinations masked; one that ever arrives in full is masked here, before any UI sees it. */
function masked(destination: string, channel: VerificationChannel): string {
  if (destination.includes('*')) return destination;
  return channel === 'sms' ? maskMobile(destination) : maskEmail(destination);
}
