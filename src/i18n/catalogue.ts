import { warnOnce } from './dev-mode.js';
import type { Locale } from './locale.js';
import { fallbackOf, messagesRevision, registeredMessages, scopedMessages, splitScope, type MessageTable } from './store.js';

/** A message: fixed text, or a function of the values it shows. */
export type Message = string | ((...args: never[]) => string);

type Shipped = Readonly<Record<'en-US' | 'zh-CN', Readonly<Record<string, Message>>>>;

const shipped = new Map<string, Shipped>();

/** Every catalogue defined so far, by name, in the words the kit ships (for tests and tools). */
export function definedCatalogues(): ReadonlyMap<string, Shipped> {
  return shipped;
}

/**
 * A message catalogue in both built-in locales, under the `name` hosts use to override it
 * (`registerMessages`, `registerLocale`, a provider's `messages`). The zh-CN half must have exactly
 * the keys and parameter types of the en-US half, so a missing translation is a type error, not a
 * blank in production. The function it returns gives the messages of a locale: a provider's
 * overrides first, then the host's registered ones, then the shipped ones, then the same along the
 * locale's fallbacks down to en-US (a message taken from a fallback warns once in dev mode).
 */
export function defineMessages<M extends Record<string, Message>>(
  catalogue: { 'en-US': M; 'zh-CN': NoInfer<M> },
  name: string,
): (locale: Locale) => M {
  shipped.set(name, catalogue);
  let composed = new Map<string, M>();
  let revision = messagesRevision();
  return (locale) => {
    if (revision !== messagesRevision()) {
      composed = new Map();
      revision = messagesRevision();
    }
    let messages = composed.get(locale);
    if (!messages) {
      messages = compose(name, catalogue, locale);
      composed.set(locale, messages);
    }
    return messages;
  };
}

interface Layer {
  locale: string;
  table: MessageTable;
}

function compose<M extends Record<string, Message>>(name: string, catalogue: Readonly<Record<string, M | undefined>>, tag: string): M {
  const { locale, scope } = splitScope(tag);
  const layers = layersOf(name, catalogue, locale, scope);
  const own = catalogue[locale];
  if (own && layers[0]?.table === own) return own;
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(catalogue['en-US'] ?? {})) {
    const from = layers.find((layer) => layer.table[key] !== undefined) as Layer;
    const value = from.table[key];
    if (from.locale === locale) merged[key] = value;
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
  return merged as M;
}

/** Where each message may come from, first match wins: down the fallback chain, ending at en-US. */
function layersOf(name: string, catalogue: Readonly<Record<string, MessageTable | undefined>>, locale: string, scope: number | undefined): Layer[] {
  const layers: Layer[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = locale; at !== undefined && !seen.has(at); at = fallbackOf(at)) {
    seen.add(at);
    const tables = [scope === undefined ? undefined : scopedMessages(scope, name, at), registeredMessages(name, at), catalogue[at]];
    for (const table of tables) if (table) layers.push({ locale: at, table });
  }
  if (!seen.has('en-US') && catalogue['en-US']) layers.push({ locale: 'en-US', table: catalogue['en-US'] });
  return layers;
}
