import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { provisionTenant } from '../../server/src/seed.js';
import { startServer, type RunningServer } from '../../server/src/server.js';

// The reference server's own promises, over raw HTTP: what an adapter cannot see (status codes,
// headers, stored rows) and what no conforming adapter would send (malformed bodies).

let server: RunningServer;
const token = 'raw-token';
const call = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', ...init.headers } });

before(async () => {
  server = await startServer({ location: { kind: 'memory' }, rateLimitPerSecond: 1000, maxBodyBytes: 4096 });
  await provisionTenant(server.db, { tenantId: 'raw', token, now: Date.now(), invitationCount: 20 });
});
after(() => server.close());

describe('reference server over raw HTTP', () => {
  it('answers bad input with 400 and the contract error shape, never a stack trace', async () => {
    for (const body of ['{"quota_type": 7, "offset": 0, "limit": 10}', '{not json', '{"quota_type": 0, "offset": 0, "limit": 1000}']) {
      const response = await call('/v2/partners/coupon-quotas/query', { method: 'POST', body });
      assert.equal(response.status, 400);
      const json = (await response.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(json).sort(), ['error_code', 'error_msg']);
      assert.equal(json['error_code'], 'CBC.0100');
      assert.doesNotMatch(String(json['error_msg']), /at .*\.ts:\d+/);
    }
  });

  it('refuses a bad amount, a missing key and an oversized body', async () => {
    const amount = await call('/kit/v1/withdrawals', { method: 'POST', body: '{"route":"original","amount":1.234}', headers: { 'Idempotency-Key': 'k-amount' } });
    assert.equal(amount.status, 400);
    const keyless = await call('/kit/v1/withdrawals', { method: 'POST', body: '{"route":"original","amount":1}' });
    assert.equal(keyless.status, 400);
    assert.match(((await keyless.json()) as { error_msg: string }).error_msg, /Idempotency-Key/);
    const crowd = JSON.stringify({ quota_id: 'Q-V-2026-001', customer_ids: Array.from({ length: 101 }, (_, i) => `c-${i}`), face_value: 10 });
    const tooMany = await call('/v2/promotions/benefits/partner-coupons', { method: 'POST', body: crowd, headers: { 'Idempotency-Key': 'k-crowd-1' } });
    assert.equal(tooMany.status, 400, 'at most 100 customers per issue');
    const big = await call('/kit/v1/reveal', { method: 'POST', body: JSON.stringify({ resource: 'customer', id: 'x'.repeat(5000), field: 'name' }) });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { error_code: string }).error_code, 'CBC.0100');
  });

  it('checks the token, and the tenant in the token against the URL', async () => {
    assert.equal((await call('/kit/v1/banks', { headers: { 'X-Auth-Token': 'nope' } })).status, 401);
    assert.equal((await call('/tenants/raw/kit/v1/banks')).status, 200);
    const other = await call('/tenants/someone-else/kit/v1/banks');
    assert.equal(other.status, 401);
    assert.deepEqual(await other.json(), { error_code: 'APIGW.0301', error_msg: 'tenant_id in token mismatches with tenant_id in url.' });
  });

  it('answers the intent lookup: not-done abandons the key, refused and done replay their answer', async () => {
    const lookup = async (key: string) => (await call(`/kit/v1/intents/${key}?operation=resendInvitation`)).json();
    const resend = (id: string, key: string) => call(`/kit/v1/invitations/${id}/resend`, { method: 'POST', body: '{}', headers: { 'Idempotency-Key': key } });
    assert.deepEqual(await lookup('k-never-used'), { status: 'not-done' });
    const late = await resend('inv-000002', 'k-never-used');
    assert.equal(late.status, 409, 'a key reported as not done never takes effect later');
    assert.equal(((await late.json()) as { error_code: string }).error_code, 'KIT.INTENT_ABANDONED');

    const refused = await resend('inv-999999', 'k-refused');
    assert.equal(refused.status, 404);
    assert.deepEqual(await lookup('k-refused'), { status: 'refused', error: { error_code: 'KIT.NOT_FOUND', error_msg: 'No such invitation.' } });
    const again = await resend('inv-999999', 'k-refused');
    assert.equal(again.status, 404);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true', 'a definite refusal is replayed');

    const [row] = await server.db.query<{ invitation_id: string }>("SELECT invitation_id FROM invitations WHERE tenant_id = 'raw' AND status <> 'associated' LIMIT 1");
    const id = row?.invitation_id ?? '';
    const result: unknown = await (await resend(id, 'k-done-01')).json();
    assert.deepEqual(await lookup('k-done-01'), { status: 'done', result });
    const repeat = await resend(id, 'k-done-01');
    assert.equal(repeat.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await repeat.json(), result);
    const mismatch = await resend('inv-999998', 'k-done-01');
    assert.equal(mismatch.status, 409);
    assert.equal(((await mismatch.json()) as { error_code: string }).error_code, 'KIT.IDEMPOTENCY_MISMATCH');
  });

  it('does not record a refusal whose cause may pass: a missing ticket leaves the key unused', async () => {
    const body = '{"route":"original","amount":1}';
    const bare = await call('/kit/v1/withdrawals', { method: 'POST', body, headers: { 'Idempotency-Key': 'k-no-ticket' } });
    assert.equal(bare.status, 403);
    assert.deepEqual(await (await call('/kit/v1/intents/k-no-ticket?operation=withdraw')).json(), { status: 'not-done' });
  });

  it('stores codes hashed and audits every reveal', async () => {
    await call('/kit/v1/verification/codes', { method: 'POST', body: '{"purpose":"withdraw","channel":"sms"}' });
    const [sent] = await server.db.query<{ code: string }>("SELECT code FROM outbox WHERE tenant_id = 'raw' ORDER BY id DESC LIMIT 1");
    const [stored] = await server.db.query<{ code_hash: string }>("SELECT code_hash FROM verification_codes WHERE tenant_id = 'raw' AND purpose = 'withdraw'");
    assert.match(stored?.code_hash ?? '', /^[0-9a-f]{64}$/);
    assert.ok(!stored?.code_hash.includes(sent?.code ?? '-'));
    const reveal = await call('/kit/v1/reveal', { method: 'POST', body: '{"resource":"customer","id":"c-0001","field":"name"}' });
    assert.equal(reveal.status, 200);
    const audit = await server.db.query("SELECT resource, record_id, field FROM reveal_audit WHERE tenant_id = 'raw'");
    assert.deepEqual(audit, [{ resource: 'customer', record_id: 'c-0001', field: 'name' }]);
  });

  it('holds the resend wait only against a code it still holds: after a pass, a new code may be sent at once', async () => {
    const send = () => call('/kit/v1/verification/codes', { method: 'POST', body: '{"purpose":"reclaim-coupon","channel":"email"}' });
    assert.equal((await send()).status, 200);
    assert.equal((await send()).status, 429, 'a second send waits while the code is held');
    const [sent] = await server.db.query<{ code: string }>("SELECT code FROM outbox WHERE tenant_id = 'raw' AND purpose = 'reclaim-coupon' ORDER BY id DESC LIMIT 1");
    const check = () => call('/kit/v1/verification/checks', { method: 'POST', body: JSON.stringify({ purpose: 'reclaim-coupon', channel: 'email', code: sent?.code }) });
    assert.equal((await check()).status, 200);
    // The answer to that check may be lost: checking again says no code is held, and a new one is sent at once.
    assert.equal(((await (await check()).json()) as { error_code: string }).error_code, 'KIT.CODE_NOT_SENT');
    assert.equal((await send()).status, 200);
  });

  it('spends a ticket only with the withdrawal it guards: not after a lookup said not done, nor after a refusal', async () => {
    await call('/kit/v1/verification/codes', { method: 'POST', body: '{"purpose":"withdraw","channel":"email"}' });
    const [sent] = await server.db.query<{ code: string }>("SELECT code FROM outbox WHERE tenant_id = 'raw' AND purpose = 'withdraw' AND channel = 'email' ORDER BY id DESC LIMIT 1");
    const checked = await call('/kit/v1/verification/checks', { method: 'POST', body: JSON.stringify({ purpose: 'withdraw', channel: 'email', code: sent?.code }) });
    const { ticket } = (await checked.json()) as { ticket: string };
    assert.deepEqual(await (await call('/kit/v1/intents/k-wd-lost?operation=withdraw')).json(), { status: 'not-done' });
    const withdraw = (key: string) =>
      call('/kit/v1/withdrawals', { method: 'POST', body: '{"route":"original","amount":1}', headers: { 'Idempotency-Key': key, 'X-Verification-Ticket': ticket } });
    assert.equal(((await (await withdraw('k-wd-again')).json()) as { error_code: string }).error_code, 'KIT.BRANCH_REQUIRED');
    assert.equal((await call('/kit/v1/bank-accounts/acct-icbc/branch', { method: 'PUT', body: '{"branch_code":"ICBC-5"}' })).status, 200);
    assert.equal((await withdraw('k-wd-third')).status, 200);
    assert.equal((await withdraw('k-wd-fourth')).status, 403, 'the withdrawal spent it');
  });

  it('reports an account once, even from concurrent requests under two keys, each key recorded with its outcome', async () => {
    const body = JSON.stringify({ name: 'Zhao Yun', mobile: '0086-13900000071', account_id: 'acc-008613900000071', send_invitation: false });
    const report = (key: string) => call('/kit/v1/customer-reports', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    const answers = await Promise.all([report('k-report-a1'), report('k-report-b1')]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
    const rows = await server.db.query("SELECT status FROM invitations WHERE tenant_id = 'raw' AND mobile = '0086-13900000071'");
    assert.deepEqual(rows, [{ status: 'reported' }]);
    const keys = await server.db.query<{ outcome: string }>("SELECT outcome FROM idempotency_keys WHERE tenant_id = 'raw' AND operation = 'reportCustomer' ORDER BY outcome");
    assert.deepEqual(keys.map((k) => k.outcome), ['done', 'refused']);
  });

  it('keeps a revoked link, refusing to act on it again', async () => {
    const link = (await (await call('/kit/v1/invitation-links', { method: 'POST', body: '{"kind":"generic"}' })).json()) as { link_id: string };
    const revoke = (key: string) => call(`/kit/v1/invitation-links/${link.link_id}/revoke`, { method: 'POST', body: '{}', headers: { 'Idempotency-Key': key } });
    assert.equal((await revoke('k-revoke-01')).status, 200);
    const again = await revoke('k-revoke-02');
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as { error_code: string }).error_code, 'KIT.LINK_REVOKED');
    const [row] = await server.db.query<{ revoked_at: number | null }>("SELECT revoked_at FROM invitation_links WHERE tenant_id = 'raw' AND link_id = $1", [link.link_id]);
    assert.ok(row?.revoked_at);
  });

  it('serves the committed OpenAPI document', async () => {
    const served: unknown = await (await fetch(`${server.url}/openapi.json`)).json();
    const committed: unknown = JSON.parse(await readFile(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    assert.deepEqual(served, committed, 'docs/openapi.json is stale: run `npm run openapi` in server/');
  });
});

describe('reference server rate limit', () => {
  it('answers past 10 requests/s per tenant with 429 and Retry-After, counted in the database', async () => {
    const limited = await startServer({ location: { kind: 'memory' } });
    try {
      await provisionTenant(limited.db, { tenantId: 'busy', token, now: Date.now(), invitationCount: 0 });
      const responses = await Promise.all(Array.from({ length: 25 }, () => fetch(`${limited.url}/kit/v1/banks`, { headers: { 'X-Auth-Token': token } })));
      const throttled = responses.filter((r) => r.status === 429);
      assert.ok(throttled.length >= 5, `expected throttling, got ${throttled.length} 429s`);
      assert.ok(responses.filter((r) => r.status === 200).length <= 20);
      assert.match(throttled[0]?.headers.get('Retry-After') ?? '', /^\d+$/);
      assert.equal(((await throttled[0]?.json()) as { error_code: string }).error_code, 'CBC.0250');
      const [window] = await limited.db.query<{ calls: number }>("SELECT calls FROM rate_windows WHERE tenant_id = 'busy'");
      assert.ok((window?.calls ?? 0) > 10);
    } finally {
      await limited.close();
    }
  });
});
