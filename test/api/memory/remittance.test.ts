import { expect } from '@open-wc/testing';
import { failure } from '../../support/failure.js';
import { createMemoryAdapter, type FaultKind, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { seedUnclaimedTransfers } from '../../../src/api/memory/remittance-seed.js';
import { VOUCHER_FILE_MAX_BYTES } from '../../../src/model/schemas/remittance.js';
import { ticketFor } from './tickets.js';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const PAGE = { offset: 0, limit: 100 };

function adapter(options: MemoryAdapterOptions = {}): MemoryPartnerApi {
  return createMemoryAdapter({ now: () => NOW, ...options });
}

async function enabled(api: MemoryPartnerApi): Promise<string> {
  return (await api.enableRemittanceAccount({ idempotencyKey: 'enable-1', verificationTicket: await ticketFor(api, 'remittance-account') })).id;
}

const voucher = (type = 'image/png', bytes = 2048, name = 'voucher.png') => new File([new Uint8Array(bytes)], name, { type });

/** The first unclaimed remittance of at least ¥1.00 (every seeded one is). */
async function someRemittance(api: MemoryPartnerApi, remitterName = '有限公司') {
  const found = await api.searchUnclaimedRemittances({ ...PAGE, remitterName });
  const first = found.items[0];
  if (!first) throw new Error('no unclaimed remittance seeded');
  return first;
}

describe('memory remittance account', () => {
  it('is not enabled at first, and nothing has reached it', async () => {
    const api = adapter();
    expect(await api.getRemittanceAccount()).to.deep.equal({ status: 'not-enabled' });
    expect(await api.listRemittances(PAGE)).to.deep.equal({ items: [], total: 0 });
  });

  it('needs a remittance-account code to enable even when the partner switched codes off, and keeps the ticket on refusal', async () => {
    const api = adapter({ verification: { enabled: false } });
    const refused = await failure(api.enableRemittanceAccount({ idempotencyKey: 'e1' }));
    expect(refused).to.include({ code: 'verification-required' });
    const withdrawTicket = await ticketFor(api, 'withdraw');
    expect((await failure(api.enableRemittanceAccount({ idempotencyKey: 'e1', verificationTicket: withdrawTicket }))).code).to.equal('verification-required');
    const ticket = await ticketFor(api, 'remittance-account');
    const account = await api.enableRemittanceAccount({ idempotencyKey: 'e1', verificationTicket: ticket });
    expect(account).to.include({ beneficiary: '华为云计算技术有限公司', maskedAccountNumber: '1109 **** **** 8461', currency: 'CNY', enabledAt: '2026-11-24T08:00:00Z' });
    expect(account.payerNames).to.deep.equal([]);
    expect(await api.getRemittanceAccount()).to.deep.equal({ status: 'enabled', account });
    // The ticket was spent: a new intent needs a new code.
    expect((await failure(api.enableRemittanceAccount({ idempotencyKey: 'e2', verificationTicket: ticket }))).code).to.equal('verification-required');
  });

  it('answers the same account when enabled twice, and replays a key without a second effect', async () => {
    const api = adapter();
    const first = await api.enableRemittanceAccount({ idempotencyKey: 'e1', verificationTicket: await ticketFor(api, 'remittance-account') });
    const replay = await api.enableRemittanceAccount({ idempotencyKey: 'e1' });
    const second = await api.enableRemittanceAccount({ idempotencyKey: 'e2', verificationTicket: await ticketFor(api, 'remittance-account') });
    expect(replay).to.deep.equal(first);
    expect(second).to.deep.equal(first);
  });

  it('shows pending and matched transfers once enabled, newest first, filtered by status', async () => {
    const api = adapter();
    await enabled(api);
    const all = await api.listRemittances(PAGE);
    expect(all.total).to.equal(6);
    expect(all.items.map((r) => r.status)).to.deep.equal(['pending', 'pending', 'matched', 'matched', 'matched', 'matched']);
    expect(all.items.every((r) => /^\d{4} \*{4} \*{4} \d{4}$/.test(r.maskedRemitterAccount))).to.equal(true);
    const received = all.items.map((r) => r.receivedAt);
    expect(received).to.deep.equal([...received].sort().reverse());
    expect((await api.listRemittances({ ...PAGE, status: 'pending' })).items.every((r) => r.status === 'pending' && r.matchedAt === undefined)).to.equal(true);
    const pendingId = all.items[0]?.id ?? '';
    api.matchRemittance(pendingId);
    expect((await api.listRemittances({ ...PAGE, status: 'pending' })).total).to.equal(1);
    expect((await api.listRemittances(PAGE)).items[0]).to.include({ id: pendingId, status: 'matched', matchedAt: '2026-11-24T08:00:00Z' });
  });

  it('texts the details to the partner’s mobile through the outbox, once per key, only once enabled', async () => {
    const api = adapter();
    expect(await failure(api.sendRemittanceDetails({ idempotencyKey: 's0' }))).to.include({ code: 'conflict', reason: 'remittance-not-enabled' });
    await enabled(api);
    const before = api.outbox.length;
    const sent = await api.sendRemittanceDetails({ idempotencyKey: 's1' });
    expect(sent).to.deep.equal({ destination: '0086-139****1234', sentAt: '2026-11-24T08:00:00Z' });
    expect(await api.sendRemittanceDetails({ idempotencyKey: 's1' })).to.deep.equal(sent);
    expect(api.outbox).to.have.length(before + 1);
    const message = api.outbox.at(-1);
    expect(message).to.include({ purpose: 'remittance-details', channel: 'sms', code: '' });
    expect(message?.text).to.contain('1109325871100028461').and.contain('HWC8026410375');
  });

  it('hands out the account proof as a real PDF, only once enabled', async () => {
    const api = adapter();
    expect((await failure(api.getRemittanceProof())).reason).to.equal('remittance-not-enabled');
    await enabled(api);
    const proof = await api.getRemittanceProof();
    expect(proof).to.include({ contentType: 'application/pdf', fileName: 'remittance-account-HWC8026410375.pdf' });
    const text = atob(proof.base64);
    expect(text.startsWith('%PDF-1.4')).to.equal(true);
    expect(text.trimEnd().endsWith('%%EOF')).to.equal(true);
    expect(text).to.contain('1109325871100028461');
    // The cross-reference table points at each object where it really starts.
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.map((offset) => text.slice(offset, offset + 8))).to.deep.equal([1, 2, 3, 4, 5].map((n) => `${n} 0 obj\n`));
    expect(Number(/startxref\n(\d+)/.exec(text)?.[1])).to.equal(text.indexOf('xref\n'));
  });

  it('reveals the full account number, audited, and nothing for another id or field', async () => {
    const api = adapter();
    expect((await failure(api.revealField({ resource: 'remittance-account', id: 'RA-0001', field: 'accountNumber' }))).code).to.equal('not-found');
    const id = await enabled(api);
    expect(await api.revealField({ resource: 'remittance-account', id, field: 'accountNumber' })).to.deep.equal({ value: '1109325871100028461' });
    expect(api.auditLog.at(-1)).to.deep.include({ resource: 'remittance-account', id, field: 'accountNumber' });
    expect((await failure(api.revealField({ resource: 'remittance-account', id: 'RA-9999', field: 'accountNumber' }))).code).to.equal('not-found');
    expect(await failure(api.revealField({ resource: 'remittance-account', id, field: 'mobile' }))).to.include({ code: 'validation', reason: 'request' });
    expect((await failure(api.revealField({ resource: 'customer', id: 'c-0001', field: 'accountNumber' }))).code).to.equal('validation');
    expect(api.auditLog).to.have.length(1);
  });
});

