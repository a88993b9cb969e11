import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/invite-table.js';
import '../../../src/partner-kit-provider.js';
import { frames } from '../support/drive.js';
import { backend, inviteRowsDrawn, mount } from '../support/flows.js';
import { hostPage } from './geometry.js';

type Look = 'light' | 'dark' | 'forced colours';

/** An invite table 1,024px wide on a page in `look`, through a provider as a host themes it. */
async function tableIn(look: Look): Promise<HTMLElement> {
  await emulateMedia({ colorScheme: look === 'dark' ? 'dark' : 'light', forcedColors: look === 'forced colours' ? 'active' : 'none' });
  const stage = await hostPage(1024);
  const provider = document.createElement('partner-kit-provider');
  if (look === 'dark') provider.setAttribute('theme', 'dark');
  stage.append(provider);
  const table = mount(provider, 'invite-table', backend({ invitationCount: 30 }), 'en-US');
  await inviteRowsDrawn(table);
  return table;
}

/** The deepest focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The middle of each side of `cell`'s focus ring, where its outline is painted (outside the border
 * box by the offset, inward when negative).
 */
function ringSides(cell: Element): [string, number, number][] {
  const style = getComputedStyle(cell);
  const width = parseFloat(style.outlineWidth);
  const middle = parseFloat(style.outlineOffset) + width / 2;
  const box = cell.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  return [
    ['top', x, box.top - middle],
    ['right', box.right + middle, y],
    ['bottom', x, box.bottom + middle],
    ['left', box.left - middle, y],
  ];
}

describe('<invite-table> focus ring on a grid cell', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));

  for (const look of ['light', 'dark', 'forced colours'] as const) {
    it(`shows all four sides of the ring in ${look}: nothing of the neighbours covers it`, async () => {
      const table = await tableIn(look);
      const grid = table.shadowRoot!.querySelector<HTMLElement>('[role=grid]')!;
      grid.querySelector<HTMLElement>('[role=gridcell][tabindex="0"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await frames();
      const cell = focused()!;
      expect(cell.getAttribute('role'), 'a grid cell has focus').to.equal('gridcell');
      expect(cell.matches(':focus-visible'), 'the keyboard focus is shown').to.equal(true);
      const style = getComputedStyle(cell);
      expect(style.outlineStyle, 'a ring is drawn').to.equal('solid');
      for (const [side, x, y] of ringSides(cell)) {
        const top = table.shadowRoot!.elementFromPoint(x, y);
        expect(top === cell || cell.contains(top), `the ring's ${side} side at ${Math.round(x)},${Math.round(y)} is under ${top?.className || top?.localName}`).to.equal(true);
      }
    });
  }
});
