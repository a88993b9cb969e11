// Run by `npm run test:size` (node:test): `<masked-field>` alone has the smallest budget of the kit
// (issue 13: 10 KB gzip up front), and a page of masked values mostly shows masks. So what only a
// reveal or a failure needs stays out of what such a page downloads up front: the reveal flow, and
// the kit's error type (fetched when a reveal's code fails to come, or a provider's require-api
// finds no adapter). Either one imported statically again would pass every element test unnoticed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../scripts/bundle-entry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const upFront = async (contents) => (await bundleEntry({ contents })).inputs;

test('the check sees the error type when a module imports it', async () => {
  const inputs = await upFront(`export { KitError } from '${root}src/model/errors.ts';`);
  assert.ok(inputs.some((input) => input.endsWith('src/model/errors.ts')));
});

test('masked-field alone downloads neither the reveal flow nor the error type up front', async () => {
  const inputs = await upFront(`export * from '${root}src/masked-field.ts';`);
  assert.ok(inputs.some((input) => input.endsWith('src/elements/masked-field/masked-field.ts')), 'the bundle holds the element');
  const late = inputs.filter((input) => /src\/(model\/errors|core\/reveal-flow|elements\/masked-field\/reveal-part)\.ts$/.test(input));
  assert.deepEqual(late, [], `up front: ${late.join(', ')}`);
});
