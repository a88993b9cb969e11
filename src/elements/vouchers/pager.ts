import { html, nothing } from 'lit';
import { errorMessage } from '../../i18n/error-messages.js';
import type { PagedState } from '../../core/paged-list.js';
import type { Locale } from '../../i18n/locale.js';
import { voucherMessages } from './voucher-messages.js';

/** Previous / next and "21–40 of 64" under a server-paged table. */
export function renderPager(state: PagedState<object, unknown>, locale: Locale, goTo: (offset: number) => void) {
  const m = voucherMessages(locale);
  if (state.total === 0) return nothing;
  const from = state.offset + 1;
  const to = Math.min(state.offset + state.limit, state.total);
  return html`<nav class="pager" aria-label=${m.range(from, to, state.total)}>
    <button type="button" ?disabled=${state.offset === 0} @click=${() => goTo(state.offset - state.limit)}>${m.previous}</button>
    <span aria-live="polite">${m.range(from, to, state.total)}</span>
    <button type="button" ?disabled=${to >= state.total} @click=${() => goTo(state.offset + state.limit)}>${m.next}</button>
  </nav>`;
}

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
