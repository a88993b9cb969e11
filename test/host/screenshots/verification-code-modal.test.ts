import '../../../src/verification-code-modal.js';
import type { VerificationCodeModal } from '../../../src/verification-code-modal.js';
import { deskModule } from '../../../src/elements/verification-code-modal/desk-module.js';
import { $, waitFor } from '../support/drive.js';
import { askForCode, backend, enterCode, mount, sendCode } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

// A long resend wait keeps the countdown on its first second while the shot is taken.
const modalOn = (stage: HTMLElement, locale: string) => {
  const api = backend({ verificationRules: { resendAfterSeconds: 600 } });
  return { api, modal: mount<VerificationCodeModal>(stage, 'verification-code-modal', api, locale) };
};

/** Asks for a withdrawal code while the dialog's code entry is held back: it never comes, or it fails. */
async function withEntry(modal: VerificationCodeModal, entry: 'coming' | 'failed'): Promise<Element> {
  const real = deskModule.fetch;
  deskModule.fetch = () => {
    deskModule.fetch = real;
    return entry === 'coming' ? new Promise(() => undefined) : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  };
  modal.confirm({ purpose: 'withdraw', action: 'Confirm withdrawal of ¥1,200.00' }).catch(() => undefined);
  await waitFor(() => $(modal, entry === 'coming' ? '.skeleton' : '.error-state'), `no ${entry} state`);
  return openDialog(modal);
}

screenshotSuite(
  'verification-code-modal',
  {
    'dialog-open': async (stage, locale) => {
      const { modal } = modalOn(stage, locale);
      await askForCode(modal);
      return openDialog(modal);
    },
    'code-step': async (stage, locale) => {
      const { api, modal } = modalOn(stage, locale);
      await askForCode(modal);
      await sendCode(modal, api);
      return openDialog(modal);
    },
    error: async (stage, locale) => {
      const { api, modal } = modalOn(stage, locale);
      await askForCode(modal);
      const code = await sendCode(modal, api);
      enterCode(modal, String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
      await waitFor(() => $(modal, '[part=error]')?.textContent?.trim(), 'no error shown');
      return openDialog(modal);
    },
    'entry-loading': async (stage, locale) => withEntry(modalOn(stage, locale).modal, 'coming'),
    'entry-failed': async (stage, locale) => withEntry(modalOn(stage, locale).modal, 'failed'),
  },
  ['code-step'],
);
