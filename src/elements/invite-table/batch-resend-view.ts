import { html, nothing } from 'lit';
import { resendActive, retryableFailures, type ResendFailure, type ResendJobState } from '../../core/invites/resend-job.js';
import type { Invitation } from '../../model/schemas/invitations.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { Locale } from '../../i18n/locale.js';
import { lostCause } from '../../i18n/lost-answer.js';
import type { inviteMessages } from '../../i18n/messages/invite-table.js';

/**
 * The table's words, handed in by the element: importing its catalogue here would make a host's
 * bundler split the element's own chunk out of the first download, since this part comes later.
 */
export type InviteMessages = ReturnType<typeof inviteMessages>;

/** What the progress panel's buttons do, and how it names a row. */
export interface ResendProgressActions {
  name: (id: string) => string;
  cancel: () => void;
  retry: () => void;
  close: () => void;
}

const FAILURES_LISTED = 20;
const CONFIRM_LISTED = 50;

/**
 * The batch confirmation: how many, who (masked, each name isolated so a right-to-left override
 * cannot reverse the number beside it), and how many selected customers it leaves out as already
 * associated. The `<dialog>` is opened and closed by the element's ModalController.
 */
export function renderResendConfirm(
  batch: { rows: readonly Invitation[]; associated: number },
  m: InviteMessages,
  actions: { cancel: () => void; confirm: () => void },
) {
  const { rows, associated } = batch;
  return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
    <header class="dialog-header"><h2 id="confirm-title">${m.confirmTitle(rows.length)}</h2></header>
    <div class="dialog-body">
      <p id="confirm-text">${m.confirmText}${associated > 0 ? html` <span class="skipped">${m.skipAssociated(associated)}</span>` : nothing}</p>
      <ul class="confirm-list" tabindex="0" aria-labelledby="confirm-title">
        ${rows.slice(0, CONFIRM_LISTED).map((r) => html`<li><bdi>${r.maskedName}</bdi> · <bdi>${r.maskedMobile}</bdi></li>`)}
        ${rows.length > CONFIRM_LISTED ? html`<li>${m.more(rows.length - CONFIRM_LISTED)}</li>` : nothing}
      </ul>
    </div>
    <footer class="dialog-actions">
      <button type="button" @click=${actions.cancel}>${m.cancel}</button>
      <button type="button" class="primary" data-focus @click=${actions.confirm}>${m.ok}</button>
    </footer>
  </dialog>`;
}

/**
 * The batch resend panel: progress, the rate-limit countdown, the rows that failed, those whose
 * answer never came (apart: they may have been sent) and what can be done next. Nothing for a
 * single row's resend unless it or the job did not succeed.
 */
export function renderResendProgress(job: ResendJobState, m: InviteMessages, locale: Locale, actions: ResendProgressActions) {
  if (job.status === 'idle') return nothing;
  const { total, done, succeeded, failed, unknown, skipped } = job.progress;
  if (total <= 1 && job.status !== 'failed' && failed.length + unknown.length === 0) return nothing;
  const active = resendActive(job);
  const retryable = retryableFailures(job.progress).length;
  const waiting = job.status === 'paused-rate-limited' ? Math.ceil((job.until - Date.now()) / 1000) : 0;
  return html`<section part="progress" class="progress" aria-label=${m.progressLabel}>
    <progress max=${total} .value=${done} aria-label=${m.progressLabel}></progress>
    <p aria-live="polite">${m.progress(done, total, succeeded.length, failed.length, skipped.length, unknown.length)}</p>
    ${waiting > 0 ? html`<p>${m.waiting(waiting)}</p>` : nothing}
    ${job.status === 'cancelling' ? html`<p>${m.cancelling}</p>` : nothing}
    ${job.status === 'done' ? html`<p>${m.finished}</p>` : nothing}
    ${job.status === 'cancelled' ? html`<p>${m.cancelled}</p>` : nothing}
    ${job.status === 'failed' ? html`<p role="alert">${m.resendFailed} ${errorMessage(job.error, locale)}</p>` : nothing}
    ${unknown.length > 0
      ? html`<p class="unknown"><span class="badge warning">${m.unknownTitle}</span> ${m.unknownText}</p>
          ${renderRows(unknown, m.unknownTitle, m, actions, (error) => lostCause(error, locale))}`
      : nothing}
    ${failed.length > 0 ? renderRows(failed, m.progressLabel, m, actions, (error) => errorMessage(error, locale)) : nothing}
    <div class="actions">
      ${active
        ? html`<button type="button" aria-disabled=${String(job.status === 'cancelling')} @click=${() => job.status !== 'cancelling' && actions.cancel()}>${m.cancelJob}</button>`
        : nothing}
      ${!active && retryable > 0 ? html`<button type="button" class="primary" @click=${actions.retry}>${m.retryFailed(retryable)}</button>` : nothing}
      ${!active ? html`<button type="button" @click=${actions.close}>${m.close}</button>` : nothing}
    </div>
  </section>`;
}

/**
 * Rows of one outcome, each with why: the first few, then how many more. A row of unknown outcome
 * gives the cause of the lost answer, not an error sentence asking to try again: the words above
 * it already say that sending again is safe.
 */
function renderRows(rows: readonly ResendFailure[], label: string, m: InviteMessages, actions: ResendProgressActions, why: (error: ResendFailure['error']) => string) {
  return html`<ul class="failures" tabindex="0" aria-label=${label}>
    ${rows.slice(0, FAILURES_LISTED).map((f) => html`<li><bdi>${actions.name(f.id)}</bdi>${m.itemSeparator}${why(f.error)}</li>`)}
    ${rows.length > FAILURES_LISTED ? html`<li>${m.more(rows.length - FAILURES_LISTED)}</li>` : nothing}
  </ul>`;
}
