import { nothing, type ReactiveController, type ReactiveControllerHost, type ReactiveElement, type TemplateResult } from 'lit';
import type { PartnerApi } from '../api/adapter.js';
import { KitError } from '../model/errors.js';
import { fetchMessages, messagesArriving, messagesFailed } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { hostOverrides, matchLocale, onMessagesChange, useOverrides } from '../i18n/store.js';
import { defaultApi } from './default-api.js';
import { demoMarker } from './demo-marker.js';
import { documentLocale, onDocumentLocaleChange } from './document-locale.js';
import { kitContext, type KitSettings } from './kit-context.js';

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
 * How long an element under `require-api` waits for its adapter (a host that fetches a token
 * first sets the provider's `api` after an await) before it says the page is not connected. Tests
 * shorten it.
 */
export const apiArrival = { waitMs: 5000 };

/**
 * Resolves an element's adapter, locale and currency: the element's own property, else the
 * nearest `<partner-kit-provider>`, else the page (`<html lang>`, CNY, the embedded in-memory
 * adapter). Re-renders the element when any of them changes.
 *
 * Falling back to the in-memory adapter is never silent: the element shows a "demo data" marker
 * (`renderDemoMarker()` in its template) and the console says so once. Under a provider with
 * `require-api` there is no fall-back: `api()` rejects with a `configuration` error, which the
 * element's flow shows as its load failure — once `apiArrival.waitMs` has passed without one: until
 * then the element shows its loading state, so a portal that fetches a token before it sets `api`
 * never flashes an error at its users (nor fires `<tag>-load-failed`).
 *
 * A host usually sets the provider's `api` in the same task that defines the elements, before the
 * provider has passed it down: an element that finds none waits for that task to end before it
 * falls back. When the adapter changes after the element had one (or had none), the element hears
 * `API_CHANGE_EVENT` and loads again.
 */
export class KitController implements ReactiveController {
  readonly #host: KitHost;
  /** What the nearest provider hands down, and how to stop hearing from it. */
  #settings: KitSettings | undefined;
  #unsubscribe: (() => void) | undefined;
  #stop: (() => void) | undefined;
  /** The element asked for an adapter and got the demo one. */
  #onDemo = false;
  /** Settles once the provider above, defined after this element connected, has answered it. */
  #providerComing: Promise<void> | undefined;
  /** The adapter the element was last given (or told it lacks: `null`); `undefined` before it asked. */
  #handedOut: PartnerApi | null | undefined;
  /** Calls waiting under `require-api` for an adapter to be given. */
  readonly #awaiting = new Set<() => void>();
  /** The wait for an adapter ran out once: a retry then says at once that there is none. */
  #waitedOut = false;
  /** The host's `lang` is the one this set (an author's own is left alone). */
  #markedLang = false;
  readonly #settleOnConnect: boolean;

  /**
   * `settleOnConnect`: find out which adapter the element runs on as soon as it is on the page, for
   * an element that calls nothing until the user acts (a form): on the demo backend it is then
   * marked from its first screen, as one that loads at once is, not when the user starts typing.
   */
  constructor(host: KitHost, options: { settleOnConnect?: boolean } = {}) {
    this.#settleOnConnect = options.settleOnConnect ?? false;
    this.#host = host;
    host.addController(this);
    controllers.set(host, this);
  }

  /**
   * The locale the element shows: the one it was asked for (`wantedLocale`), or en-US while words of
   * that one could not be fetched, so that it never shows two languages at once.
   */
  get locale(): Locale {
    const wanted = this.wantedLocale;
    return messagesFailed(wanted) ? this.#resolve('en-US') : wanted;
  }

  /** The element's locale, else the provider's, else the page's; scoped to the provider's `messages` when it has some. */
  get wantedLocale(): Locale {
    return this.#resolve(this.#host.locale ?? this.#settings?.locale);
  }

  #resolve(tag: string | undefined): Locale {
    const messages = this.#settings?.messages;
    const overrides = hostOverrides();
    if (messages && overrides) return overrides.resolve(tag ?? documentLocale(), messages);
    return tag ? matchLocale(tag) : documentLocale();
  }

  /** The provider gave messages of its own, and what applies them has not come yet. */
  get awaitsOverrides(): boolean {
    return !hostOverrides() && Object.keys(this.#settings?.messages ?? {}).length > 0;
  }

  /** The currency amounts are in: the element's, the provider's, else CNY. */
  get currency(): string {
    return this.#host.currency ?? this.#settings?.currency ?? 'CNY';
  }

  /**
   * The adapter to call: given, provided, or (unless the provider requires one) the shared embedded
   * default. Inside a `<partner-kit-provider>` that has not answered yet (its code came after this
   * element's), it waits for that provider: its adapter or its `require-api` decides, never the demo.
   */
  async api(): Promise<PartnerApi> {
    let given = this.#given() ?? (await nextTask(), this.#given());
    if (!given && this.#providerComing) {
      await this.#providerComing;
      given = this.#given();
    }
    if (!given && this.#settings?.requireApi && !this.#waitedOut) given = await this.#arrival();
    this.#handedOut = given ?? null;
    if (given) return given;
    const tag = this.#host.localName;
    if (this.#settings?.requireApi) {
      throw new KitError('configuration', `<${tag}> has no api, and its <partner-kit-provider> has require-api.`, { reason: 'api-required' });
    }
    if (!this.#onDemo) {
      this.#onDemo = true;
      this.#host.requestUpdate();
    }
    return defaultApi(this.#host);
  }

  #given(): PartnerApi | undefined {
    return this.#host.api ?? this.#settings?.api;
  }

  /** The adapter once one is given (the element's or the provider's), or `undefined` after `apiArrival.waitMs`. */
  #arrival(): Promise<PartnerApi | undefined> {
    return new Promise((resolve) => {
      const settle = () => {
        clearTimeout(timer);
        this.#awaiting.delete(settle);
        resolve(this.#given());
      };
      const timer = setTimeout(() => {
        this.#waitedOut = true;
        settle();
      }, apiArrival.waitMs);
      this.#awaiting.add(settle);
    });
  }

  /** Wakes the calls waiting for an adapter, once there is one; a later loss of it is waited for again. */
  #wake(): void {
    const given = this.#given();
    if (!given) return;
    this.#waitedOut = false;
    if (this.#awaiting.size === 0) return;
    // Handed out now, not a microtask later: the update that brought it must not also announce it as a change.
    this.#handedOut = given;
    for (const settle of [...this.#awaiting]) settle();
  }

  /** The visible "demo data" marker while the element runs on the in-memory adapter; nothing otherwise. */
  renderDemoMarker(): TemplateResult | typeof nothing {
    return this.#onDemo && !this.#host.api && !this.#settings?.api ? demoMarker(this.locale) : nothing;
  }

  hostConnected(): void {
    // Put back on the page: a wait that ran out while it was away does not count against it.
    this.#waitedOut = false;
    // A provider defined after this element (imported later, or a slower chunk) answers once it is, with what it was given.
    const provider = this.#request() ? undefined : providerAbove(this.#host);
    if (provider) this.#providerComing = providerReady(provider).then(() => void this.#request());
    // What the adapter turns out to be is all this asks: a refusal (require-api) is the flow's to show once the user acts.
    if (this.#settleOnConnect) void this.api().catch(() => undefined);
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
    this.#markLanguage();
    this.#wake();
    const given = this.#given();
    if (this.#handedOut === undefined || given === undefined || given === this.#handedOut) return;
    this.#handedOut = undefined;
    // After this update, not inside it: what the listeners load is drawn by an update of its own.
    queueMicrotask(() => this.#host.dispatchEvent(new Event(API_CHANGE_EVENT)));
  }

  /**
   * Says which language the element's words are in where it is not the language it sits in (a
   * `locale` of its own or its provider's, en-US on a page in a language the kit has no words for,
   * or while the words asked for could not be fetched), so that a screen reader reads them with the
   * right voice (WCAG 3.1.2). The element's dialogs, in its shadow root, inherit it.
   */
  #markLanguage(): void {
    const host = this.#host;
    if (host.hasAttribute('lang') && !this.#markedLang) return;
    const shown = this.locale;
    this.#markedLang = language(shown) !== language(inheritedLang(host));
    if (!this.#markedLang) host.removeAttribute('lang');
    else if (host.getAttribute('lang') !== shown) host.setAttribute('lang', shown);
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /**
   * Asks the nearest provider for its settings, with the context protocol's request as
   * `ContextConsumer` sends it: the provider calls back now and on every change. `true` once answered.
   */
  #request(): boolean {
    const request = { context: kitContext, contextTarget: this.#host, callback: this.#provided, subscribe: true };
    this.#host.dispatchEvent(Object.assign(new Event('context-request', { bubbles: true, composed: true }), request));
    return this.#settings !== undefined;
  }

  /** A provider's settings; one that is not the provider heard from before stops that one's. */
  #provided = (settings: KitSettings, unsubscribe?: () => void): void => {
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.#settings = settings;
    this.#host.requestUpdate();
    this.#wake();
  };
}

const PROVIDER = 'partner-kit-provider';

/** The `<partner-kit-provider>` `host` sits inside, across shadow roots. */
function providerAbove(host: HTMLElement): HTMLElement | undefined {
  for (let node = host.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if ((node as Element).localName === PROVIDER) return node as HTMLElement;
  }
  return undefined;
}

let warnedProvider = false;

/**
 * Settles once `provider` is defined and has drawn once: its settings then hold the `api` and
 * `require-api` it was given before its code came. A provider whose code never comes leaves its
 * elements waiting, not on demo data, and the console says why once.
 */
function providerReady(provider: HTMLElement): Promise<unknown> {
  setTimeout(() => {
    if (warnedProvider || customElements.get(PROVIDER)) return;
    warnedProvider = true;
    // eslint-disable-next-line no-console -- a missing import leaves elements waiting: the developer must hear why
    console.warn(`partner-kit: elements wait for their <${PROVIDER}>, which is not defined: import partner-kit/${PROVIDER}.js.`);
  }, 3000);
  return customElements.whenDefined(PROVIDER).then(() => (provider as ReactiveElement).updateComplete);
}

/** Resolves once the current task (a host's script that defines elements and sets the provider's api) has run to its end. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const controllers = new WeakMap<HTMLElement, KitController>();

/** The primary language subtag (`zh` of `zh-CN`): what picks a screen reader's voice. */
const language = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** The language `host` sits in: the nearest `lang` above it, through the shadow roots it is in. */
function inheritedLang(host: HTMLElement): string {
  for (let node: Node | null = host.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
  }
  return '';
}

/** The locale `host` was asked to show, whose words its updates fetch: its `KitController`'s, or the page's for an element without one. */
const localeOf = (host: HTMLElement): Locale => controllers.get(host)?.wantedLocale ?? documentLocale();

/**
 * What an update of `host` waits for before it runs: under a provider with `messages`, what
 * applies them (fetched once per page); the messages of its locale, while they are
 * being fetched (this starts the fetch of every catalogue defined so far that lacks them), so the
 * element paints in the language it was asked for, first paint included, and a runtime switch
 * keeps the old words until the new have come. `undefined` when there is nothing to wait for —
 * always so in en-US, which is inline. A failed fetch lets the update run in the fallback's words.
 */
export function kitUpdateHold(host: HTMLElement): Promise<unknown> | undefined {
  if (controllers.get(host)?.awaitsOverrides) return fetchOverrides().then(() => fetchMessages(localeOf(host)));
  return fetchMessages(localeOf(host));
}

let overridesComing: Promise<void> | undefined;

/**
 * Fetches what applies a provider's own messages, once; a failed fetch lets the update run in the
 * shipped words, and the next update fetches again.
 */
function fetchOverrides(): Promise<void> {
  return (overridesComing ??= import('../i18n/overrides.js').then(
    ({ createOverrides }) => void useOverrides(createOverrides),
    () => {
      overridesComing = undefined;
    },
  ));
}

/**
 * The messages of `host`'s locale still on their way (a part drawn after the hold asked for a
 * catalogue of its own), without starting a fetch; `undefined` when none is.
 */
export function kitMessagesArriving(host: HTMLElement): Promise<unknown> | undefined {
  return messagesArriving(localeOf(host));
}
