import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { KitError } from '../../src/model/errors.js';
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

describe('HTTP adapter: the wrong-code words against the reference server', () => {
  it('states no count of attempts left: the contract error body carries none', async () => {
    const { verificationFailure } = await import('../../src/i18n/messages/verification-code-modal-desk.js');
    const api = await makeApi();
    await api.sendVerificationCode({ purpose: 'unbind', channel: 'sms' });
    const code = await readCode(api, 'unbind', 'sms');
    const error = await api.checkVerificationCode({ purpose: 'unbind', channel: 'sms', code: code === '000000' ? '111111' : '000000' }).then(
      () => assert.fail('a wrong code passed'),
      (caught: KitError) => caught,
    );
    assert.equal(error.reason, 'code-incorrect');
    const words = verificationFailure(error, 'en-US', 0);
    assert.match(words, /^The code is not correct\. Check it and type it again\./);
    assert.doesNotMatch(words, /attempt/);
  });
});
