import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import type { PartnerApi } from '../../src/api/adapter.js';
import { itemBusy } from '../../src/core/item-intents.js';
import { Store } from '../../src/core/store.js';
import { DecisionDialogController, type DecisionMessages, type DecisionStep } from '../../src/controllers/decision-dialog-controller.js';
import type { RequestCloseDetail } from '../../src/controllers/modal-controller.js';
import { VerifierController, type Verifier } from '../../src/controllers/verifier-controller.js';
import { KitError } from '../../src/model/errors.js';

type Request = { purpose: 'archive'; item: string };

type State =
  | { step: 'idle' }
  | { step: 'confirming' | 'verifying' | 'submitting'; item: string }
  | { step: 'failed'; item: string; error: KitError }
  | { step: 'not-done'; item: string; error: KitError | undefined }
  | { step: 'outcome-unknown'; item: string; error: KitError; checking: boolean; stillUnknown: boolean }
  | { step: 'done'; item: string; result: string };

/** A decision flow whose answers the test gives: each `confirm()` / `check()` waits for `answer()`. */
class ArchiveFlow extends Store<State> {
  readonly verify: Verifier<Request>;
  verified: Request[] = [];
  #answer: ((next: State) => void) | undefined;

  constructor(verify: Verifier<Request>) {
    super({ step: 'idle' });
    this.verify = verify;
  }

  get busy(): boolean {
    return itemBusy(this.state);
  }

  ask(item: string): Promise<string | undefined> {
    this.replaceState({ step: 'confirming', item });
    return Promise.resolve(undefined);
  }

  set(next: State): void {
    this.replaceState(next);
  }

  async confirm(): Promise<string | undefined> {
    const state = this.state;
    if (this.busy || state.step === 'idle' || state.step === 'done') return undefined;
    this.replaceState({ step: 'verifying', item: state.item });
    this.verified.push({ purpose: 'archive', item: state.item });
    await this.verify({ purpose: 'archive', item: state.item });
    this.replaceState({ step: 'submitting', item: state.item });
    return this.#wait();
  }

  async check(): Promise<string | undefined> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return undefined;
    this.replaceState({ ...state, checking: true });
    return this.#wait();
  }

  /** Ends the confirmation or check in flight in `next`. */
  answer(next: State): void {
    this.#answer?.(next);
  }

  dismiss(): void {
    if (!this.busy) this.replaceState({ step: 'idle' });
  }

  #wait(): Promise<string | undefined> {
    return new Promise((resolve) => {
      this.#answer = (next) => {
        this.#answer = undefined;
        this.replaceState(next);
        resolve(next.step === 'done' ? next.result : undefined);
      };
    });
  }
}

const WORDS: DecisionMessages = {
  cancel: 'Cancel',
  close: 'Close',
  retry: 'Try again',
  verifying: 'Waiting for the code…',
  submitting: 'Archiving…',
  notDone: 'It was not archived.',
  unknownTitle: 'Was it archived?',
  unknownText: 'No answer came.',
  stillUnknown: 'Still not known.',
  checkOutcome: 'Check what happened',
  checkAgain: 'Check again',
  checkingOutcome: 'Checking…',
};

