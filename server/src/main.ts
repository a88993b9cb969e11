import { parseArgs } from 'node:util';
import { provisionTenant } from './seed.js';
import { startServer } from './server.js';

/**
 * `npm start` in server/: the reference backend with the demo tenant.
 *   --data <folder>  PGlite data folder (default .data/pglite); ignored when DATABASE_URL is set
 *   --memory         PGlite in memory (nothing kept)
 *   --port <n>       default 8787
 *   --dev-outbox     serve the dev routes (/kit/v1/dev/…: the codes "sent", the payer, the claim reviewer)
 * Environment: DATABASE_URL (a PostgreSQL server), KIT_DEMO_TOKEN (default demo-token),
 * KIT_CODE_PEPPER, KIT_CRASH_AFTER_COMMIT=<operation> (fault tests: die after that intent commits).
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.data/pglite' },
    memory: { type: 'boolean', default: false },
    port: { type: 'string', default: '8787' },
    'dev-outbox': { type: 'boolean', default: false },
  },
});
const env = process.env;
const crashAfter = env['KIT_CRASH_AFTER_COMMIT'];
const server = await startServer({
  location: env['DATABASE_URL'] ? { kind: 'url', url: env['DATABASE_URL'] } : values.memory ? { kind: 'memory' } : { kind: 'folder', path: values.data },
  port: Number(values.port),
  devOutbox: values['dev-outbox'],
  ...(env['KIT_CODE_PEPPER'] ? { codePepper: env['KIT_CODE_PEPPER'] } : {}),
  ...(crashAfter ? { afterCommit: (operation: string) => operation === crashAfter && process.kill(process.pid, 'SIGKILL') } : {}),
});
await provisionTenant(server.db, { tenantId: 'demo', token: env['KIT_DEMO_TOKEN'] ?? 'demo-token', now: Date.now() });
process.stdout.write(`partner-kit reference server on ${server.url} (tenant demo)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
