import type { KitError } from '../model/errors.js';

/**
 * Fires a typed event the way every kit event is fired: bubbling, crossing shadow roots, with a
 * `detail` that never carries secrets (codes, full personal values).
 */
export function emit<D>(target: EventTarget, type: string, detail: D): void {
  target.dispatchEvent(new CustomEvent<D>(type, { detail, bubbles: true, composed: true }));
}

/** Detail of every `<tag>-load-failed` event. */
export interface LoadFailedDetail {
  /** Why: `configuration` when no adapter was given under `require-api`, else the adapter's error. */
  error: KitError;
}

/**
 * Fires `<tag>-load-failed` on `host`: the element could not load what it shows, and says so in its
 * own error state. A host listens to it to report or to fall back, as with Stripe's or Adyen's
 * load-error callbacks.
 */
export function emitLoadFailed(host: HTMLElement, error: KitError): void {
  emit<LoadFailedDetail>(host, `${host.localName}-load-failed`, { error });
}

/**
 * Fires `emitLoadFailed` each time `failure` of the store's state turns to a new error: once per
 * failed load, never again for a re-render or another change of the same failed state.
 */
export function watchLoadFailed<S>(
  host: HTMLElement,
  store: { readonly state: S; subscribe(listener: (state: S) => void): unknown },
  failure: (state: S) => KitError | undefined,
): void {
  let last = failure(store.state);
  store.subscribe((state) => {
    const error = failure(state);
    if (error && error !== last) emitLoadFailed(host, error);
    last = error;
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'masked-field-load-failed': CustomEvent<LoadFailedDetail>;
    'verification-code-modal-load-failed': CustomEvent<LoadFailedDetail>;
    'withdraw-dialog-load-failed': CustomEvent<LoadFailedDetail>;
    'voucher-issue-form-load-failed': CustomEvent<LoadFailedDetail>;
    'issued-voucher-list-load-failed': CustomEvent<LoadFailedDetail>;
    'voucher-records-load-failed': CustomEvent<LoadFailedDetail>;
    'invite-table-load-failed': CustomEvent<LoadFailedDetail>;
    'invitation-link-load-failed': CustomEvent<LoadFailedDetail>;
    'customer-list-load-failed': CustomEvent<LoadFailedDetail>;
    'unbind-requests-load-failed': CustomEvent<LoadFailedDetail>;
    'order-payment-load-failed': CustomEvent<LoadFailedDetail>;
    'top-up-form-load-failed': CustomEvent<LoadFailedDetail>;
  }
}
