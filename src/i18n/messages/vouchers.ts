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
  'zh-CN': {
    kind: (kind: CouponKind) => ({ voucher: '代金券', cash: '现金券' })[kind],
    status: (status: CouponStatus) => ({ inactive: '未激活', usable: '可使用', used: '已使用', expired: '已过期', reclaimed: '已回收' })[status],
    quotaUnusable: (why: QuotaUnusable) =>
      ({
        expired: '已失效',
        adjusting: '调整中',
        frozen: '已冻结',
        reclaimed: '已回收',
        'not-yet-effective': '未生效',
        empty: '余额为零',
      })[why],
    operation: (op: CouponOperation) =>
      ({
        issue: '发放',
        reclaim: '回收',
        'reclaim-on-unbind': '解绑回收',
        'reclaim-on-expiry': '过期回收',
        'reclaim-on-unsubscribe': '退订回收',
        'refund-reversal': '退款冲正',
        'reclaim-on-association': '关联变更回收',
        'reclaim-on-mode-switch': '模式切换回收',
        'reseller-transfer': '经销商转移',
      })[op],
    itemFailure: (reason: string) =>
      ({
        'quota-balance': '额度余额不足。',
        'cooperation-type': '只能向代售客户发券。',
        'not-sub-customer': '不是您的客户。',
        'quota-unusable': '额度不可用。',
        'already-reclaimed': '已回收或已过期。',
        'referral-coupon': '顾问销售客户的券不可回收。',
      })[reason] ?? '伙伴中心拒绝了此操作。',
    loading: '加载中…',
    retry: '重试',
    none: '没有匹配的记录。',
    all: '全部',
  },
}, 'vouchers');
