/**
 * `<partner-kit-provider>`: importing this entry registers the element.
 * @module
 */
import { PartnerKitProvider } from './elements/partner-kit-provider/partner-kit-provider.js';
import { defineElement } from './elements/define.js';

export { PartnerKitProvider } from './elements/partner-kit-provider/partner-kit-provider.js';
export type { PartnerApi } from './api/adapter.js';

// The type its `messages` property takes, so a host imports it from where it imports the element.
export type { LocaleMessages } from './i18n/catalogues.js';

defineElement('partner-kit-provider', PartnerKitProvider);

declare global {
  interface HTMLElementTagNameMap {
    'partner-kit-provider': PartnerKitProvider;
  }
}
