import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { needsVerification } from '../../../src/model/rules/verification-policy.js';
import type { CheckCodeRequest, SendCodeRequest } from '../../../src/model/schemas/verification.js';
import { ApiError } from '../errors.js';
import { instant } from '../time.js';
import type { OperationContext, Tenant } from './context.js';

/** The service's rules: 5-minute codes, a minute between sends, 3 attempts then a 15-minute lock. */
export const RULES = {
  codeTtlSeconds: 300,
  resendAfterSeconds: 60,
  maxAttempts: 3,
  lockSeconds: 900,
  sendLimitPerHour: 15,
  sendLimitPerDay: 60,
  ticketTtlSeconds: 300,
};

/** Where codes (and other texts to the partner) go, masked. */
export const DESTINATIONS = { sms: '0086-139****1234', email: 'f***@yunfan.example.com' } as const;

export function policyWire(tenant: Tenant) {
  return {
    enabled: tenant.verificationEnabled,
    guarded_purposes: tenant.guardedPurposes,
    channels: Object.entries(DESTINATIONS).map(([channel, destination]) => ({ channel, destination })),
  };
}

const codeHash = (ctx: OperationContext, purpose: string, channel: string, code: string) =>
  createHmac('sha256', ctx.codePepper).update(`${ctx.tenant.tenantId}|${purpose}|${channel}|${code}`).digest('hex');
const ticketHash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

async function assertNotLocked(ctx: OperationContext, purpose: string): Promise<void> {
  const [lock] = await ctx.query<{ locked_until: number }>(
    'SELECT locked_until FROM verification_locks WHERE tenant_id = $1 AND purpose = $2 AND locked_until > $3',
    [ctx.tenant.tenantId, purpose, ctx.now],
  );
  if (lock) throw new ApiError('CBC.99004009', 'Too many wrong codes.', 429, lock.locked_until - ctx.now);
}

async function assertSendCap(ctx: OperationContext): Promise<void> {
  const rows = await ctx.query<{ sent_at: number }>(
    'SELECT sent_at FROM verification_sends WHERE tenant_id = $1 AND sent_at > $2 ORDER BY sent_at',
    [ctx.tenant.tenantId, ctx.now - 86_400_000],
  );
  const lastHour = rows.filter((r) => r.sent_at > ctx.now - 3_600_000);
  const full = lastHour.length >= RULES.sendLimitPerHour ? { rows: lastHour, window: 3_600_000 } : rows.length >= RULES.sendLimitPerDay ? { rows, window: 86_400_000 } : undefined;
  if (full) {
    throw new ApiError('CBC.99004015', 'The code sending limit is reached.', 429, (full.rows[0] as { sent_at: number }).sent_at + full.window - ctx.now);
  }
}

export async function sendCode(ctx: OperationContext, request: SendCodeRequest) {
  const { tenantId } = ctx.tenant;
  await assertNotLocked(ctx, request.purpose);
  const [active] = await ctx.query<{ sent_at: number }>(
    'SELECT sent_at FROM verification_codes WHERE tenant_id = $1 AND purpose = $2 AND channel = $3 FOR UPDATE',
    [tenantId, request.purpose, request.channel],
  );
  const resendAt = active ? active.sent_at + RULES.resendAfterSeconds * 1000 : 0;
  if (ctx.now < resendAt) throw new ApiError('KIT.RESEND_TOO_SOON', 'Wait before asking for another code.', 429, resendAt - ctx.now);
  await assertSendCap(ctx);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.query('INSERT INTO verification_sends (tenant_id, sent_at) VALUES ($1, $2)', [tenantId, ctx.now]);
  await ctx.query(
    `INSERT INTO verification_codes (tenant_id, purpose, channel, code_hash, sent_at, expires_at, failures) VALUES ($1, $2, $3, $4, $5, $6, 0)
     ON CONFLICT (tenant_id, purpose, channel) DO UPDATE SET code_hash = $4, sent_at = $5, expires_at = $6, failures = 0`,
    [tenantId, request.purpose, request.channel, codeHash(ctx, request.purpose, request.channel, code), ctx.now, ctx.now + RULES.codeTtlSeconds * 1000],
  );
  const destination = DESTINATIONS[request.channel];
  await ctx.query('INSERT INTO outbox (tenant_id, purpose, channel, destination, code, sent_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    tenantId, request.purpose, request.channel, destination, code, ctx.now,
  ]);
  return { channel: request.channel, destination, resend_after_seconds: RULES.resendAfterSeconds, expires_in_seconds: RULES.codeTtlSeconds };
}

