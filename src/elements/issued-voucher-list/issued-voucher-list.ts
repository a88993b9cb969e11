import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import type { CouponKind, CouponStatus, IssuedCoupon } from '../../model/schemas/coupons.js';
import type { KitError } from '../../model/errors.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { localDate } from '../../core/dates.js';
import { ReclaimFlow, type ReclaimVerifier } from '../../core/vouchers/reclaim-flow.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { dialogBase } from '../../styles/dialog.js';
import * as token from '../../styles/tokens.js';
import '../../verification-code-modal.js';
import { emit } from '../events.js';
import { deepActiveElement } from '../../controllers/focus.js';
import type { VerificationCodeModal } from '../verification-code-modal/verification-code-modal.js';
import { listStyles } from '../vouchers/list-styles.js';
import { renderPager } from '../pager.js';
import { renderListStatus } from '../vouchers/list-status.js';
import { voucherMessages } from '../vouchers/voucher-messages.js';
import { issuedMessages } from './issued-voucher-list.messages.js';

/** Detail of `voucher-reclaimed`. */
export interface VoucherReclaimedDetail {
  couponId: string;
  /** What was actually taken back, in minor units: the remaining balance, possibly below the face value. */
  reclaimedAmount: number;
  currency: string;
}

interface IssuedFilters {
  kind: '' | CouponKind;
  status: '' | CouponStatus;
  customerId: string;
}

const STATUSES: CouponStatus[] = ['usable', 'inactive', 'used', 'expired', 'reclaimed'];

