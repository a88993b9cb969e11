import type * as outcomeView from './outcome-view.js';

/** What the form shows and runs only after its first screen (the validity section's editors, what an issue sent leads to), fetched on the first Submit or opening of that section (or when the browser is idle). */
export type OutcomePart = typeof outcomeView;

/** Where the form fetches that part from; a test swaps `load` to watch or fail the fetch. */
export const outcomePart = {
  load: (): Promise<OutcomePart> => import('./outcome-view.js'),
};
