import { createHmac, randomBytes, randomInt, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { ASSOCIATION_DELAY_MS, CAPPED_MOBILE, IDENTITY_CHECKS_PER_SECOND, REPORTED_MOBILE } from '../../../src/api/memory/customer-accounts.js';
import { COUPON_TYPE_CODE } from '../../../src/api/http/wire.js';
import { checkPassword } from '../../../src/model/rules/customer-accounts.js';
import type * as s from '../../../src/model/schemas/index.js';
import { ApiError, notFound } from '../errors.js';
import { instant } from '../time.js';
import { nextId, type OperationContext } from './context.js';
import { redeemTicket, requireTicket } from './verification.js';
import { customerWire, yuan, type CouponRow, type CustomerRow } from './wire-out.js';

/**
 * Customer accounts, by the rules of CheckUserIdentity, SendVerificationMessageCode (scene 29),
 * CreateSubCustomer and ListSubCustomers, as the in-memory backend enforces them: unique names,
 * mobiles and e-mails, a registration code for a mobile, association finishing
 * {@link ASSOCIATION_DELAY_MS} after creation, and unbinding that reclaims the customer's coupons.
 */

const CODE_TTL_MS = 10 * 60_000;
const RESEND_AFTER_SECONDS = 60;
const MAX_CODE_FAILURES = 3;
/** The list's profile the seed does not carry, derived from the id as the in-memory backend does. */
const LABELS = ['', 'key-account', 'education', 'startup'];
const CUSTOMER_TYPE_CODE = [1, 0, 1, -1];
/** Real-name status codes; `null` is "off" (the partner center does not check it). */
const VERIFIED_CODE = [2, 2, -1, 0, null, 1, 3];

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** Only a salted scrypt hash of an initial password is kept. */
async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scryptAsync(password, salt, 32)).toString('base64url')}`;
}

const codeHash = (ctx: OperationContext, mobile: string, code: string) =>
  createHmac('sha256', ctx.codePepper).update(`${ctx.tenant.tenantId}|registration|${mobile}|${code}`).digest('hex');

/** Moves the accounts whose association has finished into the partner's customers. */
async function settleAssociations(ctx: OperationContext): Promise<void> {
  await ctx.query(
    `WITH ready AS (DELETE FROM customer_creations WHERE tenant_id = $1 AND ready_at <= $2 RETURNING *)
     INSERT INTO customers (tenant_id, customer_id, seq, account_name, name, mobile, email, association_type, associated_at, frozen, password_hash)
     SELECT tenant_id, customer_id, seq, account_name, name, mobile, email, 'resale', created_at, false, password_hash FROM ready`,
    [ctx.tenant.tenantId, ctx.now],
  );
}

/** Whether a name, mobile or e-mail may still be registered, counting accounts whose association is pending. */
async function availability(ctx: OperationContext, kind: s.IdentityKind, value: string): Promise<s.IdentityAvailability> {
  if (kind === 'mobile' && value === CAPPED_MOBILE) return 'registration-cap';
  if (kind === 'mobile' && value === REPORTED_MOBILE) return 'reported';
  const column = { name: 'lower(account_name)', mobile: 'mobile', email: 'lower(email)' }[kind];
  const needle = kind === 'mobile' ? value : value.toLowerCase();
  const [row] = await ctx.query(
    `SELECT 1 FROM customers WHERE tenant_id = $1 AND ${column} = $2 UNION ALL SELECT 1 FROM customer_creations WHERE tenant_id = $1 AND ${column} = $2 LIMIT 1`,
    [ctx.tenant.tenantId, needle],
  );
  return row ? 'taken' : 'available';
}

/** CheckUserIdentity's quota: 5 checks in any second, counted on the business clock. */
async function throttleChecks(ctx: OperationContext): Promise<void> {
  const { tenantId } = ctx.tenant;
  await ctx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 3))', [tenantId]);
  await ctx.query('DELETE FROM identity_checks WHERE tenant_id = $1 AND checked_at <= $2', [tenantId, ctx.now - 1000]);
  const recent = await ctx.query<{ checked_at: number }>('SELECT checked_at FROM identity_checks WHERE tenant_id = $1 ORDER BY checked_at', [tenantId]);
  if (recent.length >= IDENTITY_CHECKS_PER_SECOND) {
    throw new ApiError('CBC.0250', 'Too many requests.', 429, (recent[0] as { checked_at: number }).checked_at + 1000 - ctx.now);
  }
  await ctx.query('INSERT INTO identity_checks (tenant_id, checked_at) VALUES ($1, $2)', [tenantId, ctx.now]);
}

export async function checkIdentity(ctx: OperationContext, { kind, value }: s.CheckIdentityRequest) {
  await throttleChecks(ctx);
  return { check_result: await availability(ctx, kind, value) };
}

/** Texts a registration code to the mobile (the outbox stands in for the phone); a new code replaces the last one. */
export async function sendRegistrationCode(ctx: OperationContext, { mobile }: s.SendRegistrationCodeRequest) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const { tenantId } = ctx.tenant;
  await ctx.query(
    `INSERT INTO registration_codes (tenant_id, mobile, code_id, code_hash, sent_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, mobile) DO UPDATE SET code_id = $3, code_hash = $4, sent_at = $5, expires_at = $6, failures = 0`,
    [tenantId, mobile, `rc-${await nextId(ctx, 'registration-codes')}`, codeHash(ctx, mobile, code), ctx.now, ctx.now + CODE_TTL_MS],
  );
  await ctx.query("INSERT INTO outbox (tenant_id, purpose, channel, destination, code, sent_at) VALUES ($1, 'registration', 'sms', $2, $3, $4)", [tenantId, mobile, code, ctx.now]);
  return { resend_after_seconds: RESEND_AFTER_SECONDS, expires_in_seconds: CODE_TTL_MS / 1000 };
}

/**
 * Spends the code sent to `mobile`: expired, wrong or not sent is refused. A wrong code is counted
 * past the refusal's rollback, and the third locks the code, as the in-memory backend does.
 */
async function spendCode(ctx: OperationContext, mobile: string, code: string): Promise<void> {
  const key = [ctx.tenant.tenantId, mobile];
  const [sent] = await ctx.query<{ code_id: string; code_hash: string; expires_at: number; failures: number }>(
    'SELECT code_id, code_hash, expires_at, failures FROM registration_codes WHERE tenant_id = $1 AND mobile = $2 FOR UPDATE',
    key,
  );
  if (!sent) throw new ApiError('KIT.CODE_NOT_SENT', 'No code was sent to this mobile.');
  if (ctx.now >= sent.expires_at) throw new ApiError('CBC.99004008', 'The verification code has expired.');
  if (sent.failures >= MAX_CODE_FAILURES) throw new ApiError('CBC.99004009', 'More than 3 failed checks.', 429);
  if (sent.code_hash !== codeHash(ctx, mobile, code)) {
    // Keyed on the code's id: a code sent since replaces this one and starts its own count.
    ctx.keep('UPDATE registration_codes SET failures = failures + 1 WHERE tenant_id = $1 AND mobile = $2 AND code_id = $3', [...key, sent.code_id]);
    const failures = sent.failures + 1;
    if (failures >= MAX_CODE_FAILURES) throw new ApiError('CBC.99004009', 'More than 3 failed checks.', 429);
    throw new ApiError('CBC.99004010', `The verification code is wrong; ${MAX_CODE_FAILURES - failures} attempts left.`);
  }
  await ctx.query('DELETE FROM registration_codes WHERE tenant_id = $1 AND mobile = $2', key);
}

/** Creates the account; its association with the partner finishes {@link ASSOCIATION_DELAY_MS} later. */
export async function createCustomer(ctx: OperationContext, input: s.CreateCustomerRequest) {
  const { tenantId } = ctx.tenant;
  // One creation at a time per tenant, so two requests cannot both find a name free.
  await ctx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 2))', [tenantId]);
  const [tenant] = await ctx.query<{ restricted: boolean }>('SELECT restricted FROM tenants WHERE tenant_id = $1', [tenantId]);
  if (tenant?.restricted) throw new ApiError('CBC.50010085', 'The partner is restricted and cannot acquire customers.', 403);
  if (input.password !== undefined && !checkPassword(input.password, input).ok) throw new ApiError('CBC.99000036', 'Password format invalid.');
  if ((await availability(ctx, 'name', input.accountName)) !== 'available') throw new ApiError('CBC.99000038', 'The login name already exists.', 409);
  if (input.email !== undefined && (await availability(ctx, 'email', input.email)) !== 'available') {
    throw new ApiError('KIT.EMAIL_TAKEN', 'The e-mail address is already registered.', 409);
  }
  if (input.mobile !== undefined) {
    const mobile = await availability(ctx, 'mobile', input.mobile);
    if (mobile === 'taken') throw new ApiError('CBC.99000029', 'The mobile number already exists.', 409);
    if (mobile === 'registration-cap') throw new ApiError('CBC.99000030', 'Registrations per mobile number over the cap.', 409);
    if (mobile === 'reported') throw new ApiError('CBC.99000051', 'The mobile number was already reported by the platform.', 409);
    await spendCode(ctx, input.mobile, input.verificationCode ?? '');
  }
  const seq = await nextId(ctx, 'customers');
  const customerId = `c-n${String(seq).padStart(4, '0')}`;
  await ctx.query(
    `INSERT INTO customer_creations (tenant_id, customer_id, seq, account_name, name, mobile, email, password_hash, created_at, ready_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      tenantId, customerId, -seq, input.accountName, input.displayName ?? input.accountName, input.mobile ?? null, input.email ?? null,
      input.password === undefined ? null : await hashPassword(input.password), ctx.now, ctx.now + ASSOCIATION_DELAY_MS,
    ],
  );
  return { domain_id: customerId, domain_name: input.accountName, association_result: 'pending' };
}

