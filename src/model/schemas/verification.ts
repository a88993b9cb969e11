import * as z from 'zod/mini';
import { Instant } from './common.js';

/** What is being confirmed, e.g. `withdraw`, `issue-coupon`, `reclaim-coupon`. */
export const VerificationPurpose = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));
export type VerificationPurpose = z.infer<typeof VerificationPurpose>;

export const VerificationChannel = z.enum(['sms', 'email']);
export type VerificationChannel = z.infer<typeof VerificationChannel>;

export const VerificationPolicy = z.object({
  /** The partner switched verification-code checking on. */
  enabled: z.boolean(),
  /** Purposes the policy guards when enabled. */
  guardedPurposes: z.array(VerificationPurpose),
  /** Where codes can go; destinations arrive masked. */
  channels: z.array(z.object({ channel: VerificationChannel, destination: z.string() })),
});
export type VerificationPolicy = z.infer<typeof VerificationPolicy>;

export const SendCodeRequest = z.object({ purpose: VerificationPurpose, channel: VerificationChannel });
export type SendCodeRequest = z.infer<typeof SendCodeRequest>;

export const SendCodeResult = z.object({
  channel: VerificationChannel,
  destination: z.string(),
  resendAfterSeconds: z.int().check(z.gte(0)),
  expiresInSeconds: z.int().check(z.gte(1)),
});
export type SendCodeResult = z.infer<typeof SendCodeResult>;

export const CheckCodeRequest = z.object({
  purpose: VerificationPurpose,
  channel: VerificationChannel,
  code: z.string().check(z.regex(/^\d{6}$/)),
});
export type CheckCodeRequest = z.infer<typeof CheckCodeRequest>;

/** Proof of a passed check, handed with the money-moving call it was made for. Single use. */
export const VerificationTicket = z.object({ ticket: z.string().check(z.minLength(8)), purpose: VerificationPurpose, expiresAt: Instant });
export type VerificationTicket = z.infer<typeof VerificationTicket>;
