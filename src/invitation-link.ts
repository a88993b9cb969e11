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

defineElement('invitation-link', InvitationLink);
