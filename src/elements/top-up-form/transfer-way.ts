import { RemittanceAccountFlow } from '../../core/payments/remittance-account-flow.js';
import type { RemittanceAccountState } from '../../core/payments/remittance-account-state.js';
import { remittanceList } from '../../core/payments/remittance-lists.js';
import type { Remittance } from '../../model/schemas/remittance.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { API_CHANGE_EVENT } from '../../controllers/kit-controller.js';
import { ServerListController } from '../../controllers/server-list-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import type { Locale } from '../../i18n/locale.js';
import { download } from '../../qr/qr-png.js';
import '../../masked-field.js';
import type { RemittanceAccountEnabledDetail } from './top-up-form.js';
import { renderTransfer } from './transfer-panel.js';
import type { Way, WayContext } from './way.js';

/** The bank-transfer way (转账汇款): the dedicated remittance account, its SMS cooldown and the transfers to it. */
export class TransferWay implements Way {
  readonly #context: WayContext;
  readonly #account: RemittanceAccountFlow;
  readonly #view: FlowController<RemittanceAccountState>;
  readonly #transfers: ServerListController<'status', Remittance>;
  readonly #cooldown: TickerController;

  constructor(context: WayContext) {
    const { host, kit, events, verifier } = context;
    this.#context = context;
    this.#account = new RemittanceAccountFlow({
      api: () => kit.api(),
      verify: (request) => verifier.verify(request),
      onEnabled: (account) => events.emit<RemittanceAccountEnabledDetail>('remittance-account-enabled', { enabledAt: account.enabledAt }),
    });
    this.#view = new FlowController(host, this.#account);
    this.#transfers = new ServerListController(host, remittanceList(() => kit.api()));
    this.#cooldown = new TickerController(host, { ms: 1000, onTick: () => this.#account.smsCooldownLeft() > 0 });
    // The account shown came from the adapter that was replaced: show the new one's (the list reloads itself).
    host.addEventListener(API_CHANGE_EVENT, () => void this.#account.reload());
  }

  get step(): string {
    return this.#view.state.step;
  }

  prepare(shown: boolean): void {
    if (shown) {
      void this.#account.start();
      if (this.#view.state.step === 'enabled' && this.#transfers.list.state.load.status === 'idle') void this.#transfers.list.reload();
    }
    if (this.#account.smsCooldownLeft() > 0 && !this.#cooldown.running) this.#cooldown.start();
  }

  /** Transfers are matched on the backend meanwhile: coming back to the account shows where they stand now. */
  reopened(): void {
    if (this.#transfers.list.state.page) void this.#transfers.list.reload();
  }

  render(locale: Locale): unknown {
    const { host, focus } = this.#context;
    return renderTransfer({ flow: this.#account, transfers: this.#transfers, locale, api: host.api, download: () => void this.#downloadProof(), focus }, this.#view.state);
  }

  async #downloadProof(): Promise<void> {
    const file = await this.#account.downloadProof();
    if (file) download(file.blob, file.name);
  }
}
