import { KitError } from '../../model/errors.js';

/**
 * How a `confirm()` ends without a ticket: the user gave up, or (`replaced`) a newer `confirm()`
 * for another purpose took its place. One wording whether the dialog's code had come or not.
 */
export function cancelledError(replaced = false): KitError {
  return replaced
    ? new KitError('cancelled', 'A newer confirmation took the place of this one.', { reason: 'replaced' })
    : new KitError('cancelled', 'The verification was cancelled.');
}
