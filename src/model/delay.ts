import { KitError } from './errors.js';

/** Resolves after `ms`, or rejects with a `cancelled` KitError when `signal` aborts first. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new KitError('cancelled', 'The call was cancelled.'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new KitError('cancelled', 'The call was cancelled.'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
