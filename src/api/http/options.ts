import type { KitError } from '../../model/errors.js';
import type { ApiOperation } from '../adapter.js';
import type { RetryPolicy } from './retry-policy.js';

/** How to reach a partner backend over HTTP. */
export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `https://bss.myhuaweicloud.com` or the portal's own proxy `/partner-api`. */
  baseUrl: string;
  /** The `fetch` to use (a host may wrap it for tracing). Default: the global one. */
  fetch?: typeof fetch;
  /** Headers for every request, e.g. `{ 'X-Auth-Token': token }`; called per request so tokens can refresh. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Per-attempt time limit. Default 15 s. */
  timeoutMs?: number;
  /** Calls per second per operation, shared by every element using this adapter. Default 10 (5 for code checks). */
  rateLimitPerSecond?: number | Partial<Record<ApiOperation, number>>;
  /** Back-off between attempts. */
  retry?: Partial<RetryPolicy>;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
  /**
   * Called when the API answers 401 (the token expired). Resolve `true` after refreshing the
   * credentials that `headers` hands out, and the call is sent once more — a money-moving call with
   * the same idempotency key and verification ticket, so it still takes effect at most once.
   * Resolve `false` (or leave it unset) and the call fails with a `configuration` error.
   */
  onUnauthorized?: (error: KitError) => boolean | Promise<boolean>;
}
