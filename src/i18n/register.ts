import type { CatalogueMessages, CatalogueName, KitCatalogues } from './catalogues.js';
import type { Locale } from './locale.js';
import { createOverrides } from './overrides.js';
import { canonicalLocale, isBuiltIn, notifyMessagesChanged, useOverrides } from './store.js';

/** A locale a host adds with `registerLocale`. */
export interface LocaleOptions {
  /** Where a message this locale lacks comes from (itself falling back to en-US). Default `en-US`. */
  fallback?: Locale;
  /** Its messages per catalogue; any left out come from `fallback`, with a dev-mode warning. */
  catalogues?: CatalogueMessages;
}

/**
 * Adds a locale for every kit element on the page, e.g.
 * `registerLocale('ja-JP', { fallback: 'en-US', catalogues: { 'withdraw-dialog': { title: '出金' } } })`.
 * `resolveLocale` then maps `ja` and `ja-JP` onto it. Registering it again adds to its messages.
 */
export function registerLocale(locale: Locale, options: LocaleOptions = {}): void {
  const tag = canonicalLocale(locale);
  const overrides = useOverrides(createOverrides);
  overrides.addLocale(tag, canonicalLocale(options.fallback ?? 'en-US'));
  for (const [catalogue, messages] of Object.entries(options.catalogues ?? {})) {
    if (messages) overrides.addMessages(catalogue, tag, messages);
  }
  notifyMessagesChanged();
}

/**
 * Overrides some messages of one catalogue in one locale for every kit element on the page, e.g.
 * `registerMessages('withdraw-dialog', 'en-US', { title: 'Cash out' })`; later calls add to earlier
 * ones. A locale that is neither built in nor registered is registered, falling back to en-US.
 */
export function registerMessages<N extends CatalogueName>(catalogue: N, locale: Locale, messages: Readonly<Partial<KitCatalogues[N]>>): void {
  const tag = canonicalLocale(locale);
  const overrides = useOverrides(createOverrides);
  if (!isBuiltIn(tag) && !overrides.registeredLocales().includes(tag)) overrides.addLocale(tag, 'en-US');
  overrides.addMessages(catalogue, tag, messages);
  notifyMessagesChanged();
}
