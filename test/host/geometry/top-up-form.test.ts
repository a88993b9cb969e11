import '../../../src/top-up-form.js';
import { $, waitFor } from '../support/drive.js';
import { backend, enterTopUp, mount, toTopUpQr, topUpReady } from '../support/flows.js';
import { TWENTY_DIGITS, WIDTHS, expectNoSidewaysScroll, hostPage } from './geometry.js';

describe('<top-up-form> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps a refused 20-digit amount and the QR code inside a ${width}px page`, async () => {
      const form = mount(await hostPage(width), 'top-up-form', backend(), 'zh-CN');
      await topUpReady(form);
      await enterTopUp(form, TWENTY_DIGITS);
      await waitFor(() => $(form, '#amount-error')?.textContent?.trim(), 'the 20-digit amount was not refused');
      await expectNoSidewaysScroll(`${width}px, 20-digit amount`);
      await toTopUpQr(form, '100');
      await expectNoSidewaysScroll(`${width}px, QR code`);
    });
  }
});
