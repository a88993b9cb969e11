import type { PartnerApi } from '../../api/adapter.js';
import { KitError, toKitError } from '../../model/errors.js';
import type { IntentOperation } from '../../model/schemas/intents.js';
import type { IntentResolution, MoneyIntent } from '../money-intent.js';

/**
 * Asks the backend what became of `intent`, whose answer was lost, reading a recorded result with
 * `schema` as the call's answer is read. A lookup that cannot be made leaves the outcome unknown:
 * the three ways of topping up (online, enabling the remittance account, a claim) settle alike.
 */
export async function lookUpLost<T>(
  intent: MoneyIntent<unknown>,
  api: () => Promise<Pick<PartnerApi, 'lookupIntent'>>,
  operation: IntentOperation,
  schema: { safeParse: (raw: unknown) => { success: true; data: T } | { success: false } },
): Promise<IntentResolution<T>> {
  try {
    const backend = await api();
    return await intent.resolve(
      (idempotencyKey) => backend.lookupIntent({ operation, idempotencyKey }),
      (raw) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw new KitError('malformed-response', `The looked-up result of ${operation} is not one the kit can read.`);
        return parsed.data;
      },
    );
  } catch (caught) {
    return { status: 'unknown', error: toKitError(caught) };
  }
}
