import { expect, fixture, html } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { adoptLateStyles } from '../../src/elements/late-styles.js';
import { installTheme } from '../../src/themes/install.js';
import { kitTheme } from '../../src/themes/presets/kit.js';

const shared = css`
  p {
    color: rgb(255, 0, 0);
  }
`;
const own = css`
  p {
    color: rgb(0, 128, 0);
  }
`;
const part = css`
  .late {
    color: rgb(0, 0, 255);
  }
  p {
    font-weight: 700;
  }
`;
const laterPart = css`
  .late {
    color: rgb(128, 0, 128);
  }
`;

class LateStylesProbe extends LitElement {
  static override styles = [shared, own];
  override render() {
    return html`<p>own</p>
      <p class="late">late</p>`;
  }
}
customElements.define('late-styles-probe', LateStylesProbe);

const sheets = (el: LitElement) => el.shadowRoot!.adoptedStyleSheets;
const colour = (el: LitElement, selector: string) => getComputedStyle(el.shadowRoot!.querySelector(selector)!).color;

describe('adoptLateStyles', () => {
  it("styles a part that came later, after the element's own sheets", async () => {
    const el = await fixture<LateStylesProbe>(html`<late-styles-probe></late-styles-probe>`);
    expect(colour(el, '.late')).to.equal('rgb(0, 128, 0)');
    adoptLateStyles(el, part);
    expect(colour(el, '.late')).to.equal('rgb(0, 0, 255)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).fontWeight).to.equal('700');
    expect(sheets(el)).to.deep.equal([shared.styleSheet, own.styleSheet, part.styleSheet]);
  });

  it('adds nothing when adopted twice, nor for a sheet the element already has, which keeps its place', async () => {
    const el = await fixture<LateStylesProbe>(html`<late-styles-probe></late-styles-probe>`);
    adoptLateStyles(el, [part]);
    adoptLateStyles(el, [[part], shared]);
    expect(sheets(el)).to.deep.equal([shared.styleSheet, own.styleSheet, part.styleSheet]);
    // Had the shared sheet moved after the element's own, its red would win.
    expect(colour(el, 'p')).to.equal('rgb(0, 128, 0)');
  });

  it('puts a later part after an earlier one, and keeps a theme installed in the root last, so it still wins', async () => {
    const el = await fixture<LateStylesProbe>(html`<late-styles-probe></late-styles-probe>`);
    installTheme(kitTheme, undefined, el.shadowRoot!);
    const theme = sheets(el).at(-1)!;
    expect(sheets(el)).to.have.length(3);
    adoptLateStyles(el, part);
    adoptLateStyles(el, laterPart);
    expect(sheets(el)).to.deep.equal([shared.styleSheet, own.styleSheet, part.styleSheet, laterPart.styleSheet, theme]);
    expect(colour(el, '.late')).to.equal('rgb(128, 0, 128)');
  });

  it('adopts constructed sheets, not <style> elements a strict style-src would block', async () => {
    const el = await fixture<LateStylesProbe>(html`<late-styles-probe></late-styles-probe>`);
    adoptLateStyles(el, part);
    expect(el.shadowRoot!.querySelector('style')).to.equal(null);
    expect(sheets(el)).to.include(part.styleSheet);
  });

  it('keeps each element its own place: another element of the same class gets nothing until its part comes', async () => {
    const first = await fixture<LateStylesProbe>(html`<late-styles-probe></late-styles-probe>`);
    const second = await fixture<LateStylesProbe>(html`<late-styles-probe></late-styles-probe>`);
    adoptLateStyles(first, part);
    expect(colour(second, '.late')).to.equal('rgb(0, 128, 0)');
    adoptLateStyles(second, laterPart);
    expect(sheets(second)).to.deep.equal([shared.styleSheet, own.styleSheet, laterPart.styleSheet]);
  });
});
