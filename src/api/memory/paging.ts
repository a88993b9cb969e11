import type { Page } from '../../model/schemas/common.js';

/** One offset page of `items`, with the number of matches in all. */
export function page<T>(items: readonly T[], offset: number, limit: number): Page<T> {
  return { items: items.slice(offset, offset + limit), total: items.length };
}
