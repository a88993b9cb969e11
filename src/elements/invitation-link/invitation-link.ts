import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import { LINK_LABEL_MAX, type ReportFieldRejection } from '../../model/rules/report.js';
import type { KitError } from '../../model/errors.js';
import type { OfflineInvitationLink as Link } from '../../model/schemas/reporting.js';
import { InvitationLinkFlow, type LinkState, type UnknownLink } from '../../core/invitations/invitation-link-flow.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { API_CHANGE_EVENT, KitController } from '../../controllers/kit-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { RetryFocusController } from '../../controllers/retry-focus-controller.js';
import { focusWithin } from '../../controllers/focus-within-controller.js';
import { rateLimitWait, withSupportCode } from '../../i18n/error-messages.js';
import { lostCause } from '../../i18n/lost-answer.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { linkMessages } from '../../i18n/messages/invitation-link.js';
import { qrSvgFile } from '../../qr/qr-code.js';
import { qrFigure, qrFigureStyles, qrModulesOf } from '../qr-figure.js';
import { download, qrPng } from '../../qr/qr-png.js';
import { watchLoadFailed, type LoadFailedDetail } from '../events.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { invitationLinkStyles } from './invitation-link.styles.js';

/** Detail of `invitation-link-regenerated`: the new link's id and the one it replaced. */
export interface InvitationLinkRegeneratedDetail {
  linkId: string;
  replacedLinkId: string;
}

/** Detail of `invitation-link-revoked`. */
export interface InvitationLinkRevokedDetail {
  linkId: string;
}

/** Which link: the generic one, or a custom one carrying a label. */
export type InvitationLinkKind = Link['kind'];

type Messages = ReturnType<typeof linkMessages>;

/**
 * An offline invitation (F13): the partner's generic link, or a custom link carrying a label (by
 * default the operator's account name), with its QR code, its expiry, copy, download as SVG or PNG,
 * and regenerate or revoke behind a confirm step. The QR code is inline SVG built from numbers
 * only (one path, `crispEdges`, black on white with its quiet zone): sharp at any size, readable in
 * dark themes, and allowed under a strict CSP. It encodes exactly the link shown. Regenerating and
 * revoking are intents with an idempotency key. When the answer is lost the link may already be dead:
 * it is hidden (no copy, download or QR code) until "Check what happened" or the same action sent
 * again under its key settles it, and the kind and label cannot change meanwhile.
 *
 * @summary An invitation link with its QR code.
 *
 * @event {CustomEvent<InvitationLinkRegeneratedDetail>} invitation-link-regenerated - A new link replaced the old one.
 * @event {CustomEvent<InvitationLinkRevokedDetail>} invitation-link-revoked - The link was revoked.
 * @event {CustomEvent<RequestCloseDetail>} invitation-link-request-close - The user asked to close the confirm step (Esc, backdrop, Cancel). Cancelable.
 * @event {CustomEvent<LoadFailedDetail>} invitation-link-load-failed - The link could not be loaded; `detail.error` is the `KitError`.
 *
 * @csspart link - The read-only link field.
 * @csspart qr - The QR code.
 * @csspart actions - Copy, download, regenerate, revoke.
 * @csspart dialog - The confirm step.
 * @csspart error - Why something failed.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-qr-size - Width of the QR code. Default 12rem.
 */
export class InvitationLink extends KitElement {
  static override styles = [qrFigureStyles, ...invitationLinkStyles];

