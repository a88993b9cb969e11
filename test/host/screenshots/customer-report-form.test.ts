import '../../../src/customer-report-form.js';
import type { CustomerReportForm } from '../../../src/customer-report-form.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { backend, fillReportRow, mount, openReportPreview, submitReport } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

function formOn(stage: HTMLElement, locale: Locale) {
  const api = backend({ invitationCount: 20 });
  return { api, form: mount<CustomerReportForm>(stage, 'customer-report-form', api, locale) };
}

screenshotSuite(
  'customer-report-form',
  {
    idle: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await waitFor(() => $(form, 'input[name=name]'), 'no row');
    },
    filled: async (stage, locale) => fillReportRow(formOn(stage, locale).form),
    loading: async (stage, locale) => {
      const { api, form } = formOn(stage, locale);
      await fillReportRow(form);
      api.latencyMs = 600_000;
      $<HTMLButtonElement>(form, '[part=submit]')!.click();
      await waitFor(() => $(form, '[part=progress]'), 'no progress shown');
    },
    error: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      (await waitFor(() => $<HTMLButtonElement>(form, '[part=submit]'), 'no submit button')).click();
      await waitFor(() => $(form, 'p[part=error][role=alert]')?.textContent?.trim(), 'no refusal shown');
    },
    result: async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await fillReportRow(form);
      await submitReport(form);
    },
    'dialog-open': async (stage, locale) => {
      const { form } = formOn(stage, locale);
      await openReportPreview(form);
      return openDialog(form);
    },
  },
  ['idle', 'result'],
);
