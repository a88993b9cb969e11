import { html, nothing } from 'lit';
import { errorMessage } from '../../i18n/error-messages.js';
import type { PagedState } from '../../core/paged-list.js';
import type { Locale } from '../../i18n/locale.js';
import { voucherMessages } from './voucher-messages.js';

/** Why the list is empty: still loading, nothing matches, or the backend failed (with a retry). */
export function renderListStatus(state: PagedState<object, unknown>, locale: Locale, failed: string, reload: () => void) {
  const m = voucherMessages(locale);
  if (state.error) {
    return html`<p part="error" role="alert">${failed} ${errorMessage(state.error, locale)} <button type="button" @click=${reload}>${m.retry}</button></p>`;
  }
  if (!state.loaded && state.loading) return html`<p class="muted">${m.loading}</p>`;
  if (state.loaded && state.total === 0) return html`<p class="muted">${m.none}</p>`;
  return nothing;
}
