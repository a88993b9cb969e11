import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { focusWithin } from '../../src/controllers/focus-within-controller.js';
import { RetryFocusController } from '../../src/controllers/retry-focus-controller.js';

/** A step with one button; `next()` replaces the step, as a flow's update does after a press. */
class TestSteps extends LitElement {
  static override properties = { step: { type: Number } };
  declare step: number;
  readonly tracker = focusWithin(this);

  constructor() {
    super();
    this.step = 1;
  }

  override render() {
    return this.step === 1 ? html`<button>Next</button>` : html`<p>Step ${this.step}</p>`;
  }
}
customElements.define('test-steps', TestSteps);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FocusWithinController', () => {
  it('is one per element, however many of its controllers ask (one pair of focus listeners)', () => {
    class TestLists extends LitElement {}
    customElements.define('test-lists', TestLists);
    const el = new TestLists();
    const added: string[] = [];
    const add = el.addEventListener.bind(el);
    el.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, AddEventListenerOptions?]) => {
      added.push(type);
      add(type, ...rest);
    }) as typeof el.addEventListener;
    new RetryFocusController(el);
    new RetryFocusController(el);
    expect(focusWithin(el)).to.equal(focusWithin(el));
    expect(added.filter((type) => type === 'focusin')).to.have.length(1);
  });

  it('is not lost on a page that never had focus in the element', async () => {
    const el = await fixture<TestSteps>(html`<test-steps></test-steps>`);
    el.step = 2;
    await el.updateComplete;
    expect(document.activeElement).to.equal(document.body);
    expect(el.tracker.lost).to.equal(false);
  });

  it('is lost when the update removed the control that had focus', async () => {
    const el = await fixture<TestSteps>(html`<test-steps></test-steps>`);
    el.shadowRoot!.querySelector('button')!.focus();
    el.step = 2;
    await el.updateComplete;
    await settle();
    expect(el.tracker.lost).to.equal(true);
  });

  it('is not lost once the user moved focus out, to a control or to the page', async () => {
    const page = await fixture<HTMLElement>(html`<div><input aria-label="Elsewhere" /><test-steps></test-steps></div>`);
    const el = page.querySelector<TestSteps>('test-steps')!;
    el.shadowRoot!.querySelector('button')!.focus();
    page.querySelector('input')!.focus();
    await settle();
    expect(el.tracker.lost).to.equal(false);

    el.shadowRoot!.querySelector('button')!.focus();
    // A click on the page's background: the button stays as it was, focus goes to the page.
    el.shadowRoot!.querySelector('button')!.blur();
    await settle();
    expect(document.activeElement).to.equal(document.body);
    expect(el.tracker.lost).to.equal(false);
  });
});
