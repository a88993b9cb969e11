import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import { CouponKind, CouponStatus, type IssuedCoupon } from '../../model/schemas/coupons.js';
import type { KitError } from '../../model/errors.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { localDate } from '../../core/dates.js';
import { ReclaimFlow, type ReclaimVerifier } from '../../core/vouchers/reclaim-flow.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { ModalController, type RequestCloseDetail } from '../../controllers/modal-controller.js';
import { VerifierController } from '../../controllers/verifier-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { dialogBase } from '../../styles/dialog.js';
import * as token from '../../styles/tokens.js';
import { emit } from '../events.js';
import { listStyles } from '../vouchers/list-styles.js';
import { ServerListController, type Column } from '../vouchers/server-list.js';
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

/**
 * The vouchers and cash coupons the partner issued: customer (masked), face value, remaining
 * balance, validity and status, filtered and paged on the server. A usable coupon can be
 * reclaimed: after a confirmation and, when the policy asks, a verification code, a dialog shows
 * the amount the backend actually took back. Reclaiming twice reclaims once.
 *
 * @summary Issued vouchers with reclaim.
 *
 * @event {CustomEvent<VoucherReclaimedDetail>} voucher-reclaimed - A coupon was reclaimed, once per reclaim.
 * @event {CustomEvent<RequestCloseDetail>} issued-voucher-list-request-close - The user asked to close the reclaim dialog
 *   (Esc, backdrop or its Cancel / Close button; `detail.source` says which). Cancelable: prevent it to keep the dialog open.
 *   A reclaim in flight keeps the dialog open anyway.
 *
 * @csspart table - The coupons table.
 * @csspart reclaim - Each row's reclaim button.
 * @csspart dialog - The reclaim dialog.
 */
export class IssuedVoucherList extends LitElement {
  static override styles = [
    token.base,
    listStyles,
    dialogBase,
    css`
      :host {
        display: block;
      }
      dialog {
        width: min(26rem, calc(100vw - 2 * ${token.space3}));
        padding: ${token.space4};
      }
      h2 {
        margin: 0 0 ${token.space2};
        font-size: 1.1em;
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
  );
  readonly #verifier = new VerifierController<Parameters<ReclaimVerifier>[0]>(this, (request) => issuedMessages(this.#kit.locale).reclaimLabel(request.coupon.id));
  readonly #reclaim = new ReclaimFlow({ api: () => this.#kit.api(), verify: (request) => this.#verifier.verify(request) });
  readonly #reclaimView = new FlowController(this, this.#reclaim);
  readonly #modal = new ModalController(this, { isOpen: () => this.#reclaim.state.step !== 'idle', onRequestClose: () => this.#reclaim.dismiss() });

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
    const num = true;
    const columns: Column[] = [{ label: m.coupon }, { label: m.customer }, { label: m.faceValue, num }, { label: m.balance, num }, { label: m.validity }, { label: m.status }, { label: m.actions, hidden: true }];
    return html`<div class="filters">
        ${this.kind ? nothing : coupons.select('kind', m.kindFilter, CouponKind.options.map((k) => [k, v.kind(k)] as const), locale)}
        ${coupons.select('status', m.statusFilter, STATUSES.map((st) => [st, v.status(st)] as const), locale)}
        ${coupons.search('customerId', m.customerFilter)}
      </div>
      ${coupons.table('table', m.caption, columns, (c: IssuedCoupon) => html`<tr>
          <td>${v.kind(c.kind)} ${c.id}</td>
          <td>${c.customerName ? mask(c.customerName, 'name') : c.customerId}</td>
          <td class="num">${formatMoney(c.faceValue, locale, c.currency)}</td>
          <td class="num">${formatMoney(c.balance, locale, c.currency)}</td>
          <td>${localDate(c.effectiveFrom)} – ${localDate(c.expiresAt)}</td>
          <td>${v.status(c.status)}</td>
          <td>
            ${c.status === 'usable'
              ? html`<button part="reclaim" type="button" aria-label=${m.reclaimLabel(c.id)} @click=${() => this.#reclaim.ask(c)}>${m.reclaim}</button>`
              : nothing}
          </td>
        </tr>`)}
      ${coupons.footer(locale, m.loadFailed)}
      <dialog part="dialog" aria-labelledby="reclaim-title">${this.#renderDialog()}</dialog>
      ${this.#verifier.render()}`;
  }

  #renderDialog() {
    const locale = this.#kit.locale;
    const m = issuedMessages(locale);
    const state = this.#reclaimView.state;
    if (state.step === 'idle') return nothing;
    const { coupon } = state;
    if (state.step === 'done') {
      const { result } = state;
      return html`<h2 id="reclaim-title" tabindex="-1" data-focus>${m.doneTitle}</h2>
        <p>${m.doneText(formatMoney(result.reclaimedAmount, locale, result.currency), formatMoney(coupon.faceValue, locale, coupon.currency))}</p>
        <div class="actions"><button type="button" class="primary" @click=${this.#close}>${m.close}</button></div>`;
    }
    const busy = this.#reclaim.busy;
    const error = state.step === 'failed' ? state.error : undefined;
    return html`<h2 id="reclaim-title" tabindex="-1" data-focus>${m.askTitle}</h2>
      <p>${m.askText(coupon.id, formatMoney(coupon.balance, locale, coupon.currency))}</p>
      <p part="error" role="alert">${error ? this.#errorText(error) : ''}</p>
      <p class="muted" aria-live="polite">${state.step === 'verifying' ? m.verifying : state.step === 'submitting' ? m.submitting : ''}</p>
      <div class="actions">
        <button type="button" aria-disabled=${String(busy)} @click=${this.#close}>${m.cancel}</button>
        <button type="button" class="primary" aria-busy=${String(busy)} @click=${this.#confirm}>${error ? voucherMessages(locale).retry : m.confirm}</button>
      </div>`;
  }

  #errorText(error: KitError): string {
    const locale = this.#kit.locale;
    const text = error.reason && error.code === 'conflict' ? voucherMessages(locale).itemFailure(error.reason) : errorMessage(error, locale);
    return withSupportCode(error, locale, text);
  }

  #confirm = async (): Promise<void> => {
    const result = await this.#reclaim.confirm();
    if (!result) return;
    // The coupon stays in the list, now reclaimed, with nothing left on it.
    this.#coupons.list.update(
      (c) => c.id === result.couponId,
      (c) => ({ ...c, status: 'reclaimed', balance: 0 }),
    );
    emit<VoucherReclaimedDetail>(this, 'voucher-reclaimed', { couponId: result.couponId, reclaimedAmount: result.reclaimedAmount, currency: result.currency });
    await this.updateComplete;
    this.#modal.dialog?.querySelector<HTMLElement>('[data-focus]')?.focus();
  };

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
