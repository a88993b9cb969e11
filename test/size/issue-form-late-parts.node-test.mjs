// Run by node:test: a page showing <voucher-issue-form> downloads up front neither the editors of
// its closed "Validity and services" section (they come with the part fetched when the section is
// opened, on the first Submit, or when the browser is idle) nor Lit's `live` directive, which no
// input of the form needs. Ids and class names survive minification, so they mark the code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../scripts/bundle-entry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The section's date inputs and their error line. */
const EDITORS = ['id="valid-from"', 'id="valid-until"', 'id="validity-error"'];

async function upFront(source) {
  const { files, inputs } = await bundleEntry({ contents: `export * from '${root}${source}';` });
  return { code: files.map((file) => new TextDecoder().decode(file.code)).join('\n'), inputs };
}

test('the check sees the editors where they are', async () => {
  const { code } = await upFront('src/elements/voucher-issue-form/validity-view.ts');
  assert.deepEqual(EDITORS.filter((marker) => code.includes(marker)), EDITORS);
});

test('<voucher-issue-form> downloads neither the validity editors nor `live` up front', async () => {
  const { code, inputs } = await upFront('src/voucher-issue-form.ts');
  assert.ok(code.includes('<details'), 'the page holds the closed section');
  assert.deepEqual(EDITORS.filter((marker) => code.includes(marker)), [], 'validity editors up front');
  assert.deepEqual(inputs.filter((input) => /validity-view\.ts$|directives\/live\.js$/.test(input)), [], 'modules only later parts need, up front');
});
