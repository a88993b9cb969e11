import type { KitError } from '../model/errors.js';
import { toKitError } from '../model/errors.js';
import { Store } from './store.js';

/** Where a masked value stands. `value` is present only while `status` is `revealed`. */
export interface RevealState {
  status: 'hidden' | 'loading' | 'revealed' | 'error';
  value: string | undefined;
  error: KitError | undefined;
}

/** What a reveal flow needs. */
export interface RevealFlowOptions {
  /** Produces the full value: from the host, or from the adapter (so the backend can audit each reveal). */
  load: (signal: AbortSignal) => Promise<string>;
}

const HIDDEN: RevealState = { status: 'hidden', value: undefined, error: undefined };

/**
 * Show / hide of one masked value. The full value is held only while shown and dropped on hide, so
 * each reveal goes back to its source. Auto-hide can be paused (while the user is focused on it).
 */
export class RevealFlow extends Store<RevealState> {
  readonly #options: RevealFlowOptions;
  /** Hide again this many milliseconds after revealing; 0 keeps it shown. */
  autoHideMs = 0;
  #request: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #paused = false;

  constructor(options: RevealFlowOptions) {
    super(HIDDEN);
    this.#options = options;
  }

  /** Shows the value, loading it first; a second call while loading joins the first. */
  async reveal(): Promise<void> {
    if (this.state.status === 'loading' || this.state.status === 'revealed') return;
    const request = new AbortController();
    this.#request = request;
    this.setState({ status: 'loading', error: undefined });
    try {
      const value = await this.#options.load(request.signal);
      if (this.#request !== request) return;
      this.#request = undefined;
      this.setState({ status: 'revealed', value, error: undefined });
      this.#armTimer();
    } catch (error) {
      if (this.#request !== request) return;
      this.#request = undefined;
      this.setState({ status: 'error', value: undefined, error: toKitError(error) });
    }
  }

  /** Hides the value and forgets it; cancels a reveal still loading. */
  hide(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.#clearTimer();
    if (this.state.status !== 'hidden') this.setState(HIDDEN);
  }

  /** Holds auto-hide (e.g. while the field has focus). */
  pauseAutoHide(): void {
    this.#paused = true;
    this.#clearTimer();
  }

  /** Lets auto-hide run again, counting from now. */
  resumeAutoHide(): void {
    this.#paused = false;
    this.#armTimer();
  }

  #armTimer(): void {
    this.#clearTimer();
    const delay = this.autoHideMs;
    if (delay > 0 && !this.#paused && this.state.status === 'revealed') {
      this.#timer = setTimeout(() => this.hide(), delay);
    }
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
