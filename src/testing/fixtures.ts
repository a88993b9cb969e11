import type { PartnerApi } from '../api/adapter.js';
import type * as s from '../model/schemas/index.js';
import { ensure } from './assertions.js';
import type { ContractSuiteOptions } from './options.js';

/**
 * Finds, through the API itself, the records a test needs, so the suite runs against any backend's
 * data rather than one seed. A backend without such a record fails with a message saying what is
 * missing.
 */

let keys = 0;
/** A fresh idempotency key per call. */
export function newKey(label: string): string {
  keys += 1;
  return `contract-${label}-${Date.now().toString(36)}-${keys}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A normal, effective voucher quota with a minimum face value and room for a few coupons. */
export async function usableQuota(api: PartnerApi, now: number): Promise<s.Quota> {
  const page = await api.listQuotas({ kind: 'voucher', statuses: ['normal'], offset: 0, limit: 100 });
  const quota = page.items.find(
    (q) => Date.parse(q.effectiveFrom) <= now && Date.parse(q.expiresAt) > now && q.balance >= 10 * (q.minFaceValue ?? 1) && (q.minFaceValue ?? 0) > 1,
  );
  ensure(quota, 'the backend needs a normal, effective voucher quota with a minimum face value above 0.01 and a balance');
  return quota;
}

/** A resale customer who may receive coupons. */
export async function resaleCustomer(api: PartnerApi): Promise<s.Customer> {
  const page = await api.searchCustomers({ offset: 0, limit: 100 });
  const customer = page.items.find((c) => c.associationType === 'resale' && !c.frozen);
  ensure(customer, 'the backend needs a resale customer who is not frozen');
  return customer;
}

/** Passes a code check for `purpose` and returns the ticket (needs `readCode`). */
export async function ticketFor(api: PartnerApi, purpose: string, options: ContractSuiteOptions): Promise<string> {
  ensure(options.readCode, 'readCode is needed to pass a verification check');
  await api.sendVerificationCode({ purpose, channel: 'sms' });
  const code = await options.readCode(api, purpose, 'sms');
  const ticket = await api.checkVerificationCode({ purpose, channel: 'sms', code });
  return ticket.ticket;
}

/** A flow the original route may withdraw from without any account setup: not bound by the name rule, its account ready. */
export async function plainFlow(api: PartnerApi): Promise<{ overview: s.WithdrawalOverview; flow: s.RechargeFlow }> {
  const overview = await api.getWithdrawalOverview();
  const flow = overview.flows.find((f) => {
    const account = overview.accounts.find((a) => a.id === f.accountId);
    return f.withdrawableAmount >= 200 && account && (account.type !== 'bank' || account.branch !== null) && f.channel !== 'transaction-mode-conversion' && f.channel !== 'incentive-refund';
  });
  ensure(flow, 'the backend needs a withdrawable flow whose account needs no branch and no name match');
  return { overview, flow };
}