  static override properties = {
    api: { attribute: false },
    locale: {},
    kind: {},
    label: {},
    labelDraft: { state: true },
    labelError: { state: true },
    feedback: { state: true },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** `generic` (default) or `custom`; the user can switch. */
  declare kind: InvitationLinkKind;
  /** The label a custom link starts with. Unset or empty: the operator's account name, as the backend knows it. */
  declare label: string | null | undefined;
  private declare labelDraft: string;
  private declare labelError: ReportFieldRejection | undefined;
  /** What the live region says after copy or download. */
  private declare feedback: string;

  readonly #kit = new KitController(this);
  readonly #flow = new InvitationLinkFlow(() => this.#kit.api());
  readonly #view = new FlowController(this, this.#flow);
  readonly #modal = new ModalController(this, {
    isOpen: () => this.#view.state.step === 'confirming' || this.#view.state.step === 'working',
    onRequestClose: () => this.#flow.dismiss(),
    // Revoked, the link and the button that asked are gone: focus goes on to "New link".
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('.actions button') ?? undefined,
  });
  readonly #retryFocus = new RetryFocusController(this);
  readonly #events = new ConnectedEmitter(this);
  readonly #focus = focusWithin(this);
  #shownLink: string | undefined;

  constructor() {
    super();
    this.kind = 'generic';
    this.labelDraft = '';
    this.labelError = undefined;
    this.feedback = '';
    watchLoadFailed(this, this.#flow, (state) => (state.step === 'load-failed' ? state.error : undefined));
    this.addEventListener(API_CHANGE_EVENT, () => void this.#open(this.kind, this.label || undefined));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An empty or removed `label` attribute means the default label, as an unset property does.
    if (changed.has('kind') || changed.has('label')) void this.#open(this.kind, this.label || undefined);
    const link = this.#flow.link;
    // A custom link that arrives shows its label in the field: the default is the operator's account name.
    if (link && link.id !== this.#shownLink) {
      this.#shownLink = link.id;
      if (link.kind === 'custom' && this.labelError === undefined) this.labelDraft = link.label ?? '';
    }
  }

  protected override render() {
    const m = linkMessages(this.#kit.locale);
    const state = this.#view.state;
    const kind = state.step === 'loading' || state.step === 'load-failed' ? state.request.kind : state.link.kind;
    const frozen = state.step === 'outcome-unknown';
    return html`${this.#kit.renderDemoMarker()}
      <section aria-labelledby="title">
        <h2 id="title" class="visually-hidden">${m.title}</h2>
        <fieldset ?disabled=${frozen}>
          <legend>${m.kind}</legend>
          <div class="kinds">
            ${(['generic', 'custom'] as const).map(
              (k) => html`<label class="choice"
                ><input type="radio" name="kind" .checked=${live(kind === k)} ?data-retry-focus=${kind === k} @change=${() => void this.#open(k, k === 'custom' ? this.label || undefined : undefined)} />${k === 'generic'
                  ? m.generic
                  : m.custom}</label
              >`,
            )}
          </div>
        </fieldset>
        ${kind === 'custom' ? this.#renderLabel(m, frozen) : nothing} ${this.#renderBody(state, m)}
        <div role="status" class="visually-hidden">${this.feedback}</div>
      </section>
      ${this.#renderConfirm(state, m)}`;
  }

  #renderLabel(m: Messages, frozen: boolean) {
    const error = this.labelError;
    const text =
      error === 'required' ? m.labelRequired : error === 'too-long' ? m.tooLong(LINK_LABEL_MAX) : error === 'hidden-characters' ? m.hiddenCharacters : error === 'format' ? m.labelFormat : '';
    return html`<form class="label-row" novalidate @submit=${this.#applyLabel}>
      <div class="field">
        <label for="label">${m.label}</label>
        <input id="label" ?disabled=${frozen} autocomplete="off" spellcheck="false" maxlength=${LINK_LABEL_MAX * 2} .value=${live(this.labelDraft)}
          aria-invalid=${String(error !== undefined)} aria-describedby="label-hint label-error"
          @input=${(e: Event) => {
            this.labelDraft = (e.target as HTMLInputElement).value;
            this.labelError = undefined;
          }} />
        <p id="label-hint" class="hint">${m.labelHint}</p>
        <p id="label-error" part="error">${text}</p>
      </div>
      <button type="submit" ?disabled=${frozen}>${m.applyLabel}</button>
    </form>`;
  }

  #renderBody(state: LinkState, m: Messages) {
    const locale = this.#kit.locale;
    switch (state.step) {
      case 'loading':
        return html`<div class="skeleton" aria-hidden="true"><div class="skeleton-row"></div><div class="skeleton-row"></div></div>
          <p class="visually-hidden" role="status">${m.loading}</p>`;
      case 'load-failed':
        return html`<div class="error-state" part="error" role="alert">
          <p>${m.loadFailed(withSupportCode(state.error, locale))}</p>
          <button type="button" aria-disabled=${String(rateLimitWait(state.error) > 0)} @click=${this.#retryFocus.press(() => this.#flow.reload(), state.error)}>${m.retry}</button>
        </div>`;
      case 'revoked':
        return html`<p role="status">${m.revoked(formatDateTime(state.revokedAt, locale))}</p>
          <div class="actions"><button type="button" class="primary" @click=${() => void this.#flow.reload()}>${m.newLink}</button></div>`;
      case 'outcome-unknown':
        return this.#renderUnknown(state, m);
      default:
        return this.#renderLink(state.link, this.#notice(state, m), m);
    }
  }

  /** What became of the last action, when it did not go through. */
  #notice(state: LinkState, m: Messages): string {
    if (state.step === 'not-done') return (state.action === 'revoke' ? m.revokeFailed : m.regenerateFailed)(state.error ? this.#why(state.error, m) : m.stillWorks);
    if (state.step === 'ready' && state.failure) return (state.failure.action === 'revoke' ? m.revokeFailed : m.regenerateFailed)(this.#why(state.failure.error, m));
    return '';
  }

  #why(error: KitError, m: Messages): string {
    return error.reason === 'link-revoked' ? m.alreadyRevoked : withSupportCode(error, this.#kit.locale);
  }

  /** The answer was lost: the link may be dead, so none of it is shown; a check, or the same action again. */
  #renderUnknown(state: UnknownLink, m: Messages) {
    const revoke = state.action === 'revoke';
    const text = state.stillUnknown ? m.stillUnknown : revoke ? m.unknownRevoke : m.unknownRegenerate;
    return html`<div part="error" role="alert">
        <p>${text}</p>
        <p class="hint">${lostCause(state.error, this.#kit.locale)}</p>
      </div>
      <p class="hint" aria-live="polite">${state.busy === 'checking' ? m.checking : state.busy === 'sending' ? m.working : ''}</p>
      <div part="actions" class="actions">
        <button type="button" class="primary" aria-busy=${String(state.busy === 'checking')} @click=${() => void this.#act(() => this.#flow.check())}>
          ${state.stillUnknown ? m.checkAgain : m.checkOutcome}
        </button>
        <button type="button" aria-busy=${String(state.busy === 'sending')} @click=${() => void this.#act(() => this.#flow.confirm())}>${revoke ? m.revokeAgain : m.regenerateAgain}</button>
      </div>`;
  }

  #renderLink(link: Link, notice: string, m: Messages) {
    const locale = this.#kit.locale;
    return html`<div class="field">
        <label for="url">${m.link}</label>
        <input id="url" part="link" readonly dir="ltr" spellcheck="false" .value=${live(link.url)} aria-describedby="expiry" @focus=${this.#selectLink} />
        <p id="expiry" class="hint">${m.expires(formatDateTime(link.expiresAt, locale))}</p>
      </div>
      ${qrFigure(link.url, m.qr)}
      <div part="actions" class="actions">
        <button type="button" class="primary" @click=${this.#copy}>${m.copy}</button>
        <button type="button" @click=${this.#downloadSvg}>${m.downloadSvg}</button>
        <button type="button" @click=${this.#downloadPng}>${m.downloadPng}</button>
        <button type="button" @click=${() => this.#flow.ask('regenerate')}>${m.regenerate}</button>
        <button type="button" class="danger" @click=${() => this.#flow.ask('revoke')}>${m.revoke}</button>
      </div>
      <p part="error" role="alert">${notice}</p>`;
  }

  #renderConfirm(state: LinkState, m: Messages) {
    // Closed, the dialog keeps the words of the last action: its text must not name the other one.
    const action = 'action' in state ? state.action : 'revoke';
    const working = state.step === 'working';
    return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <header class="dialog-header"><h2 id="confirm-title">${action === 'revoke' ? m.confirmRevokeTitle : m.confirmRegenerateTitle}</h2></header>
      <div class="dialog-body">
        <p id="confirm-text">${action === 'revoke' ? m.confirmRevokeText : m.confirmRegenerateText}</p>
        <p class="hint" aria-live="polite">${working ? m.working : ''}</p>
      </div>
      <footer class="dialog-actions">
        <button type="button" data-focus aria-disabled=${String(working)} @click=${() => !working && this.#modal.requestClose('close-button')}>${m.cancel}</button>
        <button type="button" class=${action === 'revoke' ? 'danger' : 'primary'} aria-busy=${String(working)} @click=${() => void this.#act(() => this.#flow.confirm())}>
          ${action === 'revoke' ? m.revoke : m.regenerate}
        </button>
      </footer>
    </dialog>`;
  }

  /** Shows the link of `kind`; a refused label stays in its field with the reason, beside the default-labelled link. */
  async #open(kind: InvitationLinkKind, label: string | undefined): Promise<void> {
    this.labelError = undefined;
    const refused = await this.#flow.open(kind === 'custom' ? { kind, ...(label === undefined ? {} : { label }) } : { kind });
    if (!refused) return;
    this.labelError = refused;
    this.labelDraft = label ?? '';
    if (!this.#flow.link) await this.#flow.open({ kind: 'custom' });
  }

  #applyLabel = (event: Event): void => {
    event.preventDefault();
    void this.#open('custom', this.labelDraft);
  };

  #selectLink = (event: Event): void => {
    (event.target as HTMLInputElement).select();
  };

  #copy = async (): Promise<void> => {
    const link = this.#flow.link;
    if (!link) return;
    const m = linkMessages(this.#kit.locale);
    try {
      await navigator.clipboard.writeText(link.url);
      this.feedback = m.copied;
    } catch {
      this.feedback = m.copyFailed;
      this.renderRoot.querySelector<HTMLInputElement>('#url')?.focus();
    }
  };

  #downloadSvg = (): void => {
    const link = this.#flow.link;
    if (!link) return;
    download(new Blob([qrSvgFile(qrModulesOf(link.url))], { type: 'image/svg+xml' }), `invitation-${link.id}.svg`);
    this.feedback = linkMessages(this.#kit.locale).downloaded;
  };

  #downloadPng = async (): Promise<void> => {
    const link = this.#flow.link;
    if (!link) return;
    download(await qrPng(qrModulesOf(link.url)), `invitation-${link.id}.png`);
    this.feedback = linkMessages(this.#kit.locale).downloaded;
  };

  /**
   * Runs a confirmed action, its resend after a lost answer, or a check of it; fires the event of
   * what it settled, once: only a confirm step or an unsettled outcome can lead to one.
   */
  async #act(run: () => Promise<LinkState>): Promise<void> {
    const before = this.#flow.state;
    if (before.step !== 'confirming' && (before.step !== 'outcome-unknown' || before.busy)) return;
    // What an earlier action said is stale now: a screen reader reading the page must not find it.
    this.feedback = '';
    const after = await run();
    const m = linkMessages(this.#kit.locale);
    if (after.step === 'revoked') this.#events.emit<InvitationLinkRevokedDetail>('invitation-link-revoked', { linkId: after.link.id });
    if (after.step === 'ready' && !after.failure && after.link.id !== before.link.id) {
      this.feedback = m.regenerated;
      this.#events.emit<InvitationLinkRegeneratedDetail>('invitation-link-regenerated', { linkId: after.link.id, replacedLinkId: before.link.id });
    }
    await this.drawn;
    // Settled, the button pressed is gone: focus goes on to the first action of what replaced it, not to the page.
    if (this.#focus.lost) this.renderRoot.querySelector<HTMLElement>('.actions button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-link': InvitationLink;
  }
  interface GlobalEventHandlersEventMap {
    'invitation-link-regenerated': CustomEvent<InvitationLinkRegeneratedDetail>;
    'invitation-link-revoked': CustomEvent<InvitationLinkRevokedDetail>;
    'invitation-link-load-failed': CustomEvent<LoadFailedDetail>;
    'invitation-link-request-close': CustomEvent<RequestCloseDetail>;
  }
}
