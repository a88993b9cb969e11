import '../../../src/customer-report-form.js';
import type { CustomerReportForm } from '../../../src/customer-report-form.js';
import { $, $$, typeInto } from '../support/drive.js';
import { backend, fillReportRow, mount, openReportPreview } from '../support/flows.js';
import { LONG_NAME, TWENTY_DIGITS, WIDTHS, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

/** A 3,000-character name, a 20-digit mobile and a long e-mail typed into a row, each refused at its field. */
async function typeLong(form: CustomerReportForm): Promise<void> {
  for (const [field, value] of [['name', LONG_NAME], ['mobile', TWENTY_DIGITS], ['email', `${'x'.repeat(300)}@example.com`]] as const) {
    const input = $<HTMLInputElement>(form, `input[name=${field}]`)!;
    typeInto(input, value);
    input.dispatchEvent(new Event('blur'));
    await form.updateComplete;
  }
}

describe('<customer-report-form> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps a filled row and a row of 3,000 characters and 20 digits inside a ${width}px page`, async () => {
      const form = mount<CustomerReportForm>(await hostPage(width), 'customer-report-form', backend({ invitationCount: 20 }), 'zh-CN');
      await fillReportRow(form);
      await expectNoSidewaysScroll(`${width}px, filled`);
      $<HTMLButtonElement>(form, '#add-row')!.click();
      await form.updateComplete;
      await typeLong(form);
      $$<HTMLInputElement>(form, '.row-head input')[0]!.click();
      await form.updateComplete;
      await expectNoSidewaysScroll(`${width}px, long row refused`);
    });
  }

  it('fits the e-mail preview in a 360×640 phone with its actions in view', async () => {
    const form = mount<CustomerReportForm>(await phonePage(), 'customer-report-form', backend({ invitationCount: 20 }), 'zh-CN');
    await openReportPreview(form);
    await expectDialogFits(form, 'e-mail preview');
  });
});
