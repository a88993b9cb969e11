import { shallowRef } from 'vue';
import { createMemoryAdapter } from 'partner-kit/api/memory';

/** The portal's backend: the in-memory one here, `createHttpAdapter(…)` in a real portal. */
export const api = createMemoryAdapter({ latencyMs: 150 });
await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });

/** The last verification code the in-memory backend "sent". */
export const lastCode = shallowRef<string>();
api.onOutbox((outbox) => {
  lastCode.value = outbox.at(-1)?.code;
});
