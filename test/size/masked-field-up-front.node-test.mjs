// Run by `npm run test:size` (node:test): `<masked-field>` alone has the smallest budget of the kit
// (issue 13: 10 KB gzip up front), and a page of masked values mostly shows masks. So what only a
// reveal needs, the reveal flow and the part that drives it, stays out of what such a page downloads
// up front; imported statically again, it would pass every element test unnoticed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../scripts/bundle-entry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const upFront = async (contents) => (await bundleEntry({ contents })).inputs;
const LATE = /src\/(core\/reveal-flow|elements\/masked-field\/reveal-part)\.ts$/;

test('the check sees the reveal flow when a module imports it', async () => {
  const inputs = await upFront(`export { RevealFlow } from '${root}src/core/reveal-flow.ts';`);
  assert.ok(inputs.some((input) => LATE.test(input)));
});

test('masked-field alone downloads the reveal flow only with its first reveal', async () => {
  const inputs = await upFront(`export * from '${root}src/masked-field.ts';`);
  assert.ok(inputs.some((input) => input.endsWith('src/elements/masked-field/masked-field.ts')), 'the bundle holds the element');
  const late = inputs.filter((input) => LATE.test(input));
  assert.deepEqual(late, [], `up front: ${late.join(', ')}`);
});
