import type { PartnerApi } from '../../api/adapter.js';
import type { VerificationChannel, VerificationPolicy, VerificationTicket } from '../../model/schemas/verification.js';
import { KitError, toKitError } from '../../model/errors.js';
import { Store } from '../store.js';
import { normalizeCode } from './normalize-code.js';
import { codeClock, type SentCode } from './code-clock.js';
import { needsVerification } from '../../model/rules/verification-policy.js';

/** The backend operations a verification needs. */
export type VerificationApi = Pick<PartnerApi, 'getVerificationPolicy' | 'sendVerificationCode' | 'checkVerificationCode'>;

/** One place a code can go, its destination masked. */
export type ChannelOption = VerificationPolicy['channels'][number];

/** What a flow asks to have confirmed. */
export interface ConfirmRequest {
  /** What is being confirmed, e.g. `withdraw`, `issue-coupon`, `reclaim-coupon`. */
  purpose: string;
  /** One line a person reads: "Confirm withdrawal of ¥1,200.00". */
  action?: string;
}

/** Where a confirmation stands. */
export interface VerificationState {
  /** A confirmation waits for the user: the dialog is shown. */
  open: boolean;
  purpose: string | undefined;
  action: string | undefined;
  /** `loading`: reading the policy; `sending` / `checking`: a call is in flight. */
  phase: 'idle' | 'loading' | 'ready' | 'sending' | 'checking';
  channels: readonly ChannelOption[];
  channel: VerificationChannel | undefined;
  /** The code last sent on `channel` for this purpose, also when sent before the dialog was reopened. */
  sent: SentCode | undefined;
  /** Epoch ms until which codes are refused after too many wrong ones. */
  lockedUntil: number | undefined;
  /** The digits typed so far. Held in memory only, cleared when the dialog closes. */
  code: string;
  error: KitError | undefined;
  /** Which step failed, and so what "retry" repeats. */
  errorSource: 'policy' | 'send' | 'check' | undefined;
}

/** Options of a {@link VerificationFlow}. */
export interface VerificationFlowOptions {
  /** The backend, or a function resolving it when first needed. */
  api: VerificationApi | (() => Promise<VerificationApi>);
  /** The clock; tests may move it. */
  now?: () => number;
}

const CLOSED: VerificationState = {
  open: false,
  purpose: undefined,
  action: undefined,
  phase: 'idle',
  channels: [],
  channel: undefined,
  sent: undefined,
  lockedUntil: undefined,
  code: '',
  error: undefined,
  errorSource: undefined,
};

export const CODE_LENGTH = 6;

interface Pending {
  resolve: (ticket: VerificationTicket | undefined) => void;
  reject: (error: KitError) => void;
  promise: Promise<VerificationTicket | undefined>;
}

/**
 * Confirms a sensitive action with a code sent by SMS or e-mail, without any DOM: a host can drive
 * its own dialog from this state exactly as `<verification-code-modal>` does.
 *
 * `confirm()` resolves with a single-use ticket for the money-moving call, or with `undefined`
 * when the partner's policy does not guard the action; it rejects with a `cancelled` KitError when
 * the user gives up. Only one check is ever in flight; a wrong code is not re-sent unchanged.
 */
export class VerificationFlow extends Store<VerificationState> {
  readonly #options: VerificationFlowOptions;
  readonly #now: () => number;
  #pending: Pending | undefined;
  #api: VerificationApi | undefined;
  #inFlight: AbortController | undefined;
  #checking: Promise<void> | undefined;
  /** The last code the backend refused, so completing the same digits again does not spend an attempt. */
  #refused: string | undefined;

  constructor(options: VerificationFlowOptions) {
    super(CLOSED);
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
  }

