/**
 * `<customer-report-form>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { CustomerReportForm } from './elements/customer-report-form/customer-report-form.js';
import { defineElement } from './elements/define.js';

export { CustomerReportForm, type CustomersReportedDetail } from './elements/customer-report-form/customer-report-form.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';

defineElement('customer-report-form', CustomerReportForm);
