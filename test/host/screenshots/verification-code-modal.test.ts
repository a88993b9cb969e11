import '../../../src/verification-code-modal.js';
import type { VerificationCodeModal } from '../../../src/verification-code-modal.js';
import { $, waitFor } from '../support/drive.js';
import { askForCode, backend, enterCode, mount, sendCode } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

// A long resend wait keeps the countdown on its first second while the shot is taken.
const modalOn = (stage: HTMLElement, locale: string) => {
  const api = backend({ verificationRules: { resendAfterSeconds: 600 } });
  return { api, modal: mount<VerificationCodeModal>(stage, 'verification-code-modal', api, locale) };
};

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
  },
  ['code-step'],
);
