import { KitError } from '../../model/errors.js';
import { checkLinkLabel, checkReportEmail, checkReportMobile, checkReportName } from '../../model/rules/report.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import { DAY, instant, type Prng } from './prng.js';
import type { MemoryData } from './seed.js';

/** The operator the in-memory backend has signed in: the default label of a custom link. */
export const OPERATOR_ACCOUNT = 'op_zhangwei';

/**
 * Mobiles whose registered accounts the demo and the tests can count on. The rule behind them holds
 * for any mobile: ending in 0, no account; in 9, two accounts; in 8888, already reported by Huawei
 * (CBC.99000051); otherwise one account.
 */
export const DEMO_MOBILES = {
  oneAccount: '0086-13900000001',
  twoAccounts: '0086-13900000009',
  noAccount: '0086-13900000000',
  reportedByHuawei: '0086-13900008888',
} as const;

const LINK_BASE = 'https://partner.example.com/invite/';
const LINK_DAYS = 30;
const EMAIL_LINK_DAYS = 7;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface LinkRow {
  link: s.OfflineInvitationLink;
  slot: string;
  revoked: boolean;
}

/**
 * Customer expansion: reporting (报备) customers by the mobile their account was registered with,
 * the invitation e-mail and its preview, and offline invitation links (generic, or custom with a
 * label), regenerated or revoked. Every accepted report joins the invitations list at its top.
 */
export class ReportingDesk {
  readonly #data: MemoryData;
  readonly #now: () => number;
  readonly #prng: Prng;
  /** Accounts reported by this partner: a second report of one is refused. */
  readonly #reported = new Set<string>();
  /** Every link made, by id; revoked and replaced ones stay known so that acting on them is refused, not lost. */
  readonly #links = new Map<string, LinkRow>();
  /** The id of the link in force per kind and label. */
  readonly #slots = new Map<string, string>();
  #sequence = 0;

  constructor(data: MemoryData, now: () => number, prng: Prng) {
    this.#data = data;
    this.#now = now;
    this.#prng = prng;
  }

  lookupAccounts(request: s.LookupAccountsRequest): s.CustomerAccount[] {
    return accountsOf(parseRequest(s.LookupAccountsRequest, request).mobile);
  }

