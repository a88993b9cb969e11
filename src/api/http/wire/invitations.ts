import * as z from 'zod/mini';
import { Count, OptStr, Str, present } from './common.js';

/** The kit contract's invitations, customer reports and offline invitation links on the wire. */

export const InvitationPageWire = z.pipe(
  z.object({
    total_count: Count,
    invitations: z.array(
      z.object({
        invitation_id: Str,
        masked_name: Str,
        masked_mobile: Str,
        masked_email: Str,
        status: Str,
        failure_reason: OptStr,
        invited_at: Str,
        link_expires_at: Str,
        operator: Str,
      }),
    ),
  }),
  z.transform((w) => ({
    total: w.total_count,
    items: w.invitations.map((i) => ({
      id: i.invitation_id,
      maskedName: i.masked_name,
      maskedMobile: i.masked_mobile,
      maskedEmail: i.masked_email,
      status: i.status,
      ...present('failure', i.failure_reason),
      invitedAt: i.invited_at,
      linkExpiresAt: i.link_expires_at,
      operator: i.operator,
    })),
  })),
);

export const ResendWire = z.pipe(
  z.object({ invitation_id: Str, sent_at: Str, link_expires_at: Str }),
  z.transform((w) => ({ invitationId: w.invitation_id, sentAt: w.sent_at, linkExpiresAt: w.link_expires_at })),
);

/** `GET /kit/v1/customer-accounts?mobile=…`: the accounts registered with a mobile. */
export const CustomerAccountsWire = z.pipe(
  z.object({ accounts: z.array(z.object({ account_id: Str, account_name: Str })) }),
  z.transform((w) => w.accounts.map((a) => ({ accountId: a.account_id, accountName: a.account_name }))),
);

/** `POST /kit/v1/customer-reports`: the invitations-list row a report made. */
export const ReportWire = z.pipe(
  z.object({ invitation_id: Str, status: Str, reported_at: Str, link_expires_at: OptStr }),
  z.transform((w) => ({ invitationId: w.invitation_id, status: w.status, reportedAt: w.reported_at, ...present('linkExpiresAt', w.link_expires_at) })),
);

/** `POST /kit/v1/invitation-email/preview`: the e-mail in plain text. */
export const EmailPreviewWire = z.pipe(
  z.object({ subject: Str, body: Str, link_valid_days: z.int() }),
  z.transform((w) => ({ subject: w.subject, body: w.body, linkValidDays: w.link_valid_days })),
);

/** An offline invitation link. */
export const InvitationLinkWire = z.pipe(
  z.object({ link_id: Str, kind: Str, label: OptStr, url: Str, created_at: Str, expires_at: Str }),
  z.transform((w) => ({ id: w.link_id, kind: w.kind, ...present('label', w.label), url: w.url, createdAt: w.created_at, expiresAt: w.expires_at })),
);

/** `POST /kit/v1/invitation-links/{id}/revoke`. */
export const RevokeLinkWire = z.pipe(
  z.object({ link_id: Str, revoked_at: Str }),
  z.transform((w) => ({ linkId: w.link_id, revokedAt: w.revoked_at })),
);
