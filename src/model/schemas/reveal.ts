import * as z from 'zod/mini';
import { Id } from './common.js';

/** The personal fields each kind of record can reveal. */
const REVEALABLE: Readonly<Record<string, readonly string[]>> = {
  customer: ['name', 'mobile', 'email'],
  invitation: ['name', 'mobile', 'email'],
  'remittance-account': ['accountNumber'],
};

/** Which personal field of which record to reveal; the backend authorises and audits each reveal. */
export const RevealRequest = z
  .object({
    resource: z.enum(['customer', 'invitation', 'remittance-account']),
    id: Id,
    field: z.enum(['name', 'mobile', 'email', 'accountNumber']),
  })
  .check(z.refine((r) => REVEALABLE[r.resource]?.includes(r.field) === true, { message: 'That record has no such field.', path: ['field'] }));
export type RevealRequest = z.infer<typeof RevealRequest>;

export const RevealResult = z.object({ value: z.string().check(z.maxLength(256)) });
export type RevealResult = z.infer<typeof RevealResult>;
