import type { Locale } from './locale.js';

/**
 * The kit's one date style and one date-time style, the same in every locale: `Intl` writes them
 * the locale's way (`2026/11/24` · `11/24/2026`; `2026/11/24 14:05` · `11/24/2026, 2:05 PM`).
 */
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: 'numeric', minute: '2-digit' };

/** `2026-11-24`: a calendar date with no time of day, not an instant. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  let cached = formats.get(`${locale}|${key}`);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formats.set(`${locale}|${key}`, cached);
  }
  return cached;
}

/** An instant as the locale writes date and time. Text that is no date comes back as it is. */
export function formatDateTime(iso: string, locale: Locale): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatter(locale, DATE_TIME, 'date-time').format(instant);
}

/**
 * An instant's calendar date where the user is, or a calendar date (`2026-11-24`, as a date input
 * gives it) as that same day everywhere, as the locale writes it.
 */
export function formatDate(iso: string, locale: Locale): string {
  const calendar = CALENDAR_DATE.test(iso);
  const instant = new Date(calendar ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return calendar ? formatter(locale, { ...DATE, timeZone: 'UTC' }, 'calendar-date').format(instant) : formatter(locale, DATE, 'date').format(instant);
}

/** A span of days, both ends in the date style: `2026/11/24 – 2027/01/03`. */
export function formatDateRange(from: string, to: string, locale: Locale): string {
  return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
}