describe('memory remittance payers', () => {
  it('refuses to save payers before the account is enabled', async () => {
    expect((await failure(adapter().saveRemittancePayers({ payerNames: ['张伟'] }))).reason).to.equal('remittance-not-enabled');
  });

  it('keeps up to five names, trimmed, and replaces the list each time', async () => {
    const api = adapter();
    await enabled(api);
    const saved = await api.saveRemittancePayers({ payerNames: ['  张伟 ', 'Acme Ltd', '李娜', '王芳', 'Northwind'] });
    expect(saved.payerNames).to.deep.equal(['张伟', 'Acme Ltd', '李娜', '王芳', 'Northwind']);
    expect((await api.saveRemittancePayers({ payerNames: ['李娜'] })).payerNames).to.deep.equal(['李娜']);
    const state = await api.getRemittanceAccount();
    expect(state.status === 'enabled' && state.account.payerNames).to.deep.equal(['李娜']);
    expect((await api.saveRemittancePayers({ payerNames: [] })).payerNames).to.deep.equal([]);
  });

  it('refuses a sixth name, an empty or over-long one and a repeat (letter case aside), naming the field', async () => {
    const api = adapter();
    await enabled(api);
    await api.saveRemittancePayers({ payerNames: ['Kept'] });
    const cases: [string[], string, string][] = [
      [['a', 'b', 'c', 'd', 'e', 'f'], 'payer-limit', 'payerNames'],
      [['a', '   '], 'payer-empty', 'payerNames.1'],
      [[`${'x'.repeat(101)}`], 'payer-too-long', 'payerNames.0'],
      [['Acme Ltd', 'b', ' ACME LTD'], 'payer-duplicate', 'payerNames.2'],
      // The form calls a full-width name the same payer; so does the backend.
      [['Ａｃｍｅ', 'acme'], 'payer-duplicate', 'payerNames.1'],
    ];
    for (const [payerNames, reason, field] of cases) {
      const refused = await failure(api.saveRemittancePayers({ payerNames }));
      expect(refused).to.include({ code: 'validation', reason });
      expect(refused.details.field).to.equal(field);
    }
    // A name of 100 characters after trimming is fine.
    expect((await api.saveRemittancePayers({ payerNames: [` ${'x'.repeat(100)} `] })).payerNames[0]).to.have.length(100);
  });
});

