import { css, html, nothing } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import { ASSOCIATION_TYPES } from '../../model/values/customers.js';
import type { SubCustomer, UnbindCustomerResult, VerifiedStatus } from '../../model/schemas/customer-accounts.js';
import type { KitError } from '../../model/errors.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { UnbindFlow, type UnbindState, type UnbindVerifier } from '../../core/customers/unbind-flow.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { DecisionDialogController, type DecisionStep } from '../../controllers/decision-dialog-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import type { RequestCloseDetail } from '../../controllers/modal-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { ServerListController, type Column } from '../../controllers/server-list-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { formatDate } from '../../i18n/format-date.js';
import { customerListMessages } from '../../i18n/messages/customer-list.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';
import { badges, dialogBase, fields, pager, states, table } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import '../../masked-field.js';

/** Detail of `customer-unbind-requested`: who was unbound and what was reclaimed with it. No personal values. */
export interface CustomerUnbindRequestedDetail {
  customerId: string;
  unboundAt: string;
  /** The coupons reclaimed automatically, with what was actually taken back (minor units). */
  reclaimed: UnbindCustomerResult['reclaimed'];
}

/** The list filters' longest text, as the backend takes it: a longer paste is cut there, never sent. */
const FILTER_MAX = 64;

const VERIFIED_TONE: Readonly<Record<VerifiedStatus, string>> = {
  off: 'badge',
  unverified: 'badge warning',
  reviewing: 'badge info',
  rejected: 'badge danger',
  verified: 'badge success',
  failed: 'badge danger',
};

/** A date input's day as the instant the backend filters by: the day's first or last millisecond, UTC. */
const dayBound = (day: string, end: boolean): string | undefined => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : undefined);

/** Whether the association dates asked end before they start. */
const reversed = (f: { associatedFrom: string; associatedTo: string }): boolean => dayBound(f.associatedFrom, false) !== undefined && dayBound(f.associatedTo, true) !== undefined && f.associatedTo < f.associatedFrom;

