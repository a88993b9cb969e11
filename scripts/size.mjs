// Prints what a page downloads up front (entry chunk + every chunk it imports statically, gzip -9)
// when a host bundles the built package: each entry alone, the shared base every portal pays
// (provider + HTTP adapter), each element's marginal cost over that base, and the seven elements
// with the base, which is what a portal ships, against issue 13's budgets. Then, per module
// (esbuild metafile, minified bytes), where the bytes of the offenders are; and the files the
// seven-element page is split into, with what each holds and which later parts share it.
//
// The budgets are not met yet (see the README's size section). Until they are, the script fails
// on a line that grows past its ceiling in size-ceilings.json — what it cost when the ceiling was
// last recorded, plus 2 % — so nothing grows unnoticed while the cuts are made; a line over its
// budget is printed OVER. `npm run size -- --record` records the ceilings anew (only after a cut,
// or with a reason in the commit), `--strict` fails on the budgets themselves.
// Run after `npm run build`; SIZE_DIST=dir measures another build output.
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleEntry } from './bundle-entry.mjs';

const DIST = process.env.SIZE_DIST ?? 'dist';
const KB = 1024;
/** The elements of issue 13's table; an element added later gets `LATER_MARGINAL`. */
const TODAY = ['masked-field', 'verification-code-modal', 'withdraw-dialog', 'voucher-issue-form', 'issued-voucher-list', 'voucher-records', 'invite-table'];
const BUDGET = { together: 35 * KB, base: 12 * KB, marginal: 4 * KB, laterMarginal: 6 * KB, alone: { 'withdraw-dialog': 20 * KB, 'masked-field': 10 * KB } };
/** Source of a dist entry, where its name differs. */
const SOURCES = { core: 'core/index', api: 'api/index', 'api-memory': 'api/memory/index', 'api-http': 'api/http/index' };
const ENTRIES = ['partner-kit-provider', 'core', 'api', 'api-memory', 'api-http', 'index'];

if (!existsSync(`${DIST}/index.js`)) {
  console.error(`No ${DIST}/: run \`npm run build\` first.`);
  process.exit(1);
}
// An element is a folder of src/elements with an entry of its own (shared folders have none).
const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'partner-kit-provider' && existsSync(`src/${d.name}.ts`))
  .map((d) => d.name)
  .sort((a, b) => (TODAY.indexOf(a) + 1 || 99) - (TODAY.indexOf(b) + 1 || 99));

/**
 * A page importing `entries` (file names in dist without `.js`); every export kept, as a host uses
 * them. `fromSource` bundles src/ instead, for a breakdown by source module.
 */
