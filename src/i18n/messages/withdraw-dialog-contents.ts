import type { FlowChannel } from '../../model/schemas/withdrawal.js';
import type { AmountIssue } from '../../core/withdraw/withdraw-state.js';
import { defineMessages } from '../locale.js';

/**
 * The words of `<withdraw-dialog>`'s contents, fetched with them on first open; hosts override them
 * under `withdraw-dialog`. The title, Close, Cancel, Try again and the loading text are the shell's
 * (`withdrawMessages`), which the contents are given.
 */
export const withdrawContentsMessages = defineMessages({
  'en-US': {
    loadFailed: 'Could not load your withdrawable balance.',
    emptyTitle: 'Nothing to withdraw',
    emptyText: 'There is no balance that can be withdrawn right now.',
    withdrawable: 'Withdrawable',
    withdrawableNote: 'As the partner center computes it: cash minus outstanding and un-posted amounts and sub-customer arrears.',
    route: 'Withdraw',
    routeOriginal: (amount: string) => `Back along the original route (${amount})`,
    routeCard: (amount: string) => `To a bank card (${amount})`,
    order: 'Which recharges pay it',
    lifo: 'Newest first (default)',
    pick: 'Let me choose',
    flows: 'Recharge flows',
    flowDate: 'Received',
    flowChannel: 'Channel',
    flowOriginal: 'Original amount',
    flowLeft: 'Withdrawable',
    flowAccount: 'Goes back to',
    pickFlow: (date: string, amount: string) => `Withdraw from the recharge of ${date}, ${amount}`,
    takes: (amount: string) => `Takes ${amount}`,
    channel: (channel: FlowChannel) =>
      ({
        'bank-transfer': 'Bank transfer',
        'online-banking': 'Online banking',
        alipay: 'Alipay',
        wechat: 'WeChat Pay',
        unionpay: 'UnionPay',
        'transaction-mode-conversion': 'Transaction-mode conversion',
        'incentive-refund': 'Incentive refund',
      })[channel],
    nameMismatch: (company: string, holder: string) =>
      `Cannot go to this account: this money may only be paid to an account held by ${company}, and this one is held by ${holder}. Ask your finance team to change the account holder, or leave this recharge out.`,
    cardAccount: 'Bank account',
    cardAccountNone: 'No bank account in the company’s verified name.',
    amount: 'Amount to withdraw',
    amountHint: (max: string) => `Up to ${max}, at most 2 decimals.`,
    all: 'Withdraw all',
    amountIssue: (issue: AmountIssue, max: string) =>
      ({
        empty: 'Enter an amount.',
        'too-long': 'That is too long for an amount.',
        format: 'Enter an amount like 1200 or 1,200.50.',
        negative: 'The amount cannot be negative.',
        'too-many-decimals': 'Use at most 2 decimals.',
        'too-large': `The most you can withdraw is ${max}.`,
        'not-positive': 'Enter an amount above zero.',
        'below-min': 'The amount is too small.',
        'above-max': `The most you can withdraw is ${max}.`,
        'name-mismatch': 'Part of this amount would go to an account it may not go to (see the recharges listed). Choose other recharges or a smaller amount.',
        'no-flows': 'Choose at least one recharge.',
        'no-account': 'Choose the bank account.',
      })[issue],
    next: 'Next',
    branchTitle: 'Opening branch needed',
    branchText: (bank: string, number: string) =>
      `The first withdrawal to ${bank} ${number} needs the branch where the account was opened. It is saved and not asked again.`,
    branchSearch: 'Search branches',
    branchList: 'Branch',
    branchCount: (shown: number, total: number) =>
      total > shown ? `${shown} of ${total} shown: type more to narrow them down.` : `${total} branches.`,
    branchNone: 'No branch matches.',
    branchMissing: 'Choose the branch from the list.',
    saveBranch: 'Save and continue',
    summaryTitle: 'Check and confirm',
    summaryAmount: 'Amount',
    summaryRoute: 'Route',
    summaryFlows: 'From',
    summaryTo: 'To',
    back: 'Back',
    confirm: 'Confirm withdrawal',
    verifyAction: (amount: string) => `Confirm withdrawal of ${amount}`,
    verifying: 'Waiting for the verification code…',
    submitting: 'Submitting…',
    unknownOutcome: 'We do not know whether the withdrawal went through. Try again: it will not be made twice.',
    unknownTitle: 'Did the withdrawal go through?',
    unknownFrozen: 'Until we know, this withdrawal cannot be changed. Check what happened, or send the same withdrawal again.',
    stillUnknown: 'We asked, and it is still not known whether the withdrawal went through. Check again in a moment, or try again: it will not be made twice.',
    checkOutcome: 'Check what happened',
    checkAgain: 'Check again',
    checkingOutcome: 'Checking what happened…',
    notDone: 'We checked: this withdrawal was not made, and nothing left your balance. You may change it, or confirm it again.',
    recovered: 'We checked: your withdrawal went through, once.',
    arrivalDays: (min: number, max: number) =>
      min === max ? (min === 0 ? 'The same business day' : min === 1 ? '1 business day' : `${min} business days`) : `${min}–${max} business days`,
    doneTitle: 'Withdrawal submitted',
    reference: 'Reference',
    arrival: 'Expected arrival',
    discardTitle: 'Discard this withdrawal?',
    discardText: 'What you entered will be lost.',
    keepEditing: 'Keep editing',
    discard: 'Discard',
  },
  'zh-CN': () => import('../zh-CN/withdraw-dialog-contents.js'),
}, 'withdraw-dialog-contents', 'withdraw-dialog');
