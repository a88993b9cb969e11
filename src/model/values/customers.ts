/**
 * The closed sets of customers and their unbind requests, without their schemas: an element lists
 * these as filter options, and importing a schema module would bring zod into the page up front.
 */

/** 代售 (resale) or 顾问销售 (referral / consultant sales). */
export const ASSOCIATION_TYPES = ['resale', 'referral'] as const;

/** Where a customer's unbind request stands. */
export const UNBIND_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
