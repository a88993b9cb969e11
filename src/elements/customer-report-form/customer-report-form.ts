import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { KitError } from '../../model/errors.js';
import { REPORT_EMAIL_MAX, REPORT_MOBILE_MAX, REPORT_NAME_MAX, checkReportName } from '../../model/rules/report.js';
import { EmailPreview } from '../../core/invitations/email-preview.js';
import { ReportFlow, type ReportState, type RunReport } from '../../core/invitations/report-flow.js';
import { editable, rowErrors, type ReportRow, type RowField, type RowRejection } from '../../core/invitations/report-rows.js';
import { DebounceController } from '../../controllers/debounce-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import { reportMessages } from '../../i18n/messages/customer-report-form.js';
import { integerAttribute, readInteger } from '../attributes.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { reportFormStyles } from './customer-report-form.styles.js';

/** Detail of `customers-reported`: the invitations-list rows a run made. No personal values. */
export interface CustomersReportedDetail {
  /** One per accepted report: `invited` when the invitation e-mail went out, `reported` otherwise. */
  invitations: { invitationId: string; status: 'reported' | 'invited'; linkExpiresAt?: string }[];
  /** Rows of the run not reported: refused, or their answer lost (a retry settles those). */
  notReported: number;
}

const MAX_ROWS = { attribute: 'max-rows', fallback: 50, min: 1, max: 200 };
const FIELD_MAX: Record<Exclude<RowField, 'account'>, number> = { name: REPORT_NAME_MAX, mobile: REPORT_MOBILE_MAX, email: REPORT_EMAIL_MAX };
const INPUTS: readonly Exclude<RowField, 'account'>[] = ['name', 'mobile', 'email'];

type Messages = ReturnType<typeof reportMessages>;