/** The smallest list element with a decision per row: what customer-list, unbind-requests and issued-voucher-list do with it. */
class TestArchive extends LitElement {
  static override properties = { api: { attribute: false }, locale: {}, verifier: { attribute: false } };
  declare api: PartnerApi | undefined;
  declare locale: string | undefined;
  declare verifier: Verifier<Request> | undefined;
  settled: (string | undefined)[] = [];
  /** Holds `updateComplete`, as a kit element's does while a part it preloads is still on its way. */
  held: Promise<unknown> | undefined;
  readonly decision = new DecisionDialogController(this, {
    verifier: new VerifierController<Request>(this, (request) => `Archive ${request.item}`),
    flow: (verify) => new ArchiveFlow(verify),
    step: (state): DecisionStep => {
      if (state.step === 'done') return this.decision.done('Archived', litHtml`<p>${state.result}</p>`);
      if (state.step === 'outcome-unknown') return this.decision.unknown(state, litHtml`<p class="lead">Archive ${state.item}</p>`);
      return this.decision.question(state, { title: `Archive ${state.item}?`, body: litHtml`<p>It leaves the list.</p>`, confirmLabel: 'Archive' });
    },
    settle: (result) => this.settled.push(result),
    messages: () => WORDS,
    errorText: (error) => `Failed: ${error.message}`,
    locale: () => 'en-US',
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('#list') ?? undefined,
    titleId: 'archive-title',
  });

  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.held;
    return complete;
  }

  protected override render() {
    return litHtml`<div id="list" tabindex="-1"><button id="row" @click=${() => this.decision.ask((flow) => flow.ask('a-1'))}>Archive a-1</button></div>
      ${this.decision.render()}`;
  }
}
customElements.define('test-archive', TestArchive);

async function setup() {
  const el = await fixture<TestArchive>(html`<test-archive .verifier=${() => Promise.resolve(undefined)}></test-archive>`);
  return { el, flow: el.decision.flow };
}

