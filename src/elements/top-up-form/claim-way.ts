import { RemittanceClaimFlow } from '../../core/payments/remittance-claim-flow.js';
import type { ClaimSearch, RemittanceClaimState } from '../../core/payments/remittance-claim-state.js';
import type { RemittanceClaim, UnclaimedRemittance } from '../../model/schemas/remittance.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { ServerListController } from '../../controllers/server-list-controller.js';
import type { Locale } from '../../i18n/locale.js';
import { renderClaim } from './claim-panel.js';
import type { RemittanceClaimedDetail } from './top-up-form.js';
import type { Way, WayContext } from './way.js';

/** The claim way (线下汇款认领): search an offline remittance, claim it, and the claim records. */
export class ClaimWay implements Way {
  readonly #claim: RemittanceClaimFlow;
  readonly #view: FlowController<RemittanceClaimState>;
  readonly #results: ServerListController<keyof ClaimSearch, UnclaimedRemittance>;
  readonly #records: ServerListController<never, RemittanceClaim>;

  constructor({ host, kit, events }: WayContext) {
    this.#claim = new RemittanceClaimFlow({
      api: () => kit.api(),
      currency: () => kit.currency,
      onClaimed: (claim) =>
        events.emit<RemittanceClaimedDetail>('remittance-claimed', { claimId: claim.id, remittanceId: claim.remittanceId, amount: claim.amount, currency: claim.currency, status: claim.status }),
    });
    this.#view = new FlowController(host, this.#claim);
    this.#results = new ServerListController(host, this.#claim.results);
    this.#records = new ServerListController(host, this.#claim.records);
  }

  get step(): string {
    return this.#view.state.step;
  }

  prepare(shown: boolean): void {
    if (shown && this.#records.list.state.load.status === 'idle') void this.#records.list.reload();
  }

  /** Reviews are decided on the backend meanwhile: coming back to the claims shows where they stand now. */
  reopened(): void {
    if (this.#records.list.state.page) void this.#records.list.reload();
  }

  render(locale: Locale): unknown {
    return renderClaim({ flow: this.#claim, results: this.#results, records: this.#records, locale }, this.#view.state);
  }
}
