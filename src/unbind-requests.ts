/**
 * `<unbind-requests>`: importing this entry registers it, and the `<masked-field>` it draws
 * customers' names with (once each, even if loaded twice).
 * @module
 */
import { UnbindRequests } from './elements/unbind-requests/unbind-requests.js';
import { defineElement } from './elements/define.js';

export { UnbindRequests, type UnbindRequestApprovedDetail, type UnbindRequestRejectedDetail } from './elements/unbind-requests/unbind-requests.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { UnbindRequestVerifier } from './core/customers/unbind-request-flow.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('unbind-requests', UnbindRequests);
