// The bench page, bundled by scripts/bench-browser.mjs: <invite-table> and Vaadin grid on the same
// host rows, each step timed the same way (a change is "painted" when the frame after it has run),
// and every main-thread task over 50 ms recorded through PerformanceObserver `longtask` entries.
/* global PerformanceObserver, requestAnimationFrame, Event */
import '../src/invite-table.ts';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import '@vaadin/grid/vaadin-grid-selection-column.js';
import { createMemoryAdapter } from '../src/api/memory/index.ts';
import { ResendJob } from '../src/core/invites/resend-job.ts';

const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Resolves once the frame after now has been painted. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
async function until(predicate, timeout = 20_000) {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${predicate}`);
    await tick();
  }
}
/** The longest task over 50 ms that started at or after `since` (0 when none). */
async function longestSince(since) {
  await new Promise((resolve) => setTimeout(resolve, 60));
  return Math.max(0, ...longTasks.filter((t) => t.startTime + t.duration >= since).map((t) => t.duration));
}
function elements(root) {
  let count = 0;
  for (const node of root.querySelectorAll('*')) count += 1 + (node.shadowRoot ? elements(node.shadowRoot) : 0);
  return count;
}

const statuses = ['reported', 'invited', 'associated', 'failed'];
let data = [];
window.makeRows = (count) => {
  data = Array.from({ length: count }, (_, i) => ({
    id: `inv-${i}`,
    maskedName: `客${i % 97}**`,
    maskedMobile: `0086-139****${String(i % 10000).padStart(4, '0')}`,
    maskedEmail: 'u***@example.com',
    status: statuses[i % 4],
    invitedAt: new Date(1767225600000 + i * 60000).toISOString(),
    linkExpiresAt: new Date(1767830400000 + i * 60000).toISOString(),
    operator: `op${(i * 7) % 5}`,
  }));
  window.benchData = data;
  return data.length;
};

/** <invite-table>: every user step at this row count, each with its time and its longest task. */
window.benchTable = async () => {
  const table = document.createElement('invite-table');
  table.locale = 'en-US';
  document.body.replaceChildren(table);
  await table.updateComplete;
  const root = table.shadowRoot;
  // Found by ARIA roles, so a restyled table (other classes, other wrappers) is measured alike.
  const grid = root.querySelector('[role=grid]');
  const busy = () => grid.getAttribute('aria-busy') === 'true';
  const firstRow = () => root.querySelector('[role=row][data-row="0"]');
  const r = {};

  let start = performance.now();
  table.rows = data;
  await until(firstRow);
  await painted();
  r.firstPaint = performance.now() - start;
  await until(() => !busy());
  r.indexed = performance.now() - start;
  r.assignTask = await longestSince(start);

  const scroller = [grid, ...grid.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible');
  start = performance.now();
  let longestFrame = 0;
  for (const at of [0.5, 0.1, 0.999, 0.33, 0]) {
    const before = performance.now();
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * at;
    const row = Math.floor(scroller.scrollTop / (firstRow()?.getBoundingClientRect().height || 44));
    await until(() => root.querySelector(`[role=row][data-row="${row}"]`));
    await painted();
    longestFrame = Math.max(longestFrame, performance.now() - before);
  }
  r.jump = longestFrame;
  r.jumpTask = await longestSince(start);

  // Sort by operator (a key not indexed yet): first screen, then the whole order.
  const sortButtons = root.querySelectorAll('[role=columnheader][aria-sort] button');
  const shown = () => firstRow()?.textContent;
  let before = shown();
  start = performance.now();
  sortButtons[sortButtons.length - 1].click();
  await until(() => shown() !== before);
  await painted();
  r.sortFirst = performance.now() - start;
  await until(() => !busy());
  r.sortDone = performance.now() - start;
  r.sortTask = await longestSince(start);

  // Typing: each keystroke waits out the element's search debounce; timed from the query taking effect.
  const input = root.querySelector('input[type=search]');
  const keystrokes = [];
  start = performance.now();
  for (const text of ['*', '**', '***', '****', '****0', '****00', '****004']) {
    let applied = 0;
    const watch = new MutationObserver(() => (applied ||= busy() ? performance.now() : 0));
    watch.observe(grid, { attributes: true, attributeFilter: ['aria-busy'] });
    before = shown();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(() => applied && (!busy() || shown() !== before));
    await painted();
    watch.disconnect();
    keystrokes.push(performance.now() - applied);
  }
  r.keystroke = Math.max(...keystrokes);
  r.typeTask = await longestSince(start);
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await until(() => grid.getAttribute('aria-rowcount') === String(data.length + 1) && !busy());

  start = performance.now();
  const all = root.querySelector('[role=columnheader] input[type=checkbox]');
  all.click();
  await until(() => firstRow()?.querySelector('input[type=checkbox]')?.checked);
  await painted();
  r.selectAll = performance.now() - start;
  r.selectTask = await longestSince(start);

  r.elements = elements(root) + 1;
  return r;
};

/** Vaadin grid, on the same rows, newest first as <invite-table> shows them. */
window.benchVaadin = async () => {
  const grid = document.createElement('vaadin-grid');
  grid.style.height = '28rem';
  grid.innerHTML = `<vaadin-grid-selection-column></vaadin-grid-selection-column>
    <vaadin-grid-column path="maskedName"></vaadin-grid-column><vaadin-grid-column path="maskedMobile"></vaadin-grid-column>
    <vaadin-grid-column path="maskedEmail"></vaadin-grid-column><vaadin-grid-column path="status"></vaadin-grid-column>
    <vaadin-grid-sort-column path="invitedAt" direction="desc"></vaadin-grid-sort-column>
    <vaadin-grid-sort-column path="linkExpiresAt"></vaadin-grid-sort-column><vaadin-grid-sort-column path="operator"></vaadin-grid-sort-column>`;
  document.body.replaceChildren(grid);
  await customElements.whenDefined('vaadin-grid');
  await painted();
  const newest = data[data.length - 1].invitedAt;
  const r = {};
  const start = performance.now();
  grid.items = data;
  await until(() => [...grid.querySelectorAll('vaadin-grid-cell-content')].some((cell) => cell.textContent === newest));
  await painted();
  r.firstPaint = performance.now() - start;
  r.assignTask = await longestSince(start);
  r.elements = elements(grid.shadowRoot) + grid.querySelectorAll('*').length + 1;
  return r;
};

/** JS heap the table keeps for the rows, after a full garbage collection (measured by the driver). */
window.mountForHeap = async () => {
  const table = document.createElement('invite-table');
  table.locale = 'en-US';
  document.body.replaceChildren(table);
  table.rows = data;
  const grid = () => table.shadowRoot?.querySelector('[role=grid]');
  await until(() => grid() && grid().getAttribute('aria-busy') === 'false' && table.shadowRoot.querySelector('[role=row][data-row]'));
};
window.unmount = () => document.body.replaceChildren();

window.benchBatch = async (count, perSecond) => {
  const api = createMemoryAdapter({ invitationCount: count * 2, rateLimitPerSecond: perSecond });
  const effects = new Map();
  const resend = api.resendInvitation.bind(api);
  api.resendInvitation = async (request, options) => {
    const before = api.data.invitations.find((i) => i.id === request.invitationId).invitedAt;
    const result = await resend(request, options);
    if (api.data.invitations.find((i) => i.id === request.invitationId).invitedAt !== before) {
      effects.set(request.invitationId, (effects.get(request.invitationId) ?? 0) + 1);
    }
    return result;
  };
  const ids = api.data.invitations.filter((i) => i.status !== 'associated').slice(0, count).map((i) => ({ id: i.id }));
  const job = new ResendJob({ api, concurrency: 4 });
  const start = performance.now();
  const { progress: result } = await job.run(ids);
  const seconds = (performance.now() - start) / 1000;
  return {
    rows: ids.length,
    seconds,
    bound: ids.length / perSecond,
    succeeded: result.succeeded.length,
    lost: ids.length - result.succeeded.length - result.failed.length,
    failed: result.failed.length,
    duplicates: [...effects.values()].filter((n) => n > 1).length,
    calls: api.calls.get('resendInvitation') ?? 0,
  };
};
