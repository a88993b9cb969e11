import type { KitError } from '../../model/errors.js';
import type { RemittanceClaim, UnclaimedRemittance } from '../../model/schemas/remittance.js';
import type { TopUpAmountIssue } from './top-up-state.js';

/** What the partner searches offline remittances by, as typed; at least one is needed. */
export interface ClaimSearch {
  remitterName: string;
  remitterAccount: string;
  amount: string;
}

/** Why a search cannot be sent, at the field it concerns (`criteria`: nothing was given). */
export type ClaimSearchIssue =
  | { field: 'criteria'; reason: 'none' }
  | { field: 'remitterName'; reason: 'too-long' }
  | { field: 'remitterAccount'; reason: 'format' }
  | { field: 'amount'; reason: TopUpAmountIssue };

/** Why the chosen transfer voucher cannot be uploaded: none chosen, not a JPG / PNG / PDF, empty, or too large. */
export type VoucherIssue = 'missing' | 'type' | 'empty' | 'too-large';

/** A transfer voucher file that passed the checks. */
export interface ChosenVoucher {
  file: Blob & { name: string };
  name: string;
  type: string;
  size: number;
}

/** The claim being filled in: the remittance, the amount typed (`above-max`: more than the remittance) and the voucher. */
interface ClaimFields {
  search: ClaimSearch;
  remittance: UnclaimedRemittance;
  amount: string;
}

/**
 * Every state of claiming an offline remittance (线下汇款认领). The search typed stays through
 * every step, and the claim typed through every failure; a lost answer freezes the claim until a
 * lookup or the same claim sent again settles it.
 */
export type RemittanceClaimState =
  | { step: 'search'; search: ClaimSearch; issue: ClaimSearchIssue | undefined }
  | (ClaimFields & {
      step: 'editing';
      voucher: ChosenVoucher | undefined;
      amountIssue: TopUpAmountIssue | undefined;
      voucherIssue: VoucherIssue | undefined;
      refusal: KitError | undefined;
    })
  | (ClaimFields & { step: 'submitting'; minor: number; voucher: ChosenVoucher })
  | (ClaimFields & { step: 'outcome-unknown'; minor: number; voucher: ChosenVoucher; error: KitError | undefined; checking: boolean; checked: boolean })
  | { step: 'claimed'; search: ClaimSearch; claim: RemittanceClaim };
