import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TopUpForm } from '../../src/top-up-form.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { wayModules, type WayClass } from '../../src/elements/top-up-form/way.js';

// Module fetches are read from resource timing; the default buffer of 250 entries could drop them.
// The element is imported only once the buffer is large enough (see `before`).
performance.setResourceTimingBufferSize(10_000);

/** Code only the bank-transfer way needs, and code only the claim way needs. */
const TRANSFER_CODE = ['/elements/top-up-form/transfer-way.', '/elements/top-up-form/transfer-panel.', '/core/payments/remittance-account-flow.', '/src/masked-field.'];
const CLAIM_CODE = ['/elements/top-up-form/claim-way.', '/elements/top-up-form/claim-panel.', '/core/payments/remittance-claim-flow.'];

/** How often the page fetched each of `files` so far. */
function fetches(files: readonly string[]): number[] {
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  return files.map((file) => urls.filter((url) => url.includes(file)).length);
}

async function mount(view = 'online'): Promise<TopUpForm> {
  const api = createMemoryAdapter({ latencyMs: 0 });
  const el = await fixture<TopUpForm>(html`<top-up-form .api=${api} view=${view} locale="en-US"></top-up-form>`);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: TopUpForm, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const active = (el: TopUpForm) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The next frame: `updateComplete` waits for a way's code, so what is drawn meanwhile is read after a frame. */
const drawn = () => new Promise((resolve) => requestAnimationFrame(resolve));
const retry = (el: TopUpForm) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again');

/** Swaps the loader of `view` for the test's, handing it the real one. */
function withLoader(view: 'transfer' | 'claim', loader: (real: () => Promise<WayClass>) => Promise<WayClass>): () => void {
  const real = wayModules[view];
  wayModules[view] = () => loader(real);
  return () => {
    wayModules[view] = real;
  };
}

describe('<top-up-form> fetches the bank-transfer and claim ways when first shown', () => {
  let restore: (() => void) | undefined;

  before(async () => {
    await import('../../src/top-up-form.js');
  });

  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('costs a page that tops up online none of their code', async () => {
    const el = await mount();
    await waitUntil(() => $(el, '#amount'), 'the online form');
    expect(performance.getEntriesByType('resource').length, 'the timing buffer kept every fetch').to.be.below(10_000);
    expect(fetches(TRANSFER_CODE), TRANSFER_CODE.join(', ')).to.deep.equal([0, 0, 0, 0]);
    expect(fetches(CLAIM_CODE), CLAIM_CODE.join(', ')).to.deep.equal([0, 0, 0]);
  });

  it('loads a way once however it is asked for, showing the loading state meanwhile', async () => {
    let loads = 0;
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    restore = withLoader('transfer', async (real) => {
      loads += 1;
      await arrived;
      return real();
    });
    const el = await mount();
    const other = document.createElement('top-up-form');
    other.api = createMemoryAdapter({ latencyMs: 0 });
    other.setAttribute('view', 'transfer');
    el.after(other);
    $(el, '#tab-transfer')!.click();
    await waitUntil(() => $(el, '#panel .skeleton'), 'skeleton rows while it comes');
    expect($(el, '#panel [role=status]')?.textContent?.trim()).to.equal('Getting ready…');
    await expect(el).to.be.accessible();
    $(el, '#tab-online')!.click();
    await drawn();
    $(el, '#tab-transfer')!.click();
    el.view = 'claim';
    await drawn();
    el.view = 'transfer';
    await drawn();
    expect(loads, 'one load per element while it comes').to.equal(2);
    arrive();
    await waitUntil(() => $(el, '[part=enable] button') && $(other, '[part=enable] button'), 'both show the remittance account');
    expect(loads).to.equal(2);
    expect(fetches(TRANSFER_CODE), 'each file fetched once for the page').to.deep.equal([1, 1, 1, 1]);
    expect(fetches(CLAIM_CODE), 'the claim way was shown too').to.deep.equal([1, 1, 1]);
  });

  it('says a failed load in the network words, keeps the tabs working, and the retry loads it', async () => {
    let loads = 0;
    restore = withLoader('claim', async (real) => {
      loads += 1;
      if (loads <= 2) throw new TypeError('Failed to fetch dynamically imported module');
      return real();
    });
    const el = await mount();
    $(el, '#tab-claim')!.click();
    await waitUntil(() => $(el, '#panel .error-state[role=alert]'), 'the failure shown');
    expect($(el, '#panel .error-state')!.textContent).to.contain('Cannot reach the server. Try again.');
    await expect(el).to.be.accessible();

    $(el, '#tab-online')!.click();
    await waitUntil(() => $(el, '#amount'), 'the online way still opens');
    $(el, '#tab-claim')!.click();
    await waitUntil(() => loads === 2 && $(el, '#panel .error-state'), 'opening the tab again tries again');

    retry(el)!.focus();
    retry(el)!.click();
    await waitUntil(() => $(el, '#search-remitterName'), 'the claim way after the retry');
    expect(loads).to.equal(3);
    expect(active(el)?.id, 'focus to the new step, not the page').to.equal('search-title');
    await waitUntil(() => $(el, '[part=records]'), 'its records');
    await expect(el).to.be.accessible();
  });
});
