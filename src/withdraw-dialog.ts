/**
 * `<withdraw-dialog>`: importing this entry registers it, and the `<verification-code-modal>` it
 * asks for codes with (once each, even if loaded twice).
 * @module
 */
import { WithdrawDialog } from './elements/withdraw-dialog/withdraw-dialog.js';
import { defineElement } from './elements/define.js';

export {
  WithdrawDialog,
  type WithdrawalCancelledDetail,
  type WithdrawalSubmittedDetail,
} from './elements/withdraw-dialog/withdraw-dialog.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { WithdrawVerifier } from './core/withdraw/withdraw-flow.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('withdraw-dialog', WithdrawDialog);
