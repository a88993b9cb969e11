import { KitError } from '../../model/errors.js';
import { needsVerification } from '../../model/rules/verification-policy.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import {
  CheckCodeRequest,
  SendCodeRequest,
  type SendCodeResult,
  type VerificationChannel,
  type VerificationPolicy,
  type VerificationTicket,
} from '../../model/schemas/verification.js';
import type { Prng } from './prng.js';
import { instant } from './prng.js';

/** A code (or another text) the in-memory backend "sent": what QA reads instead of a phone. */
export interface OutboxMessage {
  id: number;
  purpose: string;
  channel: VerificationChannel;
  destination: string;
  /** The code; empty for a message that carries none. */
  code: string;
  /** The words of a message that is not a code, e.g. the remittance account's details. */
  text?: string;
  sentAt: string;
}

/** The rules of the real service, overridable for tests. */
export interface VerificationRules {
  codeTtlSeconds: number;
  resendAfterSeconds: number;
  maxAttempts: number;
  lockSeconds: number;
  sendLimitPerHour: number;
  sendLimitPerDay: number;
  ticketTtlSeconds: number;
}

export const DEFAULT_VERIFICATION_RULES: VerificationRules = {
  codeTtlSeconds: 300,
  resendAfterSeconds: 60,
  maxAttempts: 3,
  lockSeconds: 900,
  // SendVerificationMessageCode's hard caps (CBC.99004015).
  sendLimitPerHour: 15,
  sendLimitPerDay: 60,
  ticketTtlSeconds: 300,
};

/** A verification ticket as one guarded call holds it: checked before the rules run, spent once they all passed. */
export interface TicketUse {
  guard(): void;
  spend(): void;
}

interface ActiveCode {
  code: string;
  expiresAt: number;
  failures: number;
  sentAt: number;
}

const DESTINATIONS: Record<VerificationChannel, string> = {
  sms: '0086-139****1234',
  email: 'f***@yunfan.example.com',
};

/** The seeded partner's setting: on, guarding every money flow, by SMS and e-mail. */
export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = {
  enabled: true,
  guardedPurposes: ['issue-coupon', 'reclaim-coupon', 'withdraw', 'pay-order', 'unbind', 'unbind-request', 'remittance-account'],
  channels: (['sms', 'email'] as const).map((channel) => ({ channel, destination: DESTINATIONS[channel] })),
};

/** Codes, attempts, locks, send caps and tickets, as the partner center enforces them. */
export class VerificationDesk {
  policy: VerificationPolicy;
  readonly rules: VerificationRules;
  readonly outbox: OutboxMessage[] = [];
  readonly #listeners = new Set<(outbox: readonly OutboxMessage[]) => void>();
  readonly #codes = new Map<string, ActiveCode>();
  readonly #locks = new Map<string, number>();
  readonly #sends: number[] = [];
  readonly #tickets = new Map<string, { purpose: string; expiresAt: number }>();
  readonly #prng: Prng;
  readonly #now: () => number;

  constructor(policy: VerificationPolicy, rules: VerificationRules, prng: Prng, now: () => number) {
    this.policy = policy;
    this.rules = rules;
    this.#prng = prng;
    this.#now = now;
  }

