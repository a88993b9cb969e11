import { signal } from '@angular/core';
import { createMemoryAdapter } from 'partner-kit/api/memory';

/**
 * The portal's backend. A real portal passes `createHttpAdapter({ baseUrl: '/partner-api' })`
 * from `partner-kit/api/http`; this example runs on the in-memory one, whose "SMS" codes land in
 * an outbox the page shows.
 */
export const api = createMemoryAdapter({ latencyMs: 150 });

/** Gives the demo bank account its branch, so the dialog opens on the amount step. */
export const seedBackend = () => api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });

/** The last verification code the in-memory backend "sent". */
export const lastCode = signal<string | undefined>(undefined);
api.onOutbox((outbox) => lastCode.set(outbox.at(-1)?.code));
