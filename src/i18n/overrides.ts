import type { MessageTable, MessageTree, Overrides, OverridesBase } from './store.js';

/**
 * The host's words over the shipped ones: the messages it registered, a provider's own messages
 * (a scope, named in the locale tag: `en-US-x-pk3`) and the fallback chains of the locales it
 * added. Fetched only by a page that uses them: `registerLocale` / `registerMessages` and the
 * public `resolveLocale` bring it, and an element under a provider with `messages` fetches it
 * before it paints (`kitUpdateHold`). It imports nothing the elements import up front (the store
 * hands it what it needs, `useOverrides(createOverrides)`), so a page's bundler does not split
 * that shared code into one more file to download up front.
 */
export function createOverrides({ canonicalLocale, isBuiltIn, matchLocale, messagesRevision, warnOnce }: OverridesBase): Overrides {
  const fallbacks = new Map<string, string>();
  const registered = new Map<string, Map<string, MessageTable>>();
  /** Providers' own messages, by scope number. */
  const scopes: MessageTree[] = [];
  const scopeIds = new WeakMap<object, number>();
  const SCOPE = /-x-pk(\d+)$/i;
  /** Composed messages per catalogue and tag, until the next registration or arrival. */
  const composed = new Map<string, MessageTable>();
  let composedRevision = -1;

  const registeredLocales = () => [...fallbacks.keys()];
  const fallbackOf = (locale: string) => (locale === 'en-US' ? undefined : (fallbacks.get(locale) ?? 'en-US'));
  const registeredMessages = (catalogue: string, locale: string) => registered.get(catalogue)?.get(locale);
  const scopedMessages = (scope: number, catalogue: string, locale: string) => scopes[scope]?.[locale]?.[catalogue];

  function splitScope(tag: string): { locale: string; scope: number | undefined } {
    const found = SCOPE.exec(tag);
    return found ? { locale: tag.slice(0, found.index), scope: Number(found[1]) } : { locale: tag, scope: undefined };
  }

  function chain(tag: string): string[] {
    const locales: string[] = [];
    for (let at: string | undefined = splitScope(tag).locale; at !== undefined && !locales.includes(at); at = fallbackOf(at)) locales.push(at);
    if (!locales.includes('en-US')) locales.push('en-US');
    return locales;
  }

  /**
   * The number naming a provider's set of messages. An equal set gets the number it had, so a host
   * framework that builds a new `messages` object on every render does not pile up scopes.
   */
  function scopeOf(messages: MessageTree): number {
    const known = scopeIds.get(messages);
    if (known !== undefined) return known;
    const tree = canonicalTree(messages);
    let id = scopes.findIndex((scope) => sameTree(scope, tree));
    if (id < 0) id = scopes.push(tree) - 1;
    scopeIds.set(messages, id);
    return id;
  }

  /** A provider's messages under canonical tags; one under what is no tag is dropped, not thrown in a render. */
  function canonicalTree(messages: MessageTree): MessageTree {
    return Object.fromEntries(
      Object.entries(messages).flatMap(([locale, catalogues]) => {
        try {
          return [[canonicalLocale(locale), catalogues]];
        } catch {
          warnOnce(`"${locale}" in a provider's messages is not a locale tag; its messages are ignored.`);
          return [];
        }
      }),
    );
  }

  function compose(name: string, own: (locale: string) => MessageTable | undefined, tag: string, complete: boolean, under = name): MessageTable {
    if (composedRevision !== messagesRevision()) {
      composed.clear();
      composedRevision = messagesRevision();
    }
    const slot = `${name}|${tag}`;
    const known = composed.get(slot);
    if (known) return known;
    const { locale, scope } = splitScope(tag);
    // Where each message may come from, first match wins: down the fallback chain, ending at en-US.
    const layers: Layer[] = [];
    for (const at of chain(locale)) {
      for (const table of [scope === undefined ? undefined : scopedMessages(scope, under, at), registeredMessages(under, at), own(at)]) {
        if (table) layers.push({ locale: at, table });
      }
    }
    const shipped = own(locale);
    const messages = shipped && layers[0]?.table === shipped ? shipped : merge(name, locale, layers, Object.keys(own('en-US') ?? {}), complete);
    if (complete) composed.set(slot, messages);
    return messages;
  }

  /** A message taken from a fallback warns once in dev mode when read; a stand-in (`complete` false) does not. */
  function merge(name: string, locale: string, layers: readonly Layer[], keys: readonly string[], complete: boolean): MessageTable {
    const merged: Record<string, unknown> = {};
    for (const key of keys) {
      const from = layers.find((layer) => layer.table[key] !== undefined) as Layer;
      const value = from.table[key];
      if (from.locale === locale || !complete) merged[key] = value;
      else {
        Object.defineProperty(merged, key, {
          enumerable: true,
          get: () => {
            warnOnce(`no ${locale} message "${key}" in catalogue "${name}"; showing the ${from.locale} one.`);
            return value;
          },
        });
      }
    }
    return merged;
  }

  return {
    registeredLocales,
    fallbackOf,
    registeredMessages,
    scopedMessages,
    splitScope,
    chain,
    compose,
    addLocale(locale, fallback) {
      if (!isBuiltIn(locale)) fallbacks.set(locale, fallback);
    },
    addMessages(catalogue, locale, messages) {
      const byLocale = registered.get(catalogue) ?? new Map<string, MessageTable>();
      byLocale.set(locale, { ...byLocale.get(locale), ...messages });
      registered.set(catalogue, byLocale);
    },
    resolve(tag, messages) {
      const scope = Object.keys(messages).length > 0 ? scopeOf(messages) : undefined;
      const locale = matchLocale(tag ? splitScope(tag).locale : undefined, scope === undefined ? [] : Object.keys(scopes[scope] ?? {}));
      return scope === undefined ? locale : `${locale}-x-pk${scope}`;
    },
  };
}

interface Layer {
  locale: string;
  table: MessageTable;
}

function sameTree(a: MessageTree, b: MessageTree): boolean {
  return sameKeys(a, b, (x, y) => sameKeys(x ?? {}, y ?? {}, (p, q) => sameKeys(p ?? {}, q ?? {}, Object.is)));
}

function sameKeys<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, same: (x: T, y: T) => boolean): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key] as T, b[key] as T));
}
