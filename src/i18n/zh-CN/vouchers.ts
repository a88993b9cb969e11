import type { QuotaUnusable } from '../../core/vouchers/issue-flow.js';
import type { CouponKind, CouponOperation, CouponStatus } from '../../model/schemas/coupons.js';

/** The zh-CN words of the `vouchers` catalogue, fetched the first time an element needs them. */
export default {
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
};
