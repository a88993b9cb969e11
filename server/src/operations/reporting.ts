import { randomInt } from 'node:crypto';
import { OPERATOR_ACCOUNT } from '../../../src/api/memory/reporting.js';
import { checkLinkLabel, checkReportEmail, checkReportMobile, checkReportName } from '../../../src/model/rules/report.js';
import type * as s from '../../../src/model/schemas/index.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { DAY, instant } from '../time.js';
import { nextId, type OperationContext } from './context.js';
import { linkWire, type LinkRow } from './wire-out.js';

/**
 * Customer expansion: reports (报备) and offline invitation links. The tenant's operator is the
 * in-memory backend's, so the demo reads the same on either backend.
 */

const EMAIL_LINK_DAYS = 7;
const LINK_DAYS = 30;
const LINK_BASE = 'https://partner.example.com/invite/';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const serial = (n: number) => String(n).padStart(5, '0');

/**
 * Huawei Cloud's account registry, which a partner's backend asks and this one stands in for, by
 * the in-memory backend's rule (`DEMO_MOBILES`): a mobile ending in 0 has no account, in 9 two,
 * any other one.
 */
function registeredAccounts(mobile: string): { account_id: string; account_name: string }[] {
  const digits = mobile.replace(/\D/g, '');
  if (digits.endsWith('0')) return [];
  const tail = digits.slice(-4);
  const first = { account_id: `acc-${digits}`, account_name: `hw_${tail}` };
  return digits.endsWith('9') ? [first, { account_id: `acc-${digits}-2`, account_name: `hw_${tail}_shop` }] : [first];
}

export async function lookupCustomerAccounts(_ctx: OperationContext, { mobile }: s.LookupAccountsRequest) {
  return { accounts: registeredAccounts(mobile) };
}

/** Reports one customer: the report and its invitations-list row in the intent's transaction. */
export async function reportCustomer(ctx: OperationContext, r: s.ReportCustomerRequest) {
  const name = checkReportName(r.name);
  const email = r.email === undefined ? undefined : checkReportEmail(r.email);
  if (!name.ok || !checkReportMobile(r.mobile).ok || (email && !email.ok)) throw badRequest('Invalid customer details.');
  // Huawei's own registry has these mobiles reported already (the in-memory rule, as above).
  if (r.mobile.endsWith('8888')) throw new ApiError('CBC.99000051', 'The mobile or e-mail was already reported by Huawei.', 409);
  const accounts = registeredAccounts(r.mobile);
  if (accounts.length === 0) throw new ApiError('KIT.NO_ACCOUNT', 'No account is registered with this mobile.');
  if (!accounts.some((a) => a.account_id === r.accountId)) throw new ApiError('KIT.ACCOUNT_MISMATCH', 'The account was not registered with this mobile.');
  const seq = await nextId(ctx, 'reports');
  const invitationId = `inv-r${serial(seq)}`;
  const { tenantId } = ctx.tenant;
  const claimed = await ctx.query('INSERT INTO customer_reports (tenant_id, account_id, invitation_id, reported_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1', [
    tenantId, r.accountId, invitationId, ctx.now,
  ]);
  if (claimed.length === 0) throw new ApiError('KIT.ALREADY_REPORTED', 'This customer was already reported.', 409);
  const status = r.sendInvitation ? 'invited' : 'reported';
  const linkExpiresAt = ctx.now + EMAIL_LINK_DAYS * DAY;
  await ctx.query(
    `INSERT INTO invitations (tenant_id, invitation_id, seq, name, mobile, email, status, failure, invited_at, link_expires_at, operator)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10)`,
    [tenantId, invitationId, seq, name.value, r.mobile, email?.ok ? email.value : '', status, ctx.now, linkExpiresAt, OPERATOR_ACCOUNT],
  );
  return { invitation_id: invitationId, status, reported_at: instant(ctx.now), ...(r.sendInvitation ? { link_expires_at: instant(linkExpiresAt) } : {}) };
}

const EMAIL_TEMPLATES = {
  'zh-CN': {
    subject: `${OPERATOR_ACCOUNT} 邀请您关联为华为云伙伴客户`,
    greeting: (name?: string) => (name ? `${name}，您好：` : '您好：'),
    text: `${OPERATOR_ACCOUNT} 邀请您成为其华为云客户。链接 ${EMAIL_LINK_DAYS} 天内有效：`,
    footer: '如果您没有预期收到此邮件，请忽略。',
  },
  'en-US': {
    subject: `${OPERATOR_ACCOUNT} invites you to associate as a Huawei Cloud partner customer`,
    greeting: (name?: string) => (name ? `Dear ${name},` : 'Hello,'),
    text: `${OPERATOR_ACCOUNT} invites you to become their Huawei Cloud customer. The link works for ${EMAIL_LINK_DAYS} days:`,
    footer: 'If you did not expect this e-mail, ignore it.',
  },
} as const;

