/**
 * `<invite-table>`: importing this entry registers it, and the `<masked-field>` its personal
 * columns are drawn with (once each, even if loaded twice).
 * @module
 */
import { InviteTable } from './elements/invite-table/invite-table.js';
import { defineElement } from './elements/define.js';

export { InviteTable, type InviteColumn, type InvitationsResentDetail } from './elements/invite-table/invite-table.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { LoadFailedDetail } from './elements/events.js';
export type { Invitation } from './model/schemas/invitations.js';

defineElement('invite-table', InviteTable);
