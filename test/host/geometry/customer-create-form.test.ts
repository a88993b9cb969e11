import '../../../src/customer-create-form.js';
import type { CustomerCreateForm } from '../../../src/customer-create-form.js';
import { $, typeInto } from '../support/drive.js';
import { backend, mount } from '../support/flows.js';
import { LONG_NAME, TWENTY_DIGITS, WIDTHS, expectNoSidewaysScroll, hostPage } from './geometry.js';

describe('<customer-create-form> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps 3,000-character names and a 20-digit mobile, refused at their fields, inside a ${width}px page`, async () => {
      const form = mount<CustomerCreateForm>(await hostPage(width), 'customer-create-form', backend(), 'zh-CN');
      // Its first paint waits for the zh-CN words.
      await form.updateComplete;
      await expectNoSidewaysScroll(`${width}px, empty`);
      for (const [id, value] of [['accountName', LONG_NAME], ['displayName', LONG_NAME], ['mobile', TWENTY_DIGITS], ['email', `${LONG_NAME}@example.com`], ['password', LONG_NAME]] as const) {
        typeInto($<HTMLInputElement>(form, `#${id}`)!, value);
        await form.updateComplete;
      }
      $<HTMLButtonElement>(form, '[part=submit]')!.click();
      await form.updateComplete;
      await expectNoSidewaysScroll(`${width}px, refused`);
    });
  }
});