/** The invitation e-mail in plain text, with a placeholder where each customer's own link goes. */
export async function previewInvitationEmail(_ctx: OperationContext, { locale, customerName }: s.PreviewInvitationEmailRequest) {
  const t = EMAIL_TEMPLATES[locale];
  const body = [t.greeting(customerName?.trim()), '', t.text, `${LINK_BASE}XXXXXXXXXX`, '', t.footer].join('\n');
  return { subject: t.subject, body, link_valid_days: EMAIL_LINK_DAYS };
}

/** Requests for one slot (kind and label) queue here, so two first asks make one link. */
const lockSlot = (ctx: OperationContext, slot: string) =>
  ctx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [`${ctx.tenant.tenantId}\n${slot}`]);

async function createLink(ctx: OperationContext, slot: string, label: string | null): Promise<LinkRow> {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const url = new URL(`${LINK_BASE}${code}`);
  if (label !== null) url.searchParams.set('label', label);
  const row: LinkRow = {
    link_id: `link-${serial(await nextId(ctx, 'links'))}`,
    slot,
    kind: label === null ? 'generic' : 'custom',
    label,
    url: url.href,
    created_at: ctx.now,
    expires_at: ctx.now + LINK_DAYS * DAY,
    revoked_at: null,
  };
  await ctx.query(
    'INSERT INTO invitation_links (tenant_id, link_id, slot, kind, label, url, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [ctx.tenant.tenantId, row.link_id, slot, row.kind, label, row.url, row.created_at, row.expires_at],
  );
  return row;
}

const retireLink = (ctx: OperationContext, linkId: string) =>
  ctx.query('UPDATE invitation_links SET revoked_at = $3 WHERE tenant_id = $1 AND link_id = $2', [ctx.tenant.tenantId, linkId, ctx.now]);

/** The link in force for the kind and label, made on first ask (or once the last one expired). */
export async function openInvitationLink(ctx: OperationContext, r: s.OpenInvitationLinkRequest) {
  let label: string | null = null;
  if (r.kind === 'custom') {
    const check = checkLinkLabel(r.label ?? OPERATOR_ACCOUNT);
    if (!check.ok) throw badRequest('Invalid link label.');
    label = check.value;
  }
  const slot = label === null ? 'generic' : `custom|${label}`;
  await lockSlot(ctx, slot);
  const [held] = await ctx.query<LinkRow>('SELECT * FROM invitation_links WHERE tenant_id = $1 AND slot = $2 AND revoked_at IS NULL', [ctx.tenant.tenantId, slot]);
  if (held && held.expires_at > ctx.now) return linkWire(held);
  if (held) await retireLink(ctx, held.link_id);
  return linkWire(await createLink(ctx, slot, label));
}

/** Takes a link out of force, refusing one already out; its slot is locked for the caller's new link. */
async function takeOutOfForce(ctx: OperationContext, linkId: string): Promise<LinkRow> {
  const select = 'SELECT * FROM invitation_links WHERE tenant_id = $1 AND link_id = $2';
  const [found] = await ctx.query<LinkRow>(select, [ctx.tenant.tenantId, linkId]);
  if (!found) throw notFound('No such invitation link.');
  await lockSlot(ctx, found.slot);
  // Read again under the lock: a concurrent regenerate or revoke may have retired it meanwhile.
  const [row] = await ctx.query<LinkRow>(select, [ctx.tenant.tenantId, linkId]);
  if (!row || row.revoked_at !== null) throw new ApiError('KIT.LINK_REVOKED', 'The link was already revoked or replaced.', 409);
  await retireLink(ctx, linkId);
  return row;
}

export async function regenerateInvitationLink(ctx: OperationContext, { linkId }: s.InvitationLinkRequest) {
  const old = await takeOutOfForce(ctx, linkId);
  return linkWire(await createLink(ctx, old.slot, old.label));
}

export async function revokeInvitationLink(ctx: OperationContext, { linkId }: s.InvitationLinkRequest) {
  await takeOutOfForce(ctx, linkId);
  return { link_id: linkId, revoked_at: instant(ctx.now) };
}