async function page(entries, fromSource = false) {
  const contents = entries.map((entry) => `export * from './${fromSource ? `src/${SOURCES[entry] ?? entry}.ts` : `${DIST}/${entry}.js`}';`).join('\n');
  const { files, modules } = await bundleEntry({ contents });
  const gzip = files.reduce((sum, file) => sum + gzipSync(file.code, { level: 9 }).length, 0);
  const min = files.reduce((sum, file) => sum + file.code.length, 0);
  return { gzip, min, chunks: files.length, modules, files };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const CEILINGS_FILE = new URL('./size-ceilings.json', import.meta.url);
const RECORD = process.argv.includes('--record');
const STRICT = process.argv.includes('--strict');
const ceilings = existsSync(CEILINGS_FILE) ? JSON.parse(readFileSync(CEILINGS_FILE, 'utf8')) : {};
const recorded = {};
const rows = [];
let over = false;
let grown = false;
function line(name, measured, budget, note = '') {
  const verdict = budget === undefined ? '' : measured.gzip <= budget ? `ok   ≤ ${kb(budget)}` : `OVER ≤ ${kb(budget)}`;
  if (budget !== undefined && measured.gzip > budget) over = true;
  recorded[name] = Math.ceil(measured.gzip * 1.02);
  const ceiling = ceilings[name];
  const past = ceiling !== undefined && measured.gzip > ceiling;
  if (past) grown = true;
  rows.push([name, measured.chunks === undefined ? '' : String(measured.chunks), kb(measured.min), kb(measured.gzip), `${verdict}${past ? `  GREW past its ceiling ${kb(ceiling)}` : ''}`, note]);
}

const pages = new Map();
for (const entry of [...ELEMENTS, ...ENTRIES]) {
  const measured = await page([entry]);
  pages.set(entry, measured);
  line(`partner-kit/${entry}`, measured, BUDGET.alone[entry]);
}
const base = await page(['partner-kit-provider', 'api-http']);
line('base: provider + api/http', base, BUDGET.base);
const marginals = new Map();
for (const element of ELEMENTS) {
  const withBase = await page(['partner-kit-provider', 'api-http', element]);
  const marginal = { gzip: withBase.gzip - base.gzip, min: withBase.min - base.min };
  marginals.set(element, marginal);
  line(`  + ${element} (marginal)`, marginal, TODAY.includes(element) ? BUDGET.marginal : BUDGET.laterMarginal);
}
const together = await page(['partner-kit-provider', 'api-http', ...TODAY]);
line(`the ${TODAY.length} elements + provider + api/http`, together, BUDGET.together);

console.log(['page (up front: entry + static chunks)'.padEnd(48), 'chunks'.padStart(6), 'min'.padStart(9), 'gzip -9'.padStart(9), '  budget (gzip)'].join(' '));
for (const [name, chunks, min, gzip, verdict] of rows) console.log([name.padEnd(48), chunks.padStart(6), min.padStart(9), gzip.padStart(9), ` ${verdict}`].join(' '));

/** Where the bytes come from: a package, or our source file. */
const owner = (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input;
function breakdown(title, modules, exclude = new Map(), limit = 12) {
  const byOwner = new Map();
  for (const [input, bytes] of modules) {
    const extra = bytes - (exclude.get(input) ?? 0);
    if (extra > 0) byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + extra);
  }
  const sorted = [...byOwner].sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log(`\n${title}: ${kb(total)} minified, biggest modules`);
  for (const [name, bytes] of sorted.slice(0, limit)) console.log(`  ${kb(bytes).padStart(9)}  ${((bytes / total) * 100).toFixed(0).padStart(3)}%  ${name}`);
}
// The breakdown bundles the sources, so each line is one of our modules rather than a build chunk.
const sourceBase = await page(['partner-kit-provider', 'api-http'], true);
breakdown('base', sourceBase.modules);
const offenders = [...marginals].filter(([, m]) => m.gzip > BUDGET.marginal).sort((a, b) => b[1].gzip - a[1].gzip);
for (const [element] of offenders) breakdown(`+ ${element} over the base`, (await page(['partner-kit-provider', 'api-http', element], true)).modules, sourceBase.modules, 10);
breakdown('all together', (await page(['partner-kit-provider', 'api-http', ...TODAY], true)).modules, new Map(), 25);

// Each file a page downloads is gzipped on its own and costs its own import lists; the bundler
// splits a module out of the entry chunk whenever a part fetched later imports it too.
const files = together.files.map((file) => ({ ...file, gzip: gzipSync(file.code, { level: 9 }).length })).sort((a, b) => b.gzip - a.gzip);
const joined = gzipSync(Buffer.concat(files.map((file) => file.code)), { level: 9 }).length;
console.log(`\nthe ${TODAY.length} elements + base as ${files.length} files: ${kb(together.gzip)}; the same code as one file would gzip to ${kb(joined)}, so the split costs ${kb(together.gzip - joined)}`);
const short = (path) => path.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
for (const file of files.filter((f) => f.sharedWith.length > 0)) {
  const holds = [...file.inputs].sort((a, b) => b.bytes - a.bytes).slice(0, 3).map(({ input }) => short(input)).join(', ');
  console.log(`  ${kb(file.gzip).padStart(8)}  ${holds}${file.inputs.length > 3 ? ` (+${file.inputs.length - 3})` : ''}  — also imported by ${file.sharedWith.map(short).join(', ')}`);
}

if (RECORD) {
  writeFileSync(CEILINGS_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`\nceilings recorded in ${CEILINGS_FILE.pathname}`);
}
if (over) console.log(`\nOver issue 13's budgets${STRICT ? '' : ' (the goal; the ceilings hold the line meanwhile)'}.`);
if (grown) console.log('\nA page grew past its recorded ceiling: find the bytes above, or record new ceilings with a reason.');
process.exit(!RECORD && (grown || (STRICT && over)) ? 1 : 0);
