/**
 * `<verification-code-modal>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { VerificationCodeModal } from './elements/verification-code-modal/verification-code-modal.js';
import { defineElement } from './elements/define.js';

export {
  VerificationCodeModal,
  type VerificationCancelledDetail,
  type VerificationCodeSentDetail,
  type VerificationVerifiedDetail,
} from './elements/verification-code-modal/verification-code-modal.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { ConfirmRequest } from './core/verification/verification-state.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('verification-code-modal', VerificationCodeModal);
