import { LitElement, html } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import { CouponOperation, type CouponRecord } from '../../model/schemas/coupons.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { formatDateTime } from '../../i18n/format-date.js';
import * as token from '../../styles/tokens.js';
import { listStyles } from '../vouchers/list-styles.js';
import { renderPager } from '../pager.js';
import { renderListStatus } from '../vouchers/list-status.js';
import { voucherMessages } from '../vouchers/voucher-messages.js';
import { recordsMessages } from './voucher-records.messages.js';

interface RecordFilters {
  from: string;
  to: string;
  operation: string;
  customerId: string;
  quotaId: string;
}


/**
 * The partner's voucher issue and reclaim records, with the remark given at issue time (shown as
 * text, never as markup). Filters by time range, operation, customer and quota; paged on the server.
 *
 * @summary Issue and reclaim records of vouchers and cash coupons.
 *
 * @csspart table - The records table.
 * @csspart error - Why the records could not be loaded.
 */
export class VoucherRecords extends LitElement {
  static override styles = [token.base, listStyles];

  static override properties = {
    api: { attribute: false },
    locale: {},
    quotaId: { attribute: 'quota-id' },
    customerId: { attribute: 'customer-id' },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Starts filtered to this quota (attribute `quota-id`). */
  declare quotaId: string | undefined;
  /** Starts filtered to this customer (attribute `customer-id`). */
  declare customerId: string | undefined;

  readonly #kit = new KitController(this);
  readonly #list = new PagedList<RecordFilters, CouponRecord>({
    filters: { from: '', to: '', operation: '', customerId: '', quotaId: '' },
    fetch: async (f, page, signal) =>
      (await this.#kit.api()).listCouponRecords(
        {
          ...page,
          ...(f.operation ? { operations: [f.operation as CouponOperation] } : {}),
          ...(f.customerId.trim() ? { customerId: f.customerId.trim() } : {}),
          ...(f.quotaId.trim() ? { quotaId: f.quotaId.trim() } : {}),
          // The API's bounds are exclusive: one millisecond around the chosen local days.
          ...(f.from ? { from: new Date(Date.parse(`${f.from}T00:00:00`) - 1).toISOString() } : {}),
          ...(f.to ? { to: new Date(Date.parse(`${f.to}T23:59:59.999`) + 1).toISOString() } : {}),
        },
        { signal },
      ),
  });
  readonly #view = new FlowController(this, this.#list);
  #typing: ReturnType<typeof setTimeout> | undefined;

  /** Loads the records again (e.g. after an issue elsewhere on the page). */
  refresh(): Promise<void> {
    return this.#list.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list.setFilters({ quotaId: this.quotaId ?? '', customerId: this.customerId ?? '' });
  }

  protected override render() {
    const locale = this.#kit.locale;
    const m = recordsMessages(locale);
    const v = voucherMessages(locale);
    const state = this.#view.state;
    const f = state.filters;
    return html`<div class="filters">
        <label>${m.from}<input type="date" .value=${f.from} @change=${this.#onFilter('from')} /></label>
        <label>${m.to}<input type="date" .value=${f.to} @change=${this.#onFilter('to')} /></label>
        <label
          >${m.type}
          <select @change=${this.#onFilter('operation')}>
            <option value="">${v.all}</option>
            ${CouponOperation.options.map((op) => html`<option value=${op} ?selected=${op === f.operation}>${v.operation(op)}</option>`)}
          </select></label
        >
        <label>${m.customer}<input type="search" .value=${f.customerId} @input=${this.#onType('customerId')} /></label>
        <label>${m.quota}<input type="search" .value=${f.quotaId} @input=${this.#onType('quotaId')} /></label>
      </div>
      <p class="muted">${m.remarkNote}</p>
      <div class="table-wrap">
        <table part="table" aria-busy=${String(state.loading)}>
          <caption class="visually-hidden">${m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${m.time}</th>
              <th scope="col">${m.type}</th>
              <th scope="col">${m.customer}</th>
              <th scope="col">${m.coupon}</th>
              <th scope="col" class="num">${m.amount}</th>
              <th scope="col">${m.result}</th>
              <th scope="col">${m.remark}</th>
            </tr>
          </thead>
          <tbody>
            ${state.items.map(
              (r) => html`<tr>
                <td>${formatDateTime(r.operatedAt, locale)}</td>
                <td>${v.kind(r.kind)} · ${v.operation(r.operation)}</td>
                <td>${r.customerName ? mask(r.customerName, 'name') : r.customerId}</td>
                <td>${r.couponId ?? '—'}</td>
                <td class="num">${formatMoney(r.amount, locale, r.currency)}</td>
                <td class=${r.succeeded ? 'ok' : 'failed'}>${r.succeeded ? m.succeeded : m.failed(r.failureCode ?? '')}</td>
                <td class="remark">${r.remark ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${renderListStatus(state, locale, m.loadFailed, () => void this.#list.reload())}
      ${renderPager(state, locale, (offset) => void this.#list.goTo(offset))}`;
  }

  #onFilter = (key: keyof RecordFilters) => (event: Event) => {
    void this.#list.setFilters({ [key]: (event.target as HTMLInputElement).value });
  };

  #onType = (key: keyof RecordFilters) => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => void this.#list.setFilters({ [key]: value }), 250);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'voucher-records': VoucherRecords;
  }
}
