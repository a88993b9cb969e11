/**
 * `<issued-voucher-list>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { IssuedVoucherList } from './elements/issued-voucher-list/issued-voucher-list.js';
import { defineElement } from './elements/define.js';

export { IssuedVoucherList, type VoucherReclaimedDetail } from './elements/issued-voucher-list/issued-voucher-list.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { ReclaimVerifier } from './core/vouchers/reclaim-flow.js';
export type { LoadFailedDetail } from './elements/events.js';
export type { CouponKind } from './model/schemas/coupons.js';

defineElement('issued-voucher-list', IssuedVoucherList);