describe('memory unclaimed remittance search', () => {
  it('needs at least one criterion', async () => {
    const api = adapter();
    expect(await failure(api.searchUnclaimedRemittances(PAGE))).to.include({ code: 'validation', reason: 'search-criterion' });
    expect((await failure(api.searchUnclaimedRemittances({ ...PAGE, remitterName: '   ' }))).reason).to.equal('search-criterion');
  });

  it('matches the remitter by part of the name, any letter case, newest first', async () => {
    const api = adapter();
    const found = await api.searchUnclaimedRemittances({ ...PAGE, remitterName: 'acme' });
    expect(found.total).to.be.greaterThan(0);
    expect(found.items.every((r) => r.remitterName === 'Acme Cloud Services Ltd')).to.equal(true);
    const companies = await api.searchUnclaimedRemittances({ ...PAGE, remitterName: '有限公司' });
    expect(companies.total).to.be.greaterThan(10);
    const received = companies.items.map((r) => r.receivedAt);
    expect(received).to.deep.equal([...received].sort().reverse());
  });

  it('seeds about thirty remittances of varied remitters and amounts', async () => {
    const api = adapter();
    const byName = new Map<string, number>();
    for (const name of ['有限公司', '张伟', '李娜', '王芳', 'Ltd', 'Co.']) byName.set(name, (await api.searchUnclaimedRemittances({ ...PAGE, remitterName: name })).total);
    expect([...byName.values()].reduce((a, b) => a + b, 0)).to.equal(30);
    const amounts = new Set((await api.searchUnclaimedRemittances({ ...PAGE, remitterName: '有限公司' })).items.map((r) => r.amount));
    expect(amounts.size).to.be.greaterThan(10);
  });

  it('matches the remitting account exactly against the full number, never the masked one', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    const masked = remittance.maskedRemitterAccount;
    const full = fullAccount(masked);
    const found = await api.searchUnclaimedRemittances({ ...PAGE, remitterAccount: full });
    expect(found.items.map((r) => r.id)).to.deep.equal([remittance.id]);
    expect((await api.searchUnclaimedRemittances({ ...PAGE, remitterAccount: full.slice(0, -1) })).total).to.equal(0);
    expect((await failure(api.searchUnclaimedRemittances({ ...PAGE, remitterAccount: masked }))).code).to.equal('validation');
  });

  it('matches the amount exactly and combines criteria', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    const byAmount = await api.searchUnclaimedRemittances({ ...PAGE, amount: remittance.amount });
    expect(byAmount.items.map((r) => r.id)).to.include(remittance.id);
    expect(byAmount.items.every((r) => r.amount === remittance.amount)).to.equal(true);
    expect((await api.searchUnclaimedRemittances({ ...PAGE, amount: remittance.amount, remitterName: 'no such remitter' })).total).to.equal(0);
  });
});

