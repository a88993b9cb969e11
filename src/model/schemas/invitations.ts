import * as z from 'zod/mini';
import { Id, Instant, PageRequest, pageOf } from './common.js';

export const InvitationStatus = z.enum(['reported', 'invited', 'associated', 'failed']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** Why an association failed, as the console explains it on hover. */
export const InvitationFailure = z.enum(['system-busy', 'link-expired', 'link-missing', 'code-used']);
export type InvitationFailure = z.infer<typeof InvitationFailure>;

/** A row of the invited-customers list. Personal fields arrive masked; the full value is revealed on demand. */
export const Invitation = z.object({
  id: Id,
  maskedName: z.string(),
  maskedMobile: z.string(),
  maskedEmail: z.string(),
  status: InvitationStatus,
  failure: z.optional(InvitationFailure),
  invitedAt: Instant,
  linkExpiresAt: Instant,
  operator: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationPage = pageOf(Invitation);

export const InvitationSortKey = z.enum(['invitedAt', 'linkExpiresAt', 'status', 'operator']);
export type InvitationSortKey = z.infer<typeof InvitationSortKey>;

export const ListInvitationsRequest = z.extend(PageRequest, {
  status: z.optional(InvitationStatus),
  query: z.optional(z.string().check(z.maxLength(64))),
  sortBy: z.optional(InvitationSortKey),
  sortDirection: z.optional(z.enum(['asc', 'desc'])),
});
export type ListInvitationsRequest = z.infer<typeof ListInvitationsRequest>;

export const ResendInvitationRequest = z.object({ invitationId: Id });
export type ResendInvitationRequest = z.infer<typeof ResendInvitationRequest>;

export const ResendInvitationResult = z.object({ invitationId: Id, sentAt: Instant, linkExpiresAt: Instant });
export type ResendInvitationResult = z.infer<typeof ResendInvitationResult>;
