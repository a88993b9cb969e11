/**
 * `<issued-voucher-list>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { IssuedVoucherList } from './elements/issued-voucher-list/issued-voucher-list.js';
import { defineElement } from './elements/define.js';

export { IssuedVoucherList, type VoucherReclaimedDetail } from './elements/issued-voucher-list/issued-voucher-list.js';

defineElement('issued-voucher-list', IssuedVoucherList);
