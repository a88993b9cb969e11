import type { PartnerApi } from '../../src/api/adapter.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import { runContractSuite } from '../../src/testing/index.js';
import { manualClock } from './clock.js';
import { REMITTER_ACCOUNT } from './remitter-account.js';
import { REPORT_MOBILES } from './report-mobiles.js';

// The contract suite on the in-memory adapter, in the browser under mocha (the suite's default
// `describe` / `it`); the HTTP adapter's run against the reference server is http.node-test.ts.
const clock = manualClock();

runContractSuite('in-memory adapter', async () => createMemoryAdapter({ now: clock.now, invitationCount: 200 }), {
  now: clock.now,
  advanceClock: clock.advance,
  readCode: async (api: PartnerApi, purpose, channel) => {
    const sent = (api as MemoryPartnerApi).outbox.filter((m) => m.purpose === purpose && m.channel === channel).at(-1);
    if (!sent) throw new Error(`no ${channel} code for ${purpose}`);
    return sent.code;
  },
  reportMobiles: REPORT_MOBILES,
  readRegistrationCode: async (api: PartnerApi, mobile) => {
    const sent = (api as MemoryPartnerApi).registrationCodes.filter((c) => c.mobile === mobile).at(-1);
    if (!sent) throw new Error(`no registration code for ${mobile}`);
    return sent.code;
  },
  settlePayment: (api: PartnerApi, paymentId, outcome) => (api as MemoryPartnerApi).settlePayment(paymentId, outcome),
  remitterAccount: REMITTER_ACCOUNT,
  reviewClaim: (api: PartnerApi, claimId, outcome, reason) => (api as MemoryPartnerApi).reviewClaim(claimId, outcome, reason),
  matchRemittance: (api: PartnerApi, remittanceId) => (api as MemoryPartnerApi).matchRemittance(remittanceId),
  rateLimit: { perSecond: 10, makeApi: async () => createMemoryAdapter({ now: clock.now, invitationCount: 10, rateLimitPerSecond: 10 }) },
});
