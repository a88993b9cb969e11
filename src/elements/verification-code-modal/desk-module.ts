import type * as Desk from './verification-desk.js';

/**
 * Where the code entry of `<verification-code-modal>` is fetched from: one place for the element
 * and for `VerifierController`, which asks for it beside the element's own module. Tests put a
 * slow or failing fetch in its place.
 */
export const deskModule = {
  fetch: (): Promise<typeof Desk> => import('./verification-desk.js'),
};
