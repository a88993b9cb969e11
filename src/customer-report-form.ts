/**
 * `<customer-report-form>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { CustomerReportForm } from './elements/customer-report-form/customer-report-form.js';
import { defineElement } from './elements/define.js';

export { CustomerReportForm, type CustomersReportedDetail } from './elements/customer-report-form/customer-report-form.js';

defineElement('customer-report-form', CustomerReportForm);