/** The full number behind a masked remitting account, read from the deterministic seed the backend holds. */
function fullAccount(masked: string): string {
  const [head = '', , , tail = ''] = masked.split(' ');
  const row = seedUnclaimedTransfers(NOW).find((r) => r.remitterAccount.startsWith(head) && r.remitterAccount.endsWith(tail));
  if (!row) throw new Error(`no seeded account behind ${masked}`);
  return row.remitterAccount;
}

describe('memory remittance claims', () => {
  it('claims a remittance for review: it leaves the search and joins the claim records', async () => {
    const api = adapter();
    expect(await api.listRemittanceClaims(PAGE)).to.deep.equal({ items: [], total: 0 });
    const remittance = await someRemittance(api);
    const claim = await api.claimRemittance({ remittanceId: remittance.id, amount: remittance.amount, voucher: voucher() }, { idempotencyKey: 'c1' });
    expect(claim).to.deep.include({ remittanceId: remittance.id, remitterName: remittance.remitterName, amount: remittance.amount, status: 'reviewing', claimedAt: '2026-11-24T08:00:00Z' });
    expect(claim.voucher).to.deep.equal({ fileName: 'voucher.png', contentType: 'image/png', size: 2048 });
    expect((await api.searchUnclaimedRemittances({ ...PAGE, remitterName: remittance.remitterName })).items.map((r) => r.id)).not.to.include(remittance.id);
    expect((await api.listRemittanceClaims(PAGE)).items).to.deep.equal([claim]);
  });

  it('takes a part of the amount, and at least one cent', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    expect((await failure(api.claimRemittance({ remittanceId: remittance.id, amount: 0, voucher: voucher() }, { idempotencyKey: 'c0' }))).code).to.equal('validation');
    const claim = await api.claimRemittance({ remittanceId: remittance.id, amount: 1, voucher: voucher() }, { idempotencyKey: 'c1' });
    expect(claim.amount).to.equal(1);
  });

  it('refuses more than the remittance, naming its amount', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    const refused = await failure(api.claimRemittance({ remittanceId: remittance.id, amount: remittance.amount + 1, voucher: voucher() }, { idempotencyKey: 'c1' }));
    expect(refused).to.include({ code: 'validation', reason: 'amount-over-remittance', backendCode: 'KIT.CLAIM_OVER_REMITTANCE' });
    expect(refused.details.remittanceAmount).to.equal(remittance.amount);
  });

  it('checks the voucher’s type and size again on the backend side', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    const claim = (file: File, key: string) => api.claimRemittance({ remittanceId: remittance.id, amount: 100, voucher: file }, { idempotencyKey: key });
    expect((await failure(claim(voucher('image/gif', 10, 'v.gif'), 'k1'))).reason).to.equal('voucher-type');
    expect((await failure(claim(voucher('application/pdf', VOUCHER_FILE_MAX_BYTES + 1, 'v.pdf'), 'k2'))).reason).to.equal('voucher-size');
    expect((await failure(claim(voucher('image/jpeg', 0, 'v.jpg'), 'k3'))).reason).to.equal('voucher-size');
    expect((await failure(api.claimRemittance({ remittanceId: remittance.id, amount: 100, voucher: 'not a file' as unknown as File }, { idempotencyKey: 'k4' }))).reason).to.equal('request');
    expect((await claim(voucher('application/pdf', VOUCHER_FILE_MAX_BYTES, 'v.pdf'), 'k5')).voucher.size).to.equal(VOUCHER_FILE_MAX_BYTES);
  });

  it('refuses an unknown remittance', async () => {
    const refused = await failure(adapter().claimRemittance({ remittanceId: 'UR-0000', amount: 100, voucher: voucher() }, { idempotencyKey: 'c1' }));
    expect(refused.code).to.equal('not-found');
  });

  it('claims a remittance once: another key is refused already-claimed, the same key replays the claim', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    const request = { remittanceId: remittance.id, amount: remittance.amount, voucher: voucher() };
    const claim = await api.claimRemittance(request, { idempotencyKey: 'c1' });
    expect(await api.claimRemittance({ ...request, voucher: voucher() }, { idempotencyKey: 'c1' })).to.deep.equal(claim);
    expect(await failure(api.claimRemittance(request, { idempotencyKey: 'c2' }))).to.include({ code: 'conflict', reason: 'already-claimed' });
    expect((await api.listRemittanceClaims(PAGE)).total).to.equal(1);
    // The same key with another file is another request.
    expect((await failure(api.claimRemittance({ ...request, voucher: voucher('image/png', 10) }, { idempotencyKey: 'c1' }))).reason).to.equal('idempotency-key-reused');
  });

  it('moves a claim to approved, crediting the partner, or to rejected with why, freeing the remittance', async () => {
    const api = adapter();
    const [first, second] = (await api.searchUnclaimedRemittances({ ...PAGE, remitterName: '有限公司' })).items;
    if (!first || !second) throw new Error('seed too small');
    const balance = api.payments.accountBalance;
    const approved = await api.claimRemittance({ remittanceId: first.id, amount: first.amount, voucher: voucher() }, { idempotencyKey: 'c1' });
    const rejected = await api.claimRemittance({ remittanceId: second.id, amount: 100, voucher: voucher() }, { idempotencyKey: 'c2' });
    api.reviewClaim(approved.id, 'approved');
    api.reviewClaim(rejected.id, 'rejected', 'The voucher is unreadable.');
    api.reviewClaim(approved.id, 'rejected');
    const records = (await api.listRemittanceClaims(PAGE)).items;
    expect(records.map((c) => [c.id, c.status, c.rejectReason])).to.deep.equal([
      [rejected.id, 'rejected', 'The voucher is unreadable.'],
      [approved.id, 'approved', undefined],
    ]);
    expect(records.every((c) => c.reviewedAt === '2026-11-24T08:00:00Z')).to.equal(true);
    expect(api.payments.accountBalance).to.equal(balance + first.amount);
    const search = async (r: typeof first) => (await api.searchUnclaimedRemittances({ ...PAGE, amount: r.amount })).items.map((x) => x.id);
    expect(await search(first)).not.to.include(first.id);
    expect(await search(second)).to.include(second.id);
    expect((await api.claimRemittance({ remittanceId: second.id, amount: second.amount, voucher: voucher() }, { idempotencyKey: 'c3' })).status).to.equal('reviewing');
  });

  it('replays a refusal for its key, and the lookup says refused', async () => {
    const api = adapter();
    const remittance = await someRemittance(api);
    const request = { remittanceId: remittance.id, amount: remittance.amount + 1, voucher: voucher() };
    await failure(api.claimRemittance(request, { idempotencyKey: 'claim-001' }));
    expect((await failure(api.claimRemittance(request, { idempotencyKey: 'claim-001' }))).reason).to.equal('amount-over-remittance');
    const looked = await api.lookupIntent({ operation: 'claimRemittance', idempotencyKey: 'claim-001' });
    expect(looked.status === 'refused' && looked.error.reason).to.equal('amount-over-remittance');
  });
});

