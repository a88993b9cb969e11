import type { VerificationTicket } from '../../model/schemas/verification.js';
import { needsVerification } from '../../model/rules/verification-policy.js';
import { cancelledError } from '../../core/verification/cancelled.js';
import type { ConfirmRequest } from '../../core/verification/verification-state.js';

/**
 * A `confirm()` asked for while the dialog's code is still on its way: the promise its caller holds,
 * settled by the flow once the code has come and takes it over, or by a cancel before that.
 */
export class PendingConfirmation {
  readonly request: ConfirmRequest;
  readonly promise: Promise<VerificationTicket | undefined>;
  /**
   * Whether the dialog is up for it: at once for a purpose that always needs a code, as the flow
   * would show it; for any purpose once the code failed to come, so the user sees why and can retry.
   */
  shown: boolean;
  #resolve!: (ticket: VerificationTicket | undefined) => void;
  #reject!: (error: unknown) => void;

  constructor(request: ConfirmRequest) {
    this.request = request;
    this.shown = needsVerification(undefined, request.purpose);
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Settles as `flow` (the flow's own promise for the same request) settles. */
  follow(flow: Promise<VerificationTicket | undefined>): void {
    flow.then(this.#resolve, this.#reject);
  }

  /** Rejects with a `cancelled` KitError; `replaced` when a newer `confirm()` took its place. */
  cancel(replaced = false): void {
    this.#reject(cancelledError(replaced));
  }
}
