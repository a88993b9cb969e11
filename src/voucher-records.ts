/**
 * `<voucher-records>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { VoucherRecords } from './elements/voucher-records/voucher-records.js';
import { defineElement } from './elements/define.js';

export { VoucherRecords } from './elements/voucher-records/voucher-records.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('voucher-records', VoucherRecords);
