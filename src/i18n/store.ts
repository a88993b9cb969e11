import { warnOnce } from './dev-mode.js';

/** Messages of one catalogue in one locale, as a host gives them: any subset of the keys. */
export type MessageTable = Readonly<Record<string, unknown>>;

/** Per locale, per catalogue: the shape of `registerLocale`'s catalogues and a provider's `messages`. */
export type MessageTree = Readonly<Record<string, Readonly<Record<string, MessageTable | undefined>> | undefined>>;

/** The locales the kit ships every message in. */
export const BUILT_IN_LOCALES = ['zh-CN', 'en-US'] as const;

const fallbacks = new Map<string, string>();
const overrides = new Map<string, Map<string, MessageTable>>();
const scopes: MessageTree[] = [];
const scopeIds = new WeakMap<object, number>();
const listeners = new Set<() => void>();
let revision = 0;

/** `ja-jp` → `ja-JP`; throws a `RangeError` for what is not a BCP 47 tag. */
export function canonicalLocale(tag: string): string {
  const [canonical] = Intl.getCanonicalLocales(tag.trim());
  if (!canonical) throw new RangeError(`Not a locale: "${tag}"`);
  return canonical;
}

export function isBuiltIn(locale: string): boolean {
  return (BUILT_IN_LOCALES as readonly string[]).includes(locale);
}

/** Makes `locale` known, taking what it lacks from `fallback`. */
export function addLocale(locale: string, fallback: string): void {
  if (!isBuiltIn(locale)) fallbacks.set(locale, fallback);
}

export function registeredLocales(): string[] {
  return [...fallbacks.keys()];
}

/** Where `locale` takes a message it lacks from; every chain ends at `en-US`. */
export function fallbackOf(locale: string): string | undefined {
  return locale === 'en-US' ? undefined : (fallbacks.get(locale) ?? 'en-US');
}

/** Adds `messages` over what was registered for the catalogue in `locale` before. */
export function addMessages(catalogue: string, locale: string, messages: MessageTable): void {
  const byLocale = overrides.get(catalogue) ?? new Map<string, MessageTable>();
  byLocale.set(locale, { ...byLocale.get(locale), ...messages });
  overrides.set(catalogue, byLocale);
}

export function registeredMessages(catalogue: string, locale: string): MessageTable | undefined {
  return overrides.get(catalogue)?.get(locale);
}

/**
 * The number naming a provider's set of messages. An equal set gets the number it had, so a host
 * framework that builds a new `messages` object on every render does not pile up scopes.
 */
export function scopeOf(messages: MessageTree): number {
  const known = scopeIds.get(messages);
  if (known !== undefined) return known;
  const tree = canonicalTree(messages);
  let id = scopes.findIndex((scope) => sameTree(scope, tree));
  if (id < 0) id = scopes.push(tree) - 1;
  scopeIds.set(messages, id);
  return id;
}

export function scopeLocales(id: number): string[] {
  return Object.keys(scopes[id] ?? {});
}

export function scopedMessages(id: number, catalogue: string, locale: string): MessageTable | undefined {
  return scopes[id]?.[locale]?.[catalogue];
}

const SCOPE = /-x-pk(\d+)$/i;

/** `en-US` in provider scope 3: `en-US-x-pk3`. */
export function scopedTag(locale: string, scope: number): string {
  return `${locale}-x-pk${scope}`;
}

/** The locale a (possibly scoped) tag is in, and the provider scope it names. */
export function splitScope(tag: string): { locale: string; scope: number | undefined } {
  const found = SCOPE.exec(tag);
  return found ? { locale: tag.slice(0, found.index), scope: Number(found[1]) } : { locale: tag, scope: undefined };
}

/** Changes with every registration, so composed catalogues know to compose again. */
export function messagesRevision(): number {
  return revision;
}

export function notifyMessagesChanged(): void {
  revision += 1;
  listeners.forEach((listener) => listener());
}

/**
 * Calls `listener` after every `registerMessages` / `registerLocale`, so elements already on the
 * page re-render in the new words. Returns the unsubscribe function.
 */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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

function sameTree(a: MessageTree, b: MessageTree): boolean {
  return sameKeys(a, b, (x, y) => sameKeys(x ?? {}, y ?? {}, (p, q) => sameKeys(p ?? {}, q ?? {}, Object.is)));
}

function sameKeys<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, same: (x: T, y: T) => boolean): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key] as T, b[key] as T));
}
