import '../../../src/invite-table.js';
import { $$, bodyRows } from '../support/drive.js';
import { backend, inviteRowsDrawn, mount } from '../support/flows.js';
import { LONG_NAME, WIDTHS, expectColumnsAligned, expectDialogFits, expectNoSidewaysScroll, hostPage, phonePage } from './geometry.js';

function longContentBackend() {
  const api = backend({ invitationCount: 60 });
  for (const invitation of api.data.invitations.slice(0, 30)) invitation.name = LONG_NAME;
  return api;
}

describe('<invite-table> in a host page', () => {
  for (const width of WIDTHS) {
    it(`lines headers up with cells, draws rows apart and keeps long names inside a ${width}px page`, async () => {
      const table = mount(await hostPage(width), 'invite-table', longContentBackend(), 'zh-CN');
      await inviteRowsDrawn(table);
      await expectNoSidewaysScroll(`${width}px`);
      await expectColumnsAligned(table, `${width}px`);
    });
  }

  it('fits the batch confirmation in a 360×640 phone with its actions in view', async () => {
    const table = mount(await phonePage(), 'invite-table', longContentBackend(), 'zh-CN');
    await inviteRowsDrawn(table);
    bodyRows(table)[0]!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await (table as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    $$<HTMLButtonElement>(table, '[part=toolbar] button.primary')[0]!.click();
    await expectDialogFits(table, 'batch confirmation');
  });
});
