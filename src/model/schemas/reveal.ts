import * as z from 'zod/mini';
import { Id } from './common.js';

/** Which personal field of which record to reveal; the backend authorises and audits each reveal. */
export const RevealRequest = z.object({
  resource: z.enum(['customer', 'invitation']),
  id: Id,
  field: z.enum(['name', 'mobile', 'email']),
});
export type RevealRequest = z.infer<typeof RevealRequest>;

export const RevealResult = z.object({ value: z.string().check(z.maxLength(256)) });
export type RevealResult = z.infer<typeof RevealResult>;
