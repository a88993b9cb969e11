import { defineMessages, type Message } from './catalogue.js';
import type { Locale } from './locale.js';
import { fallbackOf, isBuiltIn, messagesRevision, registeredMessages, scopedMessages, splitScope, type MessageTable } from './store.js';

type Shipped<M extends Record<string, Message>> = Parameters<typeof defineMessages<M>>[0];

/**
 * The words of a part an element fetches later (`withdraw-dialog`'s contents), in a catalogue of
 * their own, `<element>-<part>`, so the element's up-front code does not carry them. Hosts keep
 * overriding them under the element's catalogue name, as before they were split off: an override
 * given for `element` in a locale wins over the part's shipped words of that locale and of the
 * locales it falls back to, as it would in one catalogue. Import it only from the part's modules:
 * one imported up front as well would put it in a chunk of its own.
 */
export function definePartMessages<M extends Record<string, Message>>(shipped: Shipped<M>, element: string, part: string): (locale: Locale) => M {
  const own = defineMessages(shipped, `${element}-${part}`);
  // Per tag, with what the part's catalogue gave for it (anew while a half arrives), until the next registration.
  let layered = new Map<string, { from: M; messages: M }>();
  let revision = messagesRevision();
  return (locale) => {
    if (revision !== messagesRevision()) {
      layered = new Map();
      revision = messagesRevision();
    }
    const from = own(locale);
    const known = layered.get(locale);
    if (known?.from === from) return known.messages;
    const messages = withOverrides(from, overridesOf(element, locale));
    layered.set(locale, { from, messages });
    return messages;
  };
}

/** What a provider's scope and the page registered for `catalogue`, down the chain of `tag` to the first locale the kit ships. */
function overridesOf(catalogue: string, tag: string): MessageTable[] {
  const { locale, scope } = splitScope(tag);
  const tables: MessageTable[] = [];
  const seen: string[] = [];
  for (let at: string | undefined = locale; at !== undefined && !seen.includes(at); at = fallbackOf(at)) {
    seen.push(at);
    if (scope !== undefined) tables.push(scopedMessages(scope, catalogue, at) ?? {});
    tables.push(registeredMessages(catalogue, at) ?? {});
    // The part ships every word here, so an override further down the chain never shows.
    if (isBuiltIn(at)) break;
  }
  return tables;
}

/** `messages` with each key an override has taken from it; a key left alone keeps its dev-mode fallback warning. */
function withOverrides<M extends Record<string, Message>>(messages: M, overrides: readonly MessageTable[]): M {
  const keys = Object.keys(messages);
  const taken = new Map<string, unknown>();
  for (const key of keys) {
    const table = overrides.find((candidate) => candidate[key] !== undefined);
    if (table) taken.set(key, table[key]);
  }
  if (taken.size === 0) return messages;
  const result = {} as M;
  for (const key of keys) {
    const descriptor = taken.has(key) ? { value: taken.get(key), enumerable: true } : Object.getOwnPropertyDescriptor(messages, key)!;
    Object.defineProperty(result, key, descriptor);
  }
  return result;
}
