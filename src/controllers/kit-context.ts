import { createContext } from '@lit/context';
import type { PartnerApi } from '../api/adapter.js';
import type { LocaleMessages } from '../i18n/catalogues.js';

/** What `<partner-kit-provider>` hands to every kit element below it. */
export interface KitSettings {
  api: PartnerApi | undefined;
  /** The provider's `locale` as written: resolved by each element, with the provider's messages. */
  locale: string | undefined;
  /** Message overrides and extra locales for the elements below the provider. */
  messages: LocaleMessages | undefined;
  currency: string;
  /** No adapter is a configuration error, never a quiet fall-back to demo data. */
  requireApi: boolean;
}

/**
 * The context key is a string, not a Symbol, on purpose: a host that loads two bundles of the kit
 * gets two copies of this module, and a provider from one must still reach elements of the other.
 */
export const kitContext = createContext<KitSettings>('partner-kit/settings');
