import * as z from 'zod/mini';
import { Count, Str } from './common.js';

/** The kit contract's verification codes and reveal of masked data on the wire. */

export const PolicyWire = z.pipe(
  z.object({
    enabled: z.boolean(),
    guarded_purposes: z.array(Str),
    channels: z.array(z.object({ channel: Str, destination: Str })),
  }),
  z.transform((w) => ({ enabled: w.enabled, guardedPurposes: w.guarded_purposes, channels: w.channels })),
);

export const SendCodeWire = z.pipe(
  z.object({ channel: Str, destination: Str, resend_after_seconds: Count, expires_in_seconds: Count }),
  z.transform((w) => ({
    channel: w.channel,
    destination: w.destination,
    resendAfterSeconds: w.resend_after_seconds,
    expiresInSeconds: w.expires_in_seconds,
  })),
);

export const TicketWire = z.pipe(
  z.object({ ticket: Str, purpose: Str, expires_at: Str }),
  z.transform((w) => ({ ticket: w.ticket, purpose: w.purpose, expiresAt: w.expires_at })),
);

/** `POST /kit/v1/reveal`: the unmasked value. */
export const RevealWire = z.object({ value: Str });
