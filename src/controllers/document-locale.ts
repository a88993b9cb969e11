import type { Locale } from '../i18n/locale.js';
import { matchLocale } from '../i18n/store.js';

const listeners = new Set<() => void>();
let observing = false;

/** The page's language (`<html lang>`), the locale of elements that are told nothing else. */
export function documentLocale(): Locale {
  return matchLocale(globalThis.document?.documentElement.lang || globalThis.navigator?.language);
}

/**
 * Calls `listener` when `<html lang>` changes, so a portal's own language switch reaches every kit
 * element. One observer serves the whole page for its lifetime (it costs nothing while idle).
 */
export function onDocumentLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observing && typeof MutationObserver !== 'undefined') {
    observing = true;
    new MutationObserver(() => listeners.forEach((notify) => notify())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
    });
  }
  return () => listeners.delete(listener);
}
