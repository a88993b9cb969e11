// Prints what a user of <invite-table> feels, measured in headless Chromium:
// - for 10,000 and 100,000 host rows: time from data assigned to first rows painted, the longest
//   frame while scrolling to the end (and the longest main-thread task, when one passes 50 ms),
//   and the number of DOM elements;
// - a batch resend of 1,000 invitations against the in-memory backend limited to 10 requests/s
//   (answering 429 beyond it): total time as a ratio to the 1000 / 10 s bound, lost and duplicates.
// The batch part takes about 100 s; set BENCH_SKIP_BATCH=1 to leave it out.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from './browser-path.mjs';

const entry = `
import './src/invite-table.ts';
import { createMemoryAdapter } from './src/api/memory/index.ts';
import { ResendJob } from './src/core/invites/resend-job.ts';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const statuses = ['reported', 'invited', 'associated', 'failed'];
function rows(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: 'inv-' + i, maskedName: '客' + (i % 97) + '**', maskedMobile: '0086-139****' + String(i % 10000).padStart(4, '0'),
    maskedEmail: 'u***@example.com', status: statuses[i % 4], invitedAt: new Date(1767225600000 + i * 60000).toISOString(),
    linkExpiresAt: new Date(1767830400000 + i * 60000).toISOString(), operator: 'op' + (i % 5),
  }));
}
function elements(root) {
  let count = 0;
  for (const node of root.querySelectorAll('*')) count += 1 + (node.shadowRoot ? elements(node.shadowRoot) : 0);
  return count;
}

window.benchTable = async (count) => {
  const data = rows(count);
  const table = document.createElement('invite-table');
  table.locale = 'en-US';
  document.body.replaceChildren(table);
  await table.updateComplete;
  const start = performance.now();
  table.rows = data;
  while (!table.shadowRoot.querySelector('.body .row')) await new Promise((resolve) => setTimeout(resolve, 0));
  await frame();
  await frame();
  const firstPaint = performance.now() - start;
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longestTask = Math.max(longestTask, e.duration))));
  observer.observe({ type: 'longtask' });
  const scroller = table.shadowRoot.querySelector('.scroller');
  let longestFrame = 0;
  let last = performance.now();
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
    scroller.scrollTop += scroller.scrollHeight / 120;
    await frame();
    const now = performance.now();
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
  }
  await frame();
  observer.disconnect();
  const lastRow = table.shadowRoot.querySelector('.body .row:last-child')?.getAttribute('aria-rowindex');
  return { firstPaint, longestFrame, longestTask, elements: elements(table.shadowRoot) + 1, lastRow };
};

window.benchBatch = async (count, perSecond) => {
  const api = createMemoryAdapter({ invitationCount: count * 2, rateLimitPerSecond: perSecond });
  const effects = new Map();
  const resend = api.resendInvitation.bind(api);
  api.resendInvitation = async (request, options) => {
    const before = api.data.invitations.find((i) => i.id === request.invitationId).invitedAt;
    const result = await resend(request, options);
    if (api.data.invitations.find((i) => i.id === request.invitationId).invitedAt !== before) {
      effects.set(request.invitationId, (effects.get(request.invitationId) ?? 0) + 1);
    }
    return result;
  };
  const ids = api.data.invitations.filter((i) => i.status !== 'associated').slice(0, count).map((i) => ({ id: i.id }));
  const job = new ResendJob({ api, concurrency: 4 });
  const start = performance.now();
  const { progress: result } = await job.run(ids);
  const seconds = (performance.now() - start) / 1000;
  return {
    rows: ids.length,
    seconds,
    bound: ids.length / perSecond,
    succeeded: result.succeeded.length,
    lost: ids.length - result.succeeded.length - result.failed.length,
    failed: result.failed.length,
    duplicates: [...effects.values()].filter((n) => n > 1).length,
    calls: api.calls.get('resendInvitation') ?? 0,
  };
};
`;

const executablePath = findBrowser();
if (!executablePath) {
  console.error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
  process.exit(1);
}
const bundle = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  write: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
});
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.setContent('<!doctype html><html lang="en"><body></body></html>');
await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
await page.waitForFunction(() => typeof window.benchTable === 'function');

const ms = (n) => `${n.toFixed(0)} ms`;
console.log('invite-table, host rows'.padEnd(28), 'first rows'.padStart(11), 'longest frame'.padStart(14), 'longest task'.padStart(13), 'DOM elements'.padStart(13));
for (const count of [10_000, 100_000]) {
  const r = await page.evaluate((n) => window.benchTable(n), count);
  console.log(
    `${count.toLocaleString('en-US')} rows (last row ${r.lastRow})`.padEnd(28),
    ms(r.firstPaint).padStart(11),
    ms(r.longestFrame).padStart(14),
    (r.longestTask ? ms(r.longestTask) : 'none ≥ 50 ms').padStart(13),
    String(r.elements).padStart(13),
  );
}

if (!process.env.BENCH_SKIP_BATCH) {
  const b = await page.evaluate(() => window.benchBatch(1000, 10));
  console.log(
    `batch resend: ${b.rows} rows at 10/s: ${b.seconds.toFixed(1)} s = ${(b.seconds / b.bound).toFixed(2)} × the ${b.bound} s bound;`,
    `${b.succeeded} sent, ${b.failed} failed, ${b.lost} lost, ${b.duplicates} duplicates, ${b.calls} calls (429s included)`,
  );
}
await browser.close();
