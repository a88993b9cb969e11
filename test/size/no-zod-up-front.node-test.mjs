// Run by `npm run test:size` (node:test): no element makes a page download zod up front. A host
// bundles an element's entry the way scripts/size.mjs measures it, and an element draws without a
// schema, so zod comes only with what a boundary loads on demand (an adapter's domain, the demo
// backend). esbuild keeps a whole schema module when one export of it is used (zod's builders are
// not pure), so a single value taken from src/model/schemas brings zod in: take it from
// src/model/values instead.
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

test('there are elements to check', () => {
  assert.ok(elements.includes('withdraw-dialog') && elements.length >= 7, `found ${elements.join(', ')}`);
});

/** The zod modules and our schema modules a page importing `contents` downloads up front. */
async function upFront(contents) {
  const { inputs } = await bundleEntry({ contents });
  return {
    inputs,
    zod: inputs.filter((input) => /(^|\/)node_modules\/zod\//.test(input)),
    schemas: inputs.filter((input) => /(^|\/)src\/model\/schemas\//.test(input)),
  };
}

test('the check sees zod when one schema value is taken', async () => {
  const { zod } = await upFront(`export { CouponKind } from '${root}src/model/schemas/coupons.ts';`);
  assert.notDeepEqual(zod, []);
});

for (const element of elements) {
  test(`${element} downloads no zod up front`, async () => {
    const { inputs, zod, schemas } = await upFront(`export * from '${root}src/${element}.ts';`);
    assert.ok(inputs.some((input) => input.endsWith(`src/${element}.ts`)), `the bundle of ${element} holds its entry`);
    assert.deepEqual(zod, [], `zod is up front in ${element}; schema modules it pulls in: ${schemas.join(', ') || 'none'}`);
  });
}
