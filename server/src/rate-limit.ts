import type { Db } from './db.js';
import { ApiError } from './errors.js';

/**
 * A fixed one-second window per tenant, counted in the database so every server process on it
 * shares the limit. Real time, never the business clock tests may stop.
 */
export async function throttle(db: Db, tenantId: string, perSecond: number, now = Date.now()): Promise<void> {
  const windowStart = now - (now % 1000);
  const [row] = await db.query<{ calls: number }>(
    `INSERT INTO rate_windows (tenant_id, window_start, calls) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id) DO UPDATE SET
       calls = CASE WHEN rate_windows.window_start = $2 THEN rate_windows.calls + 1 ELSE 1 END,
       window_start = $2
     RETURNING calls`,
    [tenantId, windowStart],
  );
  if ((row?.calls ?? 0) > perSecond) throw new ApiError('CBC.0250', 'Too many requests.', 429, windowStart + 1000 - now);
}
