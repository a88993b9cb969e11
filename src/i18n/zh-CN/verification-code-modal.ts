/** The zh-CN words of the `verification-code-modal` catalogue, fetched the first time an element needs them. */
export default {
  title: '安全验证',
  purpose: (purpose: string) =>
    ({
      withdraw: '请输入验证码以确认提现。',
      'issue-coupon': '请输入验证码以确认发放代金券。',
      'reclaim-coupon': '请输入验证码以确认回收代金券。',
      'remittance-account': '请输入验证码以确认修改收款账户。',
    })[purpose] ?? '请输入验证码以确认此操作。',
  loading: '加载中…',
  cancel: '取消',
  retry: '重试',
};
