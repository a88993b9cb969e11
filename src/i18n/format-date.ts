const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  let cached = formats.get(`${locale}|${key}`);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formats.set(`${locale}|${key}`, cached);
  }
  return cached;
}

/** `2026/11/24 14:05` / `11/24/26, 2:05 PM`: an instant as the locale writes date and time. */
export function formatDateTime(iso: string, locale: string): string {
  return format(locale, { dateStyle: 'short', timeStyle: 'short' }, 'datetime').format(new Date(iso));
}

/** `2026/11/24` / `11/24/2026`: an instant's calendar date as the locale writes it. */
export function formatDate(iso: string, locale: string): string {
  return format(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'date').format(new Date(iso));
}
