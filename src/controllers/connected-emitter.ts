import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../elements/events.js';

/**
 * Fires an element's outcome events only while it is on the page: an intent that finishes after
 * the element was removed is fired when the element is attached again, so a host listening on an
 * ancestor hears it once, from where the element now stands, and never from a detached node.
 */
export class ConnectedEmitter implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #held: (() => void)[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Fires `type` now, or as soon as the host is attached again. */
  emit<D>(type: string, detail: D): void {
    const fire = () => emit<D>(this.#host, type, detail);
    if (this.#host.isConnected) fire();
    else this.#held.push(fire);
  }

  hostConnected(): void {
    for (const fire of this.#held.splice(0)) fire();
  }
}
