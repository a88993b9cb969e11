import { expect } from '@open-wc/testing';
import { failure } from '../support/failure.js';
import { createHttpAdapter, type HttpAdapterOptions } from '../../src/api/http/index.js';
import { RateLimiter } from '../../src/api/http/rate-limiter.js';
import { parseRetryAfter, retryDelay, DEFAULT_RETRY_POLICY } from '../../src/api/http/retry-policy.js';
import { VOUCHER_FILE_MAX_BYTES } from '../../src/model/schemas/remittance.js';

interface Step {
  method?: string;
  path: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  bodyDelayMs?: number;
}

interface Received {
  method: string;
  path: string;
  query: string;
  body: string;
  idempotencyKey?: string;
  verificationTicket?: string;
  authToken?: string;
  contentType?: string;
}

let counter = 0;

/** Scripts the mock backend for one test and returns an adapter pointed at it. */
async function backend(steps: Step[], options: Partial<HttpAdapterOptions> = {}) {
  counter += 1;
  const scenario = `s${Date.now()}-${counter}`;
  await fetch(`/mock-api/__script/${scenario}`, { method: 'POST', body: JSON.stringify(steps) });
  const api = createHttpAdapter({ baseUrl: `/mock-api/${scenario}`, random: () => 0.5, retry: { baseDelayMs: 20, maxDelayMs: 2000 }, ...options });
  const log = async (): Promise<Received[]> => (await fetch(`/mock-api/__log/${scenario}`)).json();
  return { api, log };
}

const quotaBody = {
  total_count: 1,
  quotas: [
    {
      quota_id: 'Q1',
      quota_type: 0,
      quota_status: 0,
      quota_value: 100000.5,
      balance: '99.99',
      currency: 'CNY',
      effective_time: '2026-01-01T00:00:00Z',
      expire_time: '2027-01-01T00:00:00Z',
      limit_infos: [{ limit_key: 'cloudServiceType', limit_values: ['hws.service.type.ec2'] }],
    },
  ],
};

describe('HTTP adapter: the partner API contract', () => {
  it('sends snake_case and reads amounts exactly into minor units', async () => {
    const { api, log } = await backend([{ method: 'POST', path: '/v2/partners/coupon-quotas/query', body: quotaBody }], {
      headers: async () => ({ 'X-Auth-Token': 'token-1' }),
    });
    const page = await api.listQuotas({ kind: 'cash', statuses: ['normal', 'frozen'], offset: 0, limit: 20 });
    expect(page.items[0]).to.deep.include({ id: 'Q1', kind: 'voucher', status: 'normal', total: 10000050, balance: 9999 });
    expect(page.items[0]?.restrictions).to.deep.equal([{ key: 'cloudServiceType', values: ['hws.service.type.ec2'] }]);
    const [request] = await log();
    expect(JSON.parse(request?.body ?? '')).to.deep.equal({ quota_type: 1, quota_status_list: [0, 5], offset: 0, limit: 20 });
    expect(request?.authToken).to.equal('token-1');
  });

  it('treats HTTP 200 with an error code as the failure it is', async () => {
    const { api } = await backend([{ path: '/v2/promotions/benefits/partner-coupons', body: { error_code: 'CBC.99000013', error_msg: 'Quota balance insufficient.' } }]);
    const error = await failure(api.issueCoupons({ quotaId: 'Q1', customerIds: ['c1'], faceValue: 100 }, { idempotencyKey: 'k' }));
    expect(error).to.include({ code: 'insufficient-funds', backendCode: 'CBC.99000013' });
  });

  it('reads a partial success per customer and writes the face value as an exact decimal', async () => {
    const { api, log } = await backend([
      {
        path: '/v2/promotions/benefits/partner-coupons',
        body: { coupon_infos: [{ coupon_id: 'CP1', id: 'c1' }], error_details: [{ id: 'c2', error_code: 'CBC.99000014', error_msg: 'Wrong cooperation type.' }] },
      },
    ]);
    const result = await api.issueCoupons(
      { quotaId: 'Q1', customerIds: ['c1', 'c2'], faceValue: 10050, remark: '<b>VIP</b>' },
      { idempotencyKey: 'intent-1', verificationTicket: 'vt_123456789' },
    );
    expect(result.issued).to.deep.equal([{ customerId: 'c1', couponId: 'CP1' }]);
    expect(result.failed[0]).to.deep.equal({ customerId: 'c2', error: { code: 'conflict', reason: 'cooperation-type', backendCode: 'CBC.99000014', message: 'Wrong cooperation type.' } });
    const [request] = await log();
    expect(request?.body).to.contain('"face_value":100.50');
    expect(JSON.parse(request?.body ?? '')).to.include({ memo: '<b>VIP</b>', quota_id: 'Q1' });
    expect(request?.idempotencyKey).to.equal('intent-1');
    expect(request?.verificationTicket).to.equal('vt_123456789');
  });

  it('reads what a reclaim took from the reclaim record when the API answers 204', async () => {
    const { api, log } = await backend([
      { path: '/v2/promotions/benefits/partner-coupons/reclaim', status: 204 },
      {
        path: '/v2/promotions/benefits/partner-coupons/records/query',
        body: {
          total_count: 1,
          records: [{ id: 'R1', operation_type: '2', quota_id: 'Q1', quota_type: 0, coupon_id: 'CP1', customer_id: 'c1', operation_amount: 37.5, operation_time: '2026-11-24T08:00:00Z', result: '0' }],
        },
      },
    ]);
    const result = await api.reclaimCoupon({ couponId: 'CP1' }, { idempotencyKey: 'r' });
    expect(result).to.deep.equal({ couponId: 'CP1', reclaimedAmount: 3750, currency: 'CNY' });
    const [, read] = await log();
    expect(read?.query).to.equal('operation_types=2&coupon_ids=CP1&offset=0&limit=10');
  });
});

