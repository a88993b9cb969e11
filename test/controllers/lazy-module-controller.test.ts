import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { LazyModuleController } from '../../src/controllers/lazy-module-controller.js';
import { KitElement } from '../../src/elements/kit-element.js';
import type { KitError } from '../../src/model/errors.js';

/** A fetch the test settles by hand, counting how often it was started. */
function deferredFetch() {
  const fetch = {
    started: 0,
    resolve: (_module: { word: string }) => {},
    reject: (_cause: unknown) => {},
    run: () => {
      fetch.started += 1;
      return new Promise<{ word: string }>((resolve, reject) => {
        fetch.resolve = resolve;
        fetch.reject = reject;
      });
    },
  };
  return fetch;
}

let current = deferredFetch();
let preload = false;

class TestLazy extends KitElement {
  readonly lazy = new LazyModuleController(this, () => current.run(), { what: 'test part', preload });
  override render() {
    const state = this.lazy.state;
    return litHtml`<p>${state.status === 'ready' ? state.module.word : state.status}</p>`;
  }
}
customElements.define('test-lazy', TestLazy);
const text = (el: TestLazy) => el.shadowRoot?.querySelector('p')?.textContent;

describe('LazyModuleController', () => {
  beforeEach(() => {
    current = deferredFetch();
    preload = false;
  });

  it('fetches nothing until asked, then once however often it is asked', async () => {
    const el = await fixture<TestLazy>(html`<test-lazy></test-lazy>`);
    await aTimeout(50);
    expect(current.started).to.equal(0);
    expect(text(el)).to.equal('idle');
    const first = el.lazy.load();
    const second = el.lazy.load();
    await aTimeout(0);
    expect(current.started).to.equal(1);
    expect(text(el)).to.equal('loading');
    current.resolve({ word: 'hello' });
    expect((await first).word).to.equal('hello');
    expect(await second).to.equal(await first);
    await el.updateComplete;
    expect(text(el)).to.equal('hello');
  });

  it("holds the element's updateComplete until the part it is fetching has come and is drawn", async () => {
    const el = await fixture<TestLazy>(html`<test-lazy></test-lazy>`);
    void el.lazy.load();
    let done = false;
    void el.updateComplete.then(() => (done = true));
    await aTimeout(20);
    expect(done).to.equal(false);
    current.resolve({ word: 'drawn' });
    await el.updateComplete;
    expect(text(el)).to.equal('drawn');
  });

  it('turns a failed fetch into a network error, and the next load fetches again', async () => {
    const el = await fixture<TestLazy>(html`<test-lazy></test-lazy>`);
    const loading = el.lazy.load();
    current.reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await loading.then(() => undefined, (cause: KitError) => cause);
    expect(error?.code).to.equal('network');
    expect(error?.reason).to.be.oneOf(['module-load', 'offline']);
    await el.updateComplete;
    expect(text(el)).to.equal('failed');
    const retry = el.lazy.load();
    await aTimeout(0);
    expect(el.lazy.state).to.deep.equal({ status: 'loading', again: true });
    current.resolve({ word: 'second time' });
    await retry;
    await el.updateComplete;
    expect(current.started).to.equal(2);
    expect(text(el)).to.equal('second time');
  });

  it('preloads when the browser is idle; a failed preload leaves no error and the first use fetches again', async () => {
    preload = true;
    const el = await fixture<TestLazy>(html`<test-lazy></test-lazy>`);
    await aTimeout(0);
    for (let waited = 0; current.started === 0 && waited < 3000; waited += 20) await aTimeout(20);
    expect(current.started).to.equal(1);
    expect(text(el)).to.equal('idle');
    current.reject(new TypeError('offline'));
    await aTimeout(0);
    await el.updateComplete;
    expect(el.lazy.state.status).to.equal('idle');
    const use = el.lazy.load();
    current.resolve({ word: 'used' });
    await use;
    await el.updateComplete;
    expect(current.started).to.equal(2);
    expect(text(el)).to.equal('used');
  });
});
