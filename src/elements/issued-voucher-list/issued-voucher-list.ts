import { css, html, nothing, type PropertyValues } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { CouponKind, CouponStatus, IssuedCoupon, ReclaimResult } from '../../model/schemas/coupons.js';
import { COUPON_KINDS, COUPON_STATUSES } from '../../model/values/coupons.js';
import { mask } from '../../core/masks.js';
import { formatMoney } from '../../core/money.js';
import { PagedList } from '../../core/paged-list.js';
import type { ReclaimVerifier } from '../../core/vouchers/reclaim-flow.js';
import { KitController } from '../../controllers/kit-controller.js';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import type { RequestCloseDetail } from '../../controllers/modal-controller.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { formatDateRange } from '../../i18n/format-date.js';
import { badges } from '../../styles/badges.js';
import { buttons } from '../../styles/buttons.js';
import { fields } from '../../styles/fields.js';
import { pager } from '../../styles/pager.js';
import { states } from '../../styles/states.js';
import { table } from '../../styles/table.js';
import * as token from '../../styles/tokens.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { ServerListController, type Column } from '../../controllers/server-list-controller.js';
import { voucherMessages } from '../../i18n/messages/vouchers.js';
import { issuedMessages } from '../../i18n/messages/issued-voucher-list.js';
import { reclaimPart, type ReclaimPart } from './reclaim-part.js';
import type { ReclaimDialog } from './reclaim-dialog.js';

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
 * The list's own rules. `:not([hidden])` weighs its `:host` over the reclaim dialog's chrome, adopted
 * after this sheet when it comes, whose `:host { display: contents }` is for a host that is only a dialog.
 */
