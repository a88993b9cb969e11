/**
 * The headless core: DOM-free flows, money, validation and errors. A host can build its own UI on
 * these exactly as the kit's elements do.
 * @module
 */
export { KitError, toKitError, isAbort, isTransient, outcomeUnknown, type KitErrorCode, type KitErrorInit } from '../model/errors.js';
export {
  parseAmount,
  formatMoney,
  currencyDigits,
  checkAmountBounds,
  MAX_MINOR,
  type AmountParse,
  type AmountRejection,
  type AmountBoundViolation,
} from './money.js';
export { Store, type Listener } from './store.js';
export { mask, maskEmail, maskMobile, maskName, maskText, type MaskKind } from './masks.js';
export {
  CustomerName,
  Mobile,
  Email,
  Remark,
  firstRejection,
  type FieldCheck,
  type FieldRejection,
} from './validation.js';
export { RevealFlow, type RevealFlowOptions, type RevealState } from './reveal-flow.js';
export { createIntentKey } from './intent-key.js';
export { VerificationFlow, CODE_LENGTH, type VerificationApi, type VerificationFlowOptions } from './verification/verification-flow.js';
export {
  isShown,
  deskOf,
  type VerificationState,
  type DeskState,
  type CodeDesk,
  type CodeFailure,
  type ConfirmRequest,
  type ChannelOption,
} from './verification/verification-state.js';
export type { SentCode } from './verification/code-clock.js';
export { ALWAYS_VERIFIED, needsVerification } from '../model/rules/verification-policy.js';
export { normalizeCode } from './verification/normalize-code.js';
export { WithdrawFlow, type WithdrawApi, type WithdrawVerifier } from './withdraw/withdraw-flow.js';
export type { WithdrawState, WithdrawEntries, AmountIssue, BranchStep } from './withdraw/withdraw-state.js';
export { checkEntries, planOf, maximumOf, cardAccounts, type PlannedTake } from './withdraw/withdraw-plan.js';
export { lastInFirstOut, takeInOrder, mustMatchCompanyName, breaksNameMatch, type FlowTake } from '../model/rules/withdraw.js';
export { MoneyIntent, type IntentRun } from './money-intent.js';
export { PagedList, type PagedState, type PagedListOptions, type PageLoad } from './paged-list.js';
export {
  IssueFlow,
  quotaUnusable,
  SERVICE_TYPE_RESTRICTION,
  type IssueApi,
  type IssueVerifier,
  type IssueState,
  type IssueDraft,
  type IssueOrder,
  type QuotaList,
  type IssueErrors,
  type IssueReport,
  type QuotaUnusable,
  type CustomerOutcome,
} from './vouchers/issue-flow.js';
export { ReclaimFlow, type ReclaimApi, type ReclaimVerifier, type ReclaimState } from './vouchers/reclaim-flow.js';
export { localDate } from './dates.js';
export { InviteTableFlow, type InviteListApi, type InviteTableState } from './invites/invite-table-flow.js';
export {
  ResendJob,
  resendActive,
  type ResendApi,
  type ResendJobOptions,
  type ResendJobState,
  type ResendJobRun,
  type ResendProgress,
  type ResendFailure,
} from './invites/resend-job.js';
export { viewInvitations, type InviteQuery } from './invites/invite-view.js';
