/**
 * `<top-up-form>`: importing this entry registers it (once, even if loaded twice).
 * @module
 */
import { TopUpForm } from './elements/top-up-form/top-up-form.js';
import { defineElement } from './elements/define.js';

export {
  TopUpForm,
  TOP_UP_VIEWS,
  type TopUpView,
  type TopUpVerifier,
  type TopUpCompletedDetail,
  type TopUpRedirectDetail,
  type RemittanceAccountEnabledDetail,
  type RemittanceClaimedDetail,
} from './elements/top-up-form/top-up-form.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { Verifier } from './controllers/verifier-controller.js';
export type { CompletedTopUp } from './core/payments/top-up-state.js';
export type { RemittanceClaim } from './model/schemas/remittance.js';
export type { VerificationTicket } from './model/schemas/verification.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('top-up-form', TopUpForm);
