/** The zh-CN words of the `pager` catalogue, fetched the first time an element needs them. */
export default {
  range: (from: number, to: number, total: number) => `第 ${from}–${to} 条，共 ${total} 条`,
  previous: '上一页',
  next: '下一页',
};