  /**
   * Asks for confirmation of `request.purpose`. A second call for the same purpose while one is
   * waiting returns the same promise (a double click opens one dialog); a call for another purpose
   * cancels the waiting one.
   */
  confirm(request: ConfirmRequest): Promise<VerificationTicket | undefined> {
    if (this.#pending && this.state.purpose === request.purpose) return this.#pending.promise;
    this.cancel();
    let resolve!: Pending['resolve'];
    let reject!: Pending['reject'];
    const promise = new Promise<VerificationTicket | undefined>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    this.#pending = { resolve, reject, promise };
    this.setState({ ...CLOSED, purpose: request.purpose, action: request.action, phase: 'loading', open: needsVerification(undefined, request.purpose) });
    void this.#loadPolicy();
    return promise;
  }

  /** Whole seconds until another code may be requested on the chosen channel; 0 when it may now. */
  resendIn(): number {
    return this.#secondsUntil(this.state.sent?.resendAt);
  }

  /** Whole seconds the lock after too many wrong codes still lasts; 0 when not locked. */
  lockedFor(): number {
    return this.#secondsUntil(this.state.lockedUntil);
  }

  /** Whether the code sent on the chosen channel can still be used. */
  codeAlive(): boolean {
    return this.#secondsUntil(this.state.sent?.expiresAt) > 0;
  }

  /** Switches between SMS and e-mail. A code typed for the other channel is cleared. */
  selectChannel(channel: VerificationChannel): void {
    const { phase, channels, purpose } = this.state;
    if (phase !== 'ready' || purpose === undefined || !channels.some((c) => c.channel === channel)) return;
    this.setState({ channel, sent: this.#clock(purpose)?.sent.get(channel), code: '', ...this.#clearedError('check', 'send') });
  }

  /**
   * Sends a code on the chosen channel. Ignored while a call is in flight, while the resend
   * countdown runs and while locked. Resolves `true` when a code went out (the UI then clears
   * and focuses the input).
   */
  async send(): Promise<boolean> {
    const { phase, purpose, channel } = this.state;
    if (phase !== 'ready' || purpose === undefined || channel === undefined || this.resendIn() > 0 || this.lockedFor() > 0) return false;
    const call = this.#begin('sending');
    try {
      const api = await this.#resolveApi();
      const result = await api.sendVerificationCode({ purpose, channel }, { signal: call.signal });
      if (call !== this.#inFlight) return false;
      const now = this.#now();
      const sent: SentCode = {
        channel: result.channel,
        destination: result.destination,
        resendAt: now + result.resendAfterSeconds * 1000,
        expiresAt: now + result.expiresInSeconds * 1000,
      };
      this.#clock(purpose)?.sent.set(result.channel, sent);
      this.#refused = undefined;
      this.#inFlight = undefined;
      this.setState({ phase: 'ready', sent, code: '', error: undefined, errorSource: undefined });
      return true;
    } catch (caught) {
      if (call !== this.#inFlight) return false;
      this.#inFlight = undefined;
      const error = toKitError(caught);
      // The server said when it takes the next send (resend too soon, send cap, 429): count down to it.
      if (error.code === 'rate-limited' && error.retryAfterMs !== undefined) this.#holdSends(purpose, channel, error.retryAfterMs);
      this.setState({ phase: 'ready', error, errorSource: 'send' });
      return false;
    }
  }

  /** Takes what was typed or pasted; checks by itself once six new digits are there. */
  input(raw: string): void {
    if (this.state.phase === 'checking' || !this.state.open) return;
    const code = normalizeCode(raw, CODE_LENGTH);
    if (code === this.state.code) return;
    this.setState({ code, ...this.#clearedError('check') });
    if (code.length === CODE_LENGTH && code !== this.#refused) void this.submit();
  }

  /**
   * Checks the typed code (Enter, OK). While a check is in flight, every further call joins it,
   * so a double click checks once.
   */
  submit(): Promise<void> {
    this.#checking ??= this.#check().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  /** Repeats whatever failed: loading the policy, sending, or checking. */
  retry(): Promise<unknown> {
    const source = this.state.errorSource;
    if (source === 'policy') return this.#loadPolicy();
    if (source === 'send') return this.send();
    return this.submit();
  }

  /** Gives up: the waiting `confirm()` rejects with a `cancelled` KitError and the typed code is forgotten. */
  cancel(): void {
    const pending = this.#pending;
    this.#inFlight?.abort();
    this.#inFlight = undefined;
    this.#pending = undefined;
    this.#refused = undefined;
    if (this.state !== CLOSED) this.setState(CLOSED);
    pending?.reject(new KitError('cancelled', 'The verification was cancelled.'));
  }

  async #loadPolicy(): Promise<void> {
    const { purpose } = this.state;
    if (purpose === undefined) return;
    const call = this.#begin('loading');
    try {
      const api = await this.#resolveApi();
      const policy = await api.getVerificationPolicy({ signal: call.signal });
      if (call !== this.#inFlight) return;
      this.#inFlight = undefined;
      if (!needsVerification(policy, purpose)) {
        this.#settle(undefined);
        return;
      }
      if (policy.channels.length === 0) {
        throw new KitError('configuration', 'No channel to send codes to.', { reason: 'no-channel' });
      }
      const clock = this.#clock(purpose);
      const previous = this.state.channel;
      const channel =
        policy.channels.find((c) => c.channel === previous)?.channel ??
        policy.channels.find((c) => clock?.sent.has(c.channel))?.channel ??
        policy.channels[0]?.channel;
      this.setState({
        open: true,
        phase: 'ready',
        channels: policy.channels,
        channel,
        sent: channel === undefined ? undefined : clock?.sent.get(channel),
        lockedUntil: clock?.lockedUntil,
        error: undefined,
        errorSource: undefined,
      });
    } catch (caught) {
      if (call !== this.#inFlight) return;
      this.#inFlight = undefined;
      this.setState({ open: true, phase: 'ready', error: toKitError(caught), errorSource: 'policy' });
    }
  }

  async #check(): Promise<void> {
    const { phase, purpose, channel, code } = this.state;
    if (phase !== 'ready' || purpose === undefined || channel === undefined || this.lockedFor() > 0) return;
    if (code.length !== CODE_LENGTH) {
      this.setState({ error: new KitError('validation', 'Enter the whole code.', { reason: 'code-incomplete' }), errorSource: 'check' });
      return;
    }
    // The same digits were just refused: say so again rather than spend another attempt.
    if (code === this.#refused && this.state.error) return;
    const call = this.#begin('checking');
    try {
      const api = await this.#resolveApi();
      const ticket = await api.checkVerificationCode({ purpose, channel, code }, { signal: call.signal });
      if (call !== this.#inFlight) return;
      this.#inFlight = undefined;
      this.#clock(purpose)?.sent.delete(channel);
      this.#settle(ticket);
    } catch (caught) {
      if (call !== this.#inFlight) return;
      this.#inFlight = undefined;
      this.#onCheckFailed(toKitError(caught), purpose, channel, code);
    }
  }

  #onCheckFailed(error: KitError, purpose: string, channel: VerificationChannel, code: string): void {
    const clock = this.#clock(purpose);
    const now = this.#now();
    const patch: Partial<VerificationState> = { phase: 'ready', error, errorSource: 'check' };
    if (error.reason === 'code-incorrect') this.#refused = code;
    if (error.reason === 'code-expired' || error.reason === 'code-not-sent') {
      const sent = clock?.sent.get(channel);
      if (sent) {
        const expired = { ...sent, expiresAt: Math.min(sent.expiresAt, now) };
        clock?.sent.set(channel, expired);
        patch.sent = expired;
      }
    }
    if (error.reason === 'attempts-exceeded') {
      const lockedUntil = now + (error.retryAfterMs ?? 0);
      if (clock) clock.lockedUntil = lockedUntil;
      patch.lockedUntil = lockedUntil;
    }
    this.setState(patch);
  }

  #holdSends(purpose: string, channel: VerificationChannel, retryAfterMs: number): void {
    const clock = this.#clock(purpose);
    const now = this.#now();
    const destination = this.state.channels.find((c) => c.channel === channel)?.destination ?? '';
    const sent: SentCode = { channel, destination, expiresAt: now, ...clock?.sent.get(channel), resendAt: now + retryAfterMs };
    clock?.sent.set(channel, sent);
    this.setState({ sent });
  }

  #settle(ticket: VerificationTicket | undefined): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#refused = undefined;
    this.setState(CLOSED);
    pending?.resolve(ticket);
  }

  #begin(phase: VerificationState['phase']): AbortController {
    this.#inFlight?.abort();
    const call = new AbortController();
    this.#inFlight = call;
    this.setState({ phase, error: undefined, errorSource: undefined });
    return call;
  }

  #clearedError(...sources: Array<VerificationState['errorSource']>): Partial<VerificationState> {
    const { error, errorSource } = this.state;
    // A lock is not lifted by typing; it says until when it lasts.
    if (!error || !sources.includes(errorSource) || error.reason === 'attempts-exceeded') return {};
    return { error: undefined, errorSource: undefined };
  }

  #clock(purpose: string) {
    return this.#api ? codeClock(this.#api, purpose) : undefined;
  }

  async #resolveApi(): Promise<VerificationApi> {
    const { api } = this.#options;
    // Resolved on every call: the host may hand the element another adapter between two confirmations.
    this.#api = typeof api === 'function' ? await api() : api;
    return this.#api;
  }

  #secondsUntil(epochMs: number | undefined): number {
    return epochMs === undefined ? 0 : Math.max(0, Math.ceil((epochMs - this.#now()) / 1000));
  }
}