describe('memory remittance: planned refusals', () => {
  it('refuses a claim as already claimed, and the next key goes through', async () => {
    const api = adapter({ faults: { claimRemittance: { kind: 'refused', refusal: 'already-claimed', times: 1 } } });
    const remittance = await someRemittance(api);
    const request = { remittanceId: remittance.id, amount: 100, voucher: voucher() };
    expect(await failure(api.claimRemittance(request, { idempotencyKey: 'c1' }))).to.include({ code: 'conflict', reason: 'already-claimed', backendCode: 'KIT.ALREADY_CLAIMED' });
    expect((await api.listRemittanceClaims(PAGE)).total).to.equal(0);
    expect((await api.claimRemittance(request, { idempotencyKey: 'c2' })).status).to.equal('reviewing');
  });

  it('refuses an amount the remittance covers as over it', async () => {
    const api = adapter({ faults: { claimRemittance: { kind: 'refused', refusal: 'amount-over-remittance', times: 1 } } });
    const remittance = await someRemittance(api);
    const refused = await failure(api.claimRemittance({ remittanceId: remittance.id, amount: 1, voucher: voucher() }, { idempotencyKey: 'c1' }));
    expect(refused.reason).to.equal('amount-over-remittance');
    expect((await api.listRemittanceClaims(PAGE)).total).to.equal(0);
  });
});