  report(request: s.ReportCustomerRequest): s.ReportCustomerResult {
    const r = parseRequest(s.ReportCustomerRequest, request);
    const name = checkReportName(r.name);
    const email = r.email === undefined ? undefined : checkReportEmail(r.email);
    if (!name.ok || !checkReportMobile(r.mobile).ok || (email && !email.ok)) throw backendError('CBC.0100', 'Invalid customer details.');
    if (r.mobile.endsWith('8888')) {
      throw new KitError('conflict', 'The mobile or e-mail was already reported by Huawei.', { reason: 'reported-by-huawei', backendCode: 'CBC.99000051' });
    }
    const accounts = accountsOf(r.mobile);
    if (accounts.length === 0) throw new KitError('validation', 'No account is registered with this mobile.', { reason: 'no-account', backendCode: 'KIT.NO_ACCOUNT' });
    if (!accounts.some((a) => a.accountId === r.accountId)) {
      throw new KitError('validation', 'The account was not registered with this mobile.', { reason: 'account-mismatch', backendCode: 'KIT.ACCOUNT_MISMATCH' });
    }
    if (this.#reported.has(r.accountId)) throw new KitError('conflict', 'This customer was already reported.', { reason: 'already-reported', backendCode: 'KIT.ALREADY_REPORTED' });
    this.#reported.add(r.accountId);
    const now = this.#now();
    const invitationId = `inv-r${String(++this.#sequence).padStart(5, '0')}`;
    const invited = r.sendInvitation;
    this.#data.invitations.unshift({
      id: invitationId,
      name: name.value,
      mobile: r.mobile,
      email: email?.ok ? email.value : '',
      status: invited ? 'invited' : 'reported',
      failure: undefined,
      invitedAt: now,
      linkExpiresAt: now + EMAIL_LINK_DAYS * DAY,
      operator: OPERATOR_ACCOUNT,
    });
    return {
      invitationId,
      status: invited ? 'invited' : 'reported',
      reportedAt: instant(now),
      ...(invited ? { linkExpiresAt: instant(now + EMAIL_LINK_DAYS * DAY) } : {}),
    };
  }

  preview(request: s.PreviewInvitationEmailRequest): s.InvitationEmailPreview {
    const { locale, customerName } = parseRequest(s.PreviewInvitationEmailRequest, request);
    const name = customerName?.trim();
    const link = `${LINK_BASE}XXXXXXXXXX`;
    return locale === 'zh-CN'
      ? {
          subject: `${OPERATOR_ACCOUNT} 邀请您成为华为云伙伴客户`,
          body: `${name ? `${name}，您好：` : '您好：'}\n\n${OPERATOR_ACCOUNT} 邀请您关联为其客户。请在 ${EMAIL_LINK_DAYS} 天内打开以下链接完成关联：\n${link}\n\n如非本人操作，请忽略此邮件。`,
          linkValidDays: EMAIL_LINK_DAYS,
        }
      : {
          subject: `${OPERATOR_ACCOUNT} invites you to become a Huawei Cloud partner customer`,
          body: `${name ? `Dear ${name},` : 'Hello,'}\n\n${OPERATOR_ACCOUNT} invites you to associate with them as a customer. Open this link within ${EMAIL_LINK_DAYS} days to accept:\n${link}\n\nIf you did not expect this, ignore this e-mail.`,
          linkValidDays: EMAIL_LINK_DAYS,
        };
  }

  open(request: s.OpenInvitationLinkRequest): s.OfflineInvitationLink {
    const r = parseRequest(s.OpenInvitationLinkRequest, request);
    let label: string | undefined;
    if (r.kind === 'custom') {
      const check = checkLinkLabel(r.label ?? OPERATOR_ACCOUNT);
      if (!check.ok) throw backendError('CBC.0100', 'Invalid link label.');
      label = check.value;
    }
    const slot = label === undefined ? 'generic' : `custom|${label}`;
    const held = this.#links.get(this.#slots.get(slot) ?? '');
    if (held && !held.revoked && Date.parse(held.link.expiresAt) > this.#now()) return held.link;
    return this.#create(slot, label);
  }

  regenerate(request: s.InvitationLinkRequest): s.OfflineInvitationLink {
    const row = this.#inForce(request);
    row.revoked = true;
    return this.#create(row.slot, row.link.label);
  }

  revoke(request: s.InvitationLinkRequest): s.RevokeInvitationLinkResult {
    const row = this.#inForce(request);
    row.revoked = true;
    return { linkId: row.link.id, revokedAt: instant(this.#now()) };
  }

  #inForce(request: s.InvitationLinkRequest): LinkRow {
    const { linkId } = parseRequest(s.InvitationLinkRequest, request);
    const found = this.#links.get(linkId);
    if (!found) throw backendError('KIT.NOT_FOUND', 'No such invitation link.', { status: 404 });
    if (found.revoked) throw new KitError('conflict', 'The link was already revoked or replaced.', { reason: 'link-revoked', backendCode: 'KIT.LINK_REVOKED' });
    return found;
  }

  #create(slot: string, label: string | undefined): s.OfflineInvitationLink {
    const now = this.#now();
    let code = '';
    for (let i = 0; i < 10; i += 1) code += this.#prng.pick([...CODE_ALPHABET]);
    const url = new URL(`${LINK_BASE}${code}`);
    if (label !== undefined) url.searchParams.set('label', label);
    const link: s.OfflineInvitationLink = {
      id: `link-${String(++this.#sequence).padStart(5, '0')}`,
      kind: label === undefined ? 'generic' : 'custom',
      ...(label === undefined ? {} : { label }),
      url: url.href,
      createdAt: instant(now),
      expiresAt: instant(now + LINK_DAYS * DAY),
    };
    this.#links.set(link.id, { link, slot, revoked: false });
    this.#slots.set(slot, link.id);
    return link;
  }
}

/** The accounts registered with `mobile`, by the rule {@link DEMO_MOBILES} describes. */
function accountsOf(mobile: string): s.CustomerAccount[] {
  const digits = mobile.replace(/\D/g, '');
  const tail = digits.slice(-4);
  if (digits.endsWith('0')) return [];
  const first = { accountId: `acc-${digits}`, accountName: `hw_${tail}` };
  return digits.endsWith('9') ? [first, { accountId: `acc-${digits}-2`, accountName: `hw_${tail}_shop` }] : [first];
}
