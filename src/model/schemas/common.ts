import * as z from 'zod/mini';
import { MAX_MINOR } from '../decimal.js';

/** An amount in integer minor units (fen for CNY). */
export const MinorUnits = z.int().check(z.gte(0), z.lte(MAX_MINOR));

/** An ISO 8601 instant in UTC, e.g. `2026-05-06T08:05:01Z`. */
export const Instant = z.string().check(z.maxLength(40), z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/));

/** An ISO 4217 currency code. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An identifier as the backend issues it. */
export const Id = z.string().check(z.minLength(1), z.maxLength(128));

/** Offset paging as the partner API does it: a 0-based record offset, at most 100 a page. */
export const PageRequest = z.object({
  offset: z.int().check(z.gte(0)),
  limit: z.int().check(z.gte(1), z.lte(100)),
});
export type PageRequest = z.infer<typeof PageRequest>;

/** One page of a list plus the number of matches in all. */
export interface Page<T> {
  items: T[];
  total: number;
  /** Rows the backend sent that the adapter could not read (e.g. a status it does not know): left out of `items`. */
  skipped?: number | undefined;
}

/** Builds the schema of a page of `item`. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), total: z.int().check(z.gte(0)), skipped: z.optional(z.int().check(z.gte(0))) });
}

/** A failure the backend reported for one item of a batch. */
export const ItemError = z.object({
  code: z.string(),
  reason: z.optional(z.string()),
  backendCode: z.optional(z.string()),
  message: z.string(),
});
export type ItemError = z.infer<typeof ItemError>;
