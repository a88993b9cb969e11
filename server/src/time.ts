/** The API's UTC time format, without milliseconds: `2026-05-06T08:05:01Z`. */
export function instant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const DAY = 86_400_000;
