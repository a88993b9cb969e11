/** The locales every message of the kit exists in. */
export type Locale = 'zh-CN' | 'en-US';

export const SUPPORTED_LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** Maps any BCP 47 tag onto a supported locale: any Chinese → `zh-CN`, everything else → `en-US`. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh-CN' : 'en-US';
}

/**
 * A message catalogue in both locales. The zh-CN half must have exactly the keys and parameter
 * types of the en-US half, so a missing translation is a type error, not a blank in production.
 */
export function defineMessages<M extends Record<string, string | ((...args: never[]) => string)>>(catalogue: {
  'en-US': M;
  'zh-CN': NoInfer<M>;
}): (locale: Locale) => M {
  return (locale) => catalogue[locale];
}
