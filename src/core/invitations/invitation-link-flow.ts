import type { IntentResults, PartnerApi } from '../../api/adapter.js';
import { toKitError, type KitError } from '../../model/errors.js';
import { checkLinkLabel, type ReportFieldRejection } from '../../model/rules/report.js';
import type { OfflineInvitationLink, InvitationLinkRequest, OpenInvitationLinkRequest, RevokeInvitationLinkResult } from '../../model/schemas/reporting.js';
import { MoneyIntent } from '../money-intent.js';
import { Store } from '../store.js';

/** The backend operations an invitation link needs. */
export type LinkApi = Pick<PartnerApi, 'openInvitationLink' | 'regenerateInvitationLink' | 'revokeInvitationLink' | 'lookupIntent'>;

/** What the user can do to a link after confirming it. */
export type LinkAction = 'regenerate' | 'revoke';

/**
 * Where the link stands:
 * - `loading` / `load-failed`: asking for the link of `request`;
 * - `ready`: the link, with the last action's `failure` if it did not go through;
 * - `confirming`: the user asked to regenerate or revoke and has not confirmed yet;
 * - `working`: the confirmed action is on its way;
 * - `outcome-unknown`: the action's answer was lost, so `link` may no longer work; frozen until a
 *   check (`busy: 'checking'`) or the same action sent again under its key (`'sending'`) settles it;
 * - `not-done`: a check found the lost action never took effect, or was refused (with its `error`);
 * - `revoked`: the link no longer works; asking again makes a new one.
 */
export type LinkState =
  | { step: 'loading'; request: OpenInvitationLinkRequest }
  | { step: 'load-failed'; request: OpenInvitationLinkRequest; error: KitError }
  | { step: 'ready'; link: OfflineInvitationLink; failure: { action: LinkAction; error: KitError } | undefined }
  | { step: 'not-done'; link: OfflineInvitationLink; action: LinkAction; error: KitError | undefined }
  | { step: 'confirming'; link: OfflineInvitationLink; action: LinkAction }
  | { step: 'working'; link: OfflineInvitationLink; action: LinkAction }
  | { step: 'outcome-unknown'; link: OfflineInvitationLink; action: LinkAction; error: KitError; busy: 'checking' | 'sending' | undefined; stillUnknown: boolean }
  | { step: 'revoked'; link: OfflineInvitationLink; revokedAt: string };

/** A link whose regenerate or revoke answer was lost. */
export type UnknownLink = Extract<LinkState, { step: 'outcome-unknown' }>;

/**
 * An offline invitation link, without any DOM: the generic one or a custom one with a label (no
 * label: the backend takes the operator's account name), regenerated or revoked after a confirm
 * step. Each action is an intent with its own idempotency key, reused on a retry of the same action.
 */
export class InvitationLinkFlow extends Store<LinkState> {
  readonly #api: () => Promise<LinkApi>;
  readonly #intents = new Map<string, MoneyIntent<InvitationLinkRequest>>();
  #ask = 0;

  constructor(api: () => Promise<LinkApi>) {
    super({ step: 'loading', request: { kind: 'generic' } });
    this.#api = api;
  }

  /** The link in hand, in every state that has one (after a lost answer it is not shown: it may be dead). */
  get link(): OfflineInvitationLink | undefined {
    const { state } = this;
    return state.step === 'loading' || state.step === 'load-failed' ? undefined : state.link;
  }

