import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { PartnerApi } from '../../src/api/adapter.js';
import { createHttpAdapter } from '../../src/api/http/index.js';
import { KitError } from '../../src/model/errors.js';
import { provisionTenant } from '../../server/src/seed.js';
import { startServer } from '../../server/src/server.js';
import type { DbLocation } from '../../server/src/db.js';

// Faults the idempotency design exists for, on the real server process and its on-disk database.

const SERVER_DIR = new URL('../../server/', import.meta.url);
const TOKEN = 'fault-token';

interface Child {
  url: string;
  process: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** Starts `server/src/main.ts` on a free port over `dataDir`; resolves once it serves. */
async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--data', dataDir, '--port', '0', '--dev-outbox'], {
    cwd: SERVER_DIR,
    env: { ...process.env, KIT_DEMO_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((status) => reject(new Error(`the server exited (${String(status)}) before serving: ${out}`)));
  });
  return { url, process: child, exited };
}

async function stop(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
  await child.exited;
}

const adapter = (url: string, token = TOKEN) =>
  createHttpAdapter({ baseUrl: url, headers: () => ({ 'X-Auth-Token': token }), rateLimitPerSecond: 1000, retry: { maxRetries: 0 } });

/** Sends a withdraw code, reads it from the dev outbox, passes the check. */
async function withdrawTicket(api: PartnerApi, url: string, token = TOKEN): Promise<string> {
  await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' });
  const outbox = (await (await fetch(`${url}/kit/v1/dev/outbox`, { headers: { 'X-Auth-Token': token } })).json()) as { messages: { purpose: string; code: string }[] };
  const code = outbox.messages.find((m) => m.purpose === 'withdraw')?.code ?? '';
  return (await api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code })).ticket;
}

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('faults', () => {
  it('killed after the commit, before the answer: the retry gets the first result and no second effect; a restart keeps everything', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'partner-kit-fault-'));
    dirs.push(dataDir);
    const doomed = await spawnServer(dataDir, { KIT_CRASH_AFTER_COMMIT: 'withdraw' });
    const api = adapter(doomed.url);
    const before = await api.getWithdrawalOverview();
    const flow = before.flows.find((f) => f.channel === 'alipay');
    assert.ok(flow);
    const resendKey = 'fault-resend-1';
    const resent = await api.resendInvitation({ invitationId: 'inv-000001' }, { idempotencyKey: resendKey });
    const request = { route: 'original' as const, amount: 12_345, flowIds: [flow.id] };
    const key = 'fault-withdraw-1';
    const verificationTicket = await withdrawTicket(api, doomed.url);
    const lost = await api.withdraw(request, { idempotencyKey: key, verificationTicket }).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(lost instanceof KitError && lost.code === 'network', `the answer was lost: ${String(lost)}`);
    assert.equal(await doomed.exited, 'SIGKILL');

    const revived = await spawnServer(dataDir);
    try {
      const again = adapter(revived.url);
      const intent = await again.lookupIntent({ operation: 'withdraw', idempotencyKey: key });
      assert.equal(intent.status, 'done', 'the intent committed before the crash');
      const retried = await again.withdraw(request, { idempotencyKey: key, verificationTicket });
      assert.equal(retried.amount, 12_345);
      assert.deepEqual(retried, intent.status === 'done' ? intent.result : undefined, 'the retry answers the first result');
      const afterRetry = await again.getWithdrawalOverview();
      assert.equal(afterRetry.withdrawable, before.withdrawable - 12_345, 'exactly one effect');
      assert.deepEqual(await again.resendInvitation({ invitationId: 'inv-000001' }, { idempotencyKey: resendKey }), resent, 'idempotency records survive a restart');
    } finally {
      await stop(revived);
    }
  });

  // PGlite is one connection, so it serialises everything; a PostgreSQL server (KIT_TEST_DATABASE_URL) runs the requests truly concurrently.
  const locations: [string, DbLocation][] = [['PGlite', { kind: 'memory' }]];
  if (process.env['KIT_TEST_DATABASE_URL']) locations.push(['PostgreSQL', { kind: 'url', url: process.env['KIT_TEST_DATABASE_URL'] }]);

  for (const [name, location] of locations) {
    it(`${name}: 50 concurrent identical money requests give one effect and one answer`, async () => {
      const server = await startServer({ location, rateLimitPerSecond: 1000, devOutbox: true });
      const tenantId = `burst-${randomUUID().slice(0, 8)}`;
      const token = `token-${tenantId}`;
      try {
        await provisionTenant(server.db, { tenantId, token, now: Date.now(), invitationCount: 0 });
        const api = adapter(server.url, token);
        const before = await api.getWithdrawalOverview();
        const flow = before.flows.find((f) => f.channel === 'alipay');
        assert.ok(flow);
        const verificationTicket = await withdrawTicket(api, server.url, token);
        const request = { route: 'original' as const, amount: 100, flowIds: [flow.id] };
        const started = Date.now();
        const results = await Promise.all(Array.from({ length: 50 }, () => api.withdraw(request, { idempotencyKey: 'burst-key-1', verificationTicket })));
        const ms = Date.now() - started;
        assert.equal(new Set(results.map((r) => r.referenceId)).size, 1, 'one answer');
        assert.equal((await api.getWithdrawalOverview()).withdrawable, before.withdrawable - 100, 'one effect');
        const [count] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM withdrawals WHERE tenant_id = $1', [tenantId]);
        assert.equal(count?.n, 1, 'one withdrawal row');
        process.stdout.write(`${name}: 50 concurrent withdrawals with one key: 1 effect, ${results.length} identical answers in ${ms} ms\n`);
      } finally {
        await server.close();
      }
    });

    it(`${name}: 20 concurrent issues under different keys never overspend the quota`, async () => {
      const server = await startServer({ location, rateLimitPerSecond: 1000 });
      const tenantId = `quota-${randomUUID().slice(0, 8)}`;
      const token = `token-${tenantId}`;
      try {
        await provisionTenant(server.db, { tenantId, token, now: Date.now(), invitationCount: 0, verificationEnabled: false });
        const api = adapter(server.url, token);
        // Q-V-2026-002 holds 300.00 yuan: six coupons of 50.00 fit.
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => api.issueCoupons({ quotaId: 'Q-V-2026-002', customerIds: ['c-0001'], faceValue: 5_000 }, { idempotencyKey: `quota-key-${i}` })),
        );
        assert.equal(results.filter((r) => r.issued.length === 1).length, 6);
        assert.ok(results.filter((r) => r.failed.length === 1).every((r) => r.failed[0]?.error.reason === 'quota-balance'));
        const quota = (await api.listQuotas({ kind: 'voucher', offset: 0, limit: 20 })).items.find((q) => q.id === 'Q-V-2026-002');
        assert.equal(quota?.balance, 0);
      } finally {
        await server.close();
      }
    });
  }

  if (process.env['KIT_TEST_DATABASE_URL']) {
    it('PostgreSQL: two server processes share one rate limit through the database', async () => {
      const location: DbLocation = { kind: 'url', url: process.env['KIT_TEST_DATABASE_URL'] ?? '' };
      const [a, b] = [await startServer({ location }), await startServer({ location })];
      const tenantId = `rate-${randomUUID().slice(0, 8)}`;
      try {
        await provisionTenant(a.db, { tenantId, token: tenantId, now: Date.now(), invitationCount: 0 });
        const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`${(i % 2 ? a : b).url}/kit/v1/banks`, { headers: { 'X-Auth-Token': tenantId } })));
        const ok = responses.filter((r) => r.status === 200).length;
        // Within one second at most 10 pass; the burst may straddle a window edge, so allow two windows.
        assert.ok(ok <= 20 && responses.some((r) => r.status === 429), `${ok} passed of 30`);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }
});
