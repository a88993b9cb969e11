import { defineMessages } from '../locale.js';

/** The pager under every server-paged table. */
export const pagerMessages = defineMessages({
  'en-US': {
    range: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    previous: 'Previous page',
    next: 'Next page',
  },
  'zh-CN': () => import('../zh-CN/pager.js'),
}, 'pager');
