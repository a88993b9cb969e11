// Run by node:test: a page showing <voucher-issue-form> downloads up front no code that sends an
// issue or checks one whose answer was lost. Only a Submit runs it, so it comes with the part
// fetched on first use (src/core/vouchers/issue-submission.ts through the form's outcome part);
// up front sits only what checks the form and builds the order. Property names and string
// literals survive minification, so the calls this code makes mark it in the bundle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../scripts/bundle-entry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The issue call, the lookup after a lost answer, and the code request's purpose. */
const SENDING = ['.issueCoupons(', '.lookupIntent(', '"issue-coupon"'];

/** The markers of `SENDING` in what a page importing `source` downloads up front, and the modules it pulls in. */
async function upFront(source) {
  const { files, inputs } = await bundleEntry({ contents: `export * from '${root}${source}';` });
  const code = files.map((file) => new TextDecoder().decode(file.code)).join('\n');
  return { markers: SENDING.filter((marker) => code.includes(marker)), inputs };
}

test('the check sees the sending code where it is', async () => {
  const { markers } = await upFront('src/core/vouchers/issue-submission.ts');
  assert.deepEqual(markers, SENDING);
});

test('<voucher-issue-form> downloads no sending or checking code up front', async () => {
  const { markers, inputs } = await upFront('src/voucher-issue-form.ts');
  assert.ok(inputs.includes('src/core/vouchers/issue-flow.ts'), 'the page holds the flow');
  assert.deepEqual(markers, [], 'sending code up front');
  assert.deepEqual(
    inputs.filter((input) => /src\/core\/(money-intent|vouchers\/issue-(submission|outcome))\.ts$/.test(input)),
    [],
    'modules only a submission needs, up front',
  );
});
