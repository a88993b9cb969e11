import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import { ModalController, modalTiming, type CloseSource, type RequestCloseDetail } from '../../src/controllers/modal-controller.js';

/** The smallest element that owns a modal dialog: what a kit element does with the controller. */
class TestModal extends LitElement {
  static override properties = { open: { type: Boolean } };
  declare open: boolean;
  closedBy: CloseSource[] = [];
  readonly modal = new ModalController(this, {
    isOpen: () => this.open,
    onRequestClose: (source) => {
      this.closedBy.push(source);
      this.open = false;
    },
  });

  constructor() {
    super();
    this.open = false;
  }

  protected override render() {
    return litHtml`<dialog aria-label="Test">
      <button data-focus @click=${() => this.modal.requestClose('close-button')}>Close</button>
    </dialog>`;
  }
}
customElements.define('test-modal', TestModal);

async function setup() {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">Open</button>
    <test-modal></test-modal>
  </div>`);
  const el = root.querySelector('test-modal') as TestModal;
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  return { root, el, opener };
}

async function openFrom(el: TestModal, opener: HTMLElement): Promise<HTMLDialogElement> {
  opener.focus();
  el.open = true;
  await el.updateComplete;
  return el.modal.dialog!;
}

const closeButton = (el: TestModal) => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-focus]')!;

describe('ModalController', () => {
  // Clicks on the backdrop are a user's own here, however soon after the dialog shows (one test sets the window itself).
  beforeEach(() => (modalTiming.doubleClickMs = 0));
  after(() => (modalTiming.doubleClickMs = 500));

  it('shows the dialog modally, focuses its first [data-focus] and returns focus to the opener on close', async () => {
    const { el, opener } = await setup();
    const dialog = await openFrom(el, opener);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(closeButton(el));

    el.open = false;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('turns Esc into a cancelable request-close event naming its source', async () => {
    const { el, opener } = await setup();
    await openFrom(el, opener);
    const asked = oneEvent(el, 'test-modal-request-close');
    await sendKeys({ press: 'Escape' });
    const event = (await asked) as CustomEvent<RequestCloseDetail>;
    expect(event.detail.source).to.equal('escape');
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(el.closedBy).to.deep.equal(['escape']);
    expect(el.modal.dialog!.open).to.equal(false);
  });

  it('keeps the dialog open when a listener cancels the request', async () => {
    const { el, opener } = await setup();
    await openFrom(el, opener);
    el.addEventListener('test-modal-request-close', (event) => event.preventDefault());
    closeButton(el).click();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.closedBy).to.deep.equal([]);
    expect(el.modal.dialog!.open).to.equal(true);
  });

  it('reports the close button and a click on the backdrop, but not a click inside the dialog', async () => {
    const { el, opener } = await setup();
    const dialog = await openFrom(el, opener);
    const box = dialog.getBoundingClientRect();
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1, clientX: box.left + 2, clientY: box.top + 2 }));
    expect(el.closedBy).to.deep.equal([]);
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1, clientX: 1, clientY: 1 }));
    expect(el.closedBy).to.deep.equal(['backdrop']);

    await el.updateComplete;
    await openFrom(el, opener);
    closeButton(el).click();
    expect(el.closedBy).to.deep.equal(['backdrop', 'close-button']);
  });

  it('takes a backdrop click as a close only once a double click on its opener would be over', async () => {
    const { el, opener } = await setup();
    const dialog = await openFrom(el, opener);
    // The second click of a double click on the opener lands on the backdrop as it shows.
    modalTiming.doubleClickMs = 60_000;
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1, clientX: 1, clientY: 1 }));
    expect(el.closedBy).to.deep.equal([]);
    modalTiming.doubleClickMs = 0;
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1, clientX: 1, clientY: 1 }));
    expect(el.closedBy).to.deep.equal(['backdrop']);
  });

  it('sends focus to the nearest focusable ancestor when the opener has left the page', async () => {
    const { root, el, opener } = await setup();
    root.tabIndex = -1;
    await openFrom(el, opener);
    opener.remove();
    el.open = false;
    await el.updateComplete;
    expect(document.activeElement).to.equal(root);
  });
});

describe('ModalController: an opener that cannot take focus back', () => {
  /** Opens from the opener, makes it unable to take focus, and closes with Esc: focus must not fall to the page. */
  async function closeAfter(disable: (opener: HTMLButtonElement) => void) {
    const { root, el, opener } = await setup();
    root.tabIndex = -1;
    await openFrom(el, opener);
    disable(opener);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.modal.dialog!.open).to.equal(false);
    return root;
  }

  it('sends focus to the nearest focusable ancestor when the opener is still on the page but disabled', async () => {
    const root = await closeAfter((opener) => (opener.disabled = true));
    expect(document.activeElement === root, 'focus on the focusable ancestor').to.equal(true);
  });

  it('sends focus to the nearest focusable ancestor when the opener is still on the page but hidden', async () => {
    const root = await closeAfter((opener) => (opener.hidden = true));
    expect(document.activeElement === root, 'focus on the focusable ancestor').to.equal(true);
  });

  it('prefers fallbackFocus over the ancestor when the opener is disabled', async () => {
    const root = await fixture<HTMLDivElement>(html`<div tabindex="-1"><button id="opener">Open</button><button id="next">Next</button><test-fallback-modal></test-fallback-modal></div>`);
    const el = root.querySelector('test-fallback-modal') as TestFallbackModal;
    const opener = root.querySelector<HTMLButtonElement>('#opener')!;
    el.fallback = root.querySelector<HTMLButtonElement>('#next')!;
    opener.focus();
    el.open = true;
    await el.updateComplete;
    opener.disabled = true;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(document.activeElement === el.fallback, 'focus on fallbackFocus').to.equal(true);
  });
});

/** A modal that gives `fallback` as its fallbackFocus. */
class TestFallbackModal extends LitElement {
  static override properties = { open: { type: Boolean } };
  declare open: boolean;
  fallback: HTMLElement | undefined;
  readonly modal = new ModalController(this, {
    isOpen: () => this.open,
    onRequestClose: () => (this.open = false),
    fallbackFocus: () => this.fallback,
  });

  constructor() {
    super();
    this.open = false;
  }

  protected override render() {
    return litHtml`<dialog aria-label="Test"><button data-focus>Close</button></dialog>`;
  }
}
customElements.define('test-fallback-modal', TestFallbackModal);

describe('ModalController: put back on the page', () => {
  it('shows a dialog that was open when its element was removed modally again once the element returns', async () => {
    const { root, el, opener } = await setup();
    const dialog = await openFrom(el, opener);
    el.remove();
    root.append(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.closedBy).to.deep.equal([]);
    // Closed after the move, it gives focus back to what opened it before.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('moves no focus when an element whose dialog closed while it was away comes back', async () => {
    const { root, el, opener } = await setup();
    await openFrom(el, opener);
    el.remove();
    const elsewhere = document.createElement('input');
    root.append(elsewhere);
    elsewhere.focus();
    el.open = false;
    // Lit updates an element off the page too: the close happens while it is away.
    await el.updateComplete;
    expect(document.activeElement).to.equal(elsewhere);
    root.append(el);
    await el.updateComplete;
    expect(document.activeElement).to.equal(elsewhere);
    // Opened again from elsewhere, it gives focus back there, not to the first opener.
    el.open = true;
    await el.updateComplete;
    el.open = false;
    await el.updateComplete;
    expect(document.activeElement).to.equal(elsewhere);
  });
});
