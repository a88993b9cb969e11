import type { IntentResults, PartnerApi } from '../../src/api/adapter.js';
import type { IntentLookup, IntentOperation, LookupIntentRequest } from '../../src/model/schemas/intents.js';

/**
 * A fake `lookupIntent` for a flow that looks up one operation: each lookup of `operation` answers
 * the next of `answers` (then `pending`), as an adapter would, already read; any other operation
 * fails the test. `asked` sees every request.
 */
export function scriptedLookup<O extends IntentOperation>(
  operation: O,
  answers: IntentLookup<IntentResults[O]>[],
  asked: (request: LookupIntentRequest) => void = () => undefined,
): PartnerApi['lookupIntent'] {
  return async <P extends IntentOperation>(request: LookupIntentRequest & { operation: P }) => {
    asked(request);
    if ((request.operation as IntentOperation) !== operation) throw new Error(`The flow looked up ${request.operation}, not ${operation}.`);
    // Checked just above: P is O.
    return (answers.shift() ?? { status: 'pending' }) as IntentLookup<IntentResults[P]>;
  };
}