/**
 * The vouchers and cash coupons the partner issued: customer (masked), face value, remaining
 * balance, validity and status, filtered and paged on the server. A usable coupon can be
 * reclaimed: after a confirmation and, when the policy asks, a verification code, a dialog shows
 * the amount the backend actually took back. Reclaiming twice reclaims once.
 *
 * @summary Issued vouchers with reclaim.
 *
 * @event voucher-reclaimed - A coupon was reclaimed. `detail: VoucherReclaimedDetail`.
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
  readonly #list = new PagedList<IssuedFilters, IssuedCoupon>({
    filters: { kind: '', status: '', customerId: '' },
    fetch: async (f, page, signal) =>
      (await this.#kit.api()).listIssuedCoupons(
        { ...page, ...(f.kind ? { kind: f.kind } : {}), ...(f.status ? { status: f.status } : {}), ...(f.customerId.trim() ? { customerId: f.customerId.trim() } : {}) },
        { signal },
      ),
  });
  readonly #reclaim = new ReclaimFlow({ api: () => this.#kit.api(), verify: (request) => this.#verify(request) });
  readonly #view = new FlowController(this, this.#list);
  readonly #reclaimView = new FlowController(this, this.#reclaim);
  #opener: HTMLElement | undefined;
  #typing: ReturnType<typeof setTimeout> | undefined;

  /** Loads the list again (e.g. after an issue elsewhere on the page). */
  refresh(): Promise<void> {
    return this.#list.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list.setFilters({ kind: this.kind ?? '' });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('kind') && this.hasUpdated && changed.get('kind') !== undefined) void this.#list.setFilters({ kind: this.kind ?? '' });
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part=dialog]');
    const phase = this.#reclaimView.state.phase;
    if (!dialog) return;
    if (phase !== 'idle' && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
    } else if (phase === 'idle' && dialog.open) {
      dialog.close();
      if (this.#opener?.isConnected) this.#opener.focus();
    }
  }

  protected override render() {
    const locale = this.#kit.locale;
    const m = issuedMessages(locale);
    const v = voucherMessages(locale);
    const state = this.#view.state;
    const f = state.filters;
    return html`<div class="filters">
        ${this.kind
          ? nothing
          : html`<label
              >${m.kindFilter}
              <select @change=${this.#onFilter('kind')}>
                <option value="">${v.all}</option>
                <option value="voucher" ?selected=${f.kind === 'voucher'}>${v.kind('voucher')}</option>
                <option value="cash" ?selected=${f.kind === 'cash'}>${v.kind('cash')}</option>
              </select></label
            >`}
        <label
          >${m.statusFilter}
          <select @change=${this.#onFilter('status')}>
            <option value="">${v.all}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === f.status}>${v.status(s)}</option>`)}
          </select></label
        >
        <label>${m.customerFilter}<input type="search" .value=${f.customerId} @input=${this.#onCustomer} /></label>
      </div>
      <div class="table-wrap">
        <table part="table" aria-busy=${String(state.loading)}>
          <caption class="visually-hidden">${m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${m.coupon}</th>
              <th scope="col">${m.customer}</th>
              <th scope="col" class="num">${m.faceValue}</th>
              <th scope="col" class="num">${m.balance}</th>
              <th scope="col">${m.validity}</th>
              <th scope="col">${m.status}</th>
              <th scope="col"><span class="visually-hidden">${m.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${state.items.map(
              (c) => html`<tr>
                <td>${v.kind(c.kind)} ${c.id}</td>
                <td>${c.customerName ? mask(c.customerName, 'name') : c.customerId}</td>
                <td class="num">${formatMoney(c.faceValue, locale, c.currency)}</td>
                <td class="num">${formatMoney(c.balance, locale, c.currency)}</td>
                <td>${localDate(c.effectiveFrom)} – ${localDate(c.expiresAt)}</td>
                <td>${v.status(c.status)}</td>
                <td>
                  ${c.status === 'usable'
                    ? html`<button part="reclaim" type="button" aria-label=${m.reclaimLabel(c.id)} @click=${() => this.#ask(c)}>${m.reclaim}</button>`
                    : nothing}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${renderListStatus(state, locale, m.loadFailed, () => void this.#list.reload())}
      ${renderPager(state, locale, (offset) => void this.#list.goTo(offset))} ${this.#renderDialog()}
      <verification-code-modal .api=${this.api} .locale=${this.locale}></verification-code-modal>`;
  }

  #renderDialog() {
    const locale = this.#kit.locale;
    const m = issuedMessages(locale);
    const { coupon, phase, error, result } = this.#reclaimView.state;
    const busy = phase === 'verifying' || phase === 'submitting';
    const body =
      phase === 'done' && result && coupon
        ? html`<h2 id="reclaim-title" tabindex="-1" data-focus>${m.doneTitle}</h2>
            <p>${m.doneText(formatMoney(result.reclaimedAmount, locale, result.currency), formatMoney(coupon.faceValue, locale, coupon.currency))}</p>
            <div class="actions"><button type="button" class="primary" @click=${this.#dismiss}>${m.close}</button></div>`
        : coupon
          ? html`<h2 id="reclaim-title" tabindex="-1" data-focus>${m.askTitle}</h2>
              <p>${m.askText(coupon.id, formatMoney(coupon.balance, locale, coupon.currency))}</p>
              <p part="error" role="alert">${error ? this.#errorText(error) : ''}</p>
              <p class="muted" aria-live="polite">${phase === 'verifying' ? m.verifying : phase === 'submitting' ? m.submitting : ''}</p>
              <div class="actions">
                <button type="button" aria-disabled=${String(busy)} @click=${this.#dismiss}>${m.cancel}</button>
                <button type="button" class="primary" aria-busy=${String(busy)} @click=${this.#confirm}>${error ? voucherMessages(locale).retry : m.confirm}</button>
              </div>`
          : nothing;
    return html`<dialog part="dialog" aria-labelledby="reclaim-title" @cancel=${this.#onEscape}>${body}</dialog>`;
  }

  #errorText(error: KitError): string {
    const locale = this.#kit.locale;
    const text = error.reason && error.code === 'conflict' ? voucherMessages(locale).itemFailure(error.reason) : errorMessage(error, locale);
    return withSupportCode(error, locale, text);
  }

  #ask(coupon: IssuedCoupon): void {
    this.#opener = deepActiveElement();
    this.#reclaim.ask(coupon);
  }

  #confirm = async (): Promise<void> => {
    const result = await this.#reclaim.confirm();
    if (!result) return;
    // The coupon stays in the list, now reclaimed, with nothing left on it.
    this.#list.update(
      (c) => c.id === result.couponId,
      (c) => ({ ...c, status: 'reclaimed', balance: 0 }),
    );
    emit<VoucherReclaimedDetail>(this, 'voucher-reclaimed', { couponId: result.couponId, reclaimedAmount: result.reclaimedAmount, currency: result.currency });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('dialog [data-focus]')?.focus();
  };

  #dismiss = (): void => {
    this.#reclaim.dismiss();
  };

  #onEscape = (event: Event): void => {
    event.preventDefault();
    this.#reclaim.dismiss();
  };

  async #verify(request: Parameters<ReclaimVerifier>[0]) {
    if (this.verifier) return this.verifier(request);
    const modal = this.renderRoot.querySelector('verification-code-modal') as VerificationCodeModal;
    return modal.confirm({ purpose: request.purpose, action: `${issuedMessages(this.#kit.locale).reclaimLabel(request.coupon.id)}` });
  }

  #onFilter = (key: 'kind' | 'status') => (event: Event) => {
    void this.#list.setFilters({ [key]: (event.target as HTMLSelectElement).value });
  };

  #onCustomer = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => void this.#list.setFilters({ customerId: value }), 250);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'issued-voucher-list': IssuedVoucherList;
  }
  interface GlobalEventHandlersEventMap {
    'voucher-reclaimed': CustomEvent<VoucherReclaimedDetail>;
  }
}
