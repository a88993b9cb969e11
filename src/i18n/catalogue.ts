import { warnOnce } from './dev-mode.js';
import type { Locale } from './locale.js';
import { hostOverrides, notifyMessagesChanged, type BUILT_IN_LOCALES } from './store.js';

/** A message: fixed text, or a function of the values it shows. */
export type Message = string | ((...args: never[]) => string);

/**
 * A catalogue's half in one locale, kept out of what a page downloads up front: its module,
 * fetched (`() => import('../zh-CN/pager.js')`) the first time an element needs that locale.
 */
export type Fetched<M> = () => Promise<{ readonly default: M }>;

/** The locales the kit ships besides en-US, which every locale falls back to and so is always inline. */
type OtherLocale = Exclude<(typeof BUILT_IN_LOCALES)[number], 'en-US'>;

type Table = Readonly<Record<string, Message>>;

interface Half {
  readonly locale: string;
  table: Table | undefined;
  readonly fetch: Fetched<Table> | undefined;
  arriving: Promise<void> | undefined;
  /** Its last fetch failed: a render does not fetch it again, the next update's hold does (see `messagesFailed`). */
  failed: boolean;
}

interface Catalogue {
  readonly 'en-US': Table;
  readonly others: ReadonlyMap<string, Half>;
}

const catalogues = new Map<string, Catalogue>();
/** Halves a page imported up front (`partner-kit/locales/zh-CN.js`), kept for catalogues defined after it. */
const provided = new Map<string, Map<string, Table>>();

/**
 * A message catalogue in the built-in locales, under the `name` hosts use to override it
 * (`registerMessages`, `registerLocale`, a provider's `messages`) — or under `overriddenUnder`: the
 * words of a part an element fetches later (`withdraw-dialog`'s contents) are a catalogue of their
 * own, `withdraw-dialog-contents`, so the element's up-front code does not carry them, and hosts
 * keep overriding them under the element's name. Import such a catalogue only from the part's
 * modules: one imported up front as well would put it in a chunk of its own. en-US is given inline; another
 * locale inline or, to keep it out of a page's first download, as the module whose default export
 * it is, fetched on first need: `'zh-CN': () => import('../zh-CN/pager.js')`. Either way it must
 * have every key of en-US with the same parameter types, so a missing translation is a type error
 * here, not a blank in production (test/i18n/catalogues.test.ts catches a key en-US lacks).
 *
 * The function it returns gives the messages of a locale: the shipped ones, else en-US's; once a
 * host gives words of its own (overrides.ts), a provider's overrides first, then the host's
 * registered ones, then the shipped ones, then the same along the locale's fallbacks down to en-US
 * (a message taken from a fallback warns once in dev mode). Elements fetch their locale's
 * halves before they paint (`kitUpdateHold`); a half still missing when the function is called (a
 * catalogue defined after that fetch and used in the same render) starts its fetch — unless its
 * last fetch failed, which the next update retries — and the fallback's words stand in, without a
 * warning, until it arrives, when `onMessagesChange` listeners (every kit element) draw again.
 */
export function defineMessages<M extends Record<string, Message>>(
  shipped: { 'en-US': M } & { [L in OtherLocale]: NoInfer<M> | Fetched<NoInfer<M>> },
  name: string,
  overriddenUnder = name,
): (locale: Locale) => M {
  const others = new Map<string, Half>();
  for (const [locale, half] of Object.entries(shipped)) {
    if (locale === 'en-US') continue;
    const fetched = typeof half === 'function';
    others.set(locale, {
      locale,
      table: fetched ? provided.get(locale)?.get(name) : (half as Table),
      fetch: fetched ? (half as Fetched<Table>) : undefined,
      arriving: undefined,
      failed: false,
    });
  }
  const catalogue: Catalogue = { 'en-US': shipped['en-US'], others };
  catalogues.set(name, catalogue);
  const own = (locale: string) => (locale === 'en-US' ? catalogue['en-US'] : others.get(locale)?.table);
  return (locale) => {
    const overrides = hostOverrides();
    const lacking = lackingHalves(catalogue, overrides ? overrides.chain(locale) : [locale]);
    for (const half of lacking) if (!half.failed) void fetchHalf(half);
    return (overrides ? overrides.compose(name, own, locale, lacking.length === 0, overriddenUnder) : (own(locale) ?? catalogue['en-US'])) as M;
  };
}

