import type { CouponKind, CouponOperation, CouponStatus } from '../../model/schemas/coupons.js';
import type { QuotaUnusable } from '../../core/vouchers/issue-flow.js';
import { defineMessages } from '../locale.js';

/** Words every voucher element shares: kinds, statuses, operations, paging, item failures. */
export const voucherMessages = defineMessages({
  'en-US': {
    kind: (kind: CouponKind) => ({ voucher: 'Voucher', cash: 'Cash coupon' })[kind],
    status: (status: CouponStatus) =>
      ({ inactive: 'Not yet active', usable: 'Usable', used: 'Used up', expired: 'Expired', reclaimed: 'Reclaimed' })[status],
    quotaUnusable: (why: QuotaUnusable) =>
      ({
        expired: 'Expired',
        adjusting: 'Being adjusted',
        frozen: 'Frozen',
        reclaimed: 'Reclaimed',
        'not-yet-effective': 'Not yet effective',
        empty: 'No balance left',
      })[why],
    operation: (op: CouponOperation) =>
      ({
        issue: 'Issued',
        reclaim: 'Reclaimed',
        'reclaim-on-unbind': 'Reclaimed on unbinding',
        'reclaim-on-expiry': 'Reclaimed on expiry',
        'reclaim-on-unsubscribe': 'Reclaimed on unsubscribe',
        'refund-reversal': 'Refund reversal',
        'reclaim-on-association': 'Reclaimed on association change',
        'reclaim-on-mode-switch': 'Reclaimed on mode switch',
        'reseller-transfer': 'Reseller transfer',
      })[op],
    itemFailure: (reason: string) =>
      ({
        'quota-balance': 'The quota balance ran out.',
        'cooperation-type': 'Coupons go to resale customers only.',
        'not-sub-customer': 'Not one of your customers.',
        'quota-unusable': 'The quota cannot be used.',
        'already-reclaimed': 'Already reclaimed, or expired.',
        'referral-coupon': 'Coupons of consultant-sales customers cannot be reclaimed.',
      })[reason] ?? 'Refused by the partner center.',
    loading: 'Loading…',
    retry: 'Try again',
    none: 'Nothing matches.',
    all: 'All',
  },
  'zh-CN': () => import('../zh-CN/vouchers.js'),
}, 'vouchers');
