import { html, nothing } from 'lit';
import { defineMessages, type Locale } from '../i18n/locale.js';

const pagerMessages = defineMessages({
  'en-US': {
    range: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    previous: 'Previous page',
    next: 'Next page',
  },
  'zh-CN': {
    range: (from: number, to: number, total: number) => `第 ${from}–${to} 条，共 ${total} 条`,
    previous: '上一页',
    next: '下一页',
  },
});

/** Where a server-paged list stands. */
export interface PagePosition {
  offset: number;
  limit: number;
  total: number;
}

/** Previous / next and "21–40 of 64" under a server-paged table. */
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