type Write = 'enableRemittanceAccount' | 'sendRemittanceDetails' | 'claimRemittance';

/** Each keyed write, run on a fresh backend with its prerequisites met, and what its effect left behind. */
const WRITES: Record<Write, { prepare: (api: MemoryPartnerApi) => Promise<(key: string) => Promise<unknown>>; effects: (api: MemoryPartnerApi) => Promise<number> }> = {
  enableRemittanceAccount: {
    prepare: async (api) => {
      const ticket = await ticketFor(api, 'remittance-account');
      return (key) => api.enableRemittanceAccount({ idempotencyKey: key, verificationTicket: ticket });
    },
    effects: async (api) => ((await api.getRemittanceAccount()).status === 'enabled' ? 1 : 0),
  },
  sendRemittanceDetails: {
    prepare: async (api) => {
      await enabled(api);
      return (key) => api.sendRemittanceDetails({ idempotencyKey: key });
    },
    effects: async (api) => Promise.resolve(api.outbox.filter((m) => m.purpose === 'remittance-details').length),
  },
  claimRemittance: {
    prepare: async (api) => {
      const remittance = await someRemittance(api);
      const file = voucher();
      return (key) => api.claimRemittance({ remittanceId: remittance.id, amount: 100, voucher: file }, { idempotencyKey: key });
    },
    effects: async (api) => (await api.listRemittanceClaims(PAGE)).total,
  },
};

const BEFORE_EFFECT: FaultKind[] = ['rate-limited', 'server', 'timeout', 'tenant-mismatch', 'offline'];
const EXPECTED_CODE: Record<FaultKind, string> = {
  'rate-limited': 'rate-limited',
  server: 'server',
  timeout: 'timeout',
  'tenant-mismatch': 'configuration',
  offline: 'network',
  malformed: 'malformed-response',
};

describe('memory remittance: transport faults on each write', () => {
  for (const [operation, write] of Object.entries(WRITES) as [Write, (typeof WRITES)[Write]][]) {
    for (const kind of BEFORE_EFFECT) {
      it(`${operation}: ${kind} before the backend acts leaves no effect, and the same key then takes effect once`, async () => {
        const api = adapter();
        const run = await write.prepare(api);
        api.setFaults({ [operation]: { kind, times: 1 } });
        expect((await failure(run('intent-01'))).code).to.equal(EXPECTED_CODE[kind]);
        expect(await write.effects(api)).to.equal(0);
        await run('intent-01');
        await run('intent-01');
        expect(await write.effects(api)).to.equal(1);
      });
    }

    it(`${operation}: an answer lost after the effect (timeout) is replayed for the same key, and the lookup says done`, async () => {
      const api = adapter();
      const run = await write.prepare(api);
      api.setFaults({ [operation]: { kind: 'timeout', afterEffect: true, times: 1 } });
      expect((await failure(run('intent-01'))).code).to.equal('timeout');
      expect(await write.effects(api)).to.equal(1);
      const looked = await api.lookupIntent({ operation, idempotencyKey: 'intent-01' });
      const replayed = await run('intent-01');
      expect(looked.status === 'done' && looked.result).to.deep.equal(replayed);
      expect(await write.effects(api)).to.equal(1);
    });

    it(`${operation}: a malformed answer is an error, the effect stands and the same key replays it`, async () => {
      const api = adapter();
      const run = await write.prepare(api);
      api.setFaults({ [operation]: { kind: 'malformed', times: 1 } });
      expect((await failure(run('intent-01'))).code).to.equal('malformed-response');
      expect(await write.effects(api)).to.equal(1);
      await run('intent-01');
      expect(await write.effects(api)).to.equal(1);
    });

    it(`${operation}: a key looked up as not done is refused for good`, async () => {
      const api = adapter();
      const run = await write.prepare(api);
      expect((await api.lookupIntent({ operation, idempotencyKey: 'intent-01' })).status).to.equal('not-done');
      expect((await failure(run('intent-01'))).reason).to.equal('intent-abandoned');
      expect(await write.effects(api)).to.equal(0);
    });
  }
});
