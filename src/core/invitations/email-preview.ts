import type { PartnerApi } from '../../api/adapter.js';
import { toKitError, type KitError } from '../../model/errors.js';
import type { InvitationEmailPreview, PreviewInvitationEmailRequest } from '../../model/schemas/reporting.js';
import { Store } from '../store.js';

/** The preview of the invitation e-mail: closed, loading, shown, or failed to load. */
export type PreviewState =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'ready'; preview: InvitationEmailPreview }
  | { status: 'failed'; error: KitError };

/** The backend operation a preview needs. */
export type PreviewApi = Pick<PartnerApi, 'previewInvitationEmail'>;

/** Loads the invitation e-mail as the customer would get it; an answer that arrives after closing is dropped. */
export class EmailPreview extends Store<PreviewState> {
  readonly #api: () => Promise<PreviewApi>;
  #ask = 0;

  constructor(api: () => Promise<PreviewApi>) {
    super({ status: 'closed' });
    this.#api = api;
  }

  async open(request: PreviewInvitationEmailRequest): Promise<void> {
    const ask = ++this.#ask;
    this.replaceState({ status: 'loading' });
    let next: PreviewState;
    try {
      next = { status: 'ready', preview: await (await this.#api()).previewInvitationEmail(request) };
    } catch (caught) {
      next = { status: 'failed', error: toKitError(caught) };
    }
    if (ask === this.#ask) this.replaceState(next);
  }

  close(): void {
    this.#ask += 1;
    this.replaceState({ status: 'closed' });
  }
}
