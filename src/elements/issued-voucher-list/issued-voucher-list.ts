import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import { CouponKind, CouponStatus, type IssuedCoupon } from '../../model/schemas/coupons.js';
import type { KitError } from '../../model/errors.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { ReclaimFlow, type ReclaimVerifier } from '../../core/vouchers/reclaim-flow.js';
import type { ReclaimResult } from '../../model/schemas/coupons.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { formatDateRange } from '../../i18n/format-date.js';
import { badges, dialogBase, fields, pager, states, table } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { ServerListController, type Column } from '../../controllers/server-list-controller.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';
import { issuedMessages } from '../../i18n/messages/issued-voucher-list.js';

/** Detail of `voucher-reclaimed`. */
export interface VoucherReclaimedDetail {
  couponId: string;
  /** What was actually taken back, in minor units: the remaining balance, possibly below the face value. */
  reclaimedAmount: number;
  currency: string;
}

/** In the order a partner looks for them: what can still be reclaimed first. */
const STATUSES: readonly CouponStatus[] = ['usable', 'inactive', 'used', 'expired', 'reclaimed'];

const STATUS_TONE: Readonly<Record<CouponStatus, string>> = { usable: 'badge success', inactive: 'badge info', used: 'badge', expired: 'badge warning', reclaimed: 'badge' };

