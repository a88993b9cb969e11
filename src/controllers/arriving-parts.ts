/**
 * The parts each element is fetching, on their own so `KitElement` can wait for them without every
 * element downloading `LazyModuleController` (and the error type it builds) up front.
 */
const arriving = new WeakMap<object, Set<Promise<unknown>>>();

/**
 * Settles when every module `host` is fetching has come or failed to; `undefined` when none is on
 * its way. An element's `updateComplete` waits for it, so a host (or test) awaiting it sees the
 * part that was asked for, not its loading state.
 */
export function modulesArriving(host: object): Promise<unknown> | undefined {
  const pending = arriving.get(host);
  return pending?.size ? Promise.allSettled(pending) : undefined;
}

/** Counts `fetching` (which never rejects) among what `host` is fetching until it settles; returns it. */
export function trackArrival(host: object, fetching: Promise<void>): Promise<void> {
  const pending = arriving.get(host) ?? new Set();
  pending.add(fetching);
  arriving.set(host, pending);
  return fetching.then(() => {
    pending.delete(fetching);
  });
}
