import { css, html, nothing } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { ApproveUnbindResult, RejectUnbindResult, UnbindRequest, UnbindRequestStatus } from '../../model/schemas/customer-accounts.js';
import { UNBIND_REQUEST_STATUSES } from '../../model/values/customers.js';
import type { KitError } from '../../model/errors.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import {
  REASON_MAX,
  UnbindRequestFlow,
  type UnbindDecisionOutcome,
  type UnbindRequestState,
  type UnbindRequestVerifier,
} from '../../core/customers/unbind-request-flow.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { DecisionDialogController, type DecisionStep } from '../../controllers/decision-dialog-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import type { RequestCloseDetail } from '../../controllers/modal-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { ServerListController, type Column } from '../../controllers/server-list-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { formatDate } from '../../i18n/format-date.js';
import { unbindRequestMessages } from '../../i18n/messages/unbind-requests.js';
import { badges, dialogBase, fields, pager, states, table } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import '../../masked-field.js';

/** Detail of `unbind-request-approved`: the request, the customer unbound and the coupons reclaimed with it. No personal values. */
export type UnbindRequestApprovedDetail = ApproveUnbindResult;

/** Detail of `unbind-request-rejected`: the request, when, and the reason the customer is told. */
export type UnbindRequestRejectedDetail = RejectUnbindResult;

const STATUS_TONE: Readonly<Record<UnbindRequestStatus, string>> = {
  pending: 'badge warning',
  approved: 'badge success',
  rejected: 'badge danger',
  withdrawn: 'badge',
};

