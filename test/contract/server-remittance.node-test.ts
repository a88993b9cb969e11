import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { VOUCHER_FILE_MAX_BYTES } from '../../src/model/schemas/remittance.js';
import { provisionTenant } from '../../server/src/seed.js';
import { startServer, type RunningServer } from '../../server/src/server.js';
import { REMITTER_ACCOUNT } from './remitter-account.js';

// The reference server's remittance promises over raw HTTP, where an adapter would have stopped the
// request first (a wrong voucher, six payer names) or cannot look (stored rows, the dev routes).

let server: RunningServer;
const token = 'remit-token';
const call = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { 'X-Auth-Token': token, ...(typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}), ...headers } });
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

/** A code check for `purpose` through the outbox, as a user passes it. */
async function ticket(purpose: string): Promise<string> {
  await call('/kit/v1/verification/codes', { method: 'POST', body: JSON.stringify({ purpose, channel: 'sms' }) });
  const [sent] = await server.db.query<{ code: string }>("SELECT code FROM outbox WHERE tenant_id = 'remit' AND purpose = $1 ORDER BY id DESC LIMIT 1", [purpose]);
  const checked = await json(await call('/kit/v1/verification/checks', { method: 'POST', body: JSON.stringify({ purpose, channel: 'sms', code: sent?.code }) }));
  return String(checked['ticket']);
}

async function unclaimed(): Promise<{ remittance_id: string; amount: number }> {
  const found = await json(await call('/kit/v1/unclaimed-remittances/search', { method: 'POST', body: JSON.stringify({ remitter_account: REMITTER_ACCOUNT, offset: 0, limit: 10 }) }));
  return (found['remittances'] as { remittance_id: string; amount: number }[])[0] as { remittance_id: string; amount: number };
}

function claimForm(remittanceId: string, amount: number, file?: Blob, name = 'voucher.png'): FormData {
  const form = new FormData();
  form.append('remittance_id', remittanceId);
  form.append('amount', String(amount));
  if (file) form.append('voucher', file, name);
  return form;
}

const claim = (form: FormData, key: string) => call('/kit/v1/remittance-claims', { method: 'POST', body: form }, { 'Idempotency-Key': key });

before(async () => {
  server = await startServer({ location: { kind: 'memory' }, rateLimitPerSecond: 1000, maxBodyBytes: 4096, devOutbox: true });
  // Codes off by the partner's policy: only the always-guarded purposes (enabling the account) ask for one.
  await provisionTenant(server.db, { tenantId: 'remit', token, now: Date.now(), invitationCount: 0, verificationEnabled: false });
});
after(() => server.close());

