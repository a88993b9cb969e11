import type { KitError } from '../../model/errors.js';
import type { MaskKind } from '../../core/masks.js';
import { defineMessages } from '../locale.js';

/** The ways a reveal can fail that a user can act on. */
export type RevealFailure = 'offline' | 'rate-limited' | 'permission' | 'not-found' | 'configuration' | 'retry';

/**
 * A reveal can fail in only a few ways a user can act on, so this element names those few itself
 * instead of carrying the kit's full error catalogue (about 1 KB gzip) into its size budget.
 */
export function revealFailure(error: KitError): RevealFailure {
  if (error.reason === 'offline') return 'offline';
  if (error.code === 'rate-limited' || error.code === 'permission' || error.code === 'not-found' || error.code === 'configuration') {
    return error.code;
  }
  return 'retry';
}

export const maskedFieldMessages = defineMessages({
  'en-US': {
    noun: (kind: MaskKind) => ({ mobile: 'mobile number', name: 'customer name', email: 'e-mail address', text: 'value' })[kind],
    show: (label: string) => `Show ${label}`,
    copy: (label: string) => `Copy ${label}`,
    shown: (label: string) => `Showing ${label}`,
    hidden: (label: string) => `Hid ${label}`,
    loading: (label: string) => `Loading ${label}…`,
    copied: 'Copied',
    copyFailed: 'Copy failed: select the text instead.',
    revealFailed: (label: string) => `Could not show the ${label}.`,
    why: (failure: RevealFailure) =>
      ({
        offline: 'You are offline.',
        'rate-limited': 'Too many requests: wait a moment.',
        permission: 'You may not see it.',
        'not-found': 'It no longer exists.',
        configuration: 'Not set up: ask your administrator.',
        retry: 'Try again.',
      })[failure],
  },
  'zh-CN': () => import('../zh-CN/masked-field.js'),
}, 'masked-field');
