import { css, html, nothing } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { CouponRecord } from '../../model/schemas/coupons.js';
import { COUPON_OPERATIONS } from '../../model/values/coupons.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import { KitController } from '../../controllers/kit-controller.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { fields, pager, states, table } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';
import { ServerListController, type Column } from '../../controllers/server-list-controller.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';
import { recordsMessages } from '../../i18n/messages/voucher-records.js';

/**
 * The partner's voucher issue and reclaim records, with the remark given at issue time (shown as
 * text, never as markup). Filters by time range, operation, customer and quota; paged on the server.
 *
 * @summary Issue and reclaim records of vouchers and cash coupons.
 *
 * @event {CustomEvent<LoadFailedDetail>} voucher-records-load-failed - The first page of records could not be loaded; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart table - The records table.
 * @csspart error - Why the records could not be loaded.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class VoucherRecords extends KitElement {
  static override styles = [
    token.base,
    fields,
    table,
    pager,
    states,
    css`
      :host {
        display: block;
      }
      .table {
        --pk-table-columns: minmax(10rem, 1fr) minmax(9rem, 1.2fr) minmax(9rem, 1.2fr) minmax(8rem, 1fr) minmax(7.5rem, 1fr) minmax(7rem, 1fr) minmax(10rem, 1.6fr);
      }
      .muted {
        color: ${token.textMuted};
        font-size: ${token.fontSizeSmall};
      }
      .ok {
        color: ${token.success};
      }
      .failed {
        color: ${token.danger};
      }
      .remark {
        white-space: pre-wrap;
      }
    `,
  ];

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
        const operation = COUPON_OPERATIONS.find((op) => op === f.operation);
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
    { main: 'report-only' },
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
    const columns: Column<CouponRecord>[] = [
      { label: m.time, cell: (r) => formatDateTime(r.operatedAt, locale) },
      { label: m.type, cell: (r) => html`<span>${v.operation(r.operation)}</span><span class="muted">${v.kind(r.kind)}</span>` },
      // The ID is what the filter above takes; the masked name helps to recognise the customer.
      { label: m.customer, cell: (r) => html`<span>${r.customerId}</span>${r.customerName ? html`<bdi class="muted">${mask(r.customerName, 'name')}</bdi>` : nothing}` },
      { label: m.coupon, cell: (r) => r.couponId ?? '—' },
      { label: m.amount, num: true, cell: (r) => formatMoney(r.amount, locale, r.currency) },
      { label: m.result, cell: (r) => html`<span class=${r.succeeded ? 'ok' : 'failed'}>${r.succeeded ? m.succeeded : m.failed(r.failureCode ?? '')}</span>` },
      { label: m.remark, cell: (r) => html`<span class="remark">${r.remark ?? ''}</span>` },
    ];
    return html`${this.#kit.renderDemoMarker()}<div class="field-row">
        ${records.date('from', m.from)} ${records.date('to', m.to)}
        ${records.select('operation', m.type, COUPON_OPERATIONS.map((op) => [op, v.operation(op)] as const), locale)}
        ${records.search('customerId', m.customer)} ${records.search('quotaId', m.quota)}
      </div>
      <p class="muted">${m.remarkNote}</p>
      ${records.table('table', m.caption, columns, locale, m.loadFailed, (r) => r.id)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'voucher-records': VoucherRecords;
  }
}
