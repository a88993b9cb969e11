import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { PartnerApi } from '../../src/api/adapter.js';
import { createMemoryAdapter } from '../../src/api/memory/index.js';
import { VerifierController, type Verifier } from '../../src/controllers/verifier-controller.js';
import type { VerificationCodeModal } from '../../src/verification-code-modal.js';
import { deskModule } from '../../src/elements/verification-code-modal/desk-module.js';
import { failure } from '../support/failure.js';

interface Request {
  purpose: 'withdraw';
  amount: number;
}

class TestVerified extends LitElement {
  static override properties = { api: { attribute: false }, locale: {}, verifier: { attribute: false } };
  declare api: PartnerApi | undefined;
  declare locale: string | undefined;
  declare verifier: Verifier<Request> | undefined;
  readonly codes = new VerifierController<Request>(this, (request) => `Withdraw ${request.amount}`);

  protected override render() {
    return litHtml`${this.codes.render()}`;
  }
}
customElements.define('test-verified', TestVerified);

const embedded = (el: TestVerified) => el.shadowRoot!.querySelector('verification-code-modal') as VerificationCodeModal;

/** Counts the fetches of the dialog's code entry, letting each through. */
function countEntryFetches(): { started: number; restore: () => void } {
  const real = deskModule.fetch;
  const count = {
    started: 0,
    restore: () => {
      deskModule.fetch = real;
    },
  };
  deskModule.fetch = () => {
    count.started += 1;
    return real();
  };
  return count;
}

describe('VerifierController', () => {
  let entryFetches: ReturnType<typeof countEntryFetches>;
  beforeEach(() => {
    entryFetches = countEntryFetches();
  });
  afterEach(() => entryFetches.restore());

  it("asks the host's verifier when one is set, and never even loads the embedded dialog", async () => {
    const el = await fixture<TestVerified>(html`<test-verified></test-verified>`);
    const seen: Request[] = [];
    el.verifier = (request) => {
      seen.push(request);
      return Promise.resolve(undefined);
    };
    expect(await el.codes.verify({ purpose: 'withdraw', amount: 100 })).to.equal(undefined);
    expect(seen).to.deep.equal([{ purpose: 'withdraw', amount: 100 }]);
    expect(customElements.get('verification-code-modal')).to.equal(undefined);
    expect('confirm' in embedded(el)).to.equal(false);
    expect(entryFetches.started).to.equal(0);
  });

  it("asks for the dialog's code entry as it asks for the dialog, not once the dialog has come", async () => {
    const el = await fixture<TestVerified>(html`<test-verified .api=${createMemoryAdapter({ latencyMs: 0 })} locale="en-US"></test-verified>`);
    const ticket = el.codes.verify({ purpose: 'withdraw', amount: 250 });
    expect(entryFetches.started).to.equal(1);
    await waitUntil(() => embedded(el).shadowRoot?.querySelector('[part=send]'), 'the code entry did not come');
    embedded(el).close();
    expect((await failure(ticket)).code).to.equal('cancelled');
  });

  it('opens the embedded dialog with the described action, on the same adapter, and rejects when the user cancels', async () => {
    const api = createMemoryAdapter({ latencyMs: 0 });
    const el = await fixture<TestVerified>(html`<test-verified .api=${api} locale="en-US"></test-verified>`);
    const ticket = el.codes.verify({ purpose: 'withdraw', amount: 250 });
    const modal = embedded(el);
    await waitUntil(() => modal.open && modal.shadowRoot?.textContent?.includes('Withdraw 250'), 'the dialog was not loaded and opened');
    expect(modal.api).to.equal(api);
    modal.close();
    expect((await failure(ticket)).code).to.equal('cancelled');
  });
});
