import type { ReactiveElement } from 'lit';
import type { Invitation } from '../../model/schemas/invitations.js';
import type { InviteTableFlow } from '../../core/invites/invite-table-flow.js';
import { ResendJob, resendActive, type ResendApi, type ResendJobRun } from '../../core/invites/resend-job.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { deepActiveElement } from '../../controllers/focus.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import type { Locale } from '../../i18n/locale.js';
import { emit } from '../events.js';
import type { InvitationsResentDetail } from './invite-table.js';
// Straight from its file: through the styles index it would be bundled with the sheets the first screen needs.
import { dialogBase } from '../../styles/dialog.js';
import { adoptLateStyles } from '../late-styles.js';
import { renderResendConfirm, renderResendProgress, type InviteMessages } from './batch-resend-view.js';

/** What the live region says, worded on render so a locale switch rewords it. */
export type Announcement = (m: InviteMessages) => string;

/** What the resend part needs of its `<invite-table>`. */
export interface ResendContext {
  host: ReactiveElement;
  api: () => Promise<ResendApi>;
  table: InviteTableFlow;
  /** Read when a job starts. */
  concurrency: () => number;
  announce: (announcement: Announcement) => void;
  /** Focus goes back to the rows: the progress panel was closed, or a batch too small for one has no panel to take it. */
  closed: () => void;
}

/**
 * The resend half of `<invite-table>`, fetched when first used (or once the browser is idle):
 * the job that resends one row or a batch, the batch confirmation, the progress panel and the
 * countdown of a rate-limit pause. One per element, made once: its job keeps each row's
 * idempotency key for the life of the element, so nothing is sent twice.
 */
export class ResendPart {
  readonly #context: ResendContext;
  readonly #job: ResendJob;
  readonly #jobView: FlowController<ResendJob['state']>;
  // The countdown of a rate-limit pause is redrawn each second while a job runs.
  readonly #ticker: TickerController;
  readonly #modal: ModalController;
  /** The batch confirmation: the rows it will send to, and how many selected ones it leaves out. */
  #confirming: { rows: Invitation[]; associated: number } | undefined;

  constructor(context: ResendContext) {
    this.#context = context;
    const { host } = context;
    // Made in the element's update, before the confirmation's first render: it never paints unstyled.
    adoptLateStyles(host, dialogBase);
    this.#job = new ResendJob({ api: context.api });
    this.#jobView = new FlowController(host, this.#job);
    this.#ticker = new TickerController(host, { ms: 1000 });
    // Its opener, Resend selected, is disabled while the batch runs: the panel takes focus then.
    this.#modal = new ModalController(host, {
      isOpen: () => this.#confirming !== undefined,
      onRequestClose: () => this.#confirm(undefined),
      fallbackFocus: () => this.#panelButton(),
    });
  }

  /** A job is under way: the batch button waits for it. */
  get active(): boolean {
    return resendActive(this.#jobView.state);
  }

  /** Opens the batch confirmation for `rows`, naming how many selected ones it leaves out. */
  ask(rows: Invitation[], associated: number): void {
    this.#confirm({ rows, associated });
  }

  /** Resends one row, or adds it to the batch under way. */
  async resendOne(row: Invitation): Promise<void> {
    const job = this.#job.state;
    const name = row.maskedName;
    if (resendActive(job)) {
      // The running batch takes the row and reports it with its own event; a stopping one cannot.
      if (job.status === 'cancelling') this.#context.announce((m) => m.cancelling);
      else {
        this.#context.announce((m) => m.queued(name));
        void this.#job.run([row]);
      }
      return;
    }
    const { progress } = await this.#run(() => this.#job.run([row]));
    if (progress.succeeded.length === 1) this.#context.announce((m) => m.sentOne(name));
    else if (progress.unknown.length === 1) this.#context.announce((m) => m.failedItem(name, m.unknownText));
    else if (progress.failed.length === 1) this.#context.announce((m) => m.failedItem(name, m.resendFailed));
  }

  /** Stops sending new rows: the element left the page. */
  cancel(): void {
    this.#job.cancel();
  }

  render(locale: Locale, m: InviteMessages) {
    const progress = renderResendProgress(this.#jobView.state, m, locale, {
      name: (id) => this.#context.table.row(id)?.maskedName ?? id,
      cancel: () => this.#job.cancel(),
      retry: () => void this.#run(() => this.#job.retryFailed()),
      close: () => this.#closeProgress(),
    });
    const confirm = renderResendConfirm(this.#confirming ?? { rows: [], associated: 0 }, m, {
      cancel: () => this.#modal.requestClose('close-button'),
      confirm: this.#start,
    });
    return { progress, confirm };
  }

  #confirm(confirming: { rows: Invitation[]; associated: number } | undefined): void {
    this.#confirming = confirming;
    this.#context.host.requestUpdate();
  }

  readonly #start = (): void => {
    const rows = this.#confirming?.rows ?? [];
    this.#confirm(undefined);
    void this.#run(() => this.#job.run(rows), { fromSelection: true });
    // The dialog hands focus back to its opener, which a running batch disables: the panel takes it, or the rows when a batch of one has none.
    void this.#context.host.updateComplete.then(() => {
      const panel = this.#panelButton();
      if (panel) panel.focus();
      else this.#context.closed();
    });
  };

  async #run(start: () => Promise<ResendJobRun>, { fromSelection = false } = {}): Promise<ResendJobRun> {
    const { host, table } = this.#context;
    this.#job.concurrency = this.#context.concurrency();
    this.#ticker.start();
    const result = await start();
    this.#ticker.stop();
    // A batch of the selection is done with it: the failed rows stay one "retry" away in the panel.
    if (fromSelection) table.clearSelection();
    const { succeeded, failed, unknown } = result.progress;
    // The rows show what the backend answered: its send time and link expiry, not ours. A row of unknown outcome keeps what it showed.
    table.markResent(succeeded);
    if (succeeded.length + failed.length + unknown.length > 0) {
      emit<InvitationsResentDetail>(host, 'invitations-resent', {
        succeeded: succeeded.map((r) => r.invitationId),
        failed: failed.map((f) => ({ id: f.id, reason: f.error.reason ?? f.error.code })),
        unknown: [...unknown],
      });
    }
    // The Stop button the user may have been on is gone: focus goes to what can be done next.
    await host.updateComplete;
    if (this.#focusLost()) this.#focusPanel();
    return result;
  }

  #closeProgress(): void {
    this.#job.reset();
    void this.#context.host.updateComplete.then(() => this.#context.closed());
  }

  #focusPanel(): void {
    this.#panelButton()?.focus();
  }

  #panelButton(): HTMLElement | undefined {
    return this.#context.host.renderRoot.querySelector<HTMLElement>('[part=progress] .actions button:not([disabled])') ?? undefined;
  }

  /** Focus fell to the page (its element was removed or disabled), or never left this element. */
  #focusLost(): boolean {
    const active = deepActiveElement();
    const { host } = this.#context;
    return !active || active === document.body || active === host;
  }
}
