import { useSyncExternalStore } from 'react';
import { createMemoryAdapter } from 'partner-kit/api/memory';

/**
 * The portal's backend. A real portal passes `createHttpAdapter({ baseUrl: '/partner-api' })`
 * from `partner-kit/api/http`; this example runs on the in-memory one, whose "SMS" codes land in
 * an outbox the page shows.
 */
export const api = createMemoryAdapter({ latencyMs: 150 });
await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });

/** The last verification code the in-memory backend "sent". */
export function useLastCode(): string | undefined {
  return useSyncExternalStore(
    (changed) => api.onOutbox(changed),
    () => api.outbox.at(-1)?.code,
  );
}
