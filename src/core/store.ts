/** Called with the new state after every change. */
export type Listener<S> = (state: S) => void;

/**
 * The state of one flow and the subscribers to it: framework-free, so a host can drive its own UI
 * from a flow as easily as our elements do. Flows extend it and change state only through their
 * intent methods.
 */
export class Store<S extends object> {
  #state: S;
  readonly #listeners = new Set<Listener<S>>();

  constructor(initial: S) {
    this.#state = initial;
  }

  /** The current state; replaced, never mutated, on every change. */
  get state(): S {
    return this.#state;
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: Listener<S>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Merges `patch` into the current state: for changes within one variant of a state union. */
  protected setState(patch: Partial<S>): void {
    this.replaceState({ ...this.#state, ...patch });
  }

  /** Puts `next` in place whole: moving between variants of a state union leaves no stale field behind. */
  protected replaceState(next: S): void {
    this.#state = next;
    for (const listener of [...this.#listeners]) listener(this.#state);
  }
}
