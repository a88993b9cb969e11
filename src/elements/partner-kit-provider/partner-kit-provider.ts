import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import { kitContext } from '../../controllers/kit-context.js';
import { adoptPreset, providerThemeStyles } from '../../themes/provider.js';
import type { LocaleMessages } from '../../i18n/catalogues.js';

/**
 * Hands one adapter, locale, currency and theme to every kit element inside it, so a portal wires
 * its backend once. An element's own `api` / `locale` / `currency` still win over the provider's.
 *
 * @summary Configures every kit element below it.
 * @slot - The part of the page that holds kit elements.
 */
export class PartnerKitProvider extends LitElement {
  static override styles = [
    css`
      :host {
        display: contents;
      }
    `,
    providerThemeStyles,
  ];

  static override properties = {
    api: { attribute: false },
    locale: {},
    messages: { attribute: false },
    currency: {},
    theme: { reflect: true },
    requireApi: { type: Boolean, attribute: 'require-api' },
  };

  /** The backend every element below uses. Unset: the embedded in-memory adapter (demo data). */
  declare api: PartnerApi | undefined;

  /** `zh-CN` or `en-US` (any `zh*` tag means zh-CN), or a locale the host registered. Unset: the page's `<html lang>`. */
  declare locale: string | undefined;

  /**
   * Message overrides and extra locales for the elements below, per locale and catalogue, e.g.
   * `{ 'en-US': { 'withdraw-dialog': { title: 'Cash out' } } }`; a missing key falls back to the
   * page-wide messages, then to the kit's own, then to en-US.
   */
  declare messages: LocaleMessages | undefined;

  /** ISO 4217 currency of amounts. Default `CNY`. */
  declare currency: string;

  /**
   * `light` (default), `dark`, or `auto` (follows the operating system), optionally after a preset
   * that makes the kit look native in the host's design system: `ant-design`, `element-plus` or
   * `devui` (e.g. `theme="element-plus dark"`). A preset's tokens are fetched when first named, so
   * a page that uses none downloads none. The kit's text follows the theme while the page behind it
   * stays the host's: `dark` and `auto` are for a page that is dark then too.
   */
  declare theme: string;

  /**
   * Production portals set this: an element below with no `api` then never runs on demo data. It
   * shows its loading state while the host fetches a token and sets `api`, and after 5 s without
   * one a configuration error (and fires `<tag>-load-failed`); an `api` set later still loads it.
   */
  declare requireApi: boolean;

  readonly #provider = new ContextProvider(this, {
    context: kitContext,
    initialValue: { api: undefined, locale: undefined, messages: undefined, currency: 'CNY', requireApi: false },
  });

  constructor() {
    super();
    this.currency = 'CNY';
    this.theme = 'light';
    this.requireApi = false;
  }

  protected override willUpdate(): void {
    this.#provider.setValue({
      api: this.api,
      locale: this.locale,
      messages: this.messages,
      currency: this.currency,
      requireApi: this.requireApi,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') && this.shadowRoot) void adoptPreset(this.shadowRoot, this.theme);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
