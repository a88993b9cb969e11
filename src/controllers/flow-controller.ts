import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Store } from '../core/store.js';

/** Re-renders a Lit element whenever its core flow changes; subscribes only while connected. */
export class FlowController<S extends object> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #flow: Store<S>;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, flow: Store<S>) {
    this.#host = host;
    this.#flow = flow;
    host.addController(this);
  }

  /** The flow's current state. */
  get state(): S {
    return this.#flow.state;
  }

  hostConnected(): void {
    this.#unsubscribe = this.#flow.subscribe(() => this.#host.requestUpdate());
    // The flow may have moved on while the element was off the page (a request finished): show it.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
