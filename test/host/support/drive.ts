/**
 * Drives elements the way a user does, through their shadow DOM, with nothing but DOM APIs: the
 * strict-CSP page loads this module too, so it may not depend on the test framework.
 */

/** Waits until `check` gives something truthy, polling each frame; throws `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** The first match in an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot?.querySelector<T>(selector) ?? null;

/** Every match in an element's shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];

/** Collapsed text of the first match in the shadow root, '' when absent. */
export const textOf = (el: Element, selector: string): string => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The enabled button in `el`'s shadow root (optionally under `scope`) whose text is `label`. */
export function buttonNamed(el: Element, label: string, scope = ''): HTMLButtonElement | undefined {
  return $$<HTMLButtonElement>(el, `${scope} button`.trim()).find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === label && !b.disabled);
}

/** Puts `value` into an input as typing does. */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Chooses `value` in a select as a user does. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Resolves with the detail of the next `type` event on `target`. */
export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve((event as CustomEvent<T>).detail), { once: true }));
}

/** Body rows of every table-like list in `el`'s shadow root: native `tbody tr` or ARIA rows without column headers. */
export function bodyRows(el: Element): HTMLElement[] {
  return $$<HTMLElement>(el, 'tbody > tr, [role=row]').filter((row) => !row.closest('thead') && !row.querySelector(':scope > [role=columnheader], :scope > th[scope=col]'));
}

/** Two rendering frames: enough for Lit updates and layout to settle. */
export const frames = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
