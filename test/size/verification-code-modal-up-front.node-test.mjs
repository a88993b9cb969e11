// Run by `npm run test:size` (node:test): a page with `<verification-code-modal>` shows a closed
// dialog until a flow asks for a code, so it downloads up front only what the closed, arriving or
// failed dialog needs. The code entry (the flow, its controllers, its sheets) and its words come
// when first used. Words survive minification, so the code entry's mark it in the bundle; either
// imported statically again would pass every element test unnoticed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../scripts/bundle-entry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Words only the open code entry shows: the channel choice, a resend, a lock, a failed policy. */
const ENTRY_WORDS = ['Send the code by', 'Resend code', 'Too many wrong codes', 'Could not load the verification settings'];
/** Modules only the open code entry runs. */
const ENTRY_CODE = /src\/(core\/verification\/verification-flow|elements\/verification-code-modal\/(verification-desk|code-entry\.styles)|controllers\/(ticker|sms-code)-controller)\.ts$/;

/** The words of `ENTRY_WORDS` in what a page importing `source` downloads up front, and the modules it pulls in. */
async function upFront(source) {
  const { files, inputs } = await bundleEntry({ contents: `export * from '${root}${source}';` });
  const code = files.map((file) => new TextDecoder().decode(file.code)).join('\n');
  return { words: ENTRY_WORDS.filter((word) => code.includes(word)), inputs };
}

test('the check sees the code entry and its words where they are', async () => {
  const { words, inputs } = await upFront('src/elements/verification-code-modal/verification-desk.ts');
  assert.deepEqual(words, ENTRY_WORDS);
  assert.ok(inputs.some((input) => ENTRY_CODE.test(input)));
});

test('<verification-code-modal> downloads neither the code entry nor its words up front', async () => {
  const { words, inputs } = await upFront('src/verification-code-modal.ts');
  assert.ok(inputs.some((input) => input.endsWith('src/elements/verification-code-modal/verification-code-modal.ts')), 'the bundle holds the element');
  assert.deepEqual(words, [], 'the code entry\'s words up front');
  assert.deepEqual(inputs.filter((input) => ENTRY_CODE.test(input)), [], 'modules only the open code entry runs, up front');
});
