import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { census, installCensus } from '../support/timer-census.js';
import { VirtualRowsController } from '../../src/controllers/virtual-rows-controller.js';

/**
 * A list of 1,000 same-height rows in normal flow, whose height only its CSS knows (`--pk-row-height`,
 * default 44px), optionally under a sticky header inside the scroller. No `style` attribute anywhere.
 */
class TestRows extends LitElement {
  static override styles = css`
    .scroller { position: relative; height: 200px; overflow-y: auto; }
    .head { position: sticky; top: 0; height: 30px; background: white; }
    .row { height: var(--pk-row-height, 44px); }
  `;
  static override properties = { header: { type: Boolean } };
  declare header: boolean;
  readonly count = 1000;
  readonly rows = new VirtualRowsController(this, { scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'), overscan: 2 });

  constructor() {
    super();
    this.header = false;
  }

  override render() {
    const { first, last } = this.rows.range(this.count);
    const drawn = Array.from({ length: last - first }, (_, i) => first + i);
    return html`<div class="scroller" @scroll=${this.rows.onScroll}>${this.header ? html`<div class="head">Header</div>` : ''}<div class="body">
      ${drawn.map((row) => html`<div class="row" data-row=${row}>${row}</div>`)}
    </div></div>`;
  }
}
customElements.define('test-rows', TestRows);

const drawn = (el: TestRows) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-row]')].map((row) => Number(row.dataset['row']));
const scroller = (el: TestRows) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;

async function scrollTo(el: TestRows, top: number): Promise<void> {
  scroller(el).scrollTop = top;
  scroller(el).dispatchEvent(new Event('scroll'));
  await waitUntil(() => drawn(el).includes(Math.floor(top / el.rows.rowHeight)), 'the row at the top was not drawn');
}

describe('VirtualRowsController', () => {
  it('draws only the visible rows and the overscan, following the scroll position', async () => {
    const el = await fixture<TestRows>(html`<test-rows></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 44, 'row height not measured');
    await waitUntil(() => drawn(el).length === Math.ceil(200 / 44) + 2);
    expect(drawn(el)[0]).to.equal(0);
    await scrollTo(el, 44 * 500);
    expect(drawn(el)).to.deep.equal([498, 499, 500, 501, 502, 503, 504, 505, 506]);
    expect(el.rows.pageRows).to.equal(3);
  });

  it('paints the rows in view first and draws the overscan after, unless a row in view is missing', async () => {
    const el = await fixture<TestRows>(html`<test-rows></test-rows>`);
    await waitUntil(() => drawn(el).length === Math.ceil(200 / 44) + 2, 'first screen not drawn');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // One row down: the rows in view are drawn already, so the next frame is painted as it is.
    scroller(el).scrollTop = 44;
    scroller(el).dispatchEvent(new Event('scroll'));
    await frame();
    expect(drawn(el)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    await waitUntil(() => drawn(el).includes(7), 'the overscan below was not drawn after the frame');
    // Far away: the rows in view are drawn in the very next frame.
    scroller(el).scrollTop = 44 * 500;
    scroller(el).dispatchEvent(new Event('scroll'));
    await frame();
    expect(drawn(el)).to.include.members([500, 501, 502, 503, 504]);
  });

  it('takes the row height from the CSS, so a host that restyles the rows keeps scrolling right', async () => {
    const el = await fixture<TestRows>(html`<test-rows style="--pk-row-height: 3.75rem"></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 60, 'row height not measured from the CSS');
    await scrollTo(el, 60 * 700);
    const top = el.shadowRoot!.querySelector<HTMLElement>('[data-row="700"]')!;
    expect(top.getBoundingClientRect().top).to.be.closeTo(scroller(el).getBoundingClientRect().top, 1);
    expect(Math.min(...drawn(el))).to.equal(698);
  });

  it('scrolls just enough to show a row', async () => {
    const el = await fixture<TestRows>(html`<test-rows></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 44);
    el.rows.scrollToRow(10);
    expect(scroller(el).scrollTop).to.equal(11 * 44 - 200);
    el.rows.scrollToRow(2);
    expect(scroller(el).scrollTop).to.equal(2 * 44);
    await el.updateComplete;
    expect(drawn(el)).to.include(2);
  });

  it('keeps the rows under a sticky header in place and in view', async () => {
    const el = await fixture<TestRows>(html`<test-rows header></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 44);
    el.rows.scrollToRow(10);
    expect(scroller(el).scrollTop).to.equal(30 + 11 * 44 - 200);
    el.rows.scrollToRow(400);
    await waitUntil(() => drawn(el).includes(400), 'row 400 not drawn');
    await el.updateComplete;
    const row = (index: number) => el.shadowRoot!.querySelector<HTMLElement>(`[data-row="${index}"]`)!.getBoundingClientRect();
    expect(row(400).bottom).to.be.closeTo(scroller(el).getBoundingClientRect().bottom, 1);
    el.rows.scrollToRow(395);
    await el.updateComplete;
    expect(row(395).top).to.be.closeTo(el.shadowRoot!.querySelector('.head')!.getBoundingClientRect().bottom, 1);
  });

  it('stands in for the rows not drawn with padding set through the CSSOM, not a style attribute', async () => {
    const el = await fixture<TestRows>(html`<test-rows></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 44);
    await scrollTo(el, 44 * 500);
    const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
    expect(body.style.getPropertyValue('padding-block-start')).to.equal(`${498 * 44}px`);
    expect(body.style.getPropertyValue('padding-block-end')).to.equal(`${(1000 - 507) * 44}px`);
    expect(scroller(el).scrollHeight).to.equal(1000 * 44);
  });

  it('stands in with a length the rows do not inherit, so a scroll restyles the container alone', async () => {
    const el = await fixture<TestRows>(html`<test-rows></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 44);
    await scrollTo(el, 44 * 500);
    const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
    const row = el.shadowRoot!.querySelector<HTMLElement>('[data-row="500"]')!;
    // Nothing set on the container reaches a drawn row: an inherited value would restyle every one of them each frame.
    for (const name of body.style) expect(getComputedStyle(row).getPropertyValue(name), name).to.equal(getComputedStyle(el).getPropertyValue(name));
    expect(body.style.length).to.be.greaterThan(0);
  });

  it('leaves no animation frame behind when the element is removed mid-scroll', async () => {
    installCensus();
    const before = census();
    const el = await fixture<TestRows>(html`<test-rows></test-rows>`);
    await waitUntil(() => el.rows.rowHeight === 44);
    scroller(el).scrollTop = 4400;
    scroller(el).dispatchEvent(new Event('scroll'));
    el.remove();
    expect(census().frames).to.equal(before.frames);
  });
});
