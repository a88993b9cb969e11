import type { VerificationChannel } from '../../model/schemas/verification.js';

/** What the page remembers about codes sent for one purpose, so a reopened dialog picks up where it was. */
export interface SentCode {
  channel: VerificationChannel;
  /** Where the code went, masked as the backend reported it. */
  destination: string;
  /** Epoch ms after which the backend takes a new send request. */
  resendAt: number;
  /** Epoch ms after which the code is no longer accepted. */
  expiresAt: number;
}

/** Per backend and purpose: the last code sent (per channel) and a lock after too many wrong codes. */
interface PurposeClock {
  sent: Map<VerificationChannel, SentCode>;
  lockedUntil: number | undefined;
}

/*
 * Kept at module level, keyed by the adapter object, so the countdown and the lock survive closing
 * and reopening the dialog, and even replacing the element: they belong to the backend's state,
 * not to one piece of UI. A WeakMap lets a discarded adapter take its clocks with it.
 */
const clocks = new WeakMap<object, Map<string, PurposeClock>>();

/** The clock of `purpose` on `backend`, created on first use. */
export function codeClock(backend: object, purpose: string): PurposeClock {
  let perBackend = clocks.get(backend);
  if (!perBackend) {
    perBackend = new Map();
    clocks.set(backend, perBackend);
  }
  let clock = perBackend.get(purpose);
  if (!clock) {
    clock = { sent: new Map(), lockedUntil: undefined };
    perBackend.set(purpose, clock);
  }
  return clock;
}