describe('reference server: remittance account and claims over raw HTTP', () => {
  it('judges the voucher on the server: a wrong type or size is refused, and replayed, with nothing kept', async () => {
    const { remittance_id: id } = await unclaimed();
    const text = await claim(claimForm(id, 1, new Blob(['hello'], { type: 'text/plain' }), 'voucher.txt'), 'k-claim-type');
    assert.equal(text.status, 400);
    assert.equal((await json(text))['error_code'], 'KIT.VOUCHER_TYPE');
    const big = await claim(claimForm(id, 1, new Blob([new Uint8Array(VOUCHER_FILE_MAX_BYTES + 1)], { type: 'image/png' })), 'k-claim-size');
    assert.deepEqual(await json(big), { max_bytes: VOUCHER_FILE_MAX_BYTES, error_code: 'KIT.VOUCHER_SIZE', error_msg: 'The voucher file is empty or too large.' });
    const again = await claim(claimForm(id, 1, new Blob(['hello'], { type: 'text/plain' }), 'voucher.txt'), 'k-claim-type');
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true', 'the refusal is the key’s answer');
    const fileless = await claim(claimForm(id, 1), 'k-claim-none');
    assert.equal(fileless.status, 400);
    assert.equal((await json(fileless))['error_code'], 'CBC.0100');
    const huge = await claim(claimForm(id, 1, new Blob([new Uint8Array(VOUCHER_FILE_MAX_BYTES + 8192)], { type: 'image/png' })), 'k-claim-huge');
    assert.equal(huge.status, 413, 'a body past the file limit and the form around it is not read');
    assert.deepEqual(await server.db.query("SELECT claim_id FROM remittance_claims WHERE tenant_id = 'remit'"), []);
  });

  it('keeps an accepted voucher’s bytes with their digest, and answers the claim in the contract’s shape', async () => {
    const { remittance_id: id, amount } = await unclaimed();
    const bytes = new Uint8Array(3000).map((_, i) => i % 251);
    const answer = await claim(claimForm(id, amount, new Blob([bytes], { type: 'application/pdf' }), 'transfer.pdf'), 'k-claim-good');
    assert.equal(answer.status, 200);
    const body = await json(answer);
    assert.deepEqual({ ...body, claim_id: undefined, claimed_at: undefined }, {
      claim_id: undefined, remittance_id: id, remitter_name: body['remitter_name'], amount, currency: 'CNY', claimed_at: undefined,
      voucher: { file_name: 'transfer.pdf', content_type: 'application/pdf', size: 3000 }, status: 'reviewing',
    });
    const [row] = await server.db.query<{ voucher_sha256: string; size: number }>(
      "SELECT voucher_sha256, octet_length(voucher) AS size FROM remittance_claims WHERE tenant_id = 'remit' AND claim_id = $1",
      [body['claim_id']],
    );
    assert.deepEqual(row, { voucher_sha256: createHash('sha256').update(bytes).digest('hex'), size: 3000 });
    const other = await claim(claimForm(id, amount, new Blob([bytes.slice(1)], { type: 'application/pdf' }), 'transfer.pdf'), 'k-claim-good');
    assert.equal((await json(other))['error_code'], 'KIT.IDEMPOTENCY_MISMATCH', 'another file under the same key is another request');
  });

  it('refuses payer lists past the rules, naming the field, and audits a reveal of the account number', async () => {
    const enabled = await call('/kit/v1/remittance-account/enable', { method: 'POST', body: '{}' }, { 'Idempotency-Key': 'k-enable-1', 'X-Verification-Ticket': await ticket('remittance-account') });
    const account = await json(enabled);
    assert.equal(enabled.status, 200);
    const save = (names: string[]) => call('/kit/v1/remittance-account/payers', { method: 'PUT', body: JSON.stringify({ payer_names: names }) });
    assert.deepEqual(await json(await save(['A', 'B', 'C', 'D', 'E', 'F'])), { field: 'payer_names', max: 5, error_code: 'KIT.PAYER_LIMIT', error_msg: 'At most 5 payer names.' });
    assert.deepEqual(await json(await save(['Acme', 'ACME'])), { field: 'payer_names.1', error_code: 'KIT.PAYER_DUPLICATE', error_msg: 'A payer name appears twice.' });
    assert.equal((await json(await save([' ', 'B'])))['error_code'], 'KIT.PAYER_EMPTY');
    const reveal = await json(await call('/kit/v1/reveal', { method: 'POST', body: JSON.stringify({ resource: 'remittance-account', id: account['account_id'], field: 'accountNumber' }) }));
    assert.match(String(reveal['value']), /^\d{16,19}$/);
    const audit = await server.db.query("SELECT resource, record_id, field FROM reveal_audit WHERE tenant_id = 'remit'");
    assert.deepEqual(audit, [{ resource: 'remittance-account', record_id: account['account_id'], field: 'accountNumber' }]);
  });

  it('names the payment under way when an order is paid again while it is open, in the first answer and its replay', async () => {
    const overview = await json(await call('/kit/v1/order-payments'));
    const order = (overview['orders'] as { order_id: string; service_start_time: string }[]).find((o) => Date.parse(o.service_start_time) > Date.now());
    assert.ok(order);
    const pay = (key: string, body: unknown) => call(`/kit/v1/order-payments/${order.order_id}/pay`, { method: 'POST', body: JSON.stringify(body) }, { 'Idempotency-Key': key });
    const opened = await json(await pay('k-pay-online', { method: 'online', channel: 'petal' }));
    const paymentId = (opened['action'] as { payment_id: string }).payment_id;
    const refused = await pay('k-pay-again', { method: 'balance' });
    assert.equal(refused.status, 409);
    assert.deepEqual(await json(refused), { payment_id: paymentId, order_id: order.order_id, error_code: 'CBC.99003106', error_msg: 'The order has an online payment in progress.' });
    const replay = await pay('k-pay-again', { method: 'balance' });
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await json(replay))['payment_id'], paymentId);
  });

  it('plays the payer and the reviewer on the dev routes: a payment settles once, a claim is decided once', async () => {
    const topUp = await json(await call('/kit/v1/top-ups', { method: 'POST', body: '{"amount": 10}' }, { 'Idempotency-Key': 'k-top-up-1' }));
    const paymentId = (topUp['action'] as { payment_id: string }).payment_id;
    const settle = (outcome: string) => call(`/kit/v1/dev/payments/${paymentId}/settle`, { method: 'POST', body: JSON.stringify({ outcome }) });
    assert.equal((await settle('refunded')).status, 400);
    assert.deepEqual(await json(await settle('paid')), { payment_id: paymentId, settled: true });
    assert.deepEqual(await json(await settle('paid')), { payment_id: paymentId, settled: false });
    assert.equal((await json(await call(`/kit/v1/payments/${paymentId}`)))['status'], 'paid');

    const [claimRow] = await server.db.query<{ claim_id: string }>("SELECT claim_id FROM remittance_claims WHERE tenant_id = 'remit' LIMIT 1");
    const reviewPath = `/kit/v1/dev/remittance-claims/${claimRow?.claim_id ?? ''}/review`;
    const rejected = await call(reviewPath, { method: 'POST', body: '{"outcome": "rejected", "reason": "Unreadable."}' });
    assert.deepEqual(await json(rejected), { claim_id: claimRow?.claim_id, reviewed: true });
    assert.deepEqual(await json(await call(reviewPath, { method: 'POST', body: '{"outcome": "approved"}' })), { claim_id: claimRow?.claim_id, reviewed: false });
    const records = await json(await call('/kit/v1/remittance-claims?offset=0&limit=10'));
    const [first] = records['claims'] as { status: string; reject_reason: string }[];
    assert.deepEqual([first?.status, first?.reject_reason], ['rejected', 'Unreadable.']);
  });
});
