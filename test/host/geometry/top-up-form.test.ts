import '../../../src/top-up-form.js';
import type { TopUpForm } from '../../../src/top-up-form.js';
import { $, waitFor } from '../support/drive.js';
import { backend, enterTopUp, mount, toTopUpQr, topUpReady } from '../support/flows.js';
import { chooseVoucher, confirmClaim, enableRemittance, remittanceVerifier, toClaimForm } from '../support/top-up-flows.js';
import { TWENTY_DIGITS, WIDTHS, expectColumnsAligned, expectNoSidewaysScroll, hostPage } from './geometry.js';

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

    it(`keeps the remittance account, its transfers and a claim inside a ${width}px page`, async () => {
      const api = backend();
      const form = mount<TopUpForm>(await hostPage(width), 'top-up-form', api, 'zh-CN', (el) => (el.verifier = remittanceVerifier(api)));
      await enableRemittance(form, 'zh-CN');
      await expectNoSidewaysScroll(`${width}px, remittance account`);
      await expectColumnsAligned(form, `${width}px, transfers`);
      await toClaimForm(form);
      await expectNoSidewaysScroll(`${width}px, claim form`);
      chooseVoucher(form, new File([new Uint8Array(10)], `${'很长的转账凭证文件名'.repeat(15)}.png`, { type: 'image/png' }));
      await confirmClaim(form, 'zh-CN');
      await expectNoSidewaysScroll(`${width}px, claim records`);
      await expectColumnsAligned(form, `${width}px, claim records`);
    });
  }
});
