import '../../../src/withdraw-dialog.js';
import type { WithdrawDialog } from '../../../src/withdraw-dialog.js';
import { withdrawContentsModule } from '../../../src/elements/withdraw-dialog/withdraw-dialog.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, waitFor } from '../support/drive.js';
import { confirmWithdraw, mount, openWithdraw, outboxVerifier, toWithdrawSummary, withdrawBackend } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

async function dialogOn(stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) {
  const api = await withdrawBackend(options);
  return { api, dialog: mount<WithdrawDialog>(stage, 'withdraw-dialog', api, locale, (el) => (el.verifier = outboxVerifier(api))) };
}

async function shown(dialog: WithdrawDialog, ready: () => unknown) {
  dialog.show();
  await waitFor(ready, 'the dialog did not reach the state');
  return openDialog(dialog);
}

screenshotSuite(
  'withdraw-dialog',
  {
    loading: async (stage, locale) => {
      const { api, dialog } = await dialogOn(stage, locale);
      api.latencyMs = 600_000;
      return shown(dialog, () => $(dialog, 'dialog[open]'));
    },
    idle: async (stage, locale) => {
      const { dialog } = await dialogOn(stage, locale);
      await openWithdraw(dialog);
      return openDialog(dialog);
    },
    // The dialog's own failed state: its contents could not be fetched.
    'arriving-failed': async (stage, locale) => {
      const fetch = withdrawContentsModule.fetch;
      withdrawContentsModule.fetch = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      try {
        const { dialog } = await dialogOn(stage, locale);
        return await shown(dialog, () => $(dialog, '.error-state'));
      } finally {
        withdrawContentsModule.fetch = fetch;
      }
    },
    empty: async (stage, locale) => {
      const { api, dialog } = await dialogOn(stage, locale);
      for (const flow of api.data.flows) flow.withdrawableAmount = 0;
      return shown(dialog, () => $(dialog, 'dialog[open]') && !$(dialog, '[aria-busy=true]') && !$(dialog, '#amount'));
    },
    error: async (stage, locale) => {
      const { dialog } = await dialogOn(stage, locale, { faults: { getWithdrawalOverview: { kind: 'server', times: 0 } } });
      return shown(dialog, () => $(dialog, '[part=error]')?.textContent?.trim());
    },
    summary: async (stage, locale) => {
      const { dialog } = await dialogOn(stage, locale);
      await openWithdraw(dialog);
      await toWithdrawSummary(dialog, locale, '1200');
      return openDialog(dialog);
    },
    result: async (stage, locale) => {
      const { dialog } = await dialogOn(stage, locale);
      await openWithdraw(dialog);
      await toWithdrawSummary(dialog, locale, '1200');
      await confirmWithdraw(dialog, locale);
      return openDialog(dialog);
    },
  },
  ['idle', 'summary'],
);
