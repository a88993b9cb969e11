import '../../../src/voucher-issue-form.js';
import type { VoucherIssueForm } from '../../../src/voucher-issue-form.js';
import { backend, fillIssue, issueFormReady, mount, outboxVerifier } from '../support/flows.js';
import { LONG_NAME, TWENTY_DIGITS, WIDTHS, expectNoSidewaysScroll, hostPage } from './geometry.js';

describe('<voucher-issue-form> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps a 3,000-character customer and a 20-digit face value inside a ${width}px page`, async () => {
      const api = backend();
      api.data.customers[0]!.name = LONG_NAME;
      const form = mount<VoucherIssueForm>(await hostPage(width), 'voucher-issue-form', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
      await issueFormReady(form);
      await expectNoSidewaysScroll(`${width}px, loaded`);
      await fillIssue(form, 1, TWENTY_DIGITS);
      await expectNoSidewaysScroll(`${width}px, filled`);
    });
  }
});
