// Prints speed figures for the hot paths a user waits on: parsing what they type, validating
// hostile input, seeding the in-memory backend and paging through its lists. Figures only: the
// script fails when a target is missed, never a unit test.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'partner-kit-bench-'));
const out = join(dir, 'bench-entry.mjs');
const { outputFiles } = await build({
  stdin: {
    contents: `export * from './src/core/index.ts'; export { createMemoryAdapter } from './src/api/memory/index.ts';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
});
writeFileSync(out, outputFiles[0].contents);
const kit = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });

/** Runs `fn` for about `ms` milliseconds after a warm-up; returns the mean time per call in microseconds. */
function measure(fn, ms = 300) {
  for (let i = 0; i < 200; i++) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn();
    calls++;
  }
  return ((performance.now() - start) * 1000) / calls;
}

async function measureAsync(fn, runs = 20) {
  await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

const results = [];
/** Targets are per call; a figure over its target is marked and fails the script. */
function report(name, value, unit, target) {
  results.push({ name, value, unit, target, over: value > target });
}

const typed = ['1,234.5', ' 88 ', '１２３．４５', '¥100', '1e3', '0x10', '1.234', '9'.repeat(40)];
let i = 0;
report('parseAmount, typical and refused input', measure(() => kit.parseAmount(typed[i++ % typed.length])), 'µs', 20);

const hostile = [
  'a'.repeat(100_000),
  `${'a-'.repeat(50_000)}!`,
  '<img src=x onerror=alert(1)>'.repeat(1000),
  '\u202e\u0000𝔞'.repeat(10_000),
];
let j = 0;
report(
  'validate name/mobile/email on 100 KB hostile input',
  measure(() => {
    const value = hostile[j++ % hostile.length];
    kit.firstRejection(kit.CustomerName, value);
    kit.firstRejection(kit.Mobile, value);
    kit.firstRejection(kit.Email, value);
  }),
  'µs',
  500,
);

report(
  'formatMoney zh-CN CNY',
  measure(() => kit.formatMoney(123_456_789, 'zh-CN', 'CNY')),
  'µs',
  20,
);

const seedStart = performance.now();
const api = kit.createMemoryAdapter({ invitationCount: 10_000 });
report('seed memory adapter with 10,000 invitations', performance.now() - seedStart, 'ms', 500);

report(
  'memory: list invitations page 50 filtered + sorted of 10,000',
  await measureAsync(() =>
    api.listInvitations({ offset: 500, limit: 50, query: '1', sortBy: 'invitedAt', sortDirection: 'desc' }),
  ),
  'ms',
  30,
);
report(
  'memory: search 300 customers by name',
  await measureAsync(() => api.searchCustomers({ offset: 0, limit: 20, query: 'an' })),
  'ms',
  10,
);

const fmt = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
console.log('benchmark'.padEnd(62), 'mean'.padStart(10), '  target');
for (const r of results) {
  console.log(r.name.padEnd(62), `${fmt(r.value)} ${r.unit}`.padStart(10), `  ≤ ${r.target} ${r.unit}${r.over ? '  OVER' : ''}`);
}
process.exit(results.some((r) => r.over) ? 1 : 0);
