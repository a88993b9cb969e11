import type { PartnerApi } from '../api/adapter.js';
import { ensure, equal, rejects } from './assertions.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

/** Codes: expiry, three attempts then a lock, the resend wait, the send caps. */
export function verificationCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  const { it } = t;
  const { readCode, advanceClock } = options;

  it('refuses a check when no code was sent', async () => {
    const api = await makeApi();
    await rejects(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: '000000' }), 'validation', 'code-not-sent');
  });

  it('makes a second send wait', async () => {
    const api = await makeApi();
    const sent = await api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' });
    ensure(sent.resendAfterSeconds > 0 && sent.expiresInSeconds > 0, 'the send tells its waits');
    const error = await rejects(api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }), 'rate-limited', 'resend-too-soon');
    ensure((error.retryAfterMs ?? 0) > 0, 'resend-too-soon carries how long to wait');
  });

  it('caps sends at 15 an hour', async () => {
    const api = await makeApi();
    for (let i = 0; i < 15; i += 1) await api.sendVerificationCode({ purpose: `cap-test-${i}`, channel: 'email' });
    await rejects(api.sendVerificationCode({ purpose: 'cap-test-last', channel: 'email' }), 'rate-limited', 'send-limit');
  });

  if (readCode) {
    it('locks a purpose after three wrong codes, even against the right one', async () => {
      const api = await makeApi();
      await api.sendVerificationCode({ purpose: 'issue-coupon', channel: 'sms' });
      const code = await readCode(api, 'issue-coupon', 'sms');
      const wrong = code === '000000' ? '111111' : '000000';
      await rejects(api.checkVerificationCode({ purpose: 'issue-coupon', channel: 'sms', code: wrong }), 'validation', 'code-incorrect');
      await rejects(api.checkVerificationCode({ purpose: 'issue-coupon', channel: 'sms', code: wrong }), 'validation', 'code-incorrect');
      const locked = await rejects(api.checkVerificationCode({ purpose: 'issue-coupon', channel: 'sms', code: wrong }), 'rate-limited', 'attempts-exceeded');
      ensure((locked.retryAfterMs ?? 0) > 0, 'the lock says when it ends');
      await rejects(api.checkVerificationCode({ purpose: 'issue-coupon', channel: 'sms', code }), 'rate-limited', 'attempts-exceeded');
    });

    it('gives a single-use ticket for the purpose checked', async () => {
      const api = await makeApi();
      await api.sendVerificationCode({ purpose: 'withdraw', channel: 'email' });
      const ticket = await api.checkVerificationCode({ purpose: 'withdraw', channel: 'email', code: await readCode(api, 'withdraw', 'email') });
      equal(ticket.purpose, 'withdraw', 'the ticket purpose');
      ensure(Date.parse(ticket.expiresAt) > Date.now() - 60_000, 'the ticket expires in the future');
      await rejects(api.checkVerificationCode({ purpose: 'withdraw', channel: 'email', code: '123456' }), 'validation', 'code-not-sent');
    });
  }

  if (readCode && advanceClock) {
    it('expires a code after its lifetime', async () => {
      const api = await makeApi();
      const sent = await api.sendVerificationCode({ purpose: 'reclaim-coupon', channel: 'sms' });
      const code = await readCode(api, 'reclaim-coupon', 'sms');
      await advanceClock(sent.expiresInSeconds * 1000 + 1000);
      await rejects(api.checkVerificationCode({ purpose: 'reclaim-coupon', channel: 'sms', code }), 'validation', 'code-expired');
    });
  }
}
