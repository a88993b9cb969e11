import { defineMessages } from '../locale.js';

/**
 * The words `<withdraw-dialog>` shows before its contents come: the title, the loading and failed
 * states and their buttons. The contents' words are in `withdraw-dialog-contents`, fetched with them.
 */
export const withdrawMessages = defineMessages({
  'en-US': {
    title: 'Withdraw balance',
    close: 'Close',
    loading: 'Loading your withdrawable balance…',
    retry: 'Try again',
    cancel: 'Cancel',
  },
  'zh-CN': () => import('../zh-CN/withdraw-dialog.js'),
}, 'withdraw-dialog');
