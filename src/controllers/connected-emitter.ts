import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../elements/events.js';

/**
 * Fires an element's outcome events exactly once, where a host can hear them. On the page, the
 * element fires them. An intent that finishes after the element was removed is fired at once on
 * the node the element stood in (its former parent, or shadow root), so a listener on an ancestor
 * or a provider still hears it even if the element never comes back; when that node has left the
 * page too, the event waits and the element fires it when it is attached again.
 */
export class ConnectedEmitter implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #held: (() => void)[] = [];
  #stoodIn: WeakRef<Node> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Fires `type` now: on the element, else where it stood, else as soon as it is attached again. */
  emit<D>(type: string, detail: D): void {
    if (this.#host.isConnected) {
      emit<D>(this.#host, type, detail);
      return;
    }
    const place = this.#stoodIn?.deref();
    if (place?.isConnected) emit<D>(place, type, detail);
    else this.#held.push(() => emit<D>(this.#host, type, detail));
  }

  hostConnected(): void {
    const parent = this.#host.parentNode;
    this.#stoodIn = parent ? new WeakRef(parent) : undefined;
    for (const fire of this.#held.splice(0)) fire();
  }
}
