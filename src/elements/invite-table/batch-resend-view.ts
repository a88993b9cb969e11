import { html, nothing } from 'lit';
import { resendActive, type ResendJobState } from '../../core/invites/resend-job.js';
import type { Invitation } from '../../model/schemas/invitations.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { Locale } from '../../i18n/locale.js';
import { inviteMessages } from '../../i18n/messages/invite-table.js';

/** What the progress panel's buttons do, and how it names a row. */
export interface ResendProgressActions {
  name: (id: string) => string;
  cancel: () => void;
  retry: () => void;
  close: () => void;
}

const FAILURES_LISTED = 20;
const CONFIRM_LISTED = 50;

/** The batch confirmation: how many, and who (masked). The `<dialog>` is opened and closed by the element's ModalController. */
export function renderResendConfirm(rows: readonly Invitation[], locale: Locale, actions: { cancel: () => void; confirm: () => void }) {
  const m = inviteMessages(locale);
  return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
    <h2 id="confirm-title">${m.confirmTitle(rows.length)}</h2>
    <p id="confirm-text">${m.confirmText}</p>
    <ul class="confirm-list" tabindex="0" aria-labelledby="confirm-title">
      ${rows.slice(0, CONFIRM_LISTED).map((r) => html`<li>${r.maskedName} · ${r.maskedMobile}</li>`)}
      ${rows.length > CONFIRM_LISTED ? html`<li class="muted">${m.more(rows.length - CONFIRM_LISTED)}</li>` : nothing}
    </ul>
    <div class="actions">
      <button type="button" @click=${actions.cancel}>${m.cancel}</button>
      <button type="button" class="primary" data-focus @click=${actions.confirm}>${m.ok}</button>
    </div>
  </dialog>`;
}

/**
 * The batch resend panel: progress, the rate-limit countdown, the rows that failed and what can be
 * done next. Nothing for a single row's resend unless the job itself failed.
 */
export function renderResendProgress(job: ResendJobState, locale: Locale, actions: ResendProgressActions) {
  const m = inviteMessages(locale);
  if (job.status === 'idle' || (job.progress.total <= 1 && job.status !== 'failed')) return nothing;
  const { total, done, succeeded, failed, skipped } = job.progress;
  const active = resendActive(job);
  const waiting = job.status === 'paused-rate-limited' ? Math.ceil((job.until - Date.now()) / 1000) : 0;
  return html`<section part="progress" class="progress" aria-label=${m.progressLabel}>
    <progress max=${total} .value=${done} aria-label=${m.progressLabel}></progress>
    <p aria-live="polite">${m.progress(done, total, succeeded.length, failed.length, skipped.length)}</p>
    ${waiting > 0 ? html`<p class="muted">${m.waiting(waiting)}</p>` : nothing}
    ${job.status === 'cancelling' ? html`<p class="muted">${m.cancelling}</p>` : nothing}
    ${job.status === 'done' ? html`<p>${m.finished}</p>` : nothing}
    ${job.status === 'cancelled' ? html`<p>${m.cancelled}</p>` : nothing}
    ${job.status === 'failed' ? html`<p role="alert">${m.resendFailed} ${errorMessage(job.error, locale)}</p>` : nothing}
    ${failed.length > 0
      ? html`<ul class="failures">
          ${failed.slice(0, FAILURES_LISTED).map((f) => html`<li>${actions.name(f.id)}: ${errorMessage(f.error, locale)}</li>`)}
          ${failed.length > FAILURES_LISTED ? html`<li class="muted">${m.more(failed.length - FAILURES_LISTED)}</li>` : nothing}
        </ul>`
      : nothing}
    <div class="actions">
      ${active && job.status !== 'cancelling' ? html`<button type="button" @click=${actions.cancel}>${m.cancelJob}</button>` : nothing}
      ${!active && failed.length > 0 ? html`<button type="button" class="primary" @click=${actions.retry}>${m.retryFailed(failed.length)}</button>` : nothing}
      ${!active ? html`<button type="button" @click=${actions.close}>${m.close}</button>` : nothing}
    </div>
  </section>`;
}
