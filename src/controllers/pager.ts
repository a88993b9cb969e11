import { html, nothing } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { pagerMessages } from '../i18n/messages/pager.js';

/** Where a server-paged list stands: `offset` is where the page shown starts. */
export interface PagePosition {
  offset: number;
  limit: number;
  total: number;
}

/** Previous / next and "21–40 of 64" under a server-paged table; style with the shared `pager` sheet. */
export function renderPager(page: PagePosition, locale: Locale, goTo: (offset: number) => void) {
  const m = pagerMessages(locale);
  if (page.total === 0) return nothing;
  const from = page.offset + 1;
  const to = Math.min(page.offset + page.limit, page.total);
  return html`<nav class="pager" aria-label=${m.range(from, to, page.total)}>
    <button type="button" ?disabled=${page.offset === 0} @click=${() => goTo(page.offset - page.limit)}>${m.previous}</button>
    <span aria-live="polite">${m.range(from, to, page.total)}</span>
    <button type="button" ?disabled=${to >= page.total} @click=${() => goTo(page.offset + page.limit)}>${m.next}</button>
  </nav>`;
}
