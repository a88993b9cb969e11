import { expect } from '@open-wc/testing';
import '../../../src/withdraw-dialog.js';
import type { WithdrawDialog } from '../../../src/withdraw-dialog.js';
import { $, typeInto } from '../support/drive.js';
import { mount, openWithdraw, outboxVerifier, toWithdrawSummary, withdrawBackend } from '../support/flows.js';
import { LONG_NAME, TWENTY_DIGITS, WIDTHS, expectColumnsAligned, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

async function opened(container: HTMLElement, longName = false, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<WithdrawDialog> {
  const api = await withdrawBackend();
  if (longName) api.data.companyRealName = LONG_NAME;
  const dialog = mount<WithdrawDialog>(container, 'withdraw-dialog', api, locale, (el) => (el.verifier = outboxVerifier(api)));
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

  for (const width of [768, 1440]) {
    it(`keeps what the typed amount takes of each flow inside its cell at ${width}px, in English`, async () => {
      const dialog = await opened(await hostPage(width), false, 'en-US');
      typeInto($<HTMLInputElement>(dialog, '#amount')!, '20000');
      await dialog.updateComplete;
      const takes = [...dialog.shadowRoot!.querySelectorAll<HTMLElement>('.takes')];
      expect(takes.length, 'no flow shows what the amount takes').to.be.greaterThan(0);
      for (const line of takes) {
        const cell = line.closest('.td')!.getBoundingClientRect();
        // The text's own extent: a line that cannot wrap overflows its box, which keeps the cell's width.
        const range = document.createRange();
        range.selectNodeContents(line);
        const box = range.getBoundingClientRect();
        expect(box.left, `"${line.textContent}" runs into the column before`).to.be.at.least(cell.left - 0.5);
        expect(box.right, `"${line.textContent}" runs out of its cell`).to.be.at.most(cell.right + 0.5);
      }
    });
  }

  it('fits a 360×640 phone with its actions in view, on the form and the summary', async () => {
    const dialog = await opened(await phonePage());
    await expectDialogFits(dialog, 'form');
    await toWithdrawSummary(dialog, 'zh-CN');
    await expectDialogFits(dialog, 'summary');
  });
});
