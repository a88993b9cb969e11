import { defineMessages } from '../locale.js';

/**
 * The words `<verification-code-modal>` shows before its code entry comes: the title, what is
 * confirmed, the loading and failed states and their buttons. The code entry's words are in
 * `verification-code-modal-desk`, fetched with it.
 */
export const verificationMessages = defineMessages({
  'en-US': {
    title: 'Security verification',
    purpose: (purpose: string) =>
      ({
        withdraw: 'Confirm the withdrawal with a verification code.',
        'issue-coupon': 'Confirm issuing the coupons with a verification code.',
        'reclaim-coupon': 'Confirm reclaiming the coupon with a verification code.',
        'remittance-account': 'Confirm the change of payout account with a verification code.',
      })[purpose] ?? 'Confirm this action with a verification code.',
    loading: 'Loading…',
    cancel: 'Cancel',
    retry: 'Try again',
  },
  'zh-CN': () => import('../zh-CN/verification-code-modal.js'),
}, 'verification-code-modal');
