import { ContextConsumer } from '@lit/context';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PartnerApi } from '../api/adapter.js';
import { KitError } from '../model/errors.js';
import { fetchMessages, messagesArriving } from '../i18n/catalogue.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { onMessagesChange } from '../i18n/store.js';
import { defaultApi } from './default-api.js';
import { adoptDemoMarkerStyles, demoMarker, warnDemoOnce } from './demo-marker.js';
import { documentLocale, onDocumentLocaleChange } from './document-locale.js';
import { kitContext } from './kit-context.js';

/** An element that takes the kit's settings: its own properties win over the provider's. */
export interface KitHost extends ReactiveControllerHost, HTMLElement {
  api: PartnerApi | undefined;
  locale: string | undefined;
  currency?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Fired (not bubbling) on an element whose adapter changed after it had asked for one — the host set
 * the provider's `api` once its token arrived, or replaced it: what the element loaded came from
 * the other adapter, so its lists load again (`ServerListController` listens for it).
 */
export const API_CHANGE_EVENT = 'partner-kit-api-change';

/**
 * Resolves an element's adapter, locale and currency: the element's own property, else the
 * nearest `<partner-kit-provider>`, else the page (`<html lang>`, CNY, the embedded in-memory
 * adapter). Re-renders the element when any of them changes.
 *
 * Falling back to the in-memory adapter is never silent: the element shows a "demo data" marker
 * (`renderDemoMarker()` in its template) and the console says so once. Under a provider with
 * `require-api` there is no fall-back: `api()` rejects with a `configuration` error, which the
 * element's flow shows as its load failure.
 *
 * A host usually sets the provider's `api` in the same task that defines the elements, before the
 * provider has passed it down: an element that finds none waits for that task to end before it
 * falls back. When the adapter changes after the element had one (or had none), the element hears
 * `API_CHANGE_EVENT` and loads again.
 */
export class KitController implements ReactiveController {
  readonly #host: KitHost;
  readonly #consumer: ContextConsumer<typeof kitContext, KitHost>;
  #stop: (() => void) | undefined;
  /** The element asked for an adapter and got the demo one. */
  #onDemo = false;
  /** The adapter the element was last given (or told it lacks: `null`); `undefined` before it asked. */
  #handedOut: PartnerApi | null | undefined;

  constructor(host: KitHost) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: kitContext, subscribe: true });
    host.addController(this);
    controllers.set(host, this);
  }

  /** The element's locale, else the provider's, else the page's; scoped to the provider's `messages` when it has some. */
  get locale(): Locale {
    const settings = this.#consumer.value;
    const tag = this.#host.locale ?? settings?.locale;
    return tag || settings?.messages ? resolveLocale(tag ?? documentLocale(), settings?.messages) : documentLocale();
  }

  /** The currency amounts are in: the element's, the provider's, else CNY. */
  get currency(): string {
    return this.#host.currency ?? this.#consumer.value?.currency ?? 'CNY';
  }

  /** The adapter to call: given, provided, or (unless the provider requires one) the shared embedded default. */
  async api(): Promise<PartnerApi> {
    const given = this.#given() ?? (await nextTask(), this.#given());
    this.#handedOut = given ?? null;
    if (given) return given;
    const tag = this.#host.localName;
    if (this.#consumer.value?.requireApi) {
      throw new KitError('configuration', `<${tag}> has no api, and its <partner-kit-provider> has require-api.`, { reason: 'api-required' });
    }
    if (!this.#onDemo) {
      this.#onDemo = true;
      warnDemoOnce(tag);
      this.#host.requestUpdate();
    }
    return defaultApi();
  }

  #given(): PartnerApi | undefined {
    return this.#host.api ?? this.#consumer.value?.api;
  }

  /** The visible "demo data" marker while the element runs on the in-memory adapter; nothing otherwise. */
  renderDemoMarker(): TemplateResult | typeof nothing {
    return this.#onDemo && !this.#host.api && !this.#consumer.value?.api ? demoMarker(this.locale) : nothing;
  }

  hostConnected(): void {
    adoptDemoMarkerStyles(this.#host.renderRoot);
    const rerender = () => this.#host.requestUpdate();
    const stopLocale = onDocumentLocaleChange(rerender);
    // A host's registerMessages() / registerLocale() after the element rendered shows at once.
    const stopMessages = onMessagesChange(rerender);
    this.#stop = () => {
      stopLocale();
      stopMessages();
    };
  }

  hostUpdated(): void {
    const given = this.#given();
    if (this.#handedOut === undefined || given === undefined || given === this.#handedOut) return;
    this.#handedOut = undefined;
    // After this update, not inside it: what the listeners load is drawn by an update of its own.
    queueMicrotask(() => this.#host.dispatchEvent(new Event(API_CHANGE_EVENT)));
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }
}

/** Resolves once the current task (a host's script that defines elements and sets the provider's api) has run to its end. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const controllers = new WeakMap<HTMLElement, KitController>();

/** The locale `host` shows: its `KitController`'s, or the page's for an element without one. */
const localeOf = (host: HTMLElement): Locale => controllers.get(host)?.locale ?? documentLocale();

/**
 * What an update of `host` waits for before it runs: the messages of its locale, while they are
 * being fetched (this starts the fetch of every catalogue defined so far that lacks them), so the
 * element paints in the language it was asked for, first paint included, and a runtime switch
 * keeps the old words until the new have come. `undefined` when there is nothing to wait for —
 * always so in en-US, which is inline. A failed fetch lets the update run in the fallback's words.
 */
export function kitUpdateHold(host: HTMLElement): Promise<unknown> | undefined {
  return fetchMessages(localeOf(host));
}

/**
 * The messages of `host`'s locale still on their way (a part drawn after the hold asked for a
 * catalogue of its own), without starting a fetch; `undefined` when none is.
 */
export function kitMessagesArriving(host: HTMLElement): Promise<unknown> | undefined {
  return messagesArriving(localeOf(host));
}
