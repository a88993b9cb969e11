// Prints, per public entry, the minified and gzip size of what a host pays when it imports that
// entry alone, Lit and zod/mini included. Run after `npm run build`.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleEntry } from './bundle-entry.mjs';

/** Budgets in gzip bytes; an entry over its budget is marked and makes the script fail. */
const BUDGETS = { 'masked-field.js': 10 * 1024, 'verification-code-modal.js': 16 * 1024, 'withdraw-dialog.js': 26 * 1024, 'voucher-issue-form.js': 26 * 1024, 'issued-voucher-list.js': 21 * 1024, 'voucher-records.js': 13 * 1024, 'invite-table.js': 21 * 1024 };
const ENTRIES = ['masked-field.js', 'verification-code-modal.js', 'withdraw-dialog.js', 'voucher-issue-form.js', 'issued-voucher-list.js', 'voucher-records.js', 'invite-table.js', 'partner-kit-provider.js', 'core.js', 'api.js', 'api-memory.js', 'api-http.js', 'index.js'];

if (!existsSync('dist/index.js')) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let over = false;
console.log('entry'.padEnd(40), 'min'.padStart(10), 'gzip'.padStart(10), '  budget (gzip)');
for (const entry of ENTRIES) {
  const { code } = await bundleEntry(`dist/${entry}`);
  const gzip = gzipSync(code, { level: 9 }).length;
  const budget = BUDGETS[entry];
  const verdict = budget === undefined ? '' : `${gzip <= budget ? 'ok' : 'OVER'}: ${gzip} of ${budget} bytes`;
  if (budget !== undefined && gzip > budget) over = true;
  console.log(`partner-kit/${entry}`.padEnd(40), kb(code.length).padStart(10), kb(gzip).padStart(10), ` ${verdict}`);
}
process.exit(over ? 1 : 0);
