import * as z from 'zod/mini';
import { LINK_LABEL_MAX, REPORT_EMAIL_MAX, REPORT_NAME_MAX } from '../rules/report.js';
import { Id, Instant } from './common.js';

/** A mobile as the partner center stores it: `country code-number`, e.g. `0086-13912345678`. */
const ReportMobile = z.string().check(z.maxLength(32), z.regex(/^00\d{1,4}-\d{4,20}$/));

/** A Huawei Cloud account registered with a mobile: one mobile may have several. */
export const CustomerAccount = z.object({ accountId: Id, accountName: z.string().check(z.minLength(1), z.maxLength(64)) });
export type CustomerAccount = z.infer<typeof CustomerAccount>;
export const CustomerAccountList = z.array(CustomerAccount);

/** Which accounts were registered with `mobile`. */
export const LookupAccountsRequest = z.object({ mobile: ReportMobile });
export type LookupAccountsRequest = z.infer<typeof LookupAccountsRequest>;

/**
 * Reports (报备) one customer. `email` is required when `sendInvitation` is on: the invitation, a
 * link valid 7 days, is e-mailed once the report is accepted.
 */
export const ReportCustomerRequest = z
  .object({
    name: z.string().check(z.minLength(1), z.maxLength(REPORT_NAME_MAX * 2)),
    mobile: ReportMobile,
    email: z.optional(z.string().check(z.maxLength(REPORT_EMAIL_MAX))),
    accountId: Id,
    sendInvitation: z.boolean(),
  })
  .check(z.refine((r) => !r.sendInvitation || r.email !== undefined, { message: 'email', path: ['email'] }));
export type ReportCustomerRequest = z.infer<typeof ReportCustomerRequest>;

/** A report the backend accepted: the row it added to the invitations list. */
export const ReportCustomerResult = z.object({
  invitationId: Id,
  status: z.enum(['reported', 'invited']),
  reportedAt: Instant,
  /** When the e-mailed link stops working; absent when no invitation was sent. */
  linkExpiresAt: z.optional(Instant),
});
export type ReportCustomerResult = z.infer<typeof ReportCustomerResult>;

/** Asks for the invitation e-mail as the customer would get it. */
export const PreviewInvitationEmailRequest = z.object({
  locale: z.enum(['zh-CN', 'en-US']),
  customerName: z.optional(z.string().check(z.maxLength(REPORT_NAME_MAX * 2))),
});
export type PreviewInvitationEmailRequest = z.infer<typeof PreviewInvitationEmailRequest>;

/** The invitation e-mail in plain text: shown as text, never as markup. */
export const InvitationEmailPreview = z.object({
  subject: z.string().check(z.maxLength(200)),
  body: z.string().check(z.maxLength(4000)),
  linkValidDays: z.int().check(z.gte(1), z.lte(365)),
});
export type InvitationEmailPreview = z.infer<typeof InvitationEmailPreview>;

/** A link a customer opens (or scans as a QR code) to be invited offline. */
export const OfflineInvitationLink = z.object({
  id: Id,
  kind: z.enum(['generic', 'custom']),
  /** A custom link's label: the operator's account name unless the partner chose one. */
  label: z.optional(z.string().check(z.maxLength(LINK_LABEL_MAX * 2))),
  /** Only http(s): the kit shows it, copies it and draws it as a QR code. */
  url: z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/\S+$/)),
  createdAt: Instant,
  expiresAt: Instant,
});
export type OfflineInvitationLink = z.infer<typeof OfflineInvitationLink>;

/** The link in force for a kind (and label), made on first ask: asking again answers the same link. */
export const OpenInvitationLinkRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('generic') }),
  z.object({ kind: z.literal('custom'), label: z.optional(z.string().check(z.maxLength(LINK_LABEL_MAX * 2))) }),
]);
export type OpenInvitationLinkRequest = z.infer<typeof OpenInvitationLinkRequest>;

/** Replaces a link with a new one (the old one stops working) or revokes it. */
export const InvitationLinkRequest = z.object({ linkId: Id });
export type InvitationLinkRequest = z.infer<typeof InvitationLinkRequest>;

export const RevokeInvitationLinkResult = z.object({ linkId: Id, revokedAt: Instant });
export type RevokeInvitationLinkResult = z.infer<typeof RevokeInvitationLinkResult>;
