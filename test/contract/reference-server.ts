import { randomUUID } from 'node:crypto';
import type { PartnerApi } from '../../src/api/adapter.js';
import { createHttpAdapter } from '../../src/api/http/index.js';
import { settlePayment } from '../../server/src/operations/payments.js';
import { matchRemittance, reviewClaim } from '../../server/src/operations/remittance.js';
import { provisionTenant } from '../../server/src/seed.js';
import type { DbLocation } from '../../server/src/db.js';
import { startServer, type RunningServer } from '../../server/src/server.js';

/** The reference server in this process, on 127.0.0.1 (PGlite in memory unless told), with a tenant per test. */
export async function referenceServer(now: () => number, location: DbLocation = { kind: 'memory' }): Promise<{
  server: RunningServer;
  makeApi: () => Promise<PartnerApi>;
  readCode: (api: PartnerApi, purpose: string, channel: string) => Promise<string>;
  readRegistrationCode: (api: PartnerApi, mobile: string) => Promise<string>;
  settlePayment: (api: PartnerApi, paymentId: string, outcome: 'paid' | 'failed') => Promise<void>;
  reviewClaim: (api: PartnerApi, claimId: string, outcome: 'approved' | 'rejected', reason?: string) => Promise<void>;
  matchRemittance: (api: PartnerApi, remittanceId: string) => Promise<void>;
}> {
  const server = await startServer({ location, now });
  const tenants = new WeakMap<PartnerApi, string>();
  return {
    server,
    async makeApi() {
      const tenantId = `t-${randomUUID().slice(0, 8)}`;
      const token = `token-${randomUUID()}`;
      await provisionTenant(server.db, { tenantId, token, now: now(), invitationCount: 60 });
      const api = createHttpAdapter({ baseUrl: `${server.url}/tenants/${tenantId}`, headers: () => ({ 'X-Auth-Token': token }) });
      tenants.set(api, tenantId);
      return api;
    },
    async readCode(api, purpose, channel) {
      const [row] = await server.db.query<{ code: string }>(
        'SELECT code FROM outbox WHERE tenant_id = $1 AND purpose = $2 AND channel = $3 ORDER BY id DESC LIMIT 1',
        [tenants.get(api), purpose, channel],
      );
      if (!row) throw new Error(`no ${channel} code for ${purpose}`);
      return row.code;
    },
    async readRegistrationCode(api, mobile) {
      const [row] = await server.db.query<{ code: string }>(
        "SELECT code FROM outbox WHERE tenant_id = $1 AND purpose = 'registration' AND destination = $2 ORDER BY id DESC LIMIT 1",
        [tenants.get(api), mobile],
      );
      if (!row) throw new Error(`no registration code for ${mobile}`);
      return row.code;
    },
    // The payment provider's report, which a deployment receives on its own callback.
    async settlePayment(api, paymentId, outcome) {
      await settlePayment(server.db, tenants.get(api) ?? '', paymentId, outcome, now());
    },
    // The back office's review and the bank's matching, which a deployment does in its own systems.
    async reviewClaim(api, claimId, outcome, reason) {
      await reviewClaim(server.db, tenants.get(api) ?? '', claimId, outcome, now(), reason);
    },
    async matchRemittance(api, remittanceId) {
      await matchRemittance(server.db, tenants.get(api) ?? '', remittanceId, now());
    },
  };
}
