import { warnOnce } from './dev-mode.js';

/** Messages of one catalogue in one locale, as a host gives them: any subset of the keys. */
export type MessageTable = Readonly<Record<string, unknown>>;

/** Per locale, per catalogue: the shape of `registerLocale`'s catalogues and a provider's `messages`. */
export type MessageTree = Readonly<Record<string, Readonly<Record<string, MessageTable | undefined>> | undefined>>;

/** The locales the kit ships every message in. */
export const BUILT_IN_LOCALES = ['zh-CN', 'en-US'] as const;

/**
 * What a host puts over the shipped words (overrides.ts): registered locales and messages, a
 * provider's own messages, the fallback chains they bring. A page that uses none of them never
 * downloads it; every catalogue is then its shipped half in the locale, else en-US.
 */
export interface Overrides {
  /** The locales a host registered. */
  registeredLocales(): string[];
  /** Makes `locale` known, taking what it lacks from `fallback`. */
  addLocale(locale: string, fallback: string): void;
  /** Adds `messages` over what was registered for the catalogue in `locale` before. */
  addMessages(catalogue: string, locale: string, messages: MessageTable): void;
  /** `tag` (unscoped) and the locales it falls back to, ending at en-US. */
  chain(tag: string): string[];
  /** The messages of a catalogue in `tag`, host words first; `complete` when every half the chain ships is here. */
  /** `name`'s messages in `tag`, with the overrides hosts gave under `under` (the catalogue's own name unless said). */
  compose(name: string, own: (locale: string) => MessageTable | undefined, tag: string, complete: boolean, under?: string): MessageTable;
  /** `resolveLocale` with a provider's messages. */
  resolve(tag: string | undefined, messages: MessageTree): string;
  fallbackOf(locale: string): string | undefined;
  registeredMessages(catalogue: string, locale: string): MessageTable | undefined;
  scopedMessages(scope: number, catalogue: string, locale: string): MessageTable | undefined;
  splitScope(tag: string): { locale: string; scope: number | undefined };
}

/** What overrides.ts is built with: the store's own functions, so that it imports nothing. */
export interface OverridesBase {
  canonicalLocale: typeof canonicalLocale;
  isBuiltIn: typeof isBuiltIn;
  matchLocale: typeof matchLocale;
  messagesRevision: typeof messagesRevision;
  warnOnce: typeof warnOnce;
}

const listeners = new Set<() => void>();
let revision = 0;
let active: Overrides | undefined;

/** The host's words over the shipped ones, once a host has given any. */
export const hostOverrides = (): Overrides | undefined => active;

/**
 * The host's words, made with `create` (overrides.ts's `createOverrides`) the first time: called by
 * what gives host words (a registration, a provider's messages) before it gives them.
 */
export function useOverrides(create: (base: OverridesBase) => Overrides): Overrides {
  if (!active) {
    active = create({ canonicalLocale, isBuiltIn, matchLocale, messagesRevision, warnOnce });
    revision += 1;
  }
  return active;
}

/** `ja-jp` → `ja-JP`; throws a `RangeError` for what is not a BCP 47 tag. */
export function canonicalLocale(tag: string): string {
  const [canonical] = Intl.getCanonicalLocales(tag.trim());
  if (!canonical) throw new RangeError(`Not a locale: "${tag}"`);
  return canonical;
}

export function isBuiltIn(locale: string): boolean {
  return (BUILT_IN_LOCALES as readonly string[]).includes(locale);
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

/**
 * What `matchLocale` answered, per registration revision: an element asks for its locale in every
 * render, and a 100,000-row table renders on each keystroke; `Intl.getCanonicalLocales` is not free.
 */
const matched = new Map<string, string>();
let matchedRevision = -1;

/**
 * Maps any BCP 47 tag onto a locale the kit speaks: the same tag if it is built in, registered or
 * in `extra` (letter case aside), else one of the same language, else `en-US`.
 */
export function matchLocale(tag: string | undefined, extra: readonly string[] = []): string {
  if (matchedRevision !== revision) {
    matched.clear();
    matchedRevision = revision;
  }
  const key = `${tag ?? ''}|${extra.join(',')}`;
  let locale = matched.get(key);
  if (locale === undefined) {
    locale = matchUncached(tag, extra);
    matched.set(key, locale);
  }
  return locale;
}

function matchUncached(tag: string | undefined, extra: readonly string[]): string {
  let wanted: string;
  try {
    wanted = canonicalLocale(tag ?? '').toLowerCase();
  } catch {
    return 'en-US';
  }
  const known = [...BUILT_IN_LOCALES, ...(active?.registeredLocales() ?? []), ...extra];
  const language = (locale: string) => locale.split('-')[0]?.toLowerCase();
  return known.find((locale) => locale.toLowerCase() === wanted) ?? known.find((locale) => language(locale) === language(wanted)) ?? 'en-US';
}
