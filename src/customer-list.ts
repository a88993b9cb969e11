/**
 * `<customer-list>`: importing this entry registers it, and the `<masked-field>` it draws names and
 * mobiles with (once each, even if loaded twice).
 * @module
 */
import { CustomerList } from './elements/customer-list/customer-list.js';
import { defineElement } from './elements/define.js';

export { CustomerList, type CustomerUnbindRequestedDetail } from './elements/customer-list/customer-list.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { UnbindVerifier } from './core/customers/unbind-flow.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('customer-list', CustomerList);
