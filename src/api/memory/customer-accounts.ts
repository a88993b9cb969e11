import type { Page } from '../../model/schemas/common.js';
import type { Customer } from '../../model/schemas/customers.js';
import * as s from '../../model/schemas/index.js';
import { checkPassword } from '../../model/rules/customer-accounts.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import type { CouponDesk } from './coupons.js';
import type { CustomerOutbox } from './customer-outbox.js';
import { page } from './paging.js';
import type { Prng } from './prng.js';
import { instant } from './prng.js';
import type { MemoryData } from './seed.js';
import type { TicketUse } from './verification-desk.js';

/** How long the partner center takes to associate a new customer with the partner. */
export const ASSOCIATION_DELAY_MS = 1500;
/** Availability checks a second (CheckUserIdentity's quota). */
export const IDENTITY_CHECKS_PER_SECOND = 5;
/** A demo mobile whose registrations are at the cap (CBC.99000030). */
export const CAPPED_MOBILE = '0086-13800000000';
/** A demo mobile the platform has already reported (CBC.99000051). */
export const REPORTED_MOBILE = '0086-13900000000';
const CODE_TTL_MS = 10 * 60_000;
const RESEND_AFTER_SECONDS = 60;
const MAX_CODE_FAILURES = 3;
const LABELS = ['', 'key-account', 'education', 'startup'] as const;
const TYPES: readonly s.CustomerType[] = ['enterprise', 'individual', 'enterprise', 'none'];
const STATUSES: readonly s.VerifiedStatus[] = ['verified', 'verified', 'unverified', 'reviewing', 'off', 'rejected', 'failed'];

interface PendingCode {
  code: string;
  expiresAt: number;
  failures: number;
}

/**
 * Creating customer accounts, listing the partner's customers and unbinding them, with the rules
 * of CheckUserIdentity, CreateSubCustomer and ListSubCustomers: unique names, mobiles and e-mails,
 * a registration code for a mobile, association that finishes {@link ASSOCIATION_DELAY_MS} later,
 * and unbinding that reclaims the customer's coupons.
 */
export class CustomerAccountDesk {
  /** The partner (or its distributor) is restricted and may not acquire customers. */
  restricted = false;
  readonly #data: MemoryData;
  readonly #coupons: CouponDesk;
  readonly #now: () => number;
  readonly #prng: Prng;
  readonly #outbox: CustomerOutbox;
  readonly #pending = new Map<string, { customer: Customer; readyAt: number }>();
  readonly #pendingCodes = new Map<string, PendingCode>();
  readonly #checks: number[] = [];
  #nextId = 1;

  constructor(data: MemoryData, coupons: CouponDesk, now: () => number, prng: Prng, outbox: CustomerOutbox) {
    this.#data = data;
    this.#coupons = coupons;
    this.#now = now;
    this.#prng = prng;
    this.#outbox = outbox;
  }

