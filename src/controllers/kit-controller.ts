import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerApi } from '../api/adapter.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { defaultApi } from './default-api.js';
import { documentLocale, onDocumentLocaleChange } from './document-locale.js';
import { kitContext } from './kit-context.js';

/** An element that takes the kit's settings: its own properties win over the provider's. */
export interface KitHost extends ReactiveControllerHost, HTMLElement {
  api: PartnerApi | undefined;
  locale: string | undefined;
  currency?: string | undefined;
}

/**
 * Resolves an element's adapter, locale and currency: the element's own property, else the
 * nearest `<partner-kit-provider>`, else the page (`<html lang>`, CNY, the embedded in-memory
 * adapter). Re-renders the element when any of them changes.
 */
export class KitController implements ReactiveController {
  readonly #host: KitHost;
  readonly #consumer: ContextConsumer<typeof kitContext, KitHost>;
  #stopLocale: (() => void) | undefined;

  constructor(host: KitHost) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: kitContext, subscribe: true });
    host.addController(this);
  }

  get locale(): Locale {
    const own = this.#host.locale ?? this.#consumer.value?.locale;
    return own ? resolveLocale(own) : documentLocale();
  }

  /** The currency amounts are in: the element's, the provider's, else CNY. */
  get currency(): string {
    return this.#host.currency ?? this.#consumer.value?.currency ?? 'CNY';
  }

  /** The adapter to call: given, provided, or the shared embedded default. */
  api(): Promise<PartnerApi> {
    const given = this.#host.api ?? this.#consumer.value?.api;
    return given ? Promise.resolve(given) : defaultApi();
  }

  hostConnected(): void {
    this.#stopLocale = onDocumentLocaleChange(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#stopLocale?.();
    this.#stopLocale = undefined;
  }
}
