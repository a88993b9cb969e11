import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PartnerApi } from '../api/adapter.js';
import { KitError } from '../model/errors.js';
import type { VerificationTicket } from '../model/schemas/verification.js';
import type { VerificationCodeModal } from '../elements/verification-code-modal/verification-code-modal.js';
import { deskModule } from '../elements/verification-code-modal/desk-module.js';

/** A host's own way to ask for a code: resolves the ticket, `undefined` when none is needed, or rejects to cancel. */
export type Verifier<R extends { purpose: string }> = (request: R) => Promise<VerificationTicket | undefined>;

/** An element whose money flow may need a code: the host can hand it a `verifier`, else the embedded dialog asks. */
export interface VerifierHost<R extends { purpose: string }> extends ReactiveControllerHost, HTMLElement {
  verifier: Verifier<R> | undefined;
  api: PartnerApi | undefined;
  locale: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The one place a composed element gets a verification ticket: the host's `verifier` function when
 * set, else the embedded `<verification-code-modal>` that `render()` puts in the element's template.
 * The dialog's code is fetched the first time a code is asked for (`import()`), so a page pays for
 * it only when its partner's policy guards an action — or never, with a host `verifier`. The
 * dialog's small shell and its code entry (which the shell fetches on first use) come side by side.
 */
export class VerifierController<R extends { purpose: string }> implements ReactiveController {
  readonly #host: VerifierHost<R>;
  readonly #describe: (request: R) => string;

  /** `describe` says what is confirmed, in the user's language ("Withdraw ¥1,200.00"). */
  constructor(host: VerifierHost<R>, describe: (request: R) => string) {
    this.#host = host;
    this.#describe = describe;
    host.addController(this);
  }

  /** Resolves the ticket for `request` (or `undefined` when the policy does not guard it); rejects `cancelled` when the user gives up. */
  async verify(request: R): Promise<VerificationTicket | undefined> {
    if (this.#host.verifier) return this.#host.verifier(request);
    // Asked for now, not once the shell has come and asks: one round trip instead of two. A failure
    // is the dialog's to show, when it asks again.
    deskModule.fetch().catch(() => undefined);
    await import('../verification-code-modal.js');
    // Found when needed rather than kept with Lit's `ref` directive, which every composing element would download up front.
    const modal = this.#host.renderRoot.querySelector<VerificationCodeModal>('verification-code-modal');
    if (!modal) throw new KitError('configuration', 'The verification dialog is not rendered.');
    return modal.confirm({ purpose: request.purpose, action: this.#describe(request) });
  }

  /** The embedded code dialog; place it once in the element's template. */
  render(): TemplateResult {
    return html`<verification-code-modal .api=${this.#host.api} .locale=${this.#host.locale}></verification-code-modal>`;
  }

  hostConnected(): void {}
}
