import type { ReactiveControllerHost } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import type { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import type { KitController } from '../../controllers/kit-controller.js';
import type { VerifierController } from '../../controllers/verifier-controller.js';
import type { Locale } from '../../i18n/locale.js';

/** The ways whose code the element fetches the first time they are shown; the online way is always there. */
export type LoadedView = 'transfer' | 'claim';

/** What a way is built with: the element and what its ways share with it. */
export interface WayContext {
  host: ReactiveControllerHost & HTMLElement & { readonly api: PartnerApi | undefined };
  /** The adapter, locale and currency as the element resolves them. */
  kit: KitController;
  /** Fires the way's outcome events on the element, exactly once. */
  events: ConnectedEmitter;
  /** Asks for the code that enables the remittance account. */
  verifier: VerifierController<{ purpose: 'remittance-account' }>;
  /** Moves focus to `selector` once the change is drawn (the pressed control may be gone). */
  focus: (selector: string) => void;
}

/** One way of topping up, as the element drives it: its flows, its lists and what it draws. */
export interface Way {
  /** Before each update of the element; `shown` while its tab is selected, when it loads what it shows. */
  prepare(shown: boolean): void;
  /** The user came back to its tab from another. */
  reopened?(): void;
  /** The step drawn, to tell when focus must follow a step that replaced the pressed control. */
  readonly step: string;
  render(locale: Locale): unknown;
}

export type WayClass = new (context: WayContext) => Way;

/**
 * Where each way's code comes from: a chunk of its own, so a page that only tops up online never
 * downloads the remittance account, the claims, their lists or `<masked-field>`. Not part of the
 * kit's API: a test swaps a loader to meet the failed fetch a page meets when the network drops.
 */
export const wayModules: Record<LoadedView, () => Promise<WayClass>> = {
  transfer: async () => (await import('./transfer-way.js')).TransferWay,
  claim: async () => (await import('./claim-way.js')).ClaimWay,
};
