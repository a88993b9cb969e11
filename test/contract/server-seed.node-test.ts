import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../server/src/db.js';
import { provisionTenant } from '../../server/src/seed.js';

const count = async (db: Awaited<ReturnType<typeof openDatabase>>, table: string, tenant: string) =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [tenant]))[0]?.n);

describe('reference server: the demo tenant is seeded once per part of its data', () => {
  it('seeds a new tenant whole, and never again at the next start', async () => {
    const db = await openDatabase({ kind: 'memory' });
    const seed = { tenantId: 'demo', token: 'demo-token', now: Date.now(), invitationCount: 10 };
    await provisionTenant(db, seed);
    const first = { remittances: await count(db, 'remittances', 'demo'), orders: await count(db, 'payment_orders', 'demo'), invitations: await count(db, 'invitations', 'demo') };
    assert.ok(first.remittances > 0 && first.orders > 0 && first.invitations === 10, JSON.stringify(first));
    await provisionTenant(db, seed);
    assert.deepEqual({ remittances: await count(db, 'remittances', 'demo'), orders: await count(db, 'payment_orders', 'demo'), invitations: await count(db, 'invitations', 'demo') }, first);
    await db.close();
  });

  it('gives a tenant created before a part of the data existed that part, and leaves what it has alone', async () => {
    const db = await openDatabase({ kind: 'memory' });
    const seed = { tenantId: 'older', token: 'older-token', now: Date.now(), invitationCount: 10 };
    await provisionTenant(db, seed);
    // As a server from before remittances and payments left it: those tables empty, and no record (or one without them).
    await db.query('DELETE FROM remittances WHERE tenant_id = $1', ['older']);
    await db.query('DELETE FROM payment_orders WHERE tenant_id = $1', ['older']);
    await db.query("UPDATE invitations SET status = 'registered' WHERE tenant_id = $1", ['older']);
    await db.query('UPDATE tenants SET seeded_domains = NULL WHERE tenant_id = $1', ['older']);
    await provisionTenant(db, seed);
    assert.ok((await count(db, 'remittances', 'older')) > 0, 'remittances not seeded');
    assert.ok((await count(db, 'payment_orders', 'older')) > 0, 'payment orders not seeded');
    const statuses = await db.query<{ status: string }>('SELECT DISTINCT status FROM invitations WHERE tenant_id = $1', ['older']);
    assert.deepEqual(statuses.map((r) => r.status), ['registered'], 'what the tenant had was seeded again');
    await db.query('DELETE FROM remittances WHERE tenant_id = $1', ['older']);
    await db.query("UPDATE tenants SET seeded_domains = array_remove(seeded_domains, 'remittances') WHERE tenant_id = $1", ['older']);
    await provisionTenant(db, seed);
    assert.ok((await count(db, 'remittances', 'older')) > 0, 'a part missing from the record not seeded');
    await db.close();
  });
});
