import '../../../src/voucher-records.js';
import { backend, listReady, mount } from '../support/flows.js';
import { HUGE_AMOUNT, LONG_NAME, WIDTHS, expectColumnsAligned, expectNoSidewaysScroll, hostPage } from './geometry.js';

describe('<voucher-records> in a host page', () => {
  for (const width of WIDTHS) {
    it(`lines headers up with cells and keeps long names and amounts inside a ${width}px page`, async () => {
      const api = backend();
      for (const record of api.data.records.slice(0, 40)) {
        record.customerName = LONG_NAME;
        record.amount = HUGE_AMOUNT;
      }
      const records = mount(await hostPage(width), 'voucher-records', api, 'zh-CN');
      await listReady(records);
      await expectNoSidewaysScroll(`${width}px`);
      await expectColumnsAligned(records, `${width}px`);
    });
  }
});