type ListedRow = CustomerRow & { profile: number };

/**
 * ListSubCustomers (and the coupon pages' customer search, which calls the same API): full values
 * on the wire, as the API answers; the adapter keeps only masked copies. Newest accounts first.
 */
export async function listSubCustomers(ctx: OperationContext, r: s.ListSubCustomersRequest) {
  await settleAssociations(ctx);
  const from = `customers c, LATERAL (SELECT coalesce(sum(ascii(ch)), 0)::int AS profile FROM regexp_split_to_table(c.customer_id, '') AS ch) p
    WHERE c.tenant_id = $1 AND ($2::text IS NULL OR c.customer_id = $2) AND position($3 in lower(c.account_name)) > 0 AND position($4 in lower(c.name)) > 0
      AND ($5::text IS NULL OR c.association_type = $5) AND ($6::text IS NULL OR position($6 in ($7::text[])[p.profile % ${LABELS.length} + 1]) > 0)
      AND ($8::bigint IS NULL OR c.associated_at >= $8) AND ($9::bigint IS NULL OR c.associated_at <= $9)`;
  const params = [
    ctx.tenant.tenantId, r.customerId ?? null, r.accountName?.trim().toLowerCase() ?? '', r.customerName?.trim().toLowerCase() ?? '',
    r.associationType ?? null, r.label ?? null, LABELS, r.associatedFrom ? Date.parse(r.associatedFrom) : null, r.associatedTo ? Date.parse(r.associatedTo) : null,
  ];
  const [count] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, params);
  const rows = await ctx.query<ListedRow>(`SELECT c.*, p.profile FROM ${from} ORDER BY c.seq OFFSET $10 LIMIT $11`, [...params, r.offset, r.limit]);
  return { count: count?.n ?? 0, customer_infos: rows.map(subCustomerWire) };
}

