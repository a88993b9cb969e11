/** How the HTTP adapter backs off between attempts. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  maxRetries: number;
  /** First back-off when the server gives no Retry-After; the partner FAQ advises 2–5 s. Default 2000. */
  baseDelayMs: number;
  /** No single wait is longer than this. Default 30000. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 2000, maxDelayMs: 30_000 };

/**
 * Reads a `Retry-After` header: delta-seconds or an HTTP date. Returns milliseconds, or `undefined`
 * when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt` (0-based): the server's Retry-After when it gave one,
 * otherwise capped exponential back-off with full jitter, so many tabs retrying do not stampede.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