  checkIdentity(request: s.CheckIdentityRequest): s.CheckIdentityResult {
    const { kind, value } = parseRequest(s.CheckIdentityRequest, request);
    this.#throttle();
    return { kind, availability: this.#availability(kind, value) };
  }

  sendCode(request: s.SendRegistrationCodeRequest): s.SendRegistrationCodeResult {
    const { mobile } = parseRequest(s.SendRegistrationCodeRequest, request);
    const now = this.#now();
    const code = this.#prng.digits(6);
    this.#pendingCodes.set(mobile, { code, expiresAt: now + CODE_TTL_MS, failures: 0 });
    this.#outbox.sendCode(mobile, code);
    return { resendAfterSeconds: RESEND_AFTER_SECONDS, expiresInSeconds: CODE_TTL_MS / 1000 };
  }

  create(request: s.CreateCustomerRequest): s.CreateCustomerResult {
    const input = parseRequest(s.CreateCustomerRequest, request);
    if (this.restricted) throw backendError('CBC.50010085', 'The partner is restricted and cannot acquire customers.');
    if (input.password !== undefined && !checkPassword(input.password, input).ok) throw backendError('CBC.99000036', 'Password format invalid.');
    if (this.#availability('name', input.accountName) !== 'available') throw backendError('CBC.99000038', 'The login name already exists.');
    if (input.email !== undefined && this.#availability('email', input.email) !== 'available') throw backendError('KIT.EMAIL_TAKEN', 'The e-mail address is already registered.');
    if (input.mobile !== undefined) {
      const availability = this.#availability('mobile', input.mobile);
      if (availability === 'taken') throw backendError('CBC.99000029', 'The mobile number already exists.');
      if (availability === 'registration-cap') throw backendError('CBC.99000030', 'Registrations per mobile number over the cap.');
      if (availability === 'reported') throw backendError('CBC.99000051', 'The mobile number was already reported by the platform.');
      this.#spendCode(input.mobile, input.verificationCode ?? '');
    }
    const now = this.#now();
    const id = `c-n${String(this.#nextId++).padStart(4, '0')}`;
    const customer: Customer = {
      id,
      accountName: input.accountName,
      name: input.displayName ?? input.accountName,
      ...(input.mobile === undefined ? {} : { mobile: input.mobile }),
      ...(input.email === undefined ? {} : { email: input.email }),
      associationType: 'resale',
      associatedAt: instant(now),
      frozen: false,
    };
    this.#pending.set(id, { customer, readyAt: now + ASSOCIATION_DELAY_MS });
    return { customerId: id, accountName: input.accountName, association: 'pending' };
  }

  list(request: s.ListSubCustomersRequest): Page<s.SubCustomer> {
    const r = parseRequest(s.ListSubCustomersRequest, request);
    this.#settleAssociations();
    const has = (text: string | undefined, needle: string | undefined) => !needle || (text ?? '').toLowerCase().includes(needle.toLowerCase());
    const rows = this.#data.customers
      .map((customer) => this.#row(customer))
      .filter(
        (row, index) =>
          (!r.customerId || row.id === r.customerId) &&
          has(row.accountName, r.accountName) &&
          has(this.#data.customers[index]?.name, r.customerName) &&
          (!r.associationType || row.associationType === r.associationType) &&
          (!r.label || (row.label ?? '').includes(r.label)) &&
          (!r.associatedFrom || (row.associatedAt ?? '') >= r.associatedFrom) &&
          (!r.associatedTo || (row.associatedAt ?? '') <= r.associatedTo),
      );
    return page(rows, r.offset, r.limit);
  }

  previewUnbind(request: s.UnbindCustomerRequest): s.UnbindPreview {
    const { customerId } = parseRequest(s.UnbindCustomerRequest, request);
    this.#customer(customerId);
    const usable = this.#coupons.listIssuedCoupons({ customerId, status: 'usable', offset: 0, limit: 100 }).items;
    return { customerId, coupons: usable.map((c) => ({ couponId: c.id, kind: c.kind, balance: c.balance, currency: c.currency })) };
  }

  unbind(request: s.UnbindCustomerRequest, ticket: TicketUse): s.UnbindCustomerResult {
    const { customerId } = parseRequest(s.UnbindCustomerRequest, request);
    ticket.guard();
    const customer = this.#customer(customerId);
    ticket.spend();
    const reclaimed = this.#coupons.reclaimOnUnbind(customerId);
    this.#data.customers.splice(this.#data.customers.indexOf(customer), 1);
    return { customerId, unboundAt: instant(this.#now()), reclaimed };
  }

  #customer(customerId: string): Customer {
    this.#settleAssociations();
    const customer = this.#data.customers.find((c) => c.id === customerId);
    if (!customer) throw backendError('KIT.NOT_FOUND', 'Not a customer of this partner.', { status: 404 });
    return customer;
  }

  #availability(kind: s.IdentityKind, value: string): s.IdentityAvailability {
    const known = [...this.#data.customers, ...[...this.#pending.values()].map((p) => p.customer)];
    if (kind === 'name') return known.some((c) => c.accountName.toLowerCase() === value.toLowerCase()) ? 'taken' : 'available';
    if (kind === 'email') return known.some((c) => c.email?.toLowerCase() === value.toLowerCase()) ? 'taken' : 'available';
    if (value === CAPPED_MOBILE) return 'registration-cap';
    if (value === REPORTED_MOBILE) return 'reported';
    return known.some((c) => c.mobile === value) ? 'taken' : 'available';
  }

  #spendCode(mobile: string, code: string): void {
    const pending = this.#pendingCodes.get(mobile);
    if (!pending) throw backendError('KIT.CODE_NOT_SENT', 'No code was sent to this mobile.');
    if (this.#now() >= pending.expiresAt) throw backendError('CBC.99004008', 'The verification code has expired.');
    if (pending.failures >= MAX_CODE_FAILURES) throw backendError('CBC.99004009', 'More than 3 failed checks.');
    if (pending.code !== code) {
      pending.failures += 1;
      throw backendError(pending.failures >= MAX_CODE_FAILURES ? 'CBC.99004009' : 'CBC.99004010', 'The verification code is wrong.');
    }
    this.#pendingCodes.delete(mobile);
  }

  #settleAssociations(): void {
    const now = this.#now();
    for (const [id, { customer, readyAt }] of this.#pending) {
      if (readyAt > now) continue;
      this.#pending.delete(id);
      this.#data.customers.unshift(customer);
    }
  }

  #throttle(): void {
    const now = this.#now();
    while (this.#checks.length > 0 && (this.#checks[0] as number) <= now - 1000) this.#checks.shift();
    if (this.#checks.length >= IDENTITY_CHECKS_PER_SECOND) {
      throw backendError('CBC.0250', 'Too many requests.', { status: 429, retryAfterMs: (this.#checks[0] as number) + 1000 - now });
    }
    this.#checks.push(now);
  }

  /** The list's view of a customer: masked, with the profile the seed does not carry derived from its id. */
  #row(customer: Customer): s.SubCustomer {
    let index = 0;
    for (const char of customer.id) index += char.charCodeAt(0);
    const label = LABELS[index % LABELS.length] ?? '';
    return {
      id: customer.id,
      accountName: customer.accountName,
      maskedName: `${Array.from(customer.name)[0] ?? ''}**`,
      ...(customer.mobile ? { maskedMobile: `${customer.mobile.slice(0, 8)}****${customer.mobile.slice(-4)}` } : {}),
      associationType: customer.associationType,
      ...(customer.associatedAt ? { associatedAt: customer.associatedAt } : {}),
      ...(label ? { label } : {}),
      customerType: TYPES[index % TYPES.length] ?? 'none',
      verifiedStatus: STATUSES[index % STATUSES.length] ?? 'off',
      frozen: customer.frozen,
    };
  }
}