function subCustomerWire(c: ListedRow) {
  const label = LABELS[c.profile % LABELS.length];
  const verified = VERIFIED_CODE[c.profile % VERIFIED_CODE.length];
  return {
    ...customerWire(c),
    ...(label ? { label } : {}),
    customer_type: CUSTOMER_TYPE_CODE[c.profile % CUSTOMER_TYPE_CODE.length],
    ...(verified === null ? {} : { verified_status: verified }),
  };
}

const usableCoupons = (ctx: OperationContext, customerId: string, lock = false) =>
  ctx.query<CouponRow>(`SELECT * FROM coupons WHERE tenant_id = $1 AND customer_id = $2 AND status = 'usable' ORDER BY seq DESC${lock ? ' FOR UPDATE' : ''}`, [
    ctx.tenant.tenantId, customerId,
  ]);

/** The partner's customer, locked for unbinding where `lock`; not one of them → not found. */
async function customer(ctx: OperationContext, customerId: string, lock = false): Promise<CustomerRow> {
  await settleAssociations(ctx);
  const [row] = await ctx.query<CustomerRow>(`SELECT * FROM customers WHERE tenant_id = $1 AND customer_id = $2${lock ? ' FOR UPDATE' : ''}`, [ctx.tenant.tenantId, customerId]);
  if (!row) throw notFound('Not a customer of this partner.');
  return row;
}

