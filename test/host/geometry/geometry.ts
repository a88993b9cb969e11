import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $$, bodyRows, frames } from '../support/drive.js';
import { MAX_MINOR } from '../../../src/model/decimal.js';

/** The container widths every element must be right in. */
export const WIDTHS = [320, 480, 768, 1024, 1440] as const;

/** A 3,000-character customer name, and the largest amount the schemas accept (16 digits of minor units). */
export const LONG_NAME = '超长客户名称'.repeat(500);
export const HUGE_AMOUNT = MAX_MINOR;
/** The longest revealed value the reveal schema accepts. */
export const LONGEST_REVEAL = LONG_NAME.slice(0, 256);
/** Twenty digits typed into an amount field. */
export const TWENTY_DIGITS = '12345678901234567890';

/**
 * A page `width` px wide holding one container of that width, as a host's content column: returns
 * the container. The body has no margin, so any overflow of the element is the page's.
 */
export async function hostPage(width: number, height = 900): Promise<HTMLElement> {
  await setViewport({ width, height });
  document.body.style.margin = '0';
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  container.className = 'host-container';
  document.body.replaceChildren(container);
  return container;
}

/** The host page does not scroll sideways. */
export async function expectNoSidewaysScroll(what: string): Promise<void> {
  await frames();
  const page = document.scrollingElement!;
  expect(page.scrollWidth, `${what}: the page scrolls sideways by ${page.scrollWidth - page.clientWidth}px`).to.be.at.most(page.clientWidth);
}

function headerCells(el: Element): HTMLElement[][] {
  const rows = $$<HTMLElement>(el, 'thead > tr, [role=row]').filter((row) => row.querySelector(':scope > [role=columnheader], :scope > th'));
  return rows.map((row) => [...row.children].filter((cell): cell is HTMLElement => cell.matches('th, td, [role=columnheader]')));
}

function cellsOf(row: HTMLElement): HTMLElement[] {
  return [...row.children].filter((cell): cell is HTMLElement => cell.matches('td, th, [role=cell], [role=gridcell], [role=rowheader]'));
}

/** Rows shown as stacked cards: the header is hidden (clipped to a pixel or not displayed). */
function stacked(header: HTMLElement[]): boolean {
  const box = header[0]?.parentElement?.getBoundingClientRect();
  return !box || box.width <= 1 || box.height <= 1;
}

/**
 * Header cell i starts at the x of body cell i in the first three rows, for every list in `el`'s
 * shadow root that is drawn as a grid (stacked cards have no header to align with).
 */
export async function expectColumnsAligned(el: Element, what: string, { required = true } = {}): Promise<void> {
  await frames();
  const headers = headerCells(el);
  if (required) expect(headers.length, `${what}: no list header found`).to.be.greaterThan(0);
  let compared = 0;
  for (const header of headers) {
    if (stacked(header)) {
      compared += 1;
      continue;
    }
    const table = header[0]!.closest('table, [role=table], [role=grid]');
    const rows = bodyRows(el).filter((row) => row.closest('table, [role=table], [role=grid]') === table).slice(0, 3);
    const heads = header.map((cell) => Math.round(cell.getBoundingClientRect().left));
    for (const row of rows) {
      const cells = cellsOf(row);
      if (cells.length !== header.length) continue;
      const lefts = cells.map((cell) => Math.round(cell.getBoundingClientRect().left));
      const off = lefts.map((x, i) => Math.abs(x - heads[i]!)).findIndex((d) => d > 1);
      expect(off, `${what}: header cell ${off} at x=${heads[off]}, its cell at x=${lefts[off]}`).to.equal(-1);
      compared += 1;
    }
  }
  if (required) expect(compared, `${what}: no body row has as many cells as its header`).to.be.greaterThan(0);
}

/** The open dialog lies inside the viewport and so do its action buttons. */
export async function expectDialogFits(el: Element, what: string): Promise<void> {
  await frames();
  const dialog = $$<HTMLDialogElement>(el, 'dialog[part=dialog]').find((d) => d.open);
  expect(dialog, `${what}: no open dialog`).not.to.equal(undefined);
  const inView = (box: DOMRect) => box.left >= -0.5 && box.top >= -0.5 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5;
  const box = dialog!.getBoundingClientRect();
  expect(inView(box), `${what}: the dialog spans ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)} in ${innerWidth}×${innerHeight}`).to.equal(true);
  const actions = [...dialog!.querySelectorAll<HTMLButtonElement>('.dialog-actions button, .actions button')].filter((b) => b.getClientRects().length > 0);
  expect(actions.length, `${what}: no action buttons in .dialog-actions`).to.be.greaterThan(0);
  for (const button of actions) {
    const r = button.getBoundingClientRect();
    expect(inView(r), `${what}: action "${button.textContent?.trim()}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`).to.equal(true);
  }
}

/** Puts the page at 360×640, a small phone, for dialog checks. */
export async function phonePage(): Promise<HTMLElement> {
  return hostPage(360, 640);
}