/**
 * Starts fetching every half that a catalogue defined so far lacks in `locale` or a locale it falls
 * back to; resolves when they have come or failed (never rejects: a failure warns once in dev mode,
 * the words stay the fallback's, and the next call fetches again). `undefined` when nothing is
 * missing, at once: en-US never waits.
 */
export const fetchMessages = (locale: Locale): Promise<void> | undefined => awaited(locale, fetchHalf);

/**
 * Whether words of `locale` or a locale it falls back to could not be fetched (the last try
 * failed): elements then show the en-US words throughout, never a mix of two languages, until an
 * update or the browser coming back online fetches them again.
 */
export function messagesFailed(locale: Locale): boolean {
  // Read by every element's `locale` on every render: nothing failed is the usual answer, at once.
  if (failing === 0) return false;
  const chain = hostOverrides()?.chain(locale) ?? [locale];
  return [...catalogues.values()].some((catalogue) => lackingHalves(catalogue, chain).some((half) => half.failed));
}

/** The halves of `locale` or its fallbacks on their way (without starting any); `undefined` when none is. */
export const messagesArriving = (locale: Locale): Promise<void> | undefined => awaited(locale, (half) => half.arriving ?? []);

function awaited(locale: Locale, wait: (half: Half) => Promise<void> | never[]): Promise<void> | undefined {
  const chain = hostOverrides()?.chain(locale) ?? [locale];
  const waits = [...catalogues.values()].flatMap((catalogue) => lackingHalves(catalogue, chain).flatMap(wait));
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}

/** Makes the halves in `locale` of the named catalogues present at once, whether defined yet or not. */
export function provideMessages(locale: OtherLocale, tables: Readonly<Record<string, Table>>): void {
  const byName = provided.get(locale) ?? new Map<string, Table>();
  provided.set(locale, byName);
  let filled = false;
  for (const [name, table] of Object.entries(tables)) {
    byName.set(name, table);
    const half = catalogues.get(name)?.others.get(locale);
    if (half && !half.table) {
      half.table = table;
      filled = true;
    }
  }
  // Elements that stood in the fallback's words for these draw again in their own.
  if (filled) notifyMessagesChanged();
}

/**
 * Every catalogue defined so far, by name, in the words the kit ships in each built-in locale (for
 * tests and tools): fetches the halves not yet here first, and rejects if one cannot be fetched.
 */
export async function definedCatalogues(): Promise<ReadonlyMap<string, Readonly<Record<'en-US' | OtherLocale, Table>>>> {
  const halves = [...catalogues.values()].flatMap((catalogue) => [...catalogue.others.values()]);
  await Promise.all(halves.map(fetchHalf));
  const missing = halves.filter((half) => !half.table).map((half) => half.locale);
  if (missing.length > 0) throw new Error(`Could not fetch the ${missing.join(', ')} messages.`);
  return new Map(
    [...catalogues].map(([name, catalogue]) => [
      name,
      { 'en-US': catalogue['en-US'], ...Object.fromEntries([...catalogue.others].map(([locale, half]) => [locale, half.table])) } as Record<'en-US' | OtherLocale, Table>,
    ]),
  );
}

/** Fetches settled since the last `notifyMessagesChanged`, and whether any brought words. */
let inFlight = 0;
let arrived = false;
/** How many halves' last fetch failed. */
let failing = 0;

function fetchHalf(half: Half): Promise<void> {
  if (half.table || !half.fetch) return Promise.resolve();
  if (!half.arriving) {
    inFlight += 1;
    half.arriving = half.fetch().then(
      (module) => {
        half.table = module.default;
        if (half.failed) failing -= 1;
        half.failed = false;
        arrived = true;
        settled(half);
      },
      () => {
        if (!half.failed) failing += 1;
        half.failed = true;
        warnOnce(`could not fetch the ${half.locale} messages; showing en-US until an update fetches them again.`);
        // Back online, every element draws again, and its update fetches what failed.
        globalThis.addEventListener?.('online', notifyMessagesChanged, { once: true });
        settled(half);
      },
    );
  }
  return half.arriving;
}

/** Elements draw again once per burst of arrivals, not once per catalogue. */
function settled(half: Half): void {
  half.arriving = undefined;
  inFlight -= 1;
  if (inFlight > 0 || !arrived) return;
  arrived = false;
  notifyMessagesChanged();
}

function lackingHalves(catalogue: Catalogue, chain: readonly string[]): Half[] {
  return chain.flatMap((locale) => {
    const half = catalogue.others.get(locale);
    return half && !half.table ? [half] : [];
  });
}
