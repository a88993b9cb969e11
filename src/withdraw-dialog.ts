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

defineElement('withdraw-dialog', WithdrawDialog);
