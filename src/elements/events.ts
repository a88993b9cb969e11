/**
 * Fires a typed event the way every kit event is fired: bubbling, crossing shadow roots, with a
 * `detail` that never carries secrets (codes, full personal values).
 */
export function emit<D>(target: EventTarget, type: string, detail: D): void {
  target.dispatchEvent(new CustomEvent<D>(type, { detail, bubbles: true, composed: true }));
}