/**
 * The partner's customers, filtered and paged on the server: account, name and mobile (masked; the
 * eye button fetches the full value through the adapter, which audits it), association type and
 * date, customer type, real-name status and frozen state. A customer created without a mobile says
 * so, with how one gets bound. **Unbind** first shows what it changes (the coupons reclaimed
 * automatically, with what remains on them), asks for a verification code where the policy guards
 * `unbind`, and unbinds once whatever the clicks and retries; an unbinding whose answer was lost
 * says so, and is settled by unbinding again (the same request) or by checking.
 *
 * @summary The partner's customers, with unbinding.
 * @dependency masked-field
 * @dependency verification-code-modal
 *
 * @event {CustomEvent<CustomerUnbindRequestedDetail>} customer-unbind-requested - A customer was unbound, once per unbinding, fired while the element is on the page.
 * @event {CustomEvent<RequestCloseDetail>} customer-list-request-close - The user asked to close the unbind dialog
 *   (Esc, backdrop or its Cancel / Close button; `detail.source` says which). Cancelable. An unbinding in flight keeps the dialog open anyway.
 * @event {CustomEvent<LoadFailedDetail>} customer-list-load-failed - The first page of customers could not be loaded; `detail.error` is the `KitError`.
 *
 * @csspart table - The customers table.
 * @csspart unbind - Each row's unbind button.
 * @csspart dialog - The unbind dialog.
 * @csspart error - Why the customers (or what unbinding changes) could not be loaded, or why unbinding failed.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class CustomerList extends KitElement {
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
        --pk-table-columns: minmax(9rem, 1.2fr) minmax(8rem, 1fr) minmax(11rem, 1.3fr) minmax(8rem, 1fr) minmax(6rem, auto) minmax(7rem, auto) minmax(5rem, auto) minmax(6rem, max-content);
      }
      .muted {
        color: ${token.textMuted};
        font-size: ${token.fontSizeSmall};
      }
      masked-field {
        min-width: 0;
      }
      .coupons {
        margin: 0 0 ${token.space2};
        padding-inline-start: ${token.space4};
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
  declare verifier: UnbindVerifier | undefined;

  readonly #kit = new KitController(this);
  readonly #customers = new ServerListController(
    this,
    new PagedList({
      filters: { accountName: '', customerName: '', associationType: '', associatedFrom: '', associatedTo: '', label: '' },
      fetch: async (f, page, signal) => {
        const text = (value: string) => value.trim().slice(0, FILTER_MAX);
        const [accountName, customerName, label] = [text(f.accountName), text(f.customerName), text(f.label)];
        const associationType = ASSOCIATION_TYPES.find((t) => t === f.associationType);
        const [associatedFrom, associatedTo] = [dayBound(f.associatedFrom, false), dayBound(f.associatedTo, true)];
        // An end before the start matches no one: said at the field, never asked.
        if (reversed(f)) return { items: [], total: 0 };
        return (await this.#kit.api()).listSubCustomers(
          {
            ...page,
            ...(accountName ? { accountName } : {}),
            ...(customerName ? { customerName } : {}),
            ...(label ? { label } : {}),
            ...(associationType ? { associationType } : {}),
            ...(associatedFrom ? { associatedFrom } : {}),
            ...(associatedTo ? { associatedTo } : {}),
          },
          { signal },
        );
      },
    }),
    { main: 'load-when-connected' },
  );
  readonly #events = new ConnectedEmitter(this);
  readonly #unbind = new DecisionDialogController(this, {
    verifier: new VerifierController<Parameters<UnbindVerifier>[0]>(this, ({ customer }) => customerListMessages(this.#kit.locale).unbindLabel(customer.accountName)),
    flow: (verify) => new UnbindFlow({ api: () => this.#kit.api(), verify }),
    step: (state) => this.#dialogStep(state),
    settle: (result) => this.#unbound(result),
    messages: () => customerListMessages(this.#kit.locale),
    errorText: (error) => this.#errorText(error),
    locale: () => this.#kit.locale,
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=unbind]') ?? this.renderRoot.querySelector<HTMLElement>('.table') ?? undefined,
    titleId: 'unbind-title',
  });

  /** Loads the list again (e.g. after a customer was created elsewhere on the page). */
  refresh(): Promise<void> {
    return this.#customers.list.reload();
  }

  protected override render() {
    const locale = this.#kit.locale;
    const m = customerListMessages(locale);
    const list = this.#customers;
    const masked = (c: SubCustomer, field: 'name' | 'mobile', value: string) =>
      html`<masked-field kind=${field} masked=${value} reveal-resource="customer" reveal-id=${c.id} reveal-field=${field} .api=${this.api} .locale=${this.locale}></masked-field>`;
    const columns: Column<SubCustomer>[] = [
      { label: m.account, cell: (c) => html`<bdi>${c.accountName}</bdi>${c.label ? html`<span class="muted">${c.label}</span>` : nothing}` },
      { label: m.name, cell: (c) => masked(c, 'name', c.maskedName) },
      { label: m.mobile, cell: (c) => (c.maskedMobile ? masked(c, 'mobile', c.maskedMobile) : html`<span>${m.noMobile}</span><span class="muted">${m.noMobileHow}</span>`) },
      {
        label: m.association,
        cell: (c) => html`<span>${m.associationType(c.associationType)}</span>${c.associatedAt ? html`<span class="muted">${formatDate(c.associatedAt, locale)}</span>` : nothing}`,
      },
      { label: m.customerType, cell: (c) => m.type(c.customerType) },
      { label: m.verified, cell: (c) => html`<span class=${VERIFIED_TONE[c.verifiedStatus]}>${m.verifiedStatus(c.verifiedStatus)}</span>` },
      { label: m.state, cell: (c) => (c.frozen ? html`<span class="badge warning">${m.frozen}</span>` : html`<span class="badge">${m.active}</span>`) },
      {
        label: m.actions,
        actions: true,
        cell: (c) => html`<button part="unbind" class="small" type="button" aria-label=${m.unbindLabel(c.accountName)} @click=${() => this.#unbind.ask((flow) => flow.ask(c))}>${m.unbind}</button>`,
      },
    ];
    return html`${this.#kit.renderDemoMarker()}<div class="field-row">
        ${list.search('accountName', m.accountFilter)} ${list.search('customerName', m.nameFilter)}
        ${list.select('associationType', m.associationFilter, ASSOCIATION_TYPES.map((t) => [t, m.associationType(t)] as const), locale)}
        ${list.date('associatedFrom', m.fromFilter)} ${list.date('associatedTo', m.toFilter, reversed(list.list.state.filters) ? m.endBeforeStart : '')}
        ${list.search('label', m.labelFilter)}
      </div>
      ${list.table('table', m.caption, columns, locale, m.loadFailed, (c) => c.id, undefined, m.noCustomers)} ${this.#unbind.render()}`;
  }

  #dialogStep(state: Exclude<UnbindState, { step: 'idle' }>): DecisionStep {
    const locale = this.#kit.locale;
    const m = customerListMessages(locale);
    const dialog = this.#unbind;
    const { customer } = state;
    const money = (minor: number, currency: string) => formatMoney(minor, locale, currency);
    if (state.step === 'previewing' || state.step === 'preview-failed') {
      const failed = state.step === 'preview-failed';
      return {
        title: m.askTitle(customer.accountName),
        body: html`<p part="error" role="alert">${failed ? `${m.previewFailed} ${this.#errorText(state.error)}` : ''}</p>
          <p class="muted" aria-live="polite">${failed ? '' : m.previewing}</p>`,
        actions: html`${dialog.cancelButton()}${failed ? html`<button type="button" class="primary" @click=${() => void dialog.flow.retryPreview()}>${m.retry}</button>` : nothing}`,
      };
    }
    if (state.step === 'done') {
      const { reclaimed } = state.result;
      return dialog.done(
        m.doneTitle,
        html`<p>${m.doneText(customer.accountName)}</p>
          ${reclaimed.length ? html`<ul class="coupons">${reclaimed.map((r) => html`<li>${m.reclaimedLine(r.couponId, money(r.reclaimedAmount, r.currency))}</li>`)}</ul>` : nothing}`,
      );
    }
    if (state.step === 'outcome-unknown') return dialog.unknown(state);
    const v = voucherMessages(locale);
    const { coupons } = state.preview;
    return dialog.question(state, {
      title: m.askTitle(customer.accountName),
      body: html`<p>${m.askText}</p>
        ${coupons.length
          ? html`<p>${m.reclaimIntro(v.operation('reclaim-on-unbind'))}</p>
              <ul class="coupons">${coupons.map((c) => html`<li>${m.couponLine(c.couponId, v.kind(c.kind), money(c.balance, c.currency))}</li>`)}</ul>`
          : html`<p>${m.noCoupons}</p>`}`,
      confirmLabel: m.confirm,
    });
  }

  #errorText(error: KitError): string {
    return withSupportCode(error, this.#kit.locale, errorMessage(error, this.#kit.locale));
  }

  /** Each settled unbinding comes here once: the event fires and the list reloads without the customer. */
  #unbound(result: UnbindCustomerResult | undefined): void {
    if (!result) return;
    this.#events.emit<CustomerUnbindRequestedDetail>('customer-unbind-requested', { customerId: result.customerId, unboundAt: result.unboundAt, reclaimed: result.reclaimed });
    void this.#customers.list.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-list': CustomerList;
  }
  interface GlobalEventHandlersEventMap {
    'customer-unbind-requested': CustomEvent<CustomerUnbindRequestedDetail>;
    'customer-list-request-close': CustomEvent<RequestCloseDetail>;
  }
}