/**
 * The vouchers and cash coupons the partner issued: customer (masked), face value, remaining
 * balance, validity and status, filtered and paged on the server. A usable coupon can be
 * reclaimed: after a confirmation and, when the policy asks, a verification code, a dialog shows
 * the amount the backend actually took back. Reclaiming twice reclaims once; a reclaim whose answer
 * was lost says so, and is settled by reclaiming again (the same reclaim) or by checking.
 *
 * @summary Issued vouchers with reclaim.
 * @dependency verification-code-modal
 *
 * @event {CustomEvent<VoucherReclaimedDetail>} voucher-reclaimed - A coupon was reclaimed, once per reclaim, fired while the element is on the page.
 * @event {CustomEvent<RequestCloseDetail>} issued-voucher-list-request-close - The user asked to close the reclaim dialog
 *   (Esc, backdrop or its Cancel / Close button; `detail.source` says which). Cancelable: prevent it to keep the dialog open.
 *   A reclaim in flight keeps the dialog open anyway.
 * @event {CustomEvent<LoadFailedDetail>} issued-voucher-list-load-failed - The first page of coupons could not be loaded; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart table - The coupons table.
 * @csspart reclaim - Each row's reclaim button.
 * @csspart dialog - The reclaim dialog.
 * @csspart error - Why the coupons could not be loaded.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class IssuedVoucherList extends LitElement {
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
        --pk-table-columns: minmax(9rem, 1.2fr) minmax(9rem, 1.4fr) minmax(7.5rem, 1fr) minmax(7.5rem, 1fr) minmax(12rem, 1.3fr) minmax(7rem, auto) minmax(5rem, max-content);
      }
      .muted {
        color: ${token.textMuted};
        font-size: ${token.fontSizeSmall};
      }
      .notice {
        margin: 0 0 ${token.space2};
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    locale: {},
    kind: {},
    verifier: { attribute: false },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Show one kind only. Unset: both, with a filter. */
  declare kind: CouponKind | undefined;
  /** Asks for the verification code instead of the built-in `<verification-code-modal>`. */
  declare verifier: ReclaimVerifier | undefined;

  readonly #kit = new KitController(this);
  readonly #coupons = new ServerListController(
    this,
    new PagedList({
      filters: { kind: '', status: '', customerId: '' },
      fetch: async (f, page, signal) => {
        const kind = CouponKind.options.find((k) => k === f.kind);
        const status = CouponStatus.options.find((st) => st === f.status);
        const customerId = f.customerId.trim();
        return (await this.#kit.api()).listIssuedCoupons({ ...page, ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...(customerId ? { customerId } : {}) }, { signal });
      },
    }),
    { main: 'report-only' },
  );
  readonly #verifier = new VerifierController<Parameters<ReclaimVerifier>[0]>(this, (request) => issuedMessages(this.#kit.locale).reclaimLabel(request.coupon.id));
  readonly #reclaim = new ReclaimFlow({ api: () => this.#kit.api(), verify: (request) => this.#verifier.verify(request) });
  readonly #reclaimView = new FlowController(this, this.#reclaim);
  readonly #events = new ConnectedEmitter(this);
  /** The coupon last asked about: after it is reclaimed its button is gone, and focus moves on from its row. */
  #asked: string | undefined;
  readonly #modal = new ModalController(this, {
    isOpen: () => this.#reclaim.state.step !== 'idle',
    onRequestClose: () => this.#reclaim.dismiss(),
    fallbackFocus: () => this.#focusAfter(this.#asked),
  });

  /** Loads the list again (e.g. after an issue elsewhere on the page). */
  refresh(): Promise<void> {
    return this.#coupons.list.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#coupons.list.setFilters({ kind: this.kind ?? '' });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first update's kind was applied on connecting.
    if (changed.has('kind') && this.hasUpdated) void this.#coupons.list.setFilters({ kind: this.kind ?? '' });
  }

  protected override render() {
    const locale = this.#kit.locale;
    const m = issuedMessages(locale);
    const v = voucherMessages(locale);
    const coupons = this.#coupons;
    const money = (minor: number, c: IssuedCoupon) => formatMoney(minor, locale, c.currency);
    const columns: Column<IssuedCoupon>[] = [
      { label: m.coupon, cell: (c) => html`<span>${c.id}</span><span class="muted">${v.kind(c.kind)}</span>` },
      { label: m.customer, cell: (c) => html`<span>${c.customerId}</span>${c.customerName ? html`<bdi class="muted">${mask(c.customerName, 'name')}</bdi>` : nothing}` },
      { label: m.faceValue, num: true, cell: (c) => money(c.faceValue, c) },
      { label: m.balance, num: true, cell: (c) => money(c.balance, c) },
      { label: m.validity, cell: (c) => formatDateRange(c.effectiveFrom, c.expiresAt, locale) },
      { label: m.status, cell: (c) => html`<span class=${STATUS_TONE[c.status]}>${v.status(c.status)}</span>` },
      {
        label: m.actions,
        actions: true,
        cell: (c) =>
          c.status === 'usable'
            ? html`<button part="reclaim" class="small" type="button" aria-label=${m.reclaimLabel(c.id)} @click=${() => this.#ask(c)}>${m.reclaim}</button>`
            : nothing,
      },
    ];
    return html`${this.#kit.renderDemoMarker()}<div class="field-row">
        ${this.kind ? nothing : coupons.select('kind', m.kindFilter, CouponKind.options.map((k) => [k, v.kind(k)] as const), locale)}
        ${coupons.select('status', m.statusFilter, STATUSES.map((st) => [st, v.status(st)] as const), locale)}
        ${coupons.search('customerId', m.customerFilter)}
      </div>
      ${coupons.table('table', m.caption, columns, locale, m.loadFailed, (c) => c.id)}
      <dialog part="dialog" aria-labelledby="reclaim-title">${this.#renderDialog()}</dialog>
      ${this.#verifier.render()}`;
  }

  #renderDialog() {
    const locale = this.#kit.locale;
    const m = issuedMessages(locale);
    const state = this.#reclaimView.state;
    if (state.step === 'idle') return nothing;
    const { coupon } = state;
    const title = (text: string) => html`<header class="dialog-header"><h2 id="reclaim-title" tabindex="-1" data-focus>${text}</h2></header>`;
    if (state.step === 'done') {
      const { result } = state;
      return html`${title(m.doneTitle)}
        <div class="dialog-body"><p>${m.doneText(formatMoney(result.reclaimedAmount, locale, result.currency), formatMoney(coupon.faceValue, locale, coupon.currency))}</p></div>
        <footer class="dialog-actions"><button type="button" class="primary" @click=${this.#close}>${m.close}</button></footer>`;
    }
    const busy = this.#reclaim.busy;
    const retry = voucherMessages(locale).retry;
    if (state.step === 'outcome-unknown') {
      return html`${title(m.unknownTitle)}
        <div class="dialog-body">
          <p role="alert">${state.stillUnknown ? m.stillUnknown : m.unknownText}</p>
          <p class="muted">${this.#errorText(state.error)}</p>
          <p class="muted" aria-live="polite">${state.checking ? m.checkingOutcome : ''}</p>
        </div>
        <footer class="dialog-actions">
          <button type="button" aria-disabled=${String(busy)} @click=${this.#close}>${m.cancel}</button>
          <button type="button" aria-busy=${String(state.checking)} @click=${this.#check}>${state.stillUnknown ? m.checkAgain : m.checkOutcome}</button>
          <button type="button" class="primary" aria-disabled=${String(busy)} @click=${this.#confirm}>${retry}</button>
        </footer>`;
    }
    const error = state.step === 'failed' || state.step === 'not-done' ? state.error : undefined;
    return html`${title(m.askTitle)}
      <div class="dialog-body">
        ${state.step === 'not-done' ? html`<p class="notice" role="status">${m.notDone}</p>` : nothing}
        <p>${m.askText(coupon.id, formatMoney(coupon.balance, locale, coupon.currency))}</p>
        <p part="error" role="alert">${error ? this.#errorText(error) : ''}</p>
        <p class="muted" aria-live="polite">${state.step === 'verifying' ? m.verifying : state.step === 'submitting' ? m.submitting : ''}</p>
      </div>
      <footer class="dialog-actions">
        <button type="button" aria-disabled=${String(busy)} @click=${this.#close}>${m.cancel}</button>
        <button type="button" class="primary" aria-busy=${String(busy)} @click=${this.#confirm}>${state.step === 'failed' ? retry : m.confirm}</button>
      </footer>`;
  }

  #errorText(error: KitError): string {
    const locale = this.#kit.locale;
    const text = error.reason && error.code === 'conflict' ? voucherMessages(locale).itemFailure(error.reason) : errorMessage(error, locale);
    return withSupportCode(error, locale, text);
  }

  #ask(coupon: IssuedCoupon): void {
    this.#asked = coupon.id;
    void this.#reclaim.ask(coupon).then(this.#reclaimed);
  }

  #confirm = async (): Promise<void> => {
    this.#reclaimed(await this.#reclaim.confirm());
  };

  #check = async (): Promise<void> => {
    this.#reclaimed(await this.#reclaim.check());
  };

  /** Each settled reclaim comes here once: the row turns reclaimed, the event fires, focus stays in the dialog. */
  #reclaimed = (result: ReclaimResult | undefined): void => {
    if (!result) return;
    // The coupon stays in the list, now reclaimed, with nothing left on it.
    this.#coupons.list.update(
      (c) => c.id === result.couponId,
      (c) => ({ ...c, status: 'reclaimed', balance: 0 }),
    );
    this.#events.emit<VoucherReclaimedDetail>('voucher-reclaimed', { couponId: result.couponId, reclaimedAmount: result.reclaimedAmount, currency: result.currency });
    void this.updateComplete.then(() => this.#modal.dialog?.querySelector<HTMLElement>('[data-focus]')?.focus());
  };

  /** The next reclaim button after the row of `couponId`, else the table itself: never the page's body. */
  #focusAfter(couponId: string | undefined): HTMLElement | undefined {
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('.tbody .tr')];
    const at = rows.findIndex((row) => row.dataset['key'] === couponId);
    const next = rows.slice(at + 1).find((row) => row.querySelector('[part=reclaim]'));
    return next?.querySelector<HTMLElement>('[part=reclaim]') ?? this.renderRoot.querySelector<HTMLElement>('.table') ?? undefined;
  }

  #close = (): void => {
    this.#modal.requestClose('close-button');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'issued-voucher-list': IssuedVoucherList;
  }
  interface GlobalEventHandlersEventMap {
    'voucher-reclaimed': CustomEvent<VoucherReclaimedDetail>;
    'issued-voucher-list-request-close': CustomEvent<RequestCloseDetail>;
  }
}
