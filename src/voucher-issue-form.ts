/**
 * `<voucher-issue-form>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { VoucherIssueForm } from './elements/voucher-issue-form/voucher-issue-form.js';
import { defineElement } from './elements/define.js';

export { VoucherIssueForm, type VoucherIssuedDetail } from './elements/voucher-issue-form/voucher-issue-form.js';

defineElement('voucher-issue-form', VoucherIssueForm);
