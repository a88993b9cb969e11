import type { VerificationChannel } from '../../model/schemas/verification.js';
import { instant } from './prng.js';

/** What a customer is told: a registration code, or a notice about its order or its unbind request. */
export type CustomerMessagePurpose = 'registration' | 'order-paid' | 'order-again' | 'unbind-approved' | 'unbind-rejected';

/**
 * A message the backend sent a customer rather than the partner: what QA reads instead of the
 * customer's phone or mailbox. The fields are the reference server's outbox row, so both
 * backends tell the same story.
 */
export interface CustomerMessage {
  id: number;
  purpose: CustomerMessagePurpose;
  channel: VerificationChannel;
  /** The mobile a registration code went to; the customer's id for a notice. */
  destination: string;
  /** The registration code; empty for a notice. */
  code: string;
  /** The notice's words; absent for a code. */
  text?: string;
  sentAt: string;
}

/**
 * The words of each notice, one source for both backends. An order paid for the customer is told
 * by e-mail and SMS (the console's promise); the other notices go by SMS.
 */
export const CUSTOMER_NOTICES = {
  orderPaid: (orderId: string) => ({
    purpose: 'order-paid' as const,
    channels: ['email', 'sms'] as const,
    text: `Your partner paid order ${orderId} for you.`,
  }),
  orderAgain: (orderId: string) => ({
    purpose: 'order-again' as const,
    channels: ['sms'] as const,
    text: `Order ${orderId} can no longer be paid: its service start time has passed. Please order again.`,
  }),
  unbindApproved: () => ({
    purpose: 'unbind-approved' as const,
    channels: ['sms'] as const,
    text: 'Your partner approved your request to end the association.',
  }),
  unbindRejected: (reason: string) => ({
    purpose: 'unbind-rejected' as const,
    channels: ['sms'] as const,
    text: `Your partner rejected your request to end the association: ${reason}`,
  }),
};

/** One notice of {@link CUSTOMER_NOTICES}. */
export type CustomerNotice = ReturnType<(typeof CUSTOMER_NOTICES)[keyof typeof CUSTOMER_NOTICES]>;

/**
 * The in-memory backend's messages to customers, oldest first. Each desk records a message where
 * its effect happens, so a keyed call sends once however often its answer is replayed, and a
 * message whose answer was lost on the way is here all the same.
 */
export class CustomerOutbox {
  readonly messages: CustomerMessage[] = [];
  readonly #listeners = new Set<(messages: readonly CustomerMessage[]) => void>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Texts a registration code to a new customer's mobile. */
  sendCode(mobile: string, code: string): void {
    this.#push({ purpose: 'registration', channel: 'sms', destination: mobile, code });
  }

  /** Tells the customer `customerId` a notice, once on each of its channels. */
  notify(customerId: string, notice: CustomerNotice): void {
    for (const channel of notice.channels) this.#push({ purpose: notice.purpose, channel, destination: customerId, code: '', text: notice.text });
  }

  /** Calls `listener` after every message; returns the way to stop. */
  listen(listener: (messages: readonly CustomerMessage[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #push(message: Omit<CustomerMessage, 'id' | 'sentAt'>): void {
    this.messages.push({ id: this.messages.length + 1, ...message, sentAt: instant(this.#now()) });
    for (const listener of [...this.#listeners]) listener(this.messages);
  }
}
