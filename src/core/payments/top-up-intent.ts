import type { IntentResults, PartnerApi } from '../../api/adapter.js';
import { toKitError } from '../../model/errors.js';
import type { IntentOperation } from '../../model/schemas/intents.js';
import type { IntentResolution, MoneyIntent } from '../money-intent.js';

/**
 * Asks the backend what became of `intent`, whose answer was lost; a recorded result comes as the
 * adapter read it, the call's own answer. A lookup that cannot be made leaves the outcome unknown:
 * the three ways of topping up (online, enabling the remittance account, a claim) settle alike.
 */
export async function lookUpLost<O extends IntentOperation>(
  intent: MoneyIntent<unknown>,
  api: () => Promise<Pick<PartnerApi, 'lookupIntent'>>,
  operation: O,
): Promise<IntentResolution<IntentResults[O]>> {
  try {
    const backend = await api();
    return await intent.resolve((idempotencyKey) => backend.lookupIntent({ operation, idempotencyKey }));
  } catch (caught) {
    return { status: 'unknown', error: toKitError(caught) };
  }
}
