import type { VerificationPolicy } from '../schemas/verification.js';

/**
 * Purposes that need a code whatever the partner's setting: withdrawing balance (brief F6) and
 * changing where money is paid to (console §15).
 */
export const ALWAYS_VERIFIED: readonly string[] = ['withdraw', 'remittance-account'];

/** Whether `purpose` needs a verification code under `policy`. */
export function needsVerification(policy: VerificationPolicy | undefined, purpose: string): boolean {
  if (ALWAYS_VERIFIED.includes(purpose)) return true;
  return policy !== undefined && policy.enabled && policy.guardedPurposes.includes(purpose);
}
