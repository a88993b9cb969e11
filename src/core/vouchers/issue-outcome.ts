import type { ItemError } from '../../model/schemas/common.js';
import type { IssueCouponsResult } from '../../model/schemas/coupons.js';
import type { Customer } from '../../model/schemas/customers.js';
import { KitError } from '../../model/errors.js';

/**
 * What happened to one customer of an issue. `unreported`: the backend's answer did not name the
 * customer, so whether a coupon went out is unknown; such a customer is never issued to again
 * automatically, under a new key, lest they get two.
 */
export type CustomerOutcome =
  | { status: 'issued'; customer: Customer; couponId: string }
  | { status: 'failed'; customer: Customer; error: ItemError }
  | { status: 'unreported'; customer: Customer };

/**
 * Reads the backend's answer per customer asked for, on top of `earlier` outcomes (a retry's answer
 * replaces the failures it retried). Ids the backend names but was never asked about are not
 * customers of this issue: they come back as a `malformed-response` error, not as rows.
 */
export function readOutcomes(
  asked: readonly Customer[],
  answer: IssueCouponsResult,
  earlier: readonly CustomerOutcome[],
): { outcomes: CustomerOutcome[]; unexpected: KitError | undefined } {
  const issued = new Map(answer.issued.map((i) => [i.customerId, i.couponId]));
  const failed = new Map(answer.failed.map((f) => [f.customerId, f.error]));
  const outcomes = new Map(earlier.map((o) => [o.customer.id, o]));
  for (const customer of asked) {
    const couponId = issued.get(customer.id);
    const error = failed.get(customer.id);
    if (couponId !== undefined) outcomes.set(customer.id, { status: 'issued', customer, couponId });
    else if (error) outcomes.set(customer.id, { status: 'failed', customer, error });
    else outcomes.set(customer.id, { status: 'unreported', customer });
  }
  const askedIds = new Set(asked.map((c) => c.id));
  const strangers = [...issued.keys(), ...failed.keys()].filter((id) => !askedIds.has(id));
  const unexpected =
    strangers.length > 0
      ? new KitError('malformed-response', `The backend answered for customers this issue did not name: ${strangers.join(', ')}.`, {
          reason: 'unknown-customer',
          details: { customerIds: strangers.join(',') },
        })
      : undefined;
  return { outcomes: [...outcomes.values()], unexpected };
}
