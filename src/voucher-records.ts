/**
 * `<voucher-records>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { VoucherRecords } from './elements/voucher-records/voucher-records.js';
import { defineElement } from './elements/define.js';

export { VoucherRecords } from './elements/voucher-records/voucher-records.js';

defineElement('voucher-records', VoucherRecords);
