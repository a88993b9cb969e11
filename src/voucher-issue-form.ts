/**
 * `<voucher-issue-form>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { VoucherIssueForm } from './elements/voucher-issue-form/voucher-issue-form.js';
import { defineElement } from './elements/define.js';

export { VoucherIssueForm, type VoucherIssuedDetail } from './elements/voucher-issue-form/voucher-issue-form.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { IssueVerifier } from './core/vouchers/issue-flow.js';
export type { LoadFailedDetail } from './elements/events.js';
export type { CouponKind } from './model/schemas/coupons.js';

defineElement('voucher-issue-form', VoucherIssueForm);
