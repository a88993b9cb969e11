import { createHash } from 'node:crypto';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { Db, Query } from './db.js';
import { seedRemittances } from './operations/remittance.js';
import { seedUnbindRequests } from './operations/unbind-requests.js';

/** What a new tenant starts with. */
export interface TenantSeed {
  tenantId: string;
  /** The API token that acts for this tenant (stored hashed). */
  token: string;
  /** Same seed, same data as the in-memory backend. Default 1. */
  seed?: number;
  /** The seed's dates are relative to this instant. */
  now: number;
  /** How many invitations to generate. Default 2,000, as the in-memory backend. */
  invitationCount?: number;
  /** Verification-code checking switched on for the partner's guarded purposes. Default true. */
  verificationEnabled?: boolean;
}

/** The purposes the in-memory backend guards by default. */
const GUARDED = ['issue-coupon', 'reclaim-coupon', 'withdraw', 'pay-order', 'unbind', 'unbind-request', 'remittance-account'];

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

const ms = (text: string | undefined) => (text === undefined ? null : Date.parse(text));

/** Inserts `rows` through one statement: `jsonb_to_recordset` turns the JSON array into rows. */
async function insertRows(query: Query, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const names = Object.keys(columns).join(', ');
  const types = Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(', ');
  await query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${types}) ON CONFLICT DO NOTHING`, [JSON.stringify(rows)]);
}

/** One part of the demo data, seeded as a whole; the tables it fills, the first of which tells whether it is there. */
interface SeedDomain {
  name: string;
  table: string;
  seed(query: Query, t: string, memory: MemoryPartnerApi, now: number): Promise<void>;
}

/**
 * The demo data by domain, in the order their references need. A domain added to the server later
 * (a new migration and its seed here) reaches a tenant created before it at the next start.
 */
const DOMAINS: readonly SeedDomain[] = [
  {
    name: 'customers',
    table: 'customers',
    async seed(query, t, { data }) {
      await insertRows(query, 'banks', { bank_code: 'text', seq: 'int', bank_name: 'text' }, data.banks.map((b, i) => ({ bank_code: b.code, seq: i, bank_name: b.name })));
      await insertRows(query, 'branches', { branch_code: 'text', seq: 'int', bank_code: 'text', branch_name: 'text', city: 'text' },
        data.branches.map((b, i) => ({ branch_code: b.code, seq: i, bank_code: b.bankCode, branch_name: b.name, city: b.city ?? null })));
      await insertRows(query, 'customers',
        { tenant_id: 'text', customer_id: 'text', seq: 'int', account_name: 'text', name: 'text', mobile: 'text', email: 'text', association_type: 'text', associated_at: 'bigint', frozen: 'boolean' },
        data.customers.map((c, i) => ({ tenant_id: t, customer_id: c.id, seq: i, account_name: c.accountName, name: c.name, mobile: c.mobile ?? null, email: c.email ?? null, association_type: c.associationType, associated_at: ms(c.associatedAt), frozen: c.frozen })));
    },
  },
  {
    name: 'coupons',
    table: 'quotas',
    async seed(query, t, { data }) {
      await insertRows(query, 'quotas',
        { tenant_id: 'text', quota_id: 'text', seq: 'int', kind: 'text', status: 'text', total: 'bigint', balance: 'bigint', currency: 'text', effective_from: 'bigint', expires_at: 'bigint', min_face_value: 'bigint', max_face_value: 'bigint', restrictions: 'jsonb' },
        data.quotas.map((q, i) => ({ tenant_id: t, quota_id: q.id, seq: i, kind: q.kind, status: q.status, total: q.total, balance: q.balance, currency: q.currency, effective_from: ms(q.effectiveFrom), expires_at: ms(q.expiresAt), min_face_value: q.minFaceValue ?? null, max_face_value: q.maxFaceValue ?? null, restrictions: q.restrictions })));
      // Seeded coupons list after every newly issued one (new ones take positive, rising seq values).
      await insertRows(query, 'coupons',
        { tenant_id: 'text', coupon_id: 'text', seq: 'bigint', kind: 'text', customer_id: 'text', customer_name: 'text', face_value: 'bigint', balance: 'bigint', currency: 'text', status: 'text', effective_from: 'bigint', expires_at: 'bigint', issued_at: 'bigint' },
        data.coupons.map((c, i) => ({ tenant_id: t, coupon_id: c.id, seq: -i, kind: c.kind, customer_id: c.customerId, customer_name: c.customerName ?? null, face_value: c.faceValue, balance: c.balance, currency: c.currency, status: c.status, effective_from: ms(c.effectiveFrom), expires_at: ms(c.expiresAt), issued_at: ms(c.issuedAt) })));
      await insertRows(query, 'coupon_records',
        { tenant_id: 'text', record_id: 'text', operation: 'text', quota_id: 'text', kind: 'text', coupon_id: 'text', customer_id: 'text', customer_name: 'text', amount: 'bigint', currency: 'text', operated_at: 'bigint', succeeded: 'boolean', remark: 'text' },
        data.records.map((r) => ({ tenant_id: t, record_id: r.id, operation: r.operation, quota_id: r.quotaId, kind: r.kind, coupon_id: r.couponId ?? null, customer_id: r.customerId, customer_name: r.customerName ?? null, amount: r.amount, currency: r.currency, operated_at: ms(r.operatedAt), succeeded: r.succeeded, remark: r.remark ?? null })));
    },
  },
  {
    name: 'withdrawal',
    table: 'balances',
    async seed(query, t, { data }) {
      await insertRows(query, 'balances',
        { tenant_id: 'text', account_id: 'text', seq: 'int', type: 'text', amount: 'bigint', credit_limit: 'bigint', designated_amount: 'bigint', currency: 'text' },
        data.balances.map((b, i) => ({ tenant_id: t, account_id: b.accountId, seq: i, type: b.type, amount: b.amount, credit_limit: b.creditLimit ?? null, designated_amount: b.designatedAmount ?? null, currency: b.currency })));
      await insertRows(query, 'payout_accounts',
        { tenant_id: 'text', account_id: 'text', seq: 'int', type: 'text', holder_name: 'text', bank_code: 'text', bank_name: 'text', masked_number: 'text', branch_code: 'text' },
        data.accounts.map((a, i) => ({ tenant_id: t, account_id: a.id, seq: i, type: a.type, holder_name: a.holderName, bank_code: a.bankCode ?? null, bank_name: a.bankName ?? null, masked_number: a.maskedNumber, branch_code: a.branch?.code ?? null })));
      await insertRows(query, 'recharge_flows',
        { tenant_id: 'text', flow_id: 'text', received_at: 'bigint', channel: 'text', original_amount: 'bigint', withdrawable_amount: 'bigint', account_id: 'text' },
        data.flows.map((f) => ({ tenant_id: t, flow_id: f.id, received_at: ms(f.receivedAt), channel: f.channel, original_amount: f.originalAmount, withdrawable_amount: f.withdrawableAmount, account_id: f.accountId })));
    },
  },
  { name: 'unbind-requests', table: 'unbind_requests', seed: (query, t, memory) => seedUnbindRequests(query, t, memory) },
  { name: 'remittances', table: 'remittances', seed: (query, t, _memory, now) => seedRemittances(query, t, now) },
  {
    name: 'invitations',
    table: 'invitations',
    async seed(query, t, { data }) {
      await insertRows(query, 'invitations',
        { tenant_id: 'text', invitation_id: 'text', name: 'text', mobile: 'text', email: 'text', status: 'text', failure: 'text', invited_at: 'bigint', link_expires_at: 'bigint', operator: 'text' },
        data.invitations.map((i) => ({ tenant_id: t, invitation_id: i.id, name: i.name, mobile: i.mobile, email: i.email, status: i.status, failure: i.failure ?? null, invited_at: i.invitedAt, link_expires_at: i.linkExpiresAt, operator: i.operator })));
    },
  },
  {
    name: 'payments',
    table: 'payment_orders',
    async seed(query, t, memory) {
      await insertRows(query, 'payment_orders',
        { tenant_id: 'text', order_id: 'text', seq: 'int', customer_id: 'text', masked_customer: 'text', product: 'text', amount: 'bigint', currency: 'text', service_start_at: 'bigint', payment_deadline: 'bigint', marketplace_goods: 'boolean', online_channels: 'text[]', estimated_rebate: 'bigint' },
        memory.payments.overview().orders.map((o, i) => ({ tenant_id: t, order_id: o.id, seq: i, customer_id: o.customerId, masked_customer: o.maskedCustomer, product: o.product, amount: o.amount, currency: o.currency, service_start_at: ms(o.serviceStartAt), payment_deadline: ms(o.paymentDeadline), marketplace_goods: o.marketplaceGoods, online_channels: o.onlineChannels, estimated_rebate: o.estimatedRebate })));
    },
  },
];

/**
 * Creates a tenant holding the in-memory backend's demo data (the same generator, so the demo
 * looks the same on either backend), and gives a tenant that exists the domains seeded since it
 * was created; what it has is never seeded twice. A tenant from before the server kept that record
 * gets each domain whose table holds none of its rows.
 */
export async function provisionTenant(db: Db, seed: TenantSeed): Promise<void> {
  const t = seed.tenantId;
  await db.transaction(async (query) => {
    const memory = createMemoryAdapter({ seed: seed.seed ?? 1, now: () => seed.now, invitationCount: seed.invitationCount ?? 2000 });
    await query('INSERT INTO tenants (tenant_id, company_real_name, verification_enabled, guarded_purposes, seeded_domains) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
      t, memory.data.companyRealName, seed.verificationEnabled ?? true, GUARDED, [],
    ]);
    await query('INSERT INTO api_tokens (token_hash, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tokenHash(seed.token), t]);
    // Locked: two servers starting on one database must not both seed.
    const [tenant] = await query<{ seeded_domains: string[] | null }>('SELECT seeded_domains FROM tenants WHERE tenant_id = $1 FOR UPDATE', [t]);
    const seeded = tenant?.seeded_domains;
    for (const domain of DOMAINS) {
      if (seeded ? seeded.includes(domain.name) : (await query(`SELECT 1 FROM ${domain.table} WHERE tenant_id = $1 LIMIT 1`, [t])).length > 0) continue;
      await domain.seed(query, t, memory, seed.now);
    }
    await query('UPDATE tenants SET seeded_domains = $2 WHERE tenant_id = $1', [t, DOMAINS.map((domain) => domain.name)]);
  });
}
