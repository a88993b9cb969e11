import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its element every `ms` while started: a countdown, a progress line. `onTick` may
 * return `false` to stop. The interval is cleared when the element leaves the page and started
 * again when it comes back, so a removed element keeps nothing alive.
 */
export class TickerController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #ms: number;
  readonly #onTick: () => boolean | void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #wanted = false;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: { ms: number; onTick?: () => boolean | void }) {
    this.#host = host;
    this.#ms = options.ms;
    this.#onTick = options.onTick ?? (() => undefined);
    host.addController(this);
  }

  /** Whether the ticker is meant to run (it pauses while its element is off the page). */
  get running(): boolean {
    return this.#wanted;
  }

  start(): void {
    this.#wanted = true;
    if (this.#connected) this.#arm();
  }

  stop(): void {
    this.#wanted = false;
    this.#disarm();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#wanted) this.#arm();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#disarm();
  }

  #arm(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (this.#onTick() === false) this.stop();
      this.#host.requestUpdate();
    }, this.#ms);
  }

  #disarm(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
