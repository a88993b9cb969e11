import type * as outcomeView from './outcome-view.js';

/** What the form shows and runs only once an issue is sent, fetched on the first Submit (or when the browser is idle). */
export type OutcomePart = typeof outcomeView;

/** Where the form fetches that part from; a test swaps `load` to watch or fail the fetch. */
export const outcomePart = {
  load: (): Promise<OutcomePart> => import('./outcome-view.js'),
};