/**
 * Unbind requests raised by the partner's customers (the customer applied with an SMS code), paged
 * on the server and filtered by status: the customer (name masked; the eye button fetches it through
 * the adapter, which audits it), when it was asked, the customer's reason and where it stands. A
 * pending request is approved (the customer is unbound and its coupons reclaimed automatically) or
 * rejected with a reason the customer is told, confirmed with a verification code where the policy
 * guards `unbind-request`. Each decision is sent once whatever the clicks and retries; one whose
 * answer was lost says so, stays frozen, and is settled by sending it again (the same request) or
 * by checking.
 *
 * @summary Customers' unbind requests, approved or rejected.
 * @dependency masked-field
 * @dependency verification-code-modal
 *
 * @event {CustomEvent<UnbindRequestApprovedDetail>} unbind-request-approved - A request was approved and the customer unbound, once per approval, fired while the element is on the page.
 * @event {CustomEvent<UnbindRequestRejectedDetail>} unbind-request-rejected - A request was rejected, once per rejection, fired while the element is on the page.
 * @event {CustomEvent<RequestCloseDetail>} unbind-requests-request-close - The user asked to close the decision dialog
 *   (Esc, backdrop or its Cancel / Close button; `detail.source` says which). Cancelable. A decision in flight keeps the dialog open anyway.
 * @event {CustomEvent<LoadFailedDetail>} unbind-requests-load-failed - The first page of requests could not be loaded; `detail.error` is the `KitError`.
 *
 * @csspart table - The requests table.
 * @csspart approve - Each pending row's approve button.
 * @csspart reject - Each pending row's reject button.
 * @csspart dialog - The decision dialog.
 * @csspart reason - The rejection's reason field.
 * @csspart error - Why the requests could not be loaded, or why a decision failed.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class UnbindRequests extends KitElement {
  static override styles = [
    token.base,
    fields,
    table,
    badges,
    pager,
    states,
    dialogBase,
    css`
      :host {
        display: block;
      }
      .table {
        --pk-table-columns: minmax(9rem, 1.2fr) minmax(8rem, 1fr) minmax(8rem, auto) minmax(10rem, 2fr) minmax(8rem, 1fr) minmax(9rem, max-content);
      }
      .muted {
        color: ${token.textMuted};
        font-size: ${token.fontSizeSmall};
      }
      masked-field {
        min-width: 0;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: ${token.space2};
      }
      .coupons {
        margin: 0 0 ${token.space2};
        padding-inline-start: ${token.space4};
      }
      textarea {
        min-height: 4.5rem;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    locale: {},
    verifier: { attribute: false },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Asks for the verification code instead of the built-in `<verification-code-modal>`. */
  declare verifier: UnbindRequestVerifier | undefined;

  readonly #kit = new KitController(this);
  readonly #requests = new ServerListController(
    this,
    new PagedList({
      filters: { status: '' },
      fetch: async (f, page, signal) => {
        const status = UNBIND_REQUEST_STATUSES.find((s) => s === f.status);
        return (await this.#kit.api()).listUnbindRequests({ ...page, ...(status ? { status } : {}) }, { signal });
      },
    }),
    { main: 'load-when-connected' },
  );
  readonly #events = new ConnectedEmitter(this);
  readonly #decision = new DecisionDialogController(this, {
    verifier: new VerifierController<Parameters<UnbindRequestVerifier>[0]>(this, (r) => unbindRequestMessages(this.#kit.locale).verifyAction(r.decision, r.unbindRequest.accountName)),
    flow: (verify) => new UnbindRequestFlow({ api: () => this.#kit.api(), verify }),
    step: (state) => this.#dialogStep(state),
    settle: (outcome) => this.#decided(outcome),
    messages: () => unbindRequestMessages(this.#kit.locale),
    errorText: (error) => this.#errorText(error),
    locale: () => this.#kit.locale,
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=approve]') ?? this.renderRoot.querySelector<HTMLElement>('.table') ?? undefined,
    titleId: 'decision-title',
  });

  /** Loads the requests again (e.g. after the host learned of a new one). */
  refresh(): Promise<void> {
    return this.#requests.list.reload();
  }

  protected override render() {
    const locale = this.#kit.locale;
    const m = unbindRequestMessages(locale);
    const list = this.#requests;
    const columns: Column<UnbindRequest>[] = [
      { label: m.account, cell: (r) => html`<bdi>${r.accountName}</bdi>` },
      {
        label: m.customer,
        cell: (r) =>
          html`<masked-field kind="name" masked=${r.maskedName} reveal-resource="customer" reveal-id=${r.customerId} reveal-field="name" .api=${this.api} .locale=${this.locale}></masked-field>`,
      },
      { label: m.requestedAt, cell: (r) => formatDate(r.requestedAt, locale) },
      { label: m.reason, cell: (r) => html`<span>${r.reason}</span>` },
      {
        label: m.status,
        cell: (r) => html`<span class=${STATUS_TONE[r.status]}>${m.statusLabel(r.status)}</span>
          ${r.handledAt ? html`<span class="muted">${m.handledAt(formatDate(r.handledAt, locale))}</span>` : nothing}
          ${r.rejectReason ? html`<span class="muted">${m.rejectedBecause(r.rejectReason)}</span>` : nothing}`,
      },
      { label: m.actions, actions: true, cell: (r) => this.#rowActions(r) },
    ];
    return html`${this.#kit.renderDemoMarker()}<div class="field-row">
        ${list.select('status', m.statusFilter, UNBIND_REQUEST_STATUSES.map((s) => [s, m.statusLabel(s)] as const), locale)}
      </div>
      ${list.table('table', m.caption, columns, locale, m.loadFailed, (r) => r.id)} ${this.#decision.render()}`;
  }

  #rowActions(r: UnbindRequest) {
    if (r.status !== 'pending') return nothing;
    const m = unbindRequestMessages(this.#kit.locale);
    return html`<div class="row-actions">
      <button part="approve" class="small" type="button" aria-label=${m.approveLabel(r.accountName)} @click=${() => this.#decision.ask((flow) => flow.ask(r, 'approve'))}>${m.approve}</button>
      <button part="reject" class="small" type="button" aria-label=${m.rejectLabel(r.accountName)} @click=${() => this.#decision.ask((flow) => flow.ask(r, 'reject'))}>${m.reject}</button>
      ${this.#decision.flow.frozen(r) ? html`<span class="badge warning">${m.frozenNote}</span>` : nothing}
    </div>`;
  }

  #dialogStep(state: Exclude<UnbindRequestState, { step: 'idle' }>): DecisionStep {
    const m = unbindRequestMessages(this.#kit.locale);
    const dialog = this.#decision;
    const { request } = state;
    if (state.step === 'done') return this.#doneStep(request, state.outcome);
    const { decision } = state;
    const title = decision.kind === 'approve' ? m.approveTitle(request.accountName) : m.rejectTitle(request.accountName);
    if (state.step === 'outcome-unknown') return dialog.unknown(state, html`<p>${title}</p>`);
    const issue = state.step === 'confirming' ? state.issue : undefined;
    return dialog.question(state, {
      title,
      body: html`<p class="muted">${m.customerReason(request.reason)}</p>
        <p>${decision.kind === 'approve' ? m.approveText : m.rejectText}</p>
        ${decision.kind === 'reject'
          ? // Twice the limit, so a longer paste arrives whole and is refused with a message rather than cut unseen.
            html`<div class="field">
              <label for="reason">${m.reasonLabel}</label>
              <textarea id="reason" part="reason" rows="3" maxlength=${REASON_MAX * 2} aria-describedby="reason-hint reason-error" aria-invalid=${String(issue !== undefined)}
                .value=${live(decision.reason)} ?readonly=${dialog.flow.busy} @input=${(e: Event) => dialog.flow.setReason((e.target as HTMLTextAreaElement).value)}></textarea>
              <p class="hint" id="reason-hint">${m.reasonHint}</p>
              <p class="error" id="reason-error">${issue === 'hidden-characters' ? m.reasonHidden : issue ? m.reasonIssue(issue) : ''}</p>
            </div>`
          : nothing}`,
      confirmLabel: decision.kind === 'approve' ? m.confirmApprove : m.confirmReject,
    });
  }

  #doneStep(request: UnbindRequest, outcome: UnbindDecisionOutcome): DecisionStep {
    const locale = this.#kit.locale;
    const m = unbindRequestMessages(locale);
    if (outcome.kind === 'reject') return this.#decision.done(m.rejectedTitle, html`<p>${m.rejectedText(request.accountName)}</p>`);
    const { reclaimed } = outcome.result;
    return this.#decision.done(
      m.approvedTitle,
      html`<p>${m.approvedText(request.accountName)}</p>
        ${reclaimed.length ? html`<ul class="coupons">${reclaimed.map((r) => html`<li>${m.reclaimedLine(r.couponId, formatMoney(r.reclaimedAmount, locale, r.currency))}</li>`)}</ul>` : nothing}`,
    );
  }

  #errorText(error: KitError): string {
    const locale = this.#kit.locale;
    if (error.reason === 'request-not-pending') return unbindRequestMessages(locale).notPending;
    return withSupportCode(error, locale, errorMessage(error, locale));
  }

  /**
   * Each settled decision comes here once: its event fires and the list reloads with the request's
   * new status. A request found no longer pending reloads the list too.
   */
  #decided(outcome: UnbindDecisionOutcome | undefined): void {
    const state = this.#decision.flow.state;
    if (!outcome) {
      if (state.step === 'failed' && state.error.reason === 'request-not-pending') void this.#requests.list.reload();
      return;
    }
    if (outcome.kind === 'approve') this.#events.emit<UnbindRequestApprovedDetail>('unbind-request-approved', outcome.result);
    else this.#events.emit<UnbindRequestRejectedDetail>('unbind-request-rejected', outcome.result);
    void this.#requests.list.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unbind-requests': UnbindRequests;
  }
  interface GlobalEventHandlersEventMap {
    'unbind-request-approved': CustomEvent<UnbindRequestApprovedDetail>;
    'unbind-request-rejected': CustomEvent<UnbindRequestRejectedDetail>;
    'unbind-requests-request-close': CustomEvent<RequestCloseDetail>;
  }
}
