/**
 * What a host needs to localise the kit: locale resolution, overriding any message and adding a
 * locale (page-wide here, per provider through `<partner-kit-provider>.messages`), and the kit's
 * formatters for dates and quota restrictions.
 * @module
 */
export { SUPPORTED_LOCALES, type BuiltInLocale, type Locale } from './locale.js';
export { resolveLocale } from './resolve-locale.js';
export { registerLocale, registerMessages, type LocaleOptions } from './register.js';
export { onMessagesChange } from './store.js';
export type { CatalogueMessages, CatalogueName, KitCatalogues, LocaleMessages } from './catalogues.js';
export { errorMessage } from './error-messages.js';
export { formatDate, formatDateRange, formatDateTime } from './format-date.js';
export { restrictionLabel, restrictionName, restrictionValue } from './restrictions.js';
