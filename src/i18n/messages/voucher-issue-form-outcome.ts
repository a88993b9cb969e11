import { defineMessages } from '../locale.js';

/**
 * The words of what `<voucher-issue-form>` draws only after its first screen (the result per
 * customer, an unknown outcome, the editors of the closed validity section), fetched with those
 * views on the first Submit or opening of that section; hosts override them under
 * `voucher-issue-form`.
 */
export const issueOutcomeMessages = defineMessages({
  'en-US': {
    resultTitle: 'Result',
    resultSummary: (ok: number, failed: number) => `${ok} issued, ${failed} failed.`,
    issuedAs: (id: string) => `Issued: ${id}`,
    unreported: 'Not in the partner center’s answer: check the issued coupons before issuing to this customer again.',
    retryFailed: (count: number) => `Retry the failed ones (${count})`,
    newIssue: 'New issue',
    unknownTitle: 'Did the issue go through?',
    unknownText: 'The partner center did not answer, so the coupons may have been issued. Until we know, this issue cannot be changed. Check what happened, or send the same issue again: nobody gets a coupon twice.',
    stillUnknown: 'We asked, and it is still not known whether the coupons were issued. Check again in a moment, or send the same issue again: nobody gets a coupon twice.',
    checkOutcome: 'Check what happened',
    checkAgain: 'Check again',
    checkingOutcome: 'Checking what happened…',
    sendAgain: 'Send the same issue again',
    recovered: 'We checked: the issue went through, once.',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    validityHint: (from: string, to: string) => `Inside the quota's window, ${from} – ${to}. Empty: the quota's window.`,
    validityOrder: 'The start must be before the end.',
    validityOutside: 'The validity must lie inside the quota’s window.',
    services: 'Cloud service types',
    servicesHint: 'Only those the quota allows. None ticked: all of them.',
  },
  'zh-CN': () => import('../zh-CN/voucher-issue-form-outcome.js'),
}, 'voucher-issue-form-outcome', 'voucher-issue-form');
