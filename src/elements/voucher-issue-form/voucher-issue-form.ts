import { html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { CouponKind, Quota } from '../../model/schemas/coupons.js';
import { REMARK_MAX_LENGTH } from '../../model/values/coupons.js';
import type { Customer } from '../../model/schemas/customers.js';
import type { KitError } from '../../model/errors.js';
import { localDate } from '../../core/dates.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { IssueFlow, SERVICE_TYPE_RESTRICTION, type IssueErrors, type IssueReport, type IssueState, type IssueVerifier } from '../../core/vouchers/issue-flow.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { API_CHANGE_EVENT, KitController } from '../../controllers/kit-controller.js';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { formatDate } from '../../i18n/format-date.js';
import { restrictionLabel, restrictionValue } from '../../i18n/restrictions.js';
import { badges } from '../../styles/badges.js';
import { buttons } from '../../styles/buttons.js';
import { fields } from '../../styles/fields.js';
import { pager } from '../../styles/pager.js';
import { states } from '../../styles/states.js';
import * as token from '../../styles/tokens.js';
import { integerAttribute, readInteger } from '../attributes.js';
import { watchLoadFailed } from '../events.js';
import { renderPager } from '../../controllers/pager.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { DebounceController } from '../../controllers/debounce-controller.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';
import { issueMessages } from '../../i18n/messages/voucher-issue-form.js';
import { issueFormStyles } from './voucher-issue-form.styles.js';
import { outcomePart } from './outcome-part.js';
import type { OutcomeContext } from './outcome-view.js';

const NO_ERRORS: IssueErrors = {};

const FIELD_TARGETS = {
  quota: 'input[name=quota]:not([disabled])',
  customers: '#customer-search',
  faceValue: '#face-value',
  validity: '#valid-from',
  remark: '#remark',
} as const;

/** The console's 10 customers per issue unless set; the API takes up to 100. */
const MAX_CUSTOMERS = { attribute: 'max-customers', fallback: 10, min: 1, max: 100 };

/** Detail of `voucher-issued`: per customer, the coupon id or why it failed. */
export type VoucherIssuedDetail = IssueReport;

/**
 * Issues vouchers (代金券) or cash coupons (现金券) out of a quota to several customers at once:
 * quota with its balance, window and restrictions; customers searched on the server by account
 * name and shown masked; a face value within the quota's bounds and balance with the total live;
 * an optional validity inside the quota's window and service types within its restrictions; a
 * remark only the partner sees. Submitting asks for a verification code when the policy says so,
 * issues once, and lists the outcome per customer, with a retry for the failed ones only. When the
 * answer to an issue is lost, the form freezes and says so until the same issue is sent again or
 * a check with the partner center settles it.
 *
 * @summary A form that issues vouchers and cash coupons.
 * @dependency verification-code-modal
 *
 * @event {CustomEvent<VoucherIssuedDetail>} voucher-issued - The backend answered an issue (or a check found it went through); once per submission, however often it was clicked, fired while the element is on the page.
 * @event {CustomEvent<LoadFailedDetail>} voucher-issue-form-load-failed - The quotas could not be loaded; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart form - The form.
 * @csspart quotas - The quota choice.
 * @csspart chip - A chosen customer.
 * @csspart results - Customer search results.
 * @csspart face-value - The face value input.
 * @csspart remark - The remark textarea.
 * @csspart submit - The issue button.
 * @csspart outcome-unknown - What the form says while an issue's outcome is unknown.
 * @csspart outcome - The per-customer result table.
 * @csspart error - A message at a field.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class VoucherIssueForm extends KitElement {
  static override styles = [token.base, buttons, fields, badges, pager, states, issueFormStyles];

  static override properties = {
    api: { attribute: false },
    locale: {},
    kind: {},
    maxCustomers: { attribute: 'max-customers', converter: integerAttribute(MAX_CUSTOMERS) },
    verifier: { attribute: false },
    announcement: { state: true },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Voucher or cash coupon to start with; the user can switch. */
  declare kind: CouponKind;
  /** Most customers per issue (attribute `max-customers`, 1–100): the console's 10 by default; not a whole number falls back to 10 with a console warning. */
  declare maxCustomers: number;
  /** Asks for the verification code instead of the built-in `<verification-code-modal>`. */
  declare verifier: IssueVerifier | undefined;
  private declare announcement: string;
  /** The language the announcement was said in: after a switch it is not shown in the old one. */
  #announcedIn: string | undefined;

  readonly #kit = new KitController(this);
  readonly #verifier = new VerifierController<Parameters<IssueVerifier>[0]>(this, (request) =>
    issueMessages(this.#kit.locale).verifyAction(request.customers, formatMoney(request.faceValue, this.#kit.locale, request.currency)),
  );
  readonly #outcome = new LazyModuleController(
    this,
    async () => {
      const part = await outcomePart.load();
      // Its sheets are adopted as it arrives, so nothing it draws is ever shown unstyled.
      part.adoptOutcomeStyles(this);
      return part;
    },
    { what: 'validity editors and issue outcome', preload: true },
  );
  readonly #flow = new IssueFlow({ api: () => this.#kit.api(), verify: (request) => this.#verifier.verify(request), submission: () => this.#outcome.load() });
  readonly #view = new FlowController(this, this.#flow);
  readonly #typing = new DebounceController(this, (query: string) => void this.#flow.search.setFilters({ query }), 250);
  readonly #events = new ConnectedEmitter(this);
  /** Whether the validity section is open, as the user or a refusal last left it. */
  #advancedOpen = false;

  constructor() {
    super();
    this.kind = 'voucher';
    this.maxCustomers = MAX_CUSTOMERS.fallback;
    this.announcement = '';
    // The customer search redraws the form as its pages come.
    new FlowController(this, this.#flow.search);
    watchLoadFailed(this, this.#flow, (state) => (state.quotas.status === 'failed' ? state.quotas.error : undefined));
    // Quotas from the new adapter, but not under an order being sent or frozen: its quota stays as sent.
    this.addEventListener(API_CHANGE_EVENT, () => {
      const { step } = this.#flow.state;
      if (step === 'editing' || step === 'result') void this.#flow.loadQuotas();
      if (this.#flow.search.state.load.status !== 'idle') void this.#flow.search.reload();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#flow.state.quotas.status === 'idle') {
      void this.#flow.loadQuotas();
      void this.#flow.search.reload();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('maxCustomers')) this.#flow.maxCustomers = readInteger(this.maxCustomers, MAX_CUSTOMERS);
    if (changed.has('kind')) this.#flow.setKind(this.kind);
  }

  protected override render() {
    const state = this.#view.state;
    // One code dialog for the form and the result's retry alike.
    // A result or an unknown outcome comes only after a submission, which fetched their views.
    const outcome = this.#outcome.module;
    const body = state.step === 'result' ? outcome?.renderResult(state, this.#outcomeContext()) : this.#renderForm(state);
    return html`${this.#kit.renderDemoMarker()}${body}${this.#verifier.render()}`;
  }

  /**
   * Inputs are bound to the draft without `live`: the flow takes every edit the enabled form lets a
   * user make, so the DOM already holds what was last drawn, and a redraw while the search's debounce
   * waits leaves what was typed since alone.
   */
  #renderForm(state: Exclude<IssueState, { step: 'result' }>) {
    const m = issueMessages(this.#kit.locale);
    const busy = state.step === 'verifying' || state.step === 'submitting';
    const frozen = state.step === 'outcome-unknown';
    const errors = state.step === 'editing' ? state.errors : NO_ERRORS;
    const failure = state.step === 'editing' ? state.failure : undefined;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${frozen ? this.#outcome.module?.renderUnknown(state, this.#outcomeContext()) : nothing}
      ${state.step === 'editing' && state.settled === 'not-done' ? html`<p class="notice" role="status">${m.notDone}</p>` : nothing}
      <fieldset class="frame" ?disabled=${frozen}>
        ${this.#renderKind(state)} ${this.#renderQuotas(state, errors)} ${this.#renderCustomers(state, errors)} ${this.#renderFaceValue(state, errors)}
        ${this.#renderAdvanced(state, errors)} ${this.#renderRemark(state, errors)}
      </fieldset>
      <p id="submit-error" part="error" role="alert">${failure ? this.#errorText(failure) : ''}</p>
      <p class="hint" aria-live="polite">${state.step === 'verifying' ? m.verifying : state.step === 'submitting' ? m.submitting : ''}</p>
      ${frozen ? nothing : html`<div class="actions"><button part="submit" class="primary" type="submit" aria-busy=${String(busy)}>${m.submit}</button></div>`}
      <div role="status" class="visually-hidden">${this.#announcedIn === this.#kit.locale ? this.announcement : ''}</div>
    </form>`;
  }

  #renderKind(state: IssueState) {
    const v = voucherMessages(this.#kit.locale);
    const m = issueMessages(this.#kit.locale);
    return html`<fieldset>
      <legend>${m.kind}</legend>
      ${(['voucher', 'cash'] as const).map(
        (kind) => html`<label class="choice"
          ><input type="radio" name="kind" .checked=${state.draft.kind === kind} @change=${() => this.#flow.setKind(kind)} />${v.kind(kind)}</label
        >`,
      )}
    </fieldset>`;
  }

  #renderQuotas(state: IssueState, errors: IssueErrors) {
    const locale = this.#kit.locale;
    const m = issueMessages(locale);
    const v = voucherMessages(locale);
    const quota = this.#flow.quota();
    const error = errors.quota;
    const list = state.quotas;
    return html`<fieldset part="quotas" aria-describedby="quota-error" aria-busy=${String(list.status === 'loading')}>
        <legend>${m.quota}</legend>
        ${list.status === 'failed'
          ? html`<div class="error-state" part="error">
              <p>${m.quotasFailed} ${errorMessage(list.error, locale)}</p>
              <button type="button" @click=${() => void this.#flow.loadQuotas()}>${v.retry}</button>
            </div>`
          : nothing}
        ${list.status === 'loading' && list.quotas.length === 0
          ? html`<div class="skeleton">
              <span class="visually-hidden">${m.quotasLoading}</span><div class="skeleton-row" aria-hidden="true"></div><div class="skeleton-row" aria-hidden="true"></div>
            </div>`
          : nothing}
        ${list.status === 'ready' && list.quotas.length === 0 ? html`<p class="empty">${m.noQuota}</p>` : nothing}
        <div class="quotas">
          ${list.quotas.map((q) => {
            const why = this.#flow.unusable(q);
            return html`<label class=${why ? 'quota unusable' : 'quota'}>
              <input type="radio" name="quota" .checked=${q.id === state.draft.quotaId} ?disabled=${why !== undefined}
                aria-describedby=${`quota-${q.id}`} @change=${() => this.#flow.chooseQuota(q.id)} />
              <span><strong>${q.id}</strong>
                <span id=${`quota-${q.id}`} class="hint">
                  ${m.quotaLine(formatMoney(q.balance, locale, q.currency), formatMoney(q.total, locale, q.currency), formatDate(q.effectiveFrom, locale), formatDate(q.expiresAt, locale))}
                  ${why ? html` · <span class="badge warning">${v.quotaUnusable(why)}</span>` : nothing}
                </span></span>
            </label>`;
          })}
        </div>
        <p id="quota-error" part="error">${error ? m.quotaError(error === 'required' ? error : v.quotaUnusable(error)) : ''}</p>
      </fieldset>
      ${quota ? this.#renderRestrictions(quota) : nothing}`;
  }

  #renderRestrictions(quota: Quota) {
    const locale = this.#kit.locale;
    const m = issueMessages(locale);
    return html`<div class="restrictions hint">
      <span>${m.restrictions}</span>
      ${quota.restrictions.length === 0
        ? html`<span>${m.noRestrictions}</span>`
        : html`<ul>${quota.restrictions.map((r) => html`<li>${restrictionLabel(r.key, r.values, locale)}</li>`)}</ul>`}
    </div>`;
  }

  #renderCustomers(state: IssueState, errors: IssueErrors) {
    const locale = this.#kit.locale;
    const m = issueMessages(locale);
    const search = this.#flow.search;
    const { customers } = state.draft;
    const full = customers.length >= this.#flow.maxCustomers;
    const error = errors.customers;
    return html`<fieldset class="customers" aria-describedby="customers-error">
      <legend>${m.customers(this.#flow.maxCustomers)}</legend>
      ${customers.length === 0
        ? html`<p class="hint">${m.customersNone}</p>`
        : html`<ul class="chips">
            ${customers.map((c) => {
              const name = mask(c.name, 'name');
              return html`<li part="chip" class="chip"><bdi>${name}</bdi> <bdi class="hint">${c.accountName}</bdi>
                <button type="button" class="link small" aria-label=${m.remove(name)} @click=${() => this.#remove(c)}>×</button></li>`;
            })}
          </ul>`}
      <div class="field">
        <label for="customer-search">${m.search}</label>
        <input id="customer-search" type="search" autocomplete="off" .value=${search.state.filters.query} @input=${(e: Event) => this.#typing.call((e.target as HTMLInputElement).value)}
          aria-controls="customer-results" aria-describedby="search-status" />
      </div>
      <ul id="customer-results" part="results" class="results" aria-busy=${String(search.state.load.status === 'loading')}>
        ${search.items.map((c) => {
          const name = mask(c.name, 'name');
          // Once added it says so and keeps focus (aria-disabled, not disabled): a keyboard user adds the next from there.
          const chosen = customers.some((s) => s.id === c.id);
          const referral = c.associationType !== 'resale';
          return html`<li>
            <span><bdi>${name}</bdi> <bdi class="hint">${c.accountName}</bdi>${referral ? html`<span class="hint" id=${`why-${c.id}`}> · ${m.referral}</span>` : nothing}</span>
            <button type="button" class="small" aria-label=${m.addLabel(chosen ? m.added : m.add, name, c.accountName)} aria-describedby=${referral ? `why-${c.id}` : nothing}
              ?disabled=${referral || (full && !chosen)} aria-disabled=${chosen ? 'true' : nothing} @click=${() => this.#add(c)}>${chosen ? m.added : m.add}</button>
          </li>`;
        })}
      </ul>
      ${this.#renderSearchStatus()}
      <p id="customers-error" part="error">${full ? m.limitReached(this.#flow.maxCustomers) : error === 'required' ? m.customersRequired : ''}</p>
    </fieldset>`;
  }

  /** Under the results: a failure with a retry, or that nothing matched the query, then the pager. */
  #renderSearchStatus() {
    const locale = this.#kit.locale;
    const m = issueMessages(locale);
    const { load, page, limit, filters } = this.#flow.search.state;
    const query = filters.query.trim();
    return html`<p id="search-status" class="hint" aria-live="polite">
        ${load.status === 'failed'
          ? html`<span part="error">${m.searchFailed} ${errorMessage(load.error, locale)}</span>
              <button type="button" class="link" @click=${() => void this.#flow.search.reload()}>${voucherMessages(locale).retry}</button>`
          : load.status === 'ready' && page?.total === 0 && query
            ? m.noMatch(query)
            : ''}
      </p>
      ${page && load.status !== 'failed' ? renderPager({ offset: page.offset, limit, total: page.total }, locale, (to) => void this.#flow.search.goTo(to)) : nothing}`;
  }

  #renderFaceValue(state: IssueState, errors: IssueErrors) {
    const locale = this.#kit.locale;
    const m = issueMessages(locale);
    const quota = this.#flow.quota();
    const currency = quota?.currency ?? 'CNY';
    const min = formatMoney(quota?.minFaceValue ?? 1, locale, currency);
    const max = formatMoney(quota?.maxFaceValue ?? quota?.balance ?? 0, locale, currency);
    const face = this.#flow.faceValue();
    const total = this.#flow.total();
    const count = state.draft.customers.length;
    const issue = errors.faceValue;
    return html`<div class="field">
      <label for="face-value">${m.faceValue}</label>
      <input id="face-value" part="face-value" inputmode="decimal" autocomplete="off" spellcheck="false" .value=${state.draft.faceValueText}
        aria-invalid=${String(issue !== undefined)} aria-describedby="face-hint face-total face-error"
        @input=${(e: Event) => this.#flow.setFaceValue((e.target as HTMLInputElement).value)} />
      <p id="face-hint" class="hint">${m.faceHint(min, max)}</p>
      <p id="face-total" class="total" aria-live="polite">
        ${face !== undefined && quota && count > 0
          ? total === undefined
            ? html`<span part="error">${m.faceIssue('too-large', min, max)}</span>`
            : m.total(count, formatMoney(face, locale, currency), formatMoney(total, locale, currency), formatMoney(quota.balance, locale, currency))
          : ''}
      </p>
      <p id="face-error" part="error">${issue ? m.faceIssue(issue, min, max) : ''}</p>
    </div>`;
  }

  /** Closed until the user opens it: its editors come with the outcome's part, fetched then unless it came before. */
  #renderAdvanced(state: IssueState, errors: IssueErrors) {
    const locale = this.#kit.locale;
    const part = this.#outcome.state;
    // As the user last left it: a refusal opens it (`#reported`), only the user closes it, never a correction that clears the refusal.
    return html`<details ?open=${this.#advancedOpen} @toggle=${this.#onToggle}>
      <summary>${issueMessages(locale).advanced}</summary>
      ${part.status === 'ready'
        ? part.module.renderValidity({
            locale,
            draft: state.draft,
            quota: this.#flow.quota(),
            error: errors.validity,
            flow: this.#flow,
            serviceTypeKey: SERVICE_TYPE_RESTRICTION,
            localDate,
            formatDate,
            restrictionValue,
          })
        : part.status === 'failed'
          ? html`<div class="error-state" role="alert">
              <p>${errorMessage(part.error, locale)}</p>
              <button type="button" @click=${this.#retryValidity}>${voucherMessages(locale).retry}</button>
            </div>`
          : html`<p class="hint" role="status">${part.status === 'loading' ? voucherMessages(locale).loading : ''}</p>`}
    </details>`;
  }

  #onToggle = (event: Event): void => {
    this.#advancedOpen = (event.target as HTMLDetailsElement).open;
    // Drawn again so the binding holds what the user did: a refusal then opening it always shows.
    this.requestUpdate();
    if (this.#advancedOpen) this.#outcome.load().catch(() => undefined);
  };

  /** The retry pressed is gone once the editors come: focus goes to the first of them. */
  #retryValidity = (): void => {
    this.#outcome.load().then(
      async () => {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(FIELD_TARGETS.validity)?.focus();
      },
      () => undefined,
    );
  };

  #renderRemark({ draft }: IssueState, errors: IssueErrors) {
    const m = issueMessages(this.#kit.locale);
    const used = Array.from(draft.remark).length;
    const error = errors.remark;
    return html`<div class="field">
      <label for="remark">${m.remark}</label>
      <textarea id="remark" part="remark" rows="2" .value=${draft.remark} aria-invalid=${String(error !== undefined)}
        aria-describedby="remark-note remark-count remark-error" @input=${(e: Event) => this.#flow.setRemark((e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="remark-meta hint">
        <span id="remark-note">${m.remarkNote}</span>
        <span id="remark-count" part=${used > REMARK_MAX_LENGTH ? 'error' : nothing}>${m.remarkCount(used, REMARK_MAX_LENGTH)}</span>
      </div>
      <p id="remark-error" part="error">${error === 'too-long' ? m.remarkTooLong(REMARK_MAX_LENGTH) : error === 'format' ? m.remarkFormat : ''}</p>
    </div>`;
  }

  #outcomeContext(): OutcomeContext {
    const locale = this.#kit.locale;
    return {
      locale,
      messages: issueMessages(locale),
      vouchers: voucherMessages(locale),
      flow: this.#flow,
      errorText: (error) => this.#errorText(error),
      mask,
      formatMoney,
      check: () => void this.#check(),
      send: () => void this.#send(),
    };
  }

  #errorText(error: KitError): string {
    return withSupportCode(error, this.#kit.locale);
  }

  #add(customer: Customer): void {
    if (this.#flow.addCustomer(customer)) {
      this.#announcedIn = this.#kit.locale;
      this.announcement = issueMessages(this.#kit.locale).announceAdded(mask(customer.name, 'name'), this.#flow.state.draft.customers.length);
    }
  }

  #remove(customer: Customer): void {
    this.#flow.removeCustomer(customer.id);
    this.#announcedIn = this.#kit.locale;
    this.announcement = issueMessages(this.#kit.locale).announceRemoved(mask(customer.name, 'name'), this.#flow.state.draft.customers.length);
    void this.drawn.then(() => this.renderRoot.querySelector<HTMLElement>('#customer-search')?.focus());
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.#send();
  };

  #check = async (): Promise<void> => {
    await this.#reported(await this.#flow.check());
  };

  async #send(): Promise<void> {
    await this.#reported(await this.#flow.submit());
  }

  /** After a submission or a check: the event once, and focus where the user continues. */
  async #reported(report: IssueReport | undefined): Promise<void> {
    await this.updateComplete;
    if (report) {
      this.#events.emit<VoucherIssuedDetail>('voucher-issued', report);
      this.renderRoot.querySelector<HTMLElement>('#result-title')?.focus();
      return;
    }
    const { state } = this.#flow;
    if (state.step === 'outcome-unknown') {
      this.renderRoot.querySelector<HTMLElement>('#unknown-title')?.focus();
      return;
    }
    // Focus goes to the first field that needs the user, in the order the form shows them.
    const errors = state.step === 'editing' ? state.errors : NO_ERRORS;
    // A refused validity is shown whether or not the user had closed its section since.
    const section = this.renderRoot.querySelector('details');
    if (errors.validity && section) section.open = true;
    const first = (Object.keys(FIELD_TARGETS) as (keyof typeof FIELD_TARGETS)[]).find((field) => errors[field]);
    if (first) this.renderRoot.querySelector<HTMLElement>(FIELD_TARGETS[first])?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'voucher-issue-form': VoucherIssueForm;
  }
  interface GlobalEventHandlersEventMap {
    'voucher-issued': CustomEvent<VoucherIssuedDetail>;
  }
}