const OWN_STYLES = css`
  :host(:not([hidden])) {
    display: block;
  }
  .table {
    --pk-table-columns: minmax(9rem, 1.2fr) minmax(9rem, 1.4fr) minmax(7.5rem, 1fr) minmax(7.5rem, 1fr) minmax(12rem, 1.3fr) minmax(7rem, auto) minmax(5rem, max-content);
  }
  .muted {
    color: ${token.textMuted};
    font-size: ${token.fontSizeSmall};
  }
  /* Why a Reclaim could not open its dialog, in the row's note below it. */
  .row-note .error-state {
    min-height: 0;
    padding: ${token.space2} ${token.space3};
  }
`;

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
export class IssuedVoucherList extends KitElement {
  static override styles = [token.base, fields, table, badges, pager, states, buttons, OWN_STYLES];

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
        const kind = COUPON_KINDS.find((k) => k === f.kind);
        const status = COUPON_STATUSES.find((st) => st === f.status);
        const customerId = f.customerId.trim();
        return (await this.#kit.api()).listIssuedCoupons({ ...page, ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...(customerId ? { customerId } : {}) }, { signal });
      },
    }),
    { main: 'report-only' },
  );
  readonly #events = new ConnectedEmitter(this);
  /** The coupon last asked about: after it is reclaimed its button is gone, and focus moves on from its row. */
  #asked: string | undefined;
  readonly #reclaimPart = new LazyModuleController(this, () => reclaimPart.load(), { what: 'reclaim dialog', preload: true });
  #reclaim: ReclaimDialog | undefined;
  /** The coupon whose Reclaim was pressed while the dialog's code was on its way: asked about once it comes. */
  #waiting: IssuedCoupon | undefined;

  /** The row note last brought into view: a failure below the pressed Reclaim is scrolled to once. */
  #shownNote: Element | undefined;

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
        ${this.kind ? nothing : coupons.select('kind', m.kindFilter, COUPON_KINDS.map((k) => [k, v.kind(k)] as const), locale)}
        ${coupons.select('status', m.statusFilter, STATUSES.map((st) => [st, v.status(st)] as const), locale)}
        ${coupons.search('customerId', m.customerFilter)}
      </div>
      ${coupons.table('table', m.caption, columns, locale, m.loadFailed, (c) => c.id, (c) => this.#renderPartState(c))}
      ${this.#reclaim ? this.#reclaim.render() : html`<dialog part="dialog" aria-labelledby="reclaim-title"></dialog>`}`;
  }

  /**
   * Below the Reclaim pressed while the dialog's code is on its way, where the user is: that it
   * loads, or why it did not, with a retry.
   */
  #renderPartState(coupon: IssuedCoupon) {
    const part = this.#reclaimPart.state;
    if (this.#waiting !== coupon) return nothing;
    const v = voucherMessages(this.#kit.locale);
    if (part.status === 'failed') {
      return html`<div class="error-state" role="alert">
        <p>${errorMessage(part.error, this.#kit.locale)}</p>
        <button type="button" class="small" @click=${() => this.#ask(coupon)}>${v.retry}</button>
      </div>`;
    }
    return html`<span class="muted" role="status">${part.status === 'loading' ? v.loading : ''}</span>`;
  }

  protected override updated(): void {
    const failed = this.#waiting !== undefined && this.#reclaimPart.state.status === 'failed';
    const note = failed ? (this.renderRoot.querySelector('.row-note') ?? undefined) : undefined;
    // The failure sits below the pressed button, maybe below the fold: the user must see it.
    if (note && note !== this.#shownNote) note.scrollIntoView({ block: 'nearest' });
    this.#shownNote = note;
  }

  #ask(coupon: IssuedCoupon): void {
    this.#asked = coupon.id;
    // Asked at once when the code is here, so the dialog opens in the update the click started.
    const ready = this.#reclaimPart.module;
    if (ready) {
      this.#open(ready, coupon);
      return;
    }
    this.#waiting = coupon;
    this.#reclaimPart.load().then(
      (part) => {
        // Only the last Reclaim pressed while the code came is asked about.
        if (this.#waiting === coupon) this.#open(part, coupon);
      },
      () => undefined,
    );
  }

  #open(part: ReclaimPart, coupon: IssuedCoupon): void {
    this.#waiting = undefined;
    (this.#reclaim ??= this.#makeDialog(part)).ask(coupon);
  }

  /** The dialog, once its code has come; it brings its chrome. */
  #makeDialog(part: ReclaimPart): ReclaimDialog {
    return new part.ReclaimDialog({
      host: this,
      api: () => this.#kit.api(),
      locale: () => this.#kit.locale,
      messages: () => issuedMessages(this.#kit.locale),
      vouchers: () => voucherMessages(this.#kit.locale),
      settle: (result) => this.#reclaimed(result),
      fallbackFocus: () => this.#reclaimFocus(this.#asked),
    });
  }

  /** Each settled reclaim comes here once: the row turns reclaimed and the event fires. */
  #reclaimed(result: ReclaimResult | undefined): void {
    if (!result) return;
    // The coupon stays in the list, now reclaimed, with nothing left on it.
    this.#coupons.list.update(
      (c) => c.id === result.couponId,
      (c) => ({ ...c, status: 'reclaimed', balance: 0 }),
    );
    this.#events.emit<VoucherReclaimedDetail>('voucher-reclaimed', { couponId: result.couponId, reclaimedAmount: result.reclaimedAmount, currency: result.currency });
  }

  /**
   * The reclaim button of the row of `couponId` (the dialog was opened by a retry that is gone), or
   * the next one when that coupon was reclaimed, else the table itself: never the page's body.
   */
  #reclaimFocus(couponId: string | undefined): HTMLElement | undefined {
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('.tbody .tr')];
    const at = rows.findIndex((row) => row.dataset['key'] === couponId);
    const next = rows.slice(Math.max(at, 0)).find((row) => row.querySelector('[part=reclaim]'));
    return next?.querySelector<HTMLElement>('[part=reclaim]') ?? this.renderRoot.querySelector<HTMLElement>('.table') ?? undefined;
  }
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
