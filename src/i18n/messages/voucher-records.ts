import { defineMessages } from '../locale.js';

export const recordsMessages = defineMessages({
  'en-US': {
    caption: 'Issue and reclaim records',
    from: 'From',
    to: 'To',
    type: 'Type',
    customer: 'Customer ID',
    quota: 'Quota ID',
    time: 'Time',
    coupon: 'Coupon',
    amount: 'Amount',
    result: 'Result',
    remark: 'Remark',
    remarkNote: 'Remarks are seen only by you, never by the customer.',
    succeeded: 'Succeeded',
    failed: (code: string) => `Failed (${code})`,
    loadFailed: 'Could not load the records.',
  },
  'zh-CN': () => import('../zh-CN/voucher-records.js'),
}, 'voucher-records');