describe('HTTP adapter: failures', () => {
  it('waits for Retry-After on 429, then succeeds', async () => {
    const { api, log } = await backend([
      { path: '/v2/accounts/partner-accounts/balances', status: 429, headers: { 'Retry-After': '1' }, body: { error_code: 'CBC.0250', error_msg: 'flow control' } },
      { path: '/v2/accounts/partner-accounts/balances', body: { account_balances: [{ account_id: 'A', account_type: 1, amount: 10, currency: 'CNY' }] } },
    ]);
    const started = performance.now();
    const balances = await api.getBalances();
    expect(performance.now() - started).to.be.at.least(950);
    expect(balances).to.deep.equal([{ accountId: 'A', type: 'cash', amount: 1000, currency: 'CNY' }]);
    expect(await log()).to.have.length(2);
  });

  it('backs off on the gateway’s APIG.0308 throttling and gives up after the bounded retries', async () => {
    const throttled = { path: '/kit/v1/banks', status: 429, body: { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached' } };
    const { api, log } = await backend([throttled, throttled, throttled], { retry: { maxRetries: 2, baseDelayMs: 10 } });
    const error = await failure(api.listBanks());
    expect(error).to.include({ code: 'rate-limited', backendCode: 'APIG.0308' });
    expect(await log()).to.have.length(3);
  });

  it('retries the same money intent after 429 with the same Idempotency-Key', async () => {
    const { api, log } = await backend([
      { path: '/kit/v1/withdrawals', status: 429, headers: { 'Retry-After': '0' } },
      { path: '/kit/v1/withdrawals', body: { reference_id: 'WD1', amount: '12.30', currency: 'CNY', flow_ids: ['F1'], submitted_at: '2026-11-24T08:00:00Z', arrival: { min_business_days: 1, max_business_days: 3 } } },
    ]);
    const result = await api.withdraw({ route: 'original', amount: 1230 }, { idempotencyKey: 'wd-intent', verificationTicket: 'vt_abcdefgh' });
    expect(result).to.include({ referenceId: 'WD1', amount: 1230 });
    const requests = await log();
    expect(requests.map((r) => r.idempotencyKey)).to.deep.equal(['wd-intent', 'wd-intent']);
    expect(requests[1]?.body).to.equal('{"route":"original","amount":12.30}');
  });

  it('does not repeat a money intent by itself after a 5xx: the server may have acted', async () => {
    const { api, log } = await backend([{ path: '/kit/v1/withdrawals', status: 500, body: { error_code: 'CBC.0999', error_msg: 'Other error' } }]);
    const error = await failure(api.withdraw({ route: 'original', amount: 100 }, { idempotencyKey: 'k' }));
    expect(error).to.include({ code: 'server', backendCode: 'CBC.0999' });
    expect(await log()).to.have.length(1);
  });

  it('does not repeat a code check or a code send by itself after a 5xx: the code may be spent', async () => {
    const { api, log } = await backend([
      { path: '/kit/v1/verification/checks', status: 503 },
      { path: '/kit/v1/verification/codes', status: 503 },
    ]);
    expect(await failure(api.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: '123456' }))).to.include({ code: 'server' });
    expect(await failure(api.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' }))).to.include({ code: 'server' });
    expect(await log()).to.have.length(2);
  });

  it('retries a read after a 5xx', async () => {
    const { api, log } = await backend([
      { path: '/kit/v1/banks', status: 503 },
      { path: '/kit/v1/banks', body: { banks: [{ bank_code: 'ICBC', bank_name: '中国工商银行' }] } },
    ]);
    expect(await api.listBanks()).to.deep.equal([{ code: 'ICBC', name: '中国工商银行' }]);
    expect(await log()).to.have.length(2);
  });

  it('times out a slow answer per attempt', async () => {
    const { api } = await backend([{ path: '/kit/v1/banks', delayMs: 600, body: { banks: [] } }], { timeoutMs: 100, retry: { maxRetries: 0 } });
    expect((await failure(api.listBanks())).code).to.equal('timeout');
  });

  it('refuses a malformed body, whether not JSON or the wrong shape', async () => {
    const { api } = await backend([
      { path: '/kit/v1/banks', body: '<html>gateway</html>' },
      { path: '/kit/v1/verification/policy', body: { enabled: 'yes' } },
    ]);
    expect((await failure(api.listBanks())).code).to.equal('malformed-response');
    const shape = await failure(api.getVerificationPolicy());
    expect(shape.code).to.equal('malformed-response');
    expect(shape.details.path).to.equal('enabled');
  });

  it('keeps what a refusal names: the payment already in progress, the field, an amount in minor units', async () => {
    const { api } = await backend([
      {
        path: '/kit/v1/order-payments/CS1/pay',
        status: 409,
        body: { error_code: 'CBC.99003106', error_msg: 'The order has an online payment in progress.', order_id: 'CS1', payment_id: 'PAY000007', extra: { nested: true } },
      },
      { path: '/kit/v1/remittance-account/payers', status: 400, body: { error_code: 'KIT.PAYER_DUPLICATE', error_msg: 'Twice.', field: 'payer_names.1' } },
      { path: '/kit/v1/remittance-claims', status: 400, body: { error_code: 'KIT.CLAIM_OVER_REMITTANCE', error_msg: 'Over.', remittance_amount: 1234.5 } },
    ]);
    const inProgress = await failure(api.payOrder({ orderId: 'CS1', method: { type: 'balance' } }, { idempotencyKey: 'pay-key-0001' }));
    expect(inProgress).to.include({ code: 'conflict', reason: 'order-status-changed' });
    expect(inProgress.details).to.deep.equal({ orderId: 'CS1', paymentId: 'PAY000007' });
    expect((await failure(api.saveRemittancePayers({ payerNames: ['A', 'a'] }))).details).to.deep.equal({ field: 'payerNames.1' });
    const png = new File([new Uint8Array(10)], 'v.png', { type: 'image/png' });
    const over = await failure(api.claimRemittance({ remittanceId: 'UR1', amount: 200_000, voucher: png }, { idempotencyKey: 'claim-key-99' }));
    expect(over.details).to.deep.equal({ remittanceAmount: 123_450 });
  });

  it('reports a tenant mismatch as a configuration error and never retries it', async () => {
    const { api, log } = await backend([
      { path: '/kit/v1/banks', status: 401, body: { error_code: 'APIGW.0301', error_msg: 'tenant_id in token mismatches with tenant_id in url.' } },
    ]);
    const error = await failure(api.listBanks());
    expect(error).to.include({ code: 'configuration', reason: 'tenant-mismatch' });
    expect(await log()).to.have.length(1);
  });

  it('reports an unreachable server as a network error', async () => {
    const api = createHttpAdapter({ baseUrl: 'http://127.0.0.1:9', retry: { maxRetries: 0 } });
    expect((await failure(api.listBanks())).code).to.equal('network');
  });

  it('stops when the caller aborts', async () => {
    const { api } = await backend([{ path: '/kit/v1/banks', delayMs: 500, body: { banks: [] } }]);
    const controller = new AbortController();
    const pending = api.listBanks({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).to.equal('cancelled');
  });
});

describe('HTTP adapter: pacing', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 08:00:10 GMT', Date.parse('2026-11-24T08:00:00Z'))).to.equal(10000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });

  it('backs off exponentially with jitter, capped, unless the server said when', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 2000, maxDelayMs: 10000 };
    expect(retryDelay(policy, 0, undefined, () => 0)).to.equal(1000);
    expect(retryDelay(policy, 1, undefined, () => 1)).to.equal(4000);
    expect(retryDelay(policy, 5, undefined, () => 1)).to.equal(10000);
    expect(retryDelay(policy, 5, 1500, () => 1)).to.equal(1500);
  });

  it('lets at most the configured number of calls through per second, per operation', async () => {
    let now = 0;
    const limiter = new RateLimiter(() => 10, () => now);
    for (let call = 0; call < 10; call += 1) await limiter.acquire('listBanks');
    let eleventh = false;
    const pending = limiter.acquire('listBanks').then(() => (eleventh = true));
    await limiter.acquire('getBalances');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(eleventh, 'the 11th call waits while the clock stands still').to.equal(false);
    now = 100;
    await pending;
    expect(eleventh).to.equal(true);
  });
});