export async function checkCode(ctx: OperationContext, request: CheckCodeRequest) {
  const { tenantId } = ctx.tenant;
  await assertNotLocked(ctx, request.purpose);
  const key = [tenantId, request.purpose, request.channel];
  const [active] = await ctx.query<{ code_hash: string; expires_at: number; failures: number }>(
    'SELECT code_hash, expires_at, failures FROM verification_codes WHERE tenant_id = $1 AND purpose = $2 AND channel = $3 FOR UPDATE',
    key,
  );
  if (!active) throw new ApiError('KIT.CODE_NOT_SENT', 'No code was sent for this action.');
  const forget = () => ctx.query('DELETE FROM verification_codes WHERE tenant_id = $1 AND purpose = $2 AND channel = $3', key);
  if (ctx.now >= active.expires_at) {
    await forget();
    throw new ApiError('CBC.99004008', 'The code has expired.');
  }
  if (active.code_hash !== codeHash(ctx, request.purpose, request.channel, request.code)) {
    const attemptsLeft = RULES.maxAttempts - (active.failures + 1);
    if (attemptsLeft <= 0) {
      await forget();
      await ctx.query(
        `INSERT INTO verification_locks (tenant_id, purpose, locked_until) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, purpose) DO UPDATE SET locked_until = $3`,
        [tenantId, request.purpose, ctx.now + RULES.lockSeconds * 1000],
      );
      throw new ApiError('CBC.99004009', 'Too many wrong codes.', 429, RULES.lockSeconds * 1000);
    }
    await ctx.query('UPDATE verification_codes SET failures = failures + 1 WHERE tenant_id = $1 AND purpose = $2 AND channel = $3', key);
    throw new ApiError('CBC.99004010', `The code is not correct; ${attemptsLeft} attempts left.`);
  }
  await forget();
  const ticket = `vt_${randomBytes(24).toString('base64url')}`;
  const expiresAt = ctx.now + RULES.ticketTtlSeconds * 1000;
  await ctx.query('INSERT INTO verification_tickets (ticket_hash, tenant_id, purpose, expires_at) VALUES ($1, $2, $3, $4)', [
    ticketHash(ticket), tenantId, request.purpose, expiresAt,
  ]);
  return { ticket, purpose: request.purpose, expires_at: instant(expiresAt) };
}

function guards(ctx: OperationContext, purpose: string): boolean {
  const { tenant } = ctx;
  return needsVerification({ enabled: tenant.verificationEnabled, guardedPurposes: tenant.guardedPurposes, channels: [] }, purpose);
}

const required = () => new ApiError('KIT.VERIFICATION_REQUIRED', 'This action needs a verification code.', 403);

/** Refuses unless the call carries a valid, unused ticket for `purpose` (where the policy guards it). */
export async function requireTicket(ctx: OperationContext, purpose: string): Promise<void> {
  if (!guards(ctx, purpose)) return;
  if (ctx.ticket === undefined) throw required();
  const [held] = await ctx.query('SELECT 1 FROM verification_tickets WHERE ticket_hash = $1 AND tenant_id = $2 AND purpose = $3 AND expires_at > $4', [
    ticketHash(ctx.ticket), ctx.tenant.tenantId, purpose, ctx.now,
  ]);
  if (!held) throw required();
}

/** Uses the ticket up, in the transaction of the effect it guards. */
export async function redeemTicket(ctx: OperationContext, purpose: string): Promise<void> {
  if (!guards(ctx, purpose)) return;
  if (ctx.ticket === undefined) throw required();
  const used = await ctx.query('DELETE FROM verification_tickets WHERE ticket_hash = $1 AND tenant_id = $2 AND purpose = $3 AND expires_at > $4 RETURNING 1', [
    ticketHash(ctx.ticket), ctx.tenant.tenantId, purpose, ctx.now,
  ]);
  if (used.length === 0) throw required();
}
