import '../../../src/withdraw-dialog.js';
import type { WithdrawDialog } from '../../../src/withdraw-dialog.js';
import { $, typeInto } from '../support/drive.js';
import { mount, openWithdraw, outboxVerifier, toWithdrawSummary, withdrawBackend } from '../support/flows.js';
import { LONG_NAME, TWENTY_DIGITS, WIDTHS, expectColumnsAligned, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

async function opened(container: HTMLElement, longName = false): Promise<WithdrawDialog> {
  const api = await withdrawBackend();
  if (longName) api.data.companyRealName = LONG_NAME;
  const dialog = mount<WithdrawDialog>(container, 'withdraw-dialog', api, 'zh-CN', (el) => (el.verifier = outboxVerifier(api)));
  await openWithdraw(dialog);
  return dialog;
}

describe('<withdraw-dialog> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps the form, its flows and a 20-digit amount inside a ${width}px page`, async () => {
      const dialog = await opened(await hostPage(width), true);
      await expectNoSidewaysScroll(`${width}px, form`);
      await expectColumnsAligned(dialog, `${width}px, flows`, { required: false });
      typeInto($<HTMLInputElement>(dialog, '#amount')!, TWENTY_DIGITS);
      await dialog.updateComplete;
      await expectNoSidewaysScroll(`${width}px, 20-digit amount`);
    });
  }

  it('fits a 360×640 phone with its actions in view, on the form and the summary', async () => {
    const dialog = await opened(await phonePage());
    await expectDialogFits(dialog, 'form');
    await toWithdrawSummary(dialog, 'zh-CN');
    await expectDialogFits(dialog, 'summary');
  });
});
