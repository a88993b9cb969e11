// Run by `npm run test:size` (node:test): no element makes a page download its zh-CN words up front.
// Each catalogue keeps en-US inline (every locale's last fallback) and fetches its zh-CN half
// (src/i18n/zh-CN/) with `import()` the first time an element needs it; a page in Chinese from the
// start imports `partner-kit/locales/zh-CN.js` instead. Checked here on the sources (no zh-CN module
// up front, so it runs before any build); scripts/check-dist.mjs checks the built package.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../scripts/bundle-entry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// An element is a folder of src/elements with an entry of its own, as scripts/size.mjs counts them.
const elements = readdirSync(`${root}src/elements`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${root}src/${d.name}.ts`))
  .map((d) => d.name);
const SOURCES = { 'api-http': 'api/http/index' };
const PAGES = [...elements.map((element) => [element]), ['partner-kit-provider', 'api-http'], ['index']];

/** The zh-CN catalogue modules a page importing `entries` (their sources) downloads up front. */
async function zhUpFront(entries) {
  const { inputs } = await bundleEntry({ contents: entries.map((entry) => `export * from '${root}src/${SOURCES[entry] ?? entry}.ts';`).join('\n') });
  return inputs.filter((input) => /(^|\/)src\/i18n\/zh-CN\//.test(input));
}

test('there are elements to check', () => {
  assert.ok(elements.includes('withdraw-dialog') && elements.length >= 7, `found ${elements.join(', ')}`);
});

test('the check sees the zh-CN words of a page that imports them up front', async () => {
  assert.notDeepEqual(await zhUpFront(['locales/zh-CN']), []);
});

for (const entries of PAGES) {
  test(`${entries.join(' + ')} downloads no zh-CN words up front`, async () => {
    assert.deepEqual(await zhUpFront(entries), [], 'zh-CN catalogue modules up front');
  });
}