  /** Listens to new outbox messages (the demo's outbox panel). */
  onOutbox(listener: (outbox: readonly OutboxMessage[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  send(body: SendCodeRequest): SendCodeResult {
    const request = parseRequest(SendCodeRequest, body);
    const now = this.#now();
    this.#assertNotLocked(request.purpose, now);
    if (!this.policy.channels.some((c) => c.channel === request.channel)) {
      throw new KitError('validation', 'That channel is not offered.', { reason: 'channel' });
    }
    const key = `${request.purpose}|${request.channel}`;
    const active = this.#codes.get(key);
    const resendAt = active ? active.sentAt + this.rules.resendAfterSeconds * 1000 : 0;
    if (now < resendAt) {
      throw backendError('KIT.RESEND_TOO_SOON', 'Wait before asking for another code.', { retryAfterMs: resendAt - now });
    }
    this.#assertSendCap(now);
    const code = this.#prng.digits(6);
    this.#sends.push(now);
    this.#codes.set(key, { code, sentAt: now, expiresAt: now + this.rules.codeTtlSeconds * 1000, failures: 0 });
    const destination = this.#deliver({ purpose: request.purpose, channel: request.channel, code });
    return {
      channel: request.channel,
      destination,
      resendAfterSeconds: this.rules.resendAfterSeconds,
      expiresInSeconds: this.rules.codeTtlSeconds,
    };
  }

  /** Texts a message that is not a code to the partner's mobile, where codes go; answers the masked destination. */
  text(purpose: string, text: string): string {
    return this.#deliver({ purpose, channel: 'sms', code: '', text });
  }

  #deliver(message: Pick<OutboxMessage, 'purpose' | 'channel' | 'code' | 'text'>): string {
    const destination = DESTINATIONS[message.channel];
    this.outbox.push({ id: this.outbox.length + 1, ...message, destination, sentAt: instant(this.#now()) });
    for (const listener of [...this.#listeners]) listener(this.outbox);
    return destination;
  }

  check(body: CheckCodeRequest): VerificationTicket {
    const request = parseRequest(CheckCodeRequest, body);
    const now = this.#now();
    this.#assertNotLocked(request.purpose, now);
    const key = `${request.purpose}|${request.channel}`;
    const active = this.#codes.get(key);
    if (!active) throw backendError('KIT.CODE_NOT_SENT', 'No code was sent for this action.');
    if (now >= active.expiresAt) {
      this.#codes.delete(key);
      throw backendError('CBC.99004008', 'The code has expired.');
    }
    if (active.code !== request.code) {
      active.failures += 1;
      const attemptsLeft = this.rules.maxAttempts - active.failures;
      if (attemptsLeft <= 0) {
        this.#codes.delete(key);
        this.#locks.set(request.purpose, now + this.rules.lockSeconds * 1000);
        throw backendError('CBC.99004009', 'Too many wrong codes.', { retryAfterMs: this.rules.lockSeconds * 1000 });
      }
      throw backendError('CBC.99004010', 'The code is not correct.', { details: { attemptsLeft } });
    }
    this.#codes.delete(key);
    const ticket = `vt_${this.#prng.digits(16)}`;
    const expiresAt = now + this.rules.ticketTtlSeconds * 1000;
    this.#tickets.set(ticket, { purpose: request.purpose, expiresAt });
    return { ticket, purpose: request.purpose, expiresAt: instant(expiresAt) };
  }

  /** Whether `purpose` needs a code under the current policy. */
  guards(purpose: string): boolean {
    return needsVerification(this.policy, purpose);
  }

  /**
   * Throws unless a valid, unused ticket for `purpose` is given (when the policy guards it).
   * Checked before the business rules, but not yet used up: see {@link redeem}.
   */
  requireTicket(purpose: string, ticket: string | undefined): void {
    if (!this.guards(purpose)) return;
    const held = ticket === undefined ? undefined : this.#tickets.get(ticket);
    if (!held || held.purpose !== purpose || held.expiresAt <= this.#now()) {
      throw backendError('KIT.VERIFICATION_REQUIRED', 'This action needs a verification code.', { status: 403 });
    }
  }

  /** Uses the ticket up, once the action it guards has passed every other check and is carried out. */
  redeem(purpose: string, ticket: string | undefined): void {
    this.requireTicket(purpose, ticket);
    if (ticket !== undefined) this.#tickets.delete(ticket);
  }

  /** The ticket one call to `purpose` carries. */
  ticketFor(purpose: string, ticket: string | undefined): TicketUse {
    return { guard: () => this.requireTicket(purpose, ticket), spend: () => this.redeem(purpose, ticket) };
  }

  #assertNotLocked(purpose: string, now: number): void {
    const until = this.#locks.get(purpose);
    if (until !== undefined && now < until) {
      throw backendError('CBC.99004009', 'Too many wrong codes.', { retryAfterMs: until - now });
    }
  }

  #assertSendCap(now: number): void {
    const hourAgo = now - 3_600_000;
    const dayAgo = now - 86_400_000;
    const lastDay = this.#sends.filter((t) => t > dayAgo);
    const lastHour = lastDay.filter((t) => t > hourAgo);
    const full = lastHour.length >= this.rules.sendLimitPerHour ? lastHour : lastDay.length >= this.rules.sendLimitPerDay ? lastDay : undefined;
    if (full) {
      const window = full === lastHour ? 3_600_000 : 86_400_000;
      const retryAfterMs = (full[0] as number) + window - now;
      throw backendError('CBC.99004015', 'The code sending limit is reached.', { retryAfterMs });
    }
  }
}
