import { defineMessages } from '../locale.js';

/** The pager under every server-paged table. */
export const pagerMessages = defineMessages({
  'en-US': {
    range: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    previous: 'Previous page',
    next: 'Next page',
  },
  'zh-CN': {
    range: (from: number, to: number, total: number) => `第 ${from}–${to} 条，共 ${total} 条`,
    previous: '上一页',
    next: '下一页',
  },
}, 'pager');
