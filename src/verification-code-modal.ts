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

defineElement('verification-code-modal', VerificationCodeModal);
