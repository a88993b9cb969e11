/** The zh-CN words of the `voucher-records` catalogue, fetched the first time an element needs them. */
export default {
  caption: '发放与回收记录',
  from: '开始日期',
  to: '结束日期',
  type: '操作类型',
  customer: '客户 ID',
  quota: '额度 ID',
  time: '操作时间',
  coupon: '券 ID',
  amount: '金额',
  result: '结果',
  remark: '备注',
  remarkNote: '备注仅您可见，客户不可见。',
  succeeded: '成功',
  failed: (code: string) => `失败（${code}）`,
  loadFailed: '无法加载记录。',
};