/** What unbinding would change: the coupons reclaimed automatically, with what is left on them. */
export async function previewUnbind(ctx: OperationContext, { customerId }: s.UnbindCustomerRequest) {
  await customer(ctx, customerId);
  const coupons = await usableCoupons(ctx, customerId);
  return {
    customer_id: customerId,
    coupons: coupons.map((c) => ({ coupon_id: c.coupon_id, coupon_type: COUPON_TYPE_CODE[c.kind], balance: yuan(c.balance), currency: c.currency })),
  };
}

/**
 * Ends the association, in the caller's transaction: the usable coupons are reclaimed (recorded
 * as "reclaim-on-unbind") and the customer leaves the partner's list. The caller has checked the
 * ticket of its purpose; `redeem` spends it once the customer is known to exist.
 */
export async function endAssociation(ctx: OperationContext, customerId: string, redeem: () => Promise<void>) {
  const { tenantId } = ctx.tenant;
  const found = await customer(ctx, customerId, true);
  await redeem();
  const coupons = await usableCoupons(ctx, customerId, true);
  await ctx.query("UPDATE coupons SET balance = 0, status = 'reclaimed' WHERE tenant_id = $1 AND coupon_id = ANY($2)", [tenantId, coupons.map((c) => c.coupon_id)]);
  for (const coupon of coupons) {
    await ctx.query(
      `INSERT INTO coupon_records (tenant_id, record_id, operation, quota_id, kind, coupon_id, customer_id, customer_name, amount, currency, operated_at, succeeded)
       VALUES ($1, $2, 'reclaim-on-unbind', 'unbind', $3, $4, $5, $6, $7, $8, $9, true)`,
      [tenantId, `R-${String(90000 + (await nextId(ctx)))}`, coupon.kind, coupon.coupon_id, customerId, found.name, coupon.balance, coupon.currency, ctx.now],
    );
  }
  await ctx.query('DELETE FROM customers WHERE tenant_id = $1 AND customer_id = $2', [tenantId, customerId]);
  return {
    unboundAt: instant(ctx.now),
    reclaimed: coupons.map((c) => ({ coupon_id: c.coupon_id, reclaimed_amount: yuan(c.balance), currency: c.currency })),
  };
}

export async function unbindCustomer(ctx: OperationContext, { customerId }: s.UnbindCustomerRequest) {
  await requireTicket(ctx, 'unbind');
  const { unboundAt, reclaimed } = await endAssociation(ctx, customerId, () => redeemTicket(ctx, 'unbind'));
  return { customer_id: customerId, unbound_at: unboundAt, reclaimed };
}
