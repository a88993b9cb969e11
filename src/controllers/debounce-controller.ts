import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `callback` once, `ms` after the last `call()`: a search as the user types. A pending call
 * is dropped when the element leaves the page, so a removed element never reaches its backend.
 */
export class DebounceController<A extends unknown[]> implements ReactiveController {
  readonly #callback: (...args: A) => void;
  readonly #ms: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, callback: (...args: A) => void, ms: number) {
    this.#callback = callback;
    this.#ms = ms;
    host.addController(this);
  }

  /** Whether a call is waiting for its quiet period. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** (Re)starts the quiet period; the callback gets the arguments of the last call. */
  call(...args: A): void {
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#callback(...args);
    }, this.#ms);
  }

  /** Drops the waiting call, if any. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }
}
