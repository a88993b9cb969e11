import * as z from 'zod/mini';
import { apiAmountToMinor } from '../../../model/decimal.js';
import type { Page } from '../../../model/schemas/common.js';

/**
 * The wire format's building blocks: snake_case fields and amounts in yuan as the partner API sends
 * them; each domain's schemas validate a response and map it onto the kit's domain types in one step.
 */

export const Yuan = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const minor = apiAmountToMinor(value);
    if (minor === undefined) ctx.issues.push({ code: 'custom', message: 'amount', input: value });
    return minor ?? 0;
  }),
);

export const Str = z.string();
export const OptStr = z.optional(z.nullable(z.string()));
export const Count = z.int().check(z.gte(0));
export const IntLike = z.pipe(z.union([z.int(), z.string().check(z.regex(/^-?\d+$/))]), z.transform(Number));

/**
 * A list read row by row: a row the kit cannot read (a negative balance, a status code it does not
 * know) is left out and counted in `skipped`, so one odd row never costs the user the whole list
 * and never shows as something it is not. `map` answers `undefined` for a row it cannot place.
 */
export function rows<I extends z.ZodMiniType, O>(item: I, map: (row: z.output<I>) => O | undefined) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((list) => {
      const items: O[] = [];
      for (const raw of list) {
        const parsed = item.safeParse(raw);
        const mapped = parsed.success ? map(parsed.data as z.output<I>) : undefined;
        if (mapped !== undefined) items.push(mapped);
      }
      return { items, skipped: list.length - items.length };
    }),
  );
}

/** A page whose rows were read by {@link rows}. */
export function page<T>(total: number, read: { items: T[]; skipped: number }): Page<T> {
  return { total, items: read.items, ...(read.skipped > 0 ? { skipped: read.skipped } : {}) };
}

export const present = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
