import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/verification-code-modal.js';
import { $, $$ } from '../support/drive.js';
import { codeTyped } from '../support/flows.js';
import { phonePage } from './geometry.js';

const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);

describe('<verification-code-modal> in forced colours', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('shows each typed digit centred in its own box, not the field underneath at the left', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const modal = await codeTyped(await phonePage(), 'en-US', '12');
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
    const input = $<HTMLInputElement>(modal, '[part=input]')!;
    const style = getComputedStyle(input);
    expect(transparent(style.color), `the field's own text is painted ${style.color}`).to.equal(true);
    expect(transparent(style.backgroundColor), `the field's background ${style.backgroundColor} hides the boxes`).to.equal(true);
    const boxes = $$(modal, '.box').slice(0, 2);
    for (const [i, box] of boxes.entries()) {
      expect(box.textContent?.trim(), `box ${i + 1}`).to.equal(String(i + 1));
      const digit = document.createRange();
      digit.selectNodeContents(box);
      const glyph = digit.getBoundingClientRect();
      const frame = box.getBoundingClientRect();
      const off = glyph.left + glyph.width / 2 - (frame.left + frame.width / 2);
      expect(Math.abs(off), `digit ${i + 1} sits ${Math.round(off)}px off its box's centre`).to.be.at.most(1.5);
      expect(getComputedStyle(box).color, 'the digit has a colour of its own').not.to.satisfy(transparent);
    }
  });
});
