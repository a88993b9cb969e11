/**
 * `<invitation-link>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { InvitationLink } from './elements/invitation-link/invitation-link.js';
import { defineElement } from './elements/define.js';

export {
  InvitationLink,
  type InvitationLinkKind,
  type InvitationLinkRegeneratedDetail,
  type InvitationLinkRevokedDetail,
} from './elements/invitation-link/invitation-link.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('invitation-link', InvitationLink);
