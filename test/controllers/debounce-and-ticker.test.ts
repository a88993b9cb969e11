import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DebounceController } from '../../src/controllers/debounce-controller.js';
import { TickerController } from '../../src/controllers/ticker-controller.js';
import { ConnectedEmitter } from '../../src/controllers/connected-emitter.js';

class TestTimers extends LitElement {
  calls: string[] = [];
  ticks = 0;
  readonly search = new DebounceController(this, (query: string) => this.calls.push(query), 20);
  readonly ticker = new TickerController(this, { ms: 10, onTick: () => (this.ticks += 1) < 3 });
}
customElements.define('test-timers', TestTimers);

describe('DebounceController', () => {
  it('calls once with the last arguments after the quiet period', async () => {
    const el = await fixture<TestTimers>(html`<test-timers></test-timers>`);
    el.search.call('a');
    el.search.call('ab');
    el.search.call('abc');
    expect(el.search.pending).to.equal(true);
    await aTimeout(40);
    expect(el.calls).to.deep.equal(['abc']);
    expect(el.search.pending).to.equal(false);
  });

  it('drops the waiting call when the element leaves the page', async () => {
    const el = await fixture<TestTimers>(html`<test-timers></test-timers>`);
    el.search.call('abc');
    el.remove();
    await aTimeout(40);
    expect(el.calls).to.deep.equal([]);
  });
});

describe('TickerController', () => {
  it('ticks until onTick says stop, re-rendering each time', async () => {
    const el = await fixture<TestTimers>(html`<test-timers></test-timers>`);
    el.ticker.start();
    await aTimeout(80);
    expect(el.ticks).to.equal(3);
    expect(el.ticker.running).to.equal(false);
  });

  it('pauses while the element is off the page and resumes when it comes back', async () => {
    const el = await fixture<TestTimers>(html`<test-timers></test-timers>`);
    const parent = el.parentElement!;
    el.ticker.start();
    el.remove();
    await aTimeout(40);
    expect(el.ticks).to.equal(0);
    expect(el.ticker.running).to.equal(true);
    parent.append(el);
    await aTimeout(60);
    expect(el.ticks).to.equal(3);
  });
});

describe('ConnectedEmitter', () => {
  class TestEmitter extends LitElement {
    readonly events = new ConnectedEmitter(this);
  }
  customElements.define('test-emitter', TestEmitter);

  it('fires on the element while it is on the page, where it stood once removed, and holds the event when that place is gone too', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><section><test-emitter></test-emitter></section></div>`);
    const section = outer.querySelector('section')!;
    const el = outer.querySelector<TestEmitter>('test-emitter')!;
    const heard: [string, EventTarget | null][] = [];
    outer.addEventListener('thing-done', (event) => heard.push([(event as CustomEvent<string>).detail, event.target]));

    el.events.emit('thing-done', 'on the page');
    el.remove();
    el.events.emit('thing-done', 'after removal');
    expect(heard).to.deep.equal([
      ['on the page', el],
      ['after removal', section],
    ]);

    section.append(el);
    section.remove();
    el.remove();
    el.events.emit('thing-done', 'nowhere to go');
    expect(heard).to.have.length(2);
    outer.append(el);
    expect(heard.at(-1)).to.deep.equal(['nowhere to go', el]);
    expect(heard).to.have.length(3);
  });
});
