/** The zh-CN words of the `withdraw-dialog` catalogue, fetched the first time an element needs them. */
export default {
  title: '提现',
  close: '关闭',
  loading: '正在加载可提现金额…',
  retry: '重试',
  cancel: '取消',
};
