import type { LocaleMessages } from './catalogues.js';
import { BUILT_IN_LOCALES, canonicalLocale, messagesRevision, registeredLocales, scopedTag, scopeLocales, scopeOf, splitScope } from './store.js';

export { defineMessages } from './catalogue.js';

/** The locales the kit ships every message in. */
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/**
 * A BCP 47 tag the kit speaks: a built-in one, one a host registered (`registerLocale`), or either
 * of those scoped to a provider's own messages (`en-US-x-pk0`: a private-use subtag, which `Intl`
 * ignores, so numbers and dates stay those of the locale).
 */
export type Locale = BuiltInLocale | (string & {});

export const SUPPORTED_LOCALES: readonly BuiltInLocale[] = BUILT_IN_LOCALES;

/**
 * Maps any BCP 47 tag onto a locale the kit speaks: the same tag if it is built in or registered
 * (letter case aside), else one of the same language (any Chinese → `zh-CN`, `ja` → a registered
 * `ja-JP`), else `en-US`. With a provider's `messages`, their locales count too and the result is
 * scoped to them, so every catalogue looks there first.
 */
export function resolveLocale(tag: string | null | undefined, messages?: LocaleMessages): Locale {
  const scope = messages && Object.keys(messages).length > 0 ? scopeOf(messages) : undefined;
  const locale = match(tag ? splitScope(tag).locale : undefined, scope === undefined ? [] : scopeLocales(scope));
  return scope === undefined ? locale : scopedTag(locale, scope);
}

/**
 * What `match` answered, per registration revision: an element asks for its locale in every
 * render, and a 100,000-row table renders on each keystroke; `Intl.getCanonicalLocales` is not free.
 */
const matched = new Map<string, string>();
let matchedRevision = -1;

function match(tag: string | undefined, scoped: readonly string[]): string {
  if (matchedRevision !== messagesRevision()) {
    matched.clear();
    matchedRevision = messagesRevision();
  }
  const key = `${tag ?? ''}|${scoped.join(',')}`;
  let locale = matched.get(key);
  if (locale === undefined) {
    locale = matchUncached(tag, scoped);
    matched.set(key, locale);
  }
  return locale;
}

function matchUncached(tag: string | undefined, scoped: readonly string[]): string {
  const wanted = canonical(tag);
  if (!wanted) return 'en-US';
  const known = [...BUILT_IN_LOCALES, ...registeredLocales(), ...scoped];
  const language = (locale: string) => locale.split('-')[0]?.toLowerCase();
  return (
    known.find((locale) => locale.toLowerCase() === wanted.toLowerCase()) ??
    known.find((locale) => language(locale) === language(wanted)) ??
    'en-US'
  );
}

function canonical(tag: string | undefined): string | undefined {
  if (!tag?.trim()) return undefined;
  try {
    return canonicalLocale(tag);
  } catch {
    return undefined;
  }
}
