/**
 * `<invite-table>`: importing this entry registers it, and the `<masked-field>` its personal
 * columns are drawn with (once each, even if loaded twice).
 * @module
 */
import { InviteTable } from './elements/invite-table/invite-table.js';
import { defineElement } from './elements/define.js';

export { InviteTable, type InviteColumn, type InvitationsResentDetail } from './elements/invite-table/invite-table.js';

defineElement('invite-table', InviteTable);
