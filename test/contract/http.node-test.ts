import { after, describe, it } from 'node:test';
import { runContractSuite } from '../../src/testing/index.js';
import { manualClock } from './clock.js';
import { REMITTER_ACCOUNT } from './remitter-account.js';
import { REPORT_MOBILES } from './report-mobiles.js';
import { referenceServer } from './reference-server.js';

const clock = manualClock();
// KIT_TEST_DATABASE_URL: the same suite on a PostgreSQL server instead of PGlite.
const url = process.env['KIT_TEST_DATABASE_URL'];
const { server, makeApi, readCode, readRegistrationCode, settlePayment, reviewClaim, matchRemittance } = await referenceServer(clock.now, url ? { kind: 'url', url } : { kind: 'memory' });
after(() => server.close());

runContractSuite(`HTTP adapter against the reference server on ${url ? 'PostgreSQL' : 'PGlite'}`, makeApi, {
  test: { describe, it },
  now: clock.now,
  advanceClock: clock.advance,
  readCode,
  readRegistrationCode,
  settlePayment,
  remitterAccount: REMITTER_ACCOUNT,
  reviewClaim,
  matchRemittance,
  reportMobiles: REPORT_MOBILES,
  rateLimit: { perSecond: 10 },
});
