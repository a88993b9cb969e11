import '../../../src/masked-field.js';
import { backend, mount, reveal } from '../support/flows.js';
import { LONGEST_REVEAL, WIDTHS, expectNoSidewaysScroll, hostPage } from './geometry.js';

describe('<masked-field> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps a 3,000-character masked name and a 256-character revealed one inside a ${width}px page`, async () => {
      const api = backend();
      api.data.customers[0]!.name = LONGEST_REVEAL;
      const field = mount(await hostPage(width), 'masked-field', api, 'zh-CN', (el) => {
        el.setAttribute('kind', 'name');
        el.setAttribute('masked', `超${'*'.repeat(2999)}`);
        el.setAttribute('reveal-resource', 'customer');
        el.setAttribute('reveal-id', api.data.customers[0]!.id);
        el.toggleAttribute('copyable', true);
      });
      await expectNoSidewaysScroll(`${width}px, masked`);
      await reveal(field);
      await expectNoSidewaysScroll(`${width}px, revealed`);
    });
  }
});
