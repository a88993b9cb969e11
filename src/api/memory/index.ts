/**
 * The in-memory adapter: `createMemoryAdapter()` gives a seeded, deterministic partner backend for
 * demos, design review and tests, with latency, fault injection and an outbox of sent codes.
 * @module
 */
import { MemoryPartnerApi, type MemoryAdapterOptions } from './memory-adapter.js';

export { MemoryPartnerApi, type MemoryAdapterOptions } from './memory-adapter.js';
export { REFUSALS, type FaultKind, type FaultPlan, type FaultSpec, type Refusal, type RefusalFault, type RefusingOperation, type TransportFault } from './faults.js';
export type { CustomerMessage, CustomerMessagePurpose } from './customer-outbox.js';
export type { RevealAudit } from './invitations.js';
export type { OutboxMessage, VerificationRules } from './verification-desk.js';
export { COMPANY_REAL_NAME, WELL_KNOWN_CUSTOMER_ID } from './seed.js';

/** Creates an in-memory partner backend. */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryPartnerApi {
  return new MemoryPartnerApi(options);
}
