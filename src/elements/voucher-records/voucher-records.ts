import { LitElement, html } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import { CouponOperation, type CouponRecord } from '../../model/schemas/coupons.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { KitController } from '../../controllers/kit-controller.js';
import { formatDateTime } from '../../i18n/format-date.js';
import * as token from '../../styles/tokens.js';
import { listStyles } from '../vouchers/list-styles.js';
import { ServerListController } from '../vouchers/server-list.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';
import { recordsMessages } from '../../i18n/messages/voucher-records.js';

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
  readonly #records = new ServerListController(
    this,
    new PagedList({
      filters: { from: '', to: '', operation: '', customerId: '', quotaId: '' },
      fetch: async (f, page, signal) => {
        const operation = CouponOperation.options.find((op) => op === f.operation);
        return (await this.#kit.api()).listCouponRecords(
          {
            ...page,
            ...(operation ? { operations: [operation] } : {}),
            ...(f.customerId.trim() ? { customerId: f.customerId.trim() } : {}),
            ...(f.quotaId.trim() ? { quotaId: f.quotaId.trim() } : {}),
            // The API's bounds are exclusive: one millisecond around the chosen local days.
            ...(f.from ? { from: new Date(Date.parse(`${f.from}T00:00:00`) - 1).toISOString() } : {}),
            ...(f.to ? { to: new Date(Date.parse(`${f.to}T23:59:59.999`) + 1).toISOString() } : {}),
          },
          { signal },
        );
      },
    }),
  );

  /** Loads the records again (e.g. after an issue elsewhere on the page). */
  refresh(): Promise<void> {
    return this.#records.list.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#records.list.setFilters({ quotaId: this.quotaId ?? '', customerId: this.customerId ?? '' });
  }

  protected override render() {
    const locale = this.#kit.locale;
    const m = recordsMessages(locale);
    const v = voucherMessages(locale);
    const records = this.#records;
    const columns = [{ label: m.time }, { label: m.type }, { label: m.customer }, { label: m.coupon }, { label: m.amount, num: true }, { label: m.result }, { label: m.remark }];
    return html`<div class="filters">
        ${records.date('from', m.from)} ${records.date('to', m.to)}
        ${records.select('operation', m.type, CouponOperation.options.map((op) => [op, v.operation(op)] as const), locale)}
        ${records.search('customerId', m.customer)} ${records.search('quotaId', m.quota)}
      </div>
      <p class="muted">${m.remarkNote}</p>
      ${records.table('table', m.caption, columns, (r: CouponRecord) => html`<tr>
          <td>${formatDateTime(r.operatedAt, locale)}</td>
          <td>${v.kind(r.kind)} · ${v.operation(r.operation)}</td>
          <td>${r.customerName ? mask(r.customerName, 'name') : r.customerId}</td>
          <td>${r.couponId ?? '—'}</td>
          <td class="num">${formatMoney(r.amount, locale, r.currency)}</td>
          <td class=${r.succeeded ? 'ok' : 'failed'}>${r.succeeded ? m.succeeded : m.failed(r.failureCode ?? '')}</td>
          <td class="remark">${r.remark ?? ''}</td>
        </tr>`)}
      ${records.footer(locale, m.loadFailed)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'voucher-records': VoucherRecords;
  }
}
