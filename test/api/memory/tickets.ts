import type { MemoryPartnerApi } from '../../../src/api/memory/index.js';

/** Passes a code check for `purpose` the way a user does: send, read the outbox, check. */
export async function ticketFor(api: MemoryPartnerApi, purpose: string): Promise<string> {
  await api.sendVerificationCode({ purpose, channel: 'sms' });
  const code = api.outbox.at(-1)?.code ?? '';
  return (await api.checkVerificationCode({ purpose, channel: 'sms', code })).ticket;
}
