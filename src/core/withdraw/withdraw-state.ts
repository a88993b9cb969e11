import type { KitError } from '../../model/errors.js';
import type { AmountBoundViolation, AmountRejection } from '../money.js';
import type { Branch, PayoutAccount, WithdrawalOverview, WithdrawRequest, WithdrawResult } from '../../model/schemas/withdrawal.js';

/** Why the amount cannot be withdrawn as entered. */
export type AmountIssue = AmountRejection | AmountBoundViolation | 'name-mismatch' | 'no-flows' | 'no-account';

/** What the partner chose and typed; kept through the branch step, the summary and back, so nothing is lost. */
export interface WithdrawEntries {
  route: 'original' | 'bank-card';
  /** `lifo`: the backend's default order; `pick`: only the flows the partner ticked. */
  mode: 'lifo' | 'pick';
  picked: readonly string[];
  /** The amount as typed, kept verbatim. */
  amountText: string;
  /** Bank-card route: the account the money goes to. */
  cardAccountId: string | undefined;
  /** A flow the backend refused for the name-match rule, shown at the flow like the kit's own check. */
  rejectedFlowId: string | undefined;
}

/** The opening-branch search of one bank account, asked once per account before anything else continues. */
export interface BranchStep {
  account: PayoutAccount;
  query: string;
  results: readonly Branch[];
  total: number;
  searching: boolean;
  chosen: Branch | undefined;
  saving: boolean;
  error: KitError | undefined;
}

/** What every step after a successful load holds. */
interface Loaded {
  overview: WithdrawalOverview;
  entries: WithdrawEntries;
}

/** A step the user can leave with entries: `confirmingClose` is the "discard them?" question. */
interface Editable extends Loaded {
  confirmingClose: boolean;
}

/** The entries checked: the summary and every step that submits what it shows. */
interface Reviewed extends Loaded {
  /** What Confirm sends; `request.amount` is in minor units. */
  request: WithdrawRequest;
}

export interface WithdrawIdle {
  step: 'idle';
}
export interface WithdrawLoading {
  step: 'loading';
}
export interface WithdrawLoadFailed {
  step: 'load-failed';
  error: KitError;
}
/** Nothing can be withdrawn. */
export interface WithdrawEmpty {
  step: 'empty';
}
/** A bank account in use lacks its opening branch. */
export interface WithdrawBranch extends Editable {
  step: 'branch';
  branch: BranchStep;
}
export interface WithdrawForm extends Editable {
  step: 'form';
  amountIssue: AmountIssue | undefined;
}
/**
 * The review before Confirm; `refusal` is a definite "no" of the last try (nothing was withdrawn).
 * `notDone`: a lookup settled an unknown outcome as never made, so the user may change it (under a new key).
 */
export interface WithdrawSummary extends Editable, Reviewed {
  step: 'summary';
  refusal: KitError | undefined;
  notDone: boolean;
}
/** A confirmation in flight; confirming again joins `submission`. */
interface InFlight extends Reviewed {
  submission: Promise<void>;
}
/** Asking for the verification code. */
export interface WithdrawVerifying extends InFlight {
  step: 'verifying';
}
/** The withdrawal is on its way to the backend. */
export interface WithdrawSubmitting extends InFlight {
  step: 'submitting';
}
/**
 * The submit failed after it may have reached the backend (timeout, 5xx, malformed answer). The
 * withdrawal is frozen here, kept through a close: no Back, no edit, no new key, until a retry with
 * the same key or a lookup settles it. `checked`: a lookup asked and the backend could not say yet;
 * `error` is then the lookup's own failure, if it failed.
 */
export interface WithdrawOutcomeUnknown extends Reviewed {
  step: 'outcome-unknown';
  error: KitError | undefined;
  checked: boolean;
}
/** Asking the backend what became of a withdrawal whose outcome is unknown; checking again joins `lookup`. */
export interface WithdrawChecking extends Reviewed {
  step: 'checking';
  lookup: Promise<void>;
}
/** The withdrawal went through; `recovered` when a lookup found it after its answer was lost. */
export interface WithdrawDone {
  step: 'done';
  result: WithdrawResult;
  recovered: boolean;
}

/** Where a withdrawal stands: one variant per step, each holding only what is valid in it. */
export type WithdrawState =
  | WithdrawIdle
  | WithdrawLoading
  | WithdrawLoadFailed
  | WithdrawEmpty
  | WithdrawBranch
  | WithdrawForm
  | WithdrawSummary
  | WithdrawVerifying
  | WithdrawSubmitting
  | WithdrawOutcomeUnknown
  | WithdrawChecking
  | WithdrawDone;

/** The steps that hold the overview and the entries. */
export type WithdrawLoaded = WithdrawBranch | WithdrawForm | WithdrawSummary | WithdrawVerifying | WithdrawSubmitting | WithdrawOutcomeUnknown | WithdrawChecking;

/** The steps a confirmation can start from. */
export type WithdrawReviewed = WithdrawSummary | WithdrawOutcomeUnknown;
