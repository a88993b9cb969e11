/**
 * Counts the timers, animation frames and window/document listeners that are alive, by wrapping
 * the page's own functions. A leak test takes a census, mounts and removes elements, lets every
 * finite timer run out, and compares: whatever is still alive outlived its element.
 */
export interface Census {
  timeouts: number;
  intervals: number;
  frames: number;
  listeners: number;
}

const timeouts = new Set<number>();
const intervals = new Set<number>();
const frames = new Set<number>();
const listeners = new Map<string, number>();
let installed = false;

export function installCensus(): void {
  if (installed) return;
  installed = true;
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci, requestAnimationFrame: raf, cancelAnimationFrame: caf } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(
      (...inner: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...inner);
      },
      ms,
      ...args,
    );
    timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(handler, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const id = raf((time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    caf(id);
  };
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const name = target === window ? 'window' : 'document';
    const keys = new WeakMap<object, Set<string>>();
    target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
      add(type, listener, options);
      if (!listener || (typeof options === 'object' && (options.once || options.signal))) return;
      const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
      const key = `${name}:${type}:${capture}`;
      const seen = keys.get(listener) ?? new Set<string>();
      if (seen.has(key)) return;
      seen.add(key);
      keys.set(listener, seen);
      listeners.set(key, (listeners.get(key) ?? 0) + 1);
    };
    target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
      remove(type, listener, options);
      if (!listener) return;
      const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
      const key = `${name}:${type}:${capture}`;
      if (keys.get(listener)?.delete(key)) listeners.set(key, (listeners.get(key) ?? 1) - 1);
    };
  }
}

export function census(): Census {
  let count = 0;
  for (const n of listeners.values()) count += n;
  return { timeouts: timeouts.size, intervals: intervals.size, frames: frames.size, listeners: count };
}
