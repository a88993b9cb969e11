/** What a page has downloaded of the kit's code so far, read from resource timing. */

// The default buffer of 250 entries could drop fetches.
performance.setResourceTimingBufferSize(10_000);

/** The kit's modules this page has fetched so far. */
export function modulesFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${location.origin}/src/`));
}

/** Which of `words` the source of the kit's modules fetched so far contains. */
export async function wordsFetched(words: readonly string[]): Promise<string[]> {
  const sources = await Promise.all(modulesFetched().map(async (url) => (await fetch(url)).text()));
  return words.filter((word) => sources.some((source) => source.includes(word)));
}

/** The text of every button in `el`'s shadow root, in order: what a user reads on its actions. */
export const buttonTexts = (el: Element) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
