import * as z from 'zod/mini';
import { Id, Instant, PageRequest, pageOf } from './common.js';
import { ASSOCIATION_TYPES } from '../values/customers.js';

/** 代售 (resale) or 顾问销售 (referral / consultant sales); coupon APIs serve resale customers only. */
export const AssociationType = z.enum(ASSOCIATION_TYPES);
export type AssociationType = z.infer<typeof AssociationType>;

export const Customer = z.object({
  id: Id,
  accountName: z.string(),
  /** Real-name-authenticated name. Personal data: the kit shows it masked by default. */
  name: z.string(),
  /** `country code-number`, e.g. `0086-13912345678`. */
  mobile: z.optional(z.string()),
  email: z.optional(z.string()),
  associationType: AssociationType,
  associatedAt: z.optional(Instant),
  frozen: z.boolean(),
});
export type Customer = z.infer<typeof Customer>;
export const CustomerPage = pageOf(Customer);

export const SearchCustomersRequest = z.extend(PageRequest, {
  query: z.optional(z.string().check(z.maxLength(64))),
  /** Which field `query` matches: the real name (default) or the account name. */
  by: z.optional(z.enum(['name', 'account'])),
});
export type SearchCustomersRequest = z.infer<typeof SearchCustomersRequest>;
