import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KitError } from '../model/errors.js';
import { trackArrival } from './arriving-parts.js';

/** Where a module fetched on first use stands; `again` marks a fetch that retries a failed one. */
export type LazyModuleState<M> =
  | { status: 'idle' }
  | { status: 'loading'; again: boolean }
  | { status: 'ready'; module: M }
  | { status: 'failed'; error: KitError };

/** How a {@link LazyModuleController} fetches. */
export interface LazyModuleOptions {
  /** Named in the error a failed fetch becomes, e.g. `reclaim dialog`. */
  what: string;
  /**
   * Fetch it once the browser is idle after the element connects, so the first use rarely waits.
   * A failed preload is silent: the module stays idle and the first use fetches it again.
   */
  preload?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * A part of an element whose code is fetched with `import()` when first needed instead of up
 * front: one fetch however often it is asked for, the host re-rendered as the state moves, and a
 * failed fetch turned into a `network` {@link KitError} (`reason` `offline` or `module-load`) that
 * the next `load()` retries.
 */
export class LazyModuleController<M> implements ReactiveController {
  readonly #host: Host;
  readonly #fetch: () => Promise<M>;
  readonly #options: LazyModuleOptions;
  #state: LazyModuleState<M> = { status: 'idle' };
  #loading: Promise<M> | undefined;
  #idle: (() => void) | undefined;

  constructor(host: Host, fetch: () => Promise<M>, options: LazyModuleOptions) {
    this.#host = host;
    this.#fetch = fetch;
    this.#options = options;
    host.addController(this);
  }

  get state(): LazyModuleState<M> {
    return this.#state;
  }

  /** The module once it has come. */
  get module(): M | undefined {
    return this.#state.status === 'ready' ? this.#state.module : undefined;
  }

  /** Fetches the module unless it came or is coming; rejects with the fetch's `KitError`. */
  load(): Promise<M> {
    return this.#start(false);
  }

  hostConnected(): void {
    if (!this.#options.preload || this.#state.status !== 'idle') return;
    this.#idle = whenIdle(() => {
      this.#idle = undefined;
      this.#start(true).catch(() => undefined);
    });
  }

  hostDisconnected(): void {
    this.#idle?.();
    this.#idle = undefined;
  }

  #start(quietly: boolean): Promise<M> {
    const state = this.#state;
    if (state.status === 'ready') return Promise.resolve(state.module);
    if (this.#loading) {
      // A use that joins a quiet preload shows that it waits.
      if (!quietly && state.status === 'idle') this.#set({ status: 'loading', again: false });
      return this.#loading;
    }
    this.#idle?.();
    this.#idle = undefined;
    if (!quietly) this.#set({ status: 'loading', again: state.status === 'failed' });
    const loading = this.#fetch().then(
      (module) => {
        this.#set({ status: 'ready', module });
        return module;
      },
      (cause: unknown) => {
        const reason = navigator.onLine === false ? 'offline' : 'module-load';
        const error = new KitError('network', `<${this.#host.localName}> could not load its ${this.#options.what}.`, { reason, details: { module: this.#options.what }, cause });
        // A preload nobody waited for leaves no error behind: the first real use fetches again.
        this.#set(quietly && this.#state.status !== 'loading' ? { status: 'idle' } : { status: 'failed', error });
        throw error;
      },
    );
    const settled = loading.then(
      () => undefined,
      () => undefined,
    );
    void trackArrival(this.#host, settled).then(() => {
      this.#loading = undefined;
    });
    this.#loading = loading;
    return loading;
  }

  #set(state: LazyModuleState<M>): void {
    this.#state = state;
    this.#host.requestUpdate();
  }
}

/** Runs `run` when the browser is next idle (soon after, where it cannot tell); returns a cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}