/**
 * Reports customers (报备) to the partner center and, when asked, e-mails each one the invitation
 * link (valid 7 days). One row per customer: full name, the mobile the customer's account was
 * registered with, and e-mail (required while "send the invitation link" is on). When the mobile
 * has several accounts the user picks one. Rows are added one by one or pasted several at once,
 * and removed one by one or selected and removed together. Submitting checks every row, then
 * reports them as a paced job (the backend's 429s slow it down, never fail it) with a result per
 * row; a second submission sends only the rows that failed, and a row is never reported twice:
 * each keeps its idempotency key until its details change. A preview shows the e-mail first.
 *
 * New invitations appear by themselves in an `<invite-table>` under the same
 * `<partner-kit-provider>`; elsewhere, call the table's `refresh()` on `customers-reported`.
 *
 * Keyboard: every control is a native one in reading order; after adding a row focus goes to its
 * name, after a removal to "Add a customer", after a refused submission to the first field in
 * error, and after a run to its summary.
 *
 * @summary A form that reports customers and sends their invitations.
 *
 * @event {CustomEvent<CustomersReportedDetail>} customers-reported - A run reported at least one customer; once per run.
 * @event {CustomEvent<RequestCloseDetail>} customer-report-form-request-close - The user asked to close the e-mail preview (Esc, backdrop, Close). Cancelable.
 *
 * @csspart form - The form.
 * @csspart row - One customer.
 * @csspart submit - The report button.
 * @csspart progress - The progress of a run.
 * @csspart summary - What the last run achieved.
 * @csspart dialog - The e-mail preview.
 * @csspart error - A message at a field or row.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class CustomerReportForm extends KitElement {
  static override styles = reportFormStyles;

  static override properties = {
    api: { attribute: false },
    locale: {},
    maxRows: { attribute: 'max-rows', converter: integerAttribute(MAX_ROWS) },
    selected: { state: true },
    announcement: { state: true },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Most customers per report (attribute `max-rows`, 1–200). Default 50. */
  declare maxRows: number;
  private declare selected: ReadonlySet<string>;
  private declare announcement: string;

  readonly #kit = new KitController(this, { settleOnConnect: true });
  readonly #flow = new ReportFlow({ api: () => this.#kit.api() });
  readonly #view = new FlowController(this, this.#flow);
  readonly #preview = new EmailPreview(() => this.#kit.api());
  readonly #previewView = new FlowController(this, this.#preview);
  readonly #modal = new ModalController(this, { isOpen: () => this.#previewView.state.status !== 'closed', onRequestClose: () => this.#preview.close() });
  readonly #lookup = new DebounceController(this, (id: string) => void this.#flow.lookup(id), 400);
  readonly #ticker = new TickerController(this, { ms: 1000 });
  readonly #events = new ConnectedEmitter(this);

  constructor() {
    super();
    this.maxRows = MAX_ROWS.fallback;
    this.selected = new Set();
    this.announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('maxRows')) this.#flow.maxRows = readInteger(this.maxRows, MAX_ROWS);
    if (this.#view.state.step === 'paused') this.#ticker.start();
    else this.#ticker.stop();
  }

  protected override render() {
    const m = reportMessages(this.#kit.locale);
    const state = this.#view.state;
    const busy = state.step !== 'editing';
    const retry = state.step === 'editing' && state.lastRun !== undefined && state.rows.some((r) => r.outcome.status === 'failed' || r.outcome.status === 'unknown');
    const done = state.step === 'editing' && state.lastRun !== undefined && state.rows.every((r) => r.outcome.status === 'reported');
    const failed = state.rows.filter((r) => r.outcome.status === 'failed' || r.outcome.status === 'unknown').length;
    return html`${this.#kit.renderDemoMarker()}
      <form part="form" novalidate aria-labelledby="title" @submit=${this.#onSubmit}>
        <h2 id="title" class="visually-hidden">${m.title}</h2>
        <fieldset ?disabled=${busy}>
          <label class="choice"
            ><input type="checkbox" .checked=${live(state.sendInvitation)} aria-describedby="send-hint"
              @change=${(e: Event) => this.#flow.setSendInvitation((e.target as HTMLInputElement).checked)} />${m.sendInvitation}</label
          >
          <p id="send-hint" class="hint">${m.sendHint}</p>
          ${state.sendInvitation ? html`<button type="button" class="link" @click=${this.#openPreview}>${m.preview}</button>` : nothing}
        </fieldset>
        ${this.#renderRows(state, m)} ${this.#renderProgress(state, m)} ${this.#renderSummary(state, m)}
        <div class="actions">
          ${busy ? html`<button type="button" ?disabled=${state.step === 'stopping' || state.step === 'checking'} @click=${() => this.#flow.cancel()}>${m.stop}</button>` : nothing}
          ${done
            ? html`<button type="button" @click=${this.#newReport}>${m.newReport}</button>`
            : html`<button part="submit" type="submit" class="primary" aria-disabled=${String(busy)}>
                ${retry ? m.retryFailed(failed) : state.sendInvitation ? m.submitAndInvite : m.submit}
              </button>`}
        </div>
        <div role="status" class="visually-hidden">${this.announcement}</div>
      </form>
      ${this.#renderPreview(m)}`;
  }

  #renderRows(state: ReportState, m: Messages) {
    const busy = state.step !== 'editing';
    const removable = state.rows.filter((r) => this.selected.has(r.id) && r.outcome.status !== 'unknown' && r.outcome.status !== 'sending');
    const full = state.rows.length >= this.#flow.maxRows;
    return html`<fieldset class="customers" ?disabled=${busy}>
      <legend>${m.rows}</legend>
      ${removable.length > 0
        ? html`<div class="toolbar"><button type="button" @click=${() => this.#remove(removable.map((r) => r.id))}>${m.removeSelected(removable.length)}</button></div>`
        : nothing}
      <ol class="rows">
        ${state.rows.map((row, index) => this.#renderRow(state, row, index + 1, m))}
      </ol>
      <div class="toolbar">
        <button type="button" id="add-row" ?disabled=${full} aria-describedby="rows-full" @click=${this.#addRow}>${m.addRow}</button>
        <p id="rows-full" class="hint">${full ? m.full(this.#flow.maxRows) : ''}</p>
      </div>
      <details>
        <summary>${m.paste}</summary>
        <div class="field">
          <label for="paste">${m.pasteLabel}</label>
          <textarea id="paste" rows="3" spellcheck="false"></textarea>
        </div>
        <button type="button" @click=${this.#paste}>${m.pasteAdd}</button>
      </details>
    </fieldset>`;
  }

  #renderRow(state: ReportState, row: ReportRow, n: number, m: Messages) {
    const errors = rowErrors(row, state.sendInvitation, state.rows);
    const submitted = state.step === 'editing' && state.submitted;
    const shown = (field: RowField): RowRejection | undefined => (submitted || row.touched.includes(field) ? errors[field] : undefined);
    const locked = !editable(row);
    const lookup = row.accounts;
    return html`<li part="row" class="row" data-outcome=${row.outcome.status} aria-labelledby=${`${row.id}-label`}>
      <span class="row-head">
        <input type="checkbox" aria-label=${m.selectRow(n)} .checked=${live(this.selected.has(row.id))} @change=${() => this.#toggle(row.id)} />
        <span id=${`${row.id}-label`} class="visually-hidden">${m.rowLabel(n)}</span>
      </span>
      <fieldset ?disabled=${locked}>
        ${INPUTS.map((field) => {
          const error = shown(field);
          const label = field === 'name' ? m.name : field === 'mobile' ? m.mobile : state.sendInvitation ? m.email : m.emailOptional;
          const id = `${row.id}-${field}`;
          return html`<div class="field">
            <label for=${id}>${label}</label>
            <input id=${id} name=${field} autocomplete="off" spellcheck="false" maxlength=${FIELD_MAX[field] * 2}
              inputmode=${field === 'mobile' ? 'tel' : field === 'email' ? 'email' : nothing} .value=${live(row[field])}
              aria-invalid=${String(error !== undefined)} aria-describedby=${field === 'mobile' ? `${id}-hint ${id}-account ${id}-error` : `${id}-error`}
              @input=${(e: Event) => this.#type(row.id, field, (e.target as HTMLInputElement).value)} @blur=${() => this.#leave(row.id, field)} />
            ${field === 'mobile'
              ? html`<p id=${`${id}-hint`} class="hint">${m.mobileHint}</p>
                  <p id=${`${id}-account`} class="hint" aria-live="polite">
                    ${lookup.status === 'loading' ? m.accountsLoading : lookup.status === 'found' && lookup.accounts.length === 1 ? m.oneAccount(lookup.accounts[0]?.accountName ?? '') : ''}
                  </p>`
              : nothing}
            <p id=${`${id}-error`} part="error">${error ? this.#fieldError(field, error, m) : ''}</p>
          </div>`;
        })}
        ${lookup.status === 'found' && lookup.accounts.length > 1 ? this.#renderAccounts(row, lookup.accounts, shown('account'), m) : nothing}
        ${lookup.status === 'failed' ? html`<p class="row-status"><button type="button" class="link small" @click=${() => void this.#flow.lookup(row.id)}>${m.lookupAgain}</button></p>` : nothing}
      </fieldset>
      <button type="button" class="link row-remove" aria-label=${m.removeRow(n)} ?disabled=${row.outcome.status === 'unknown'} @click=${() => this.#remove([row.id])}>×</button>
      ${this.#renderOutcome(row, m)}
    </li>`;
  }

  #renderAccounts(row: ReportRow, accounts: readonly { accountId: string; accountName: string }[], error: RowRejection | undefined, m: Messages) {
    const id = `${row.id}-account-choice`;
    return html`<div class="field">
      <label for=${id}>${m.account}</label>
      <select id=${id} aria-invalid=${String(error !== undefined)} aria-describedby=${`${id}-error`}
        @change=${(e: Event) => this.#flow.chooseAccount(row.id, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${row.chosenAccountId === undefined}>${m.chooseAccount}</option>
        ${accounts.map((a) => html`<option value=${a.accountId} ?selected=${a.accountId === row.chosenAccountId}>${a.accountName}</option>`)}
      </select>
      <p id=${`${id}-error`} part="error">${error ? this.#fieldError('account', error, m) : ''}</p>
    </div>`;
  }

  #renderOutcome(row: ReportRow, m: Messages) {
    const outcome = row.outcome;
    switch (outcome.status) {
      case 'draft':
        return nothing;
      case 'queued':
        return html`<p class="row-status"><span class="badge">${m.queued}</span></p>`;
      case 'sending':
        return html`<p class="row-status"><span class="badge info">${m.sending}</span></p>`;
      case 'reported':
        return html`<p class="row-status"><span class="badge success">${outcome.result.status === 'invited' ? m.invited : m.reported}</span></p>`;
      case 'unknown':
        return html`<p class="row-status" part="error"><span class="badge warning">${m.unknown}</span></p>`;
      case 'failed':
        return html`<p class="row-status" part="error">${this.#failure(outcome.error)}</p>`;
    }
  }

  #renderProgress(state: ReportState, m: Messages) {
    if (state.step === 'editing') return nothing;
    if (state.step === 'checking') return html`<p class="hint" role="status">${m.checking}</p>`;
    const seconds = state.step === 'paused' ? Math.max(1, Math.ceil((state.until - Date.now()) / 1000)) : 0;
    return html`<div part="progress" class="progress">
      <progress max=${state.total} .value=${state.done} aria-label=${m.progress(state.done, state.total)}></progress>
      <p class="hint" role="status">
        ${m.progress(state.done, state.total)} ${state.step === 'paused' ? m.waiting(seconds) : state.step === 'stopping' ? m.stopping : ''}
      </p>
    </div>`;
  }

  #renderSummary(state: ReportState, m: Messages) {
    if (state.step !== 'editing') return nothing;
    if (state.lastRun) {
      const run = state.lastRun;
      return html`<section part="summary" aria-labelledby="summary">
        <p id="summary" tabindex="-1" role="status">${m.summary(run.reported, run.failed + run.unknown)}</p>
        ${run.stopped ? html`<p class="hint">${m.stopped}</p>` : nothing}
        ${run.unknown > 0 ? html`<p class="hint">${m.unknownNote}</p>` : nothing}
      </section>`;
    }
    return state.submitted ? html`<p part="error" role="alert">${state.rows.some((r) => r.name || r.mobile || r.email) ? m.fixErrors : m.nothingToSend}</p>` : nothing;
  }

  #renderPreview(m: Messages) {
    const state = this.#previewView.state;
    return html`<dialog part="dialog" aria-labelledby="preview-title">
      <header class="dialog-header">
        <h2 id="preview-title">${m.previewTitle}</h2>
        <button type="button" class="icon" aria-label=${m.close} @click=${() => this.#modal.requestClose('close-button')}>×</button>
      </header>
      <div class="dialog-body" aria-busy=${String(state.status === 'loading')}>
        ${state.status === 'loading' ? html`<p role="status">${m.previewLoading}</p>` : nothing}
        ${state.status === 'failed' ? html`<p part="error" role="alert">${m.previewFailed} ${withSupportCode(state.error, this.#kit.locale)}</p>` : nothing}
        ${state.status === 'ready'
          ? html`<dl>
                <dt>${m.previewSubject}</dt>
                <dd><bdi>${state.preview.subject}</bdi></dd>
              </dl>
              <p class="preview-body">${state.preview.body}</p>
              <p class="hint">${m.previewValid(state.preview.linkValidDays)}</p>`
          : nothing}
      </div>
      <footer class="dialog-actions"><button type="button" data-focus @click=${() => this.#modal.requestClose('close-button')}>${m.close}</button></footer>
    </dialog>`;
  }

  #fieldError(field: RowField, reason: RowRejection, m: Messages): string {
    switch (reason) {
      case 'required':
        return field === 'name' ? m.nameRequired : field === 'mobile' ? m.mobileRequired : m.emailRequired;
      case 'too-long':
        return m.tooLong(field === 'account' ? REPORT_NAME_MAX : FIELD_MAX[field]);
      case 'hidden-characters':
        return m.hiddenCharacters;
      case 'format':
        return field === 'name' ? m.nameFormat : field === 'mobile' ? m.mobileFormat : m.emailFormat;
      case 'no-account':
        return m.noAccount;
      case 'account-required':
        return m.accountRequired;
      case 'lookup-failed':
        return m.lookupFailed;
      case 'duplicate':
        return m.duplicate;
    }
  }

  /** A refusal in the partner's words where the kit knows the case, else the generic sentence with the backend's code. */
  #failure(error: KitError): string {
    const m = reportMessages(this.#kit.locale);
    const known: Record<string, string> = {
      'already-reported': m.alreadyReported,
      'reported-by-huawei': m.reportedByHuawei,
      'no-account': m.noAccount,
      'account-mismatch': m.accountMismatch,
    };
    const text = (error.reason && known[error.reason]) || (error.backendCode === 'CBC.99000051' ? m.reportedByHuawei : undefined);
    return withSupportCode(error, this.#kit.locale, text);
  }

  #type(id: string, field: Exclude<RowField, 'account'>, value: string): void {
    this.#flow.setField(id, field, value);
    if (field === 'mobile') this.#lookup.call(id);
  }

  #leave(id: string, field: RowField): void {
    this.#flow.touch(id, field);
    if (field === 'mobile') {
      this.#lookup.cancel();
      void this.#flow.lookup(id);
    }
  }

  #toggle(id: string): void {
    const next = new Set(this.selected);
    if (!next.delete(id)) next.add(id);
    this.selected = next;
  }

  #addRow = async (): Promise<void> => {
    if (!this.#flow.addRow()) return;
    const rows = this.#flow.state.rows;
    this.announcement = reportMessages(this.#kit.locale).added(rows.length);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${rows.at(-1)?.id ?? ''}-name`)?.focus();
  };

  #paste = (): void => {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#paste');
    const m = reportMessages(this.#kit.locale);
    const { added, unread } = area ? this.#flow.pasteRows(area.value) : { added: 0, unread: [] };
    // What could not be read stays in the box, as typed, to be mended and added again.
    if (area && added > 0) area.value = unread.join('\n');
    this.announcement = added === 0 ? m.pastedNone : unread.length > 0 ? `${m.pasted(added)} ${m.pastedUnread(unread.length)}` : m.pasted(added);
  };

  async #remove(ids: readonly string[]): Promise<void> {
    const count = this.#flow.removeRows(ids);
    const kept = new Set(this.#flow.state.rows.map((r) => r.id));
    this.selected = new Set([...this.selected].filter((id) => kept.has(id)));
    if (this.#flow.state.rows.length === 0) this.#flow.addRow();
    this.announcement = reportMessages(this.#kit.locale).removed(count);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#add-row')?.focus();
  }

  #openPreview = (): void => {
    const named = this.#flow.state.rows.map((row) => checkReportName(row.name)).find((check) => check.ok);
    const locale = this.#kit.locale === 'zh-CN' ? 'zh-CN' : 'en-US';
    void this.#preview.open({ locale, ...(named?.ok ? { customerName: named.value } : {}) });
  };

  #newReport = async (): Promise<void> => {
    this.#flow.reset();
    this.announcement = '';
    this.selected = new Set();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name=name]')?.focus();
  };

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#flow.state.step !== 'editing') return;
    // What the last edit said ("1 customer removed.") is over once the run starts; the run's own status speaks now.
    this.announcement = '';
    const report = await this.#flow.submit();
    await this.updateComplete;
    if (report) this.#events.emit<CustomersReportedDetail>('customers-reported', detailOf(report));
    const { state } = this.#flow;
    if (state.step === 'editing' && state.lastRun) {
      this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };
}

function detailOf(report: RunReport): CustomersReportedDetail {
  return {
    invitations: report.reported.map(({ invitationId, status, linkExpiresAt }) => ({ invitationId, status, ...(linkExpiresAt ? { linkExpiresAt } : {}) })),
    notReported: report.failed,
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-report-form': CustomerReportForm;
  }
  interface GlobalEventHandlersEventMap {
    'customers-reported': CustomEvent<CustomersReportedDetail>;
    'customer-report-form-request-close': CustomEvent<RequestCloseDetail>;
  }
}
