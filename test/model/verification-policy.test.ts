import { expect } from '@open-wc/testing';
import { ALWAYS_VERIFIED, needsVerification } from '../../src/model/rules/verification-policy.js';
import type { VerificationPolicy } from '../../src/model/schemas/verification.js';

const policy = (enabled: boolean, guardedPurposes: string[]): VerificationPolicy => ({
  enabled,
  guardedPurposes,
  channels: [{ channel: 'sms', destination: '0086-139****1234' }],
});

describe('needsVerification', () => {
  it('always asks for a withdrawal and a change of payout account, whatever the policy says', () => {
    expect(ALWAYS_VERIFIED).to.have.members(['withdraw', 'remittance-account']);
    for (const purpose of ALWAYS_VERIFIED) {
      expect(needsVerification(undefined, purpose), `${purpose} before the policy is read`).to.equal(true);
      expect(needsVerification(policy(false, []), purpose), `${purpose} with the policy off`).to.equal(true);
    }
  });

  it('asks for a purpose the enabled policy guards', () => {
    expect(needsVerification(policy(true, ['issue-coupon']), 'issue-coupon')).to.equal(true);
  });

  it('does not ask for a purpose the policy leaves out, or when the policy is off', () => {
    expect(needsVerification(policy(true, ['issue-coupon']), 'reclaim-coupon')).to.equal(false);
    expect(needsVerification(policy(false, ['issue-coupon']), 'issue-coupon')).to.equal(false);
  });

  it('does not ask before the policy is read, unless the purpose always needs a code', () => {
    expect(needsVerification(undefined, 'issue-coupon')).to.equal(false);
  });
});
