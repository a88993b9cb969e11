import '../../../src/voucher-issue-form.js';
import type { VoucherIssueForm } from '../../../src/voucher-issue-form.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { backend, fillIssue, issueFormReady, mount, outboxVerifier, submitIssue } from '../support/flows.js';
import { screenshotSuite } from './shots.js';

function formOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) {
  const api = backend({ verification: { enabled: false }, ...options });
  return mount<VoucherIssueForm>(stage, 'voucher-issue-form', api, locale, (el) => (el.verifier = outboxVerifier(api)));
}

screenshotSuite(
  'voucher-issue-form',
  {
    loading: async (stage, locale) => {
      const el = formOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => el.shadowRoot?.childElementCount, 'not rendered');
    },
    idle: async (stage, locale) => issueFormReady(formOn(stage, locale)),
    filled: async (stage, locale) => {
      const form = formOn(stage, locale);
      await issueFormReady(form);
      await fillIssue(form, 2);
    },
    error: async (stage, locale) => {
      const form = formOn(stage, locale, { faults: { listQuotas: { kind: 'server', times: 0 } } });
      await waitFor(() => $(form, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
    result: async (stage, locale) => {
      const form = formOn(stage, locale);
      await issueFormReady(form);
      await fillIssue(form, 2);
      await submitIssue(form);
    },
  },
  ['idle', 'result'],
);