describe('HttpPartnerApi: a body that stalls, an expired token', () => {
  it('turns a body that stalls past the time limit into a timeout KitError and retries a read', async () => {
    const { api, log } = await backend(
      [
        { path: '/v2/accounts/partner-accounts/balances', bodyDelayMs: 1500, body: { account_balances: [] } },
        { path: '/v2/accounts/partner-accounts/balances', body: { account_balances: [{ account_id: 'A', account_type: 1, amount: 1 }] } },
      ],
      { timeoutMs: 300 },
    );
    expect((await api.getBalances()).map((b) => b.amount)).to.deep.equal([100]);
    expect(await log()).to.have.length(2);
  });

  it('never repeats a money call whose body stalled, and reports a KitError, not a DOMException', async () => {
    const { api, log } = await backend([{ method: 'POST', path: '/kit/v1/withdrawals', bodyDelayMs: 1500, body: {} }], { timeoutMs: 300 });
    const error = await failure(api.withdraw({ route: 'original', amount: 100 }, { idempotencyKey: 'wd-stall-0001' }));
    expect(error.code).to.equal('timeout');
    expect(await log()).to.have.length(1);
  });

  it('refreshes an expired token once through onUnauthorized and repeats the money call with the same key and ticket', async () => {
    let token = 'old';
    let refreshes = 0;
    const { api, log } = await backend(
      [
        { method: 'POST', path: '/kit/v1/withdrawals', status: 401, body: { error_code: 'APIGW.0301', error_msg: 'token expired' } },
        { method: 'POST', path: '/kit/v1/withdrawals', body: { reference_id: 'WD1', amount: 1, currency: 'CNY', flow_ids: [], submitted_at: '2026-11-30T08:00:00Z', arrival: { min_business_days: 1, max_business_days: 3 } } },
      ],
      {
        headers: () => ({ 'X-Auth-Token': token }),
        onUnauthorized: () => {
          refreshes += 1;
          token = 'new';
          return true;
        },
      },
    );
    expect((await api.withdraw({ route: 'original', amount: 100 }, { idempotencyKey: 'wd-401-00001', verificationTicket: 'vt_12345678' })).referenceId).to.equal('WD1');
    const sent = await log();
    expect(sent.map((r) => [r.authToken, r.idempotencyKey, r.verificationTicket])).to.deep.equal([
      ['old', 'wd-401-00001', 'vt_12345678'],
      ['new', 'wd-401-00001', 'vt_12345678'],
    ]);
    expect(refreshes).to.equal(1);
  });

  it('asks once: a second 401 is a configuration error, and a refusal to refresh sends nothing more', async () => {
    const unauthorized = { path: '/v2/accounts/partner-accounts/balances', status: 401, body: { error_code: 'APIGW.0301', error_msg: 'token expired' } };
    let asked = 0;
    const twice = await backend([unauthorized, unauthorized, unauthorized], { onUnauthorized: () => (asked += 1) > 0 });
    expect((await failure(twice.api.getBalances())).code).to.equal('configuration');
    expect([asked, (await twice.log()).length]).to.deep.equal([1, 2]);

    const refused = await backend([unauthorized, unauthorized], { onUnauthorized: async () => false });
    expect((await failure(refused.api.getBalances())).code).to.equal('configuration');
    expect(await refused.log()).to.have.length(1);
  });

  it('refreshes on the documented expired-token answer (401 CBC.0154) too', async () => {
    let refreshes = 0;
    const { api } = await backend(
      [
        { path: '/v2/accounts/partner-accounts/balances', status: 401, body: { error_code: 'CBC.0154', error_msg: 'token invalid' } },
        { path: '/v2/accounts/partner-accounts/balances', body: { account_balances: [] } },
      ],
      { onUnauthorized: () => (refreshes += 1) > 0 },
    );
    expect(await api.getBalances()).to.deep.equal([]);
    expect(refreshes).to.equal(1);
  });

  it('reports credentials it could not get as a configuration error, sending nothing: a money call did not happen', async () => {
    const { api, log } = await backend([], { headers: () => Promise.reject(new Error('token service down')) });
    const error = await failure(api.withdraw({ route: 'original', amount: 100 }, { idempotencyKey: 'wd-creds-0001' }));
    expect([error.code, error.reason]).to.deep.equal(['configuration', 'credentials']);
    expect(await log()).to.have.length(0);
  });
});


