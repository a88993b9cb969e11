import '../../../src/invitation-link.js';
import { $, typeInto } from '../support/drive.js';
import { askRegenerate, backend, linkReady, mount } from '../support/flows.js';
import { LONG_NAME, WIDTHS, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

describe('<invitation-link> in a host page', () => {
  for (const width of WIDTHS) {
    it(`keeps the link, its QR code and a refused 3,000-character label inside a ${width}px page`, async () => {
      const link = mount(await hostPage(width), 'invitation-link', backend(), 'zh-CN', (el) => el.setAttribute('kind', 'custom'));
      await linkReady(link);
      await expectNoSidewaysScroll(`${width}px, custom link`);
      typeInto($<HTMLInputElement>(link, '#label')!, LONG_NAME);
      $<HTMLFormElement>(link, 'form.label-row')!.requestSubmit();
      await (link as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
      await linkReady(link);
      await expectNoSidewaysScroll(`${width}px, long label refused`);
    });
  }

  it('fits the confirm step in a 360×640 phone with its actions in view', async () => {
    const link = mount(await phonePage(), 'invitation-link', backend(), 'zh-CN');
    await linkReady(link);
    await askRegenerate(link, 'zh-CN');
    await expectDialogFits(link, 'regenerate');
  });
});
