import type { CustomerNotice } from '../../../src/api/memory/customer-outbox.js';
import type { Query } from '../db.js';

/**
 * Tells a customer a notice, one outbox row per channel, in the caller's transaction: sent exactly
 * when the effect commits. The words are the in-memory backend's (`CUSTOMER_NOTICES`), so both
 * backends' outboxes read the same.
 */
export async function tellCustomer(query: Query, tenantId: string, customerId: string, notice: CustomerNotice, now: number): Promise<void> {
  for (const channel of notice.channels) {
    await query("INSERT INTO outbox (tenant_id, purpose, channel, destination, code, text, sent_at) VALUES ($1, $2, $3, $4, '', $5, $6)", [
      tenantId, notice.purpose, channel, customerId, notice.text, now,
    ]);
  }
}