describe('HTTP adapter: remittance account and claims over real HTTP', () => {
  const claimAnswer = {
    claim_id: 'CL1',
    remittance_id: 'UR1',
    remitter_name: '张伟',
    amount: '1000.50',
    currency: 'CNY',
    claimed_at: '2026-11-24T08:00:00Z',
    voucher: { file_name: 'voucher.png', content_type: 'image/png', size: 12 },
    status: 'reviewing',
  };
  const png = () => new File(['PNG-voucher'.padEnd(12, '!')], 'voucher.png', { type: 'image/png' });

  it('uploads a claim as multipart/form-data with the Idempotency-Key, the amount as an exact decimal', async () => {
    const { api, log } = await backend([{ method: 'POST', path: '/kit/v1/remittance-claims', body: claimAnswer }]);
    const claim = await api.claimRemittance({ remittanceId: 'UR1', amount: 100_050, voucher: png() }, { idempotencyKey: 'claim-key-01' });
    expect(claim).to.include({ id: 'CL1', amount: 100_050, status: 'reviewing' });
    const [request] = await log();
    expect(request?.idempotencyKey).to.equal('claim-key-01');
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(request?.contentType ?? '')?.[1];
    expect(boundary, request?.contentType).to.be.a('string');
    const parts = (request?.body ?? '').split(`--${boundary ?? ''}`).map((part) => part.trim()).filter((part) => part !== '' && part !== '--');
    expect(parts).to.have.length(3);
    expect(parts[0]).to.match(/name="remittance_id"\r\n\r\nUR1$/);
    expect(parts[1]).to.match(/name="amount"\r\n\r\n1000\.50$/);
    expect(parts[2]).to.contain('name="voucher"; filename="voucher.png"').and.contain('Content-Type: image/png').and.contain('PNG-voucher!');
  });

  it('checks the voucher before uploading: a wrong type, an empty or too large file, or no file sends nothing', async () => {
    const { api, log } = await backend([]);
    const claim = (voucher: File) => api.claimRemittance({ remittanceId: 'UR1', amount: 100, voucher }, { idempotencyKey: 'claim-key-02' });
    expect(await failure(claim(new File(['GIF89a'], 'v.gif', { type: 'image/gif' })))).to.include({ code: 'validation', reason: 'voucher-type' });
    expect(await failure(claim(new File([], 'v.png', { type: 'image/png' })))).to.include({ code: 'validation', reason: 'voucher-size' });
    expect(await failure(claim(new File([new Uint8Array(VOUCHER_FILE_MAX_BYTES + 1)], 'v.pdf', { type: 'application/pdf' })))).to.include({ code: 'validation', reason: 'voucher-size' });
    expect(await failure(claim('v.pdf' as unknown as File))).to.include({ code: 'validation', reason: 'request' });
    expect(await failure(api.claimRemittance({ remittanceId: 'UR1', amount: 0, voucher: png() }, { idempotencyKey: 'claim-key-03' }))).to.include({ code: 'validation', reason: 'request' });
    expect(await log()).to.have.length(0);
  });

  it('does not repeat a claim by itself after a 5xx: the upload may have been taken', async () => {
    const { api, log } = await backend([{ path: '/kit/v1/remittance-claims', status: 502 }]);
    expect(await failure(api.claimRemittance({ remittanceId: 'UR1', amount: 100, voucher: png() }, { idempotencyKey: 'claim-key-04' }))).to.include({ code: 'server' });
    expect(await log()).to.have.length(1);
  });

  it('retries a claim after 429 with the same key and the same file', async () => {
    const { api, log } = await backend([
      { path: '/kit/v1/remittance-claims', status: 429, headers: { 'Retry-After': '0' } },
      { path: '/kit/v1/remittance-claims', body: claimAnswer },
    ]);
    await api.claimRemittance({ remittanceId: 'UR1', amount: 100_050, voucher: png() }, { idempotencyKey: 'claim-key-05' });
    const requests = await log();
    expect(requests.map((r) => r.idempotencyKey)).to.deep.equal(['claim-key-05', 'claim-key-05']);
    expect(requests[1]?.body).to.contain('PNG-voucher!');
  });

  it('maps the kit contract’s remittance refusals onto typed errors', async () => {
    const { api } = await backend([
      { path: '/kit/v1/remittance-claims', status: 409, body: { error_code: 'KIT.ALREADY_CLAIMED', error_msg: 'Already claimed.' } },
      { path: '/kit/v1/remittance-claims', status: 400, body: { error_code: 'KIT.CLAIM_OVER_REMITTANCE', error_msg: 'Over the remittance.' } },
      { path: '/kit/v1/remittance-account/enable', status: 403, body: { error_code: 'KIT.VERIFICATION_REQUIRED', error_msg: 'Code needed.' } },
      { path: '/kit/v1/remittance-account/send-details', status: 409, body: { error_code: 'KIT.REMITTANCE_NOT_ENABLED', error_msg: 'Not enabled.' } },
      { path: '/kit/v1/remittance-account/payers', status: 400, body: { error_code: 'KIT.PAYER_DUPLICATE', error_msg: 'Twice.' } },
      { path: '/kit/v1/unclaimed-remittances/search', status: 400, body: { error_code: 'KIT.SEARCH_CRITERION_REQUIRED', error_msg: 'No criterion.' } },
    ]);
    const claim = { remittanceId: 'UR1', amount: 100, voucher: png() };
    expect(await failure(api.claimRemittance(claim, { idempotencyKey: 'claim-key-06' }))).to.include({ code: 'conflict', reason: 'already-claimed' });
    expect(await failure(api.claimRemittance(claim, { idempotencyKey: 'claim-key-07' }))).to.include({ code: 'validation', reason: 'amount-over-remittance' });
    expect(await failure(api.enableRemittanceAccount({ idempotencyKey: 'enable-key-1' }))).to.include({ code: 'verification-required' });
    expect(await failure(api.sendRemittanceDetails({ idempotencyKey: 'send-key-01' }))).to.include({ code: 'conflict', reason: 'remittance-not-enabled' });
    expect(await failure(api.saveRemittancePayers({ payerNames: ['A', 'a'] }))).to.include({ code: 'validation', reason: 'payer-duplicate' });
    expect(await failure(api.searchUnclaimedRemittances({ amount: 100, offset: 0, limit: 10 }))).to.include({ code: 'validation', reason: 'search-criterion' });
  });

  it('refuses a search without a criterion before sending anything', async () => {
    const { api, log } = await backend([]);
    expect(await failure(api.searchUnclaimedRemittances({ remitterName: '  ', offset: 0, limit: 10 }))).to.include({ code: 'validation', reason: 'search-criterion' });
    expect(await log()).to.have.length(0);
  });

  it('sends the enable call with the ticket and reads the enabled account', async () => {
    const account = { account_id: 'RA1', beneficiary: 'B', bank_name: 'Bank', masked_account_number: '1109 **** **** 8461', reference: 'R1', currency: 'CNY', payer_names: [], enabled_at: '2026-11-24T08:00:00Z' };
    const { api, log } = await backend([{ method: 'POST', path: '/kit/v1/remittance-account/enable', body: account }]);
    expect((await api.enableRemittanceAccount({ idempotencyKey: 'enable-key-2', verificationTicket: 'vt_12345678' })).maskedAccountNumber).to.equal('1109 **** **** 8461');
    const [request] = await log();
    expect([request?.idempotencyKey, request?.verificationTicket, request?.body]).to.deep.equal(['enable-key-2', 'vt_12345678', '{}']);
  });
});
