import * as z from 'zod/mini';
import { Str } from './common.js';

/**
 * `GET /kit/v1/intents/{key}?operation=…`: what became of a keyed call. `result` is the body the
 * call itself answered, read with that operation's own wire schema.
 */
export const IntentLookupWire = z.object({
  status: z.enum(['done', 'refused', 'pending', 'not-done']),
  result: z.optional(z.unknown()),
  error: z.optional(z.object({ error_code: Str, error_msg: z.optional(Str) })),
});
