import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { GridKeyboardController, type GridCell } from '../../src/controllers/grid-keyboard-controller.js';

/** A 10 × 4 grid with a header row, drawn whole. */
class TestGrid extends LitElement {
  activated: { key: string; at: GridCell; text: string }[] = [];
  scrolledTo: number[] = [];
  readonly grid = new GridKeyboardController(this, {
    size: () => ({ rows: 10, cols: 4 }),
    pageRows: () => 3,
    cell: ({ row, col }) => this.renderRoot.querySelector<HTMLElement>(`[data-row="${row}"] [data-col="${col}"]`),
    scrollToRow: (row) => this.scrolledTo.push(row),
    onActivate: (key, at, cell) => this.activated.push({ key, at, text: cell.textContent ?? '' }),
  });

  override render() {
    const cols = [0, 1, 2, 3];
    return html`<div role="grid" @keydown=${this.grid.onKeydown} @focusin=${this.grid.onFocusIn}>
      <div role="row">${cols.map((col) => html`<div role="columnheader" data-col=${col} tabindex="-1">h${col}</div>`)}</div>
      ${Array.from({ length: 10 }, (_, row) => html`<div role="row" data-row=${row}>
        ${cols.map((col) => html`<div role="gridcell" data-col=${col} tabindex=${this.grid.tabindex({ row, col })}>${row}:${col}</div>`)}
      </div>`)}
    </div>`;
  }
}
customElements.define('test-grid', TestGrid);

const cell = (el: TestGrid, row: number, col: number) => el.shadowRoot!.querySelector<HTMLElement>(`[data-row="${row}"] [data-col="${col}"]`)!;
const focused = (el: TestGrid) => el.shadowRoot!.activeElement?.textContent;

async function press(el: TestGrid, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('GridKeyboardController', () => {
  it('keeps exactly one cell in the tab order and moves it with the arrows, within the grid', async () => {
    const el = await fixture<TestGrid>(html`<test-grid></test-grid>`);
    expect(el.shadowRoot!.querySelectorAll('[role=gridcell][tabindex="0"]')).to.have.length(1);
    cell(el, 0, 0).focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowRight');
    expect(focused(el)).to.equal('1:1');
    expect(cell(el, 1, 1).getAttribute('tabindex')).to.equal('0');
    expect(cell(el, 0, 0).getAttribute('tabindex')).to.equal('-1');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowLeft');
    expect(focused(el)).to.equal('0:0');
    expect(el.shadowRoot!.querySelectorAll('[role=gridcell][tabindex="0"]')).to.have.length(1);
  });

  it('goes to the row ends with Home / End, the grid ends with Ctrl, and by a page with Page Up / Down', async () => {
    const el = await fixture<TestGrid>(html`<test-grid></test-grid>`);
    cell(el, 0, 0).focus();
    await press(el, 'End');
    expect(focused(el)).to.equal('0:3');
    await press(el, 'PageDown');
    expect(focused(el)).to.equal('3:3');
    await press(el, 'Home');
    expect(focused(el)).to.equal('3:0');
    await press(el, 'Control+End');
    expect(focused(el)).to.equal('9:3');
    await press(el, 'PageDown');
    expect(focused(el)).to.equal('9:3');
    await press(el, 'PageUp');
    expect(focused(el)).to.equal('6:3');
    await press(el, 'Control+Home');
    expect(focused(el)).to.equal('0:0');
    expect(el.scrolledTo).to.deep.equal([0, 3, 3, 9, 9, 6, 0]);
  });

  it('hands Enter and Space to the element with the active cell, and follows focus moved by a click', async () => {
    const el = await fixture<TestGrid>(html`<test-grid></test-grid>`);
    cell(el, 4, 2).focus();
    await el.updateComplete;
    expect(cell(el, 4, 2).getAttribute('tabindex')).to.equal('0');
    await press(el, 'Enter');
    await press(el, ' ');
    expect(el.activated).to.deep.equal([
      { key: 'Enter', at: { row: 4, col: 2 }, text: '4:2' },
      { key: ' ', at: { row: 4, col: 2 }, text: '4:2' },
    ]);
  });

  it('leaves header cells to the browser', async () => {
    const el = await fixture<TestGrid>(html`<test-grid></test-grid>`);
    el.shadowRoot!.querySelector<HTMLElement>('[role=columnheader]')!.focus();
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(el.grid.active).to.deep.equal({ row: 0, col: 0 });
    expect(el.activated).to.have.length(0);
    expect(el.scrolledTo).to.have.length(0);
  });
});
