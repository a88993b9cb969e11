import type * as reclaimDialog from './reclaim-dialog.js';

/** The reclaim dialog's code, fetched the first time a Reclaim button is pressed (or when the browser is idle). */
export type ReclaimPart = typeof reclaimDialog;

/** Where the element fetches the reclaim dialog from; a test swaps `load` to watch or fail the fetch. */
export const reclaimPart = {
  load: (): Promise<ReclaimPart> => import('./reclaim-dialog.js'),
};
