import '../../../src/verification-code-modal.js';
import type { VerificationCodeModal } from '../../../src/verification-code-modal.js';
import { askForCode, backend, mount, sendCode } from '../support/flows.js';
import { WIDTHS, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

describe('<verification-code-modal> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps the code step inside a ${width}px page`, async () => {
      const api = backend();
      const modal = mount<VerificationCodeModal>(await hostPage(width), 'verification-code-modal', api, 'zh-CN');
      await askForCode(modal);
      await sendCode(modal, api);
      await expectNoSidewaysScroll(`${width}px, code step`);
    });
  }

  it('fits a 360×640 phone with its actions in view, before and after the code is sent', async () => {
    const api = backend();
    const modal = mount<VerificationCodeModal>(await phonePage(), 'verification-code-modal', api, 'zh-CN');
    await askForCode(modal);
    await expectDialogFits(modal, 'before sending');
    await sendCode(modal, api);
    await expectDialogFits(modal, 'code step');
  });
});
