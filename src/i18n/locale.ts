import { BUILT_IN_LOCALES } from './store.js';

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
