/**
 * Where the resend part's code comes from: a chunk of its own, so a page that only shows and
 * searches invitations never downloads the resend job, its dialog or its progress panel. Not part
 * of the kit's API: a test swaps the loader to meet the failed fetch a page meets when the network
 * drops.
 */
export const resendModule = {
  load: () => import('./resend-part.js'),
};
