import { KitError } from '../../model/errors.js';
import { installBackendCodes } from './error-table.js';

/**
 * A domain module of the HTTP adapter, fetched on first use and shared by every later call. A load
 * that failed (offline, a deploy that replaced the chunks) is forgotten, so the next call fetches
 * again instead of failing for the rest of the page's life.
 */
export function lazyDomain<M>(name: string, load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () => {
    // The code table comes with the first domain, before any call can meet an error answer.
    loading ??= Promise.all([load(), import('../backend-codes.js')])
      .then(([module, { BACKEND_CODES }]) => {
        installBackendCodes(BACKEND_CODES);
        return module;
      })
      .catch((cause: unknown) => {
        loading = undefined;
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        throw new KitError('network', `The partner API adapter could not load its ${name} module.`, {
          reason: offline ? 'offline' : 'module-load',
          // Nothing went out: a money call that meets this is safe to send again, or to change.
          details: { module: name, sent: false },
          cause,
        });
      });
    return loading;
  };
}