  /**
   * Shows the link of `request`; a custom label is checked first and its refusal returned without
   * a call. An answer to an earlier ask that arrives later is dropped.
   */
  async open(request: OpenInvitationLinkRequest): Promise<ReportFieldRejection | undefined> {
    let asked = request;
    if (request.kind === 'custom' && request.label !== undefined) {
      const label = checkLinkLabel(request.label);
      if (!label.ok) return label.reason;
      asked = { kind: 'custom', label: label.value };
    }
    const ask = ++this.#ask;
    this.replaceState({ step: 'loading', request: asked });
    let next: LinkState;
    try {
      next = { step: 'ready', link: await (await this.#api()).openInvitationLink(asked), failure: undefined };
    } catch (caught) {
      next = { step: 'load-failed', request: asked, error: toKitError(caught) };
    }
    if (ask === this.#ask) this.replaceState(next);
    return undefined;
  }

  /** Asks for the link again after a failed load, or for a new one after a revoke. */
  reload(): Promise<ReportFieldRejection | undefined> {
    const { state } = this;
    if (state.step === 'load-failed') return this.open(state.request);
    if (state.step === 'revoked') return this.open(state.link.kind === 'custom' ? { kind: 'custom', label: state.link.label } : { kind: 'generic' });
    return Promise.resolve(undefined);
  }

  /** The user asked to regenerate or revoke: the confirm step. */
  ask(action: LinkAction): void {
    const { state } = this;
    if (state.step === 'ready' || state.step === 'not-done') this.replaceState({ step: 'confirming', link: state.link, action });
  }

  /** The user stepped back from the confirm step. */
  dismiss(): void {
    const { state } = this;
    if (state.step === 'confirming') this.replaceState({ step: 'ready', link: state.link, failure: undefined });
  }

  /**
   * Runs the confirmed action once, or sends the action whose answer was lost again under its key;
   * resolves with the state it led to.
   */
  async confirm(): Promise<LinkState> {
    const { state } = this;
    if (state.step === 'confirming') this.replaceState({ step: 'working', link: state.link, action: state.action });
    else if (state.step === 'outcome-unknown' && !state.busy) this.replaceState({ ...state, busy: 'sending' });
    else return state;
    const { link, action } = state;
    const intent = this.#intent(action, link);
    const verify = () => Promise.resolve(undefined);
    const request = { linkId: link.id };
    try {
      const api = await this.#api();
      if (action === 'revoke') this.#revoked(link, await intent.run(request, { verify, call: (r, o) => api.revokeInvitationLink(r, o) }));
      else this.#regenerated(await intent.run(request, { verify, call: (r, o) => api.regenerateInvitationLink(r, o) }));
    } catch (caught) {
      const error = toKitError(caught);
      this.replaceState(intent.outcomeUnknown ? { step: 'outcome-unknown', link, action, error, busy: undefined, stillUnknown: false } : { step: 'ready', link, failure: { action, error } });
    }
    return this.state;
  }

  /** Asks the backend what became of the action whose answer was lost; resolves with the state it led to. */
  async check(): Promise<LinkState> {
    const { state } = this;
    if (state.step !== 'outcome-unknown' || state.busy) return state;
    this.replaceState({ ...state, busy: 'checking' });
    if (state.action === 'revoke') await this.#lookUp(state, 'revokeInvitationLink', (result) => this.#revoked(state.link, result));
    else await this.#lookUp(state, 'regenerateInvitationLink', (fresh) => this.#regenerated(fresh));
    return this.state;
  }

  /** Asks the backend by the lost action's key what became of it; `done` takes the result it recorded. */
  async #lookUp<O extends 'revokeInvitationLink' | 'regenerateInvitationLink'>(state: UnknownLink, operation: O, done: (result: IntentResults[O]) => void): Promise<void> {
    const { link, action } = state;
    const answer = await this.#intent(action, link).resolve(async (idempotencyKey) => (await this.#api()).lookupIntent({ operation, idempotencyKey }));
    if (answer.status === 'done') done(answer.result);
    else if (answer.status === 'not-done') this.replaceState({ step: 'not-done', link, action, error: answer.error });
    else this.replaceState({ ...state, error: answer.error ?? state.error, busy: undefined, stillUnknown: true });
  }

  /** The intent of `action` on `link`: its key is kept until the backend answers it for good. */
  #intent(action: LinkAction, link: OfflineInvitationLink): MoneyIntent<InvitationLinkRequest> {
    const slot = `${action}|${link.id}`;
    let intent = this.#intents.get(slot);
    if (!intent) {
      intent = new MoneyIntent<InvitationLinkRequest>('lnk');
      this.#intents.set(slot, intent);
    }
    return intent;
  }

  /** A revoke went through: the link no longer works. */
  #revoked(link: OfflineInvitationLink, { revokedAt }: RevokeInvitationLinkResult): void {
    this.replaceState({ step: 'revoked', link, revokedAt });
  }

  /** A regenerate went through: the backend's new link replaces the old. */
  #regenerated(fresh: OfflineInvitationLink): void {
    this.replaceState({ step: 'ready', link: fresh, failure: undefined });
  }
}
