import type { PartnerApi } from '../api/adapter.js';
import { KitError } from '../model/errors.js';
import { ensure } from './assertions.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

/** Past the limit, calls are answered as rate-limited with a wait, or waited out by the adapter; nothing else. */
export function rateLimitCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  if (!options.rateLimit) return;
  const limit = options.rateLimit.perSecond;
  const make = options.rateLimit.makeApi ?? makeApi;
  t.it(`answers a burst past ${limit}/s as rate-limited, never as another error`, async () => {
    const api = await make();
    const outcomes = await Promise.allSettled(Array.from({ length: limit * 2 }, () => api.listBanks()));
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      const error: unknown = outcome.reason;
      ensure(error instanceof KitError && error.code === 'rate-limited', `a throttled call failed with ${String(error)}`);
      ensure((error.retryAfterMs ?? 0) > 0, 'a rate-limited answer says how long to wait');
    }
    ensure(outcomes.some((o) => o.status === 'fulfilled'), 'calls within the limit succeed');
  });
}