const $ = <T extends HTMLElement = HTMLElement>(el: TestArchive, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const dialog = (el: TestArchive) => $<HTMLDialogElement>(el, 'dialog[part=dialog]');
const buttons = (el: TestArchive) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog button')];
const button = (el: TestArchive, label: string) => buttons(el).find((b) => b.textContent?.trim() === label)!;
const said = (el: TestArchive) => dialog(el).textContent!.replace(/\s+/g, ' ').trim();

async function open(el: TestArchive): Promise<void> {
  $(el, '#row').focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('DecisionDialogController', () => {
  it("opens the question as a modal named by its title, with focus on the title, and gives focus back to the row's button", async () => {
    const { el } = await setup();
    await open(el);
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('archive-title');
    expect(el.shadowRoot!.activeElement?.id).to.equal('archive-title');
    expect(said(el)).to.contain('Archive a-1?');
    expect(buttons(el).map((b) => b.textContent?.trim())).to.deep.equal(['Cancel', 'Archive']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement?.id).to.equal('row');
    expect(el.settled).to.deep.equal([undefined]);
  });

  it('asks for the code through the verifier, shows progress, and hands the result to settle once with focus on the title', async () => {
    const { el, flow } = await setup();
    await open(el);
    const confirm = button(el, 'Archive');
    confirm.click();
    confirm.click();
    await waitUntil(() => flow.state.step === 'submitting', 'not sent');
    await el.updateComplete;
    expect(flow.verified).to.have.length(1);
    expect(said(el)).to.contain('Archiving…');
    expect(button(el, 'Cancel').getAttribute('aria-disabled')).to.equal('true');
    expect(button(el, 'Archive').getAttribute('aria-busy')).to.equal('true');
    flow.answer({ step: 'done', item: 'a-1', result: 'a-1 archived' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'archive-title', 'focus left the title');
    expect(el.settled).to.deep.equal([undefined, undefined, 'a-1 archived']);
    expect(said(el)).to.contain('a-1 archived');
    button(el, 'Close').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
  });

  it('puts focus on the settled step once it is drawn, while the element still waits for a part on a slow network', async () => {
    const { el, flow } = await setup();
    await open(el);
    el.held = new Promise(() => undefined);
    button(el, 'Archive').focus();
    button(el, 'Archive').click();
    await waitUntil(() => flow.state.step === 'submitting', 'not sent');
    flow.answer({ step: 'done', item: 'a-1', result: 'a-1 archived' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'archive-title', 'focus waited for the part');
  });

  it('puts focus that fell with the replaced buttons on the title when an answer is lost, and leaves it on a retry that stays', async () => {
    const { el, flow } = await setup();
    await open(el);
    button(el, 'Archive').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flow.state.step === 'submitting', 'not sent');
    flow.answer({ step: 'outcome-unknown', item: 'a-1', error: new KitError('timeout', 'No answer.'), checking: false, stillUnknown: false });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'archive-title', `focus fell to ${document.activeElement?.tagName}`);
    flow.set({ step: 'failed', item: 'a-1', error: new KitError('server', 'Down.') });
    await el.updateComplete;
    button(el, 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flow.state.step === 'submitting', 'not sent again');
    flow.answer({ step: 'failed', item: 'a-1', error: new KitError('server', 'Down.') });
    await waitUntil(() => el.settled.length === 3, 'not answered');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === button(el, 'Try again'), 'focus stays on the button pressed').to.equal(true);
  });

  it('keeps a refused question with its error and turns the confirm button into a retry', async () => {
    const { el, flow } = await setup();
    await open(el);
    flow.set({ step: 'failed', item: 'a-1', error: new KitError('rate-limited', 'Slow down.') });
    await el.updateComplete;
    expect($(el, 'dialog [part=error]').textContent).to.equal('Failed: Slow down.');
    expect(buttons(el).map((b) => b.textContent?.trim())).to.deep.equal(['Cancel', 'Try again']);
    flow.set({ step: 'not-done', item: 'a-1', error: undefined });
    await el.updateComplete;
    expect($(el, 'dialog [role=status]').textContent).to.equal('It was not archived.');
    expect($(el, 'dialog [part=error]').textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('freezes an unknown outcome: check and retry, the lead says which decision, and a found result is settled', async () => {
    const { el, flow } = await setup();
    await open(el);
    flow.set({ step: 'outcome-unknown', item: 'a-1', error: new KitError('timeout', 'No answer.'), checking: false, stillUnknown: false });
    await el.updateComplete;
    expect($(el, '.dialog-body .lead').textContent).to.equal('Archive a-1');
    expect(said(el)).to.contain('No answer came.');
    // Why it is unknown, as a cause: not the element's error sentence with its own "try again".
    expect(said(el)).to.contain('The server did not answer in time.');
    expect(said(el)).to.not.contain('Failed: No answer.');
    expect(buttons(el).map((b) => b.textContent?.trim())).to.deep.equal(['Cancel', 'Check what happened', 'Try again']);
    await expect(el).to.be.accessible();
    button(el, 'Check what happened').click();
    await el.updateComplete;
    expect(said(el)).to.contain('Checking…');
    expect(button(el, 'Try again').getAttribute('aria-disabled')).to.equal('true');
    flow.answer({ step: 'outcome-unknown', item: 'a-1', error: new KitError('timeout', 'No answer.'), checking: false, stillUnknown: true });
    await el.updateComplete;
    expect(said(el)).to.contain('Still not known.');
    button(el, 'Check again').click();
    flow.answer({ step: 'done', item: 'a-1', result: 'found archived' });
    await waitUntil(() => el.settled.includes('found archived'), 'not settled');
    expect(el.settled.filter((r) => r !== undefined)).to.deep.equal(['found archived']);
  });

  it('closes through a cancelable <tag>-request-close, never while the decision is in flight', async () => {
    const { el, flow } = await setup();
    await open(el);
    el.addEventListener('test-archive-request-close', (event) => event.preventDefault(), { once: true });
    const asked = oneEvent(el, 'test-archive-request-close');
    button(el, 'Cancel').click();
    expect(((await asked) as CustomEvent<RequestCloseDetail>).detail.source).to.equal('close-button');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    flow.set({ step: 'submitting', item: 'a-1' });
    await el.updateComplete;
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    flow.set({ step: 'failed', item: 'a-1', error: new KitError('server', 'Down.') });
    await el.updateComplete;
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
  });

  it('renders the embedded code dialog once, for the flows that ask without a host verifier', async () => {
    const { el } = await setup();
    expect(el.shadowRoot!.querySelectorAll('verification-code-modal')).to.have.length(1);
  });
});
