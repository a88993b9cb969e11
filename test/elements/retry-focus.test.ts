import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/issued-voucher-list.js';
import '../../src/order-payment.js';
import '../../src/invitation-link.js';
import '../../src/invite-table.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import type { PartnerApi } from '../../src/api/adapter.js';
import { KitError } from '../../src/model/errors.js';

/** The demo backend, down (every call a server error) while `down.is` holds. */
function flaky(): { api: PartnerApi; down: { is: boolean } } {
  const down = { is: true };
  const real = createMemoryAdapter({ latencyMs: 20 });
  const api = new Proxy(real, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (down.is ? Promise.reject(new KitError('server', 'down in this test')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { api, down };
}

const retryButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('.error-state button');
const focused = (el: Element) => el.shadowRoot!.activeElement;

/** `tag` on the page with its first load failed, and the backend's switch. */
async function failedFirstLoad(tag: string): Promise<{ element: HTMLElement; down: { is: boolean } }> {
  const { api, down } = flaky();
  const page = await fixture<HTMLElement>(html`<div></div>`);
  const element = document.createElement(tag) as HTMLElement & { api: PartnerApi; locale: string };
  element.api = api;
  element.locale = 'en-US';
  page.append(element);
  await waitUntil(() => retryButton(element), 'the first load did not fail');
  return { element, down };
}

/** Try again, pressed from the keyboard with the backend back up. */
async function retryUp(element: HTMLElement, down: { is: boolean }): Promise<void> {
  down.is = false;
  retryButton(element)!.focus();
  await sendKeys({ press: 'Enter' });
}

for (const tag of ['issued-voucher-list', 'order-payment', 'invitation-link', 'invite-table']) {
  describe(`<${tag}>: Try again after a failed first load`, () => {
    it('keeps focus in the element while it loads and once it has, never on the page', async () => {
      const { element, down } = await failedFirstLoad(tag);
      await retryUp(element, down);
      await waitUntil(() => !retryButton(element) && focused(element) !== null, 'focus fell to the page while it loaded');
      await waitUntil(() => element.shadowRoot!.querySelector('[aria-busy=true]') === null && !element.shadowRoot!.textContent!.includes('Loading'), 'did not load');
      expect(focused(element), 'focus fell to the page once loaded').to.not.equal(null);
      expect(document.activeElement).to.equal(element);
    });

    it('puts focus on the new Try again when it fails once more', async () => {
      const { element } = await failedFirstLoad(tag);
      const first = retryButton(element)!;
      first.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => retryButton(element) && retryButton(element) !== first, 'no second failure');
      await waitUntil(() => focused(element) === retryButton(element), 'focus is not on the new Try again');
    });
  });
}

describe('Try again: focus the user moved stays moved', () => {
  it('leaves focus on the page when the user clicked it while the retry loaded', async () => {
    const { element, down } = await failedFirstLoad('issued-voucher-list');
    await retryUp(element, down);
    await waitUntil(() => focused(element) !== null, 'focus did not follow the retry');
    // A click on the host page's background: focus leaves the table for the page.
    (focused(element) as HTMLElement).blur();
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-busy=false]'), 'did not load');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement, 'focus was pulled back into the list').to.equal(document.body);
  });

  it('takes an arrow on the grid, focused while it loaded, to the cell in the Tab order', async () => {
    const { element, down } = await failedFirstLoad('invite-table');
    await retryUp(element, down);
    await waitUntil(() => element.shadowRoot!.querySelector('.tbody [role=gridcell]'), 'no rows');
    expect(focused(element)?.getAttribute('role')).to.equal('grid');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(element)?.getAttribute('role') === 'gridcell', 'the arrow did not reach a cell');
  });
});
