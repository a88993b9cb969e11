import { expect } from '@open-wc/testing';
import { MoneyIntent } from '../../src/core/money-intent.js';
import { KitError } from '../../src/model/errors.js';
import { failure } from '../support/failure.js';

const ticket = (n: number) => ({ ticket: `vt_${n}0000000`, purpose: 'withdraw', expiresAt: new Date(Date.now() + 60_000).toISOString() });

describe('MoneyIntent', () => {
  it('keeps one key and one ticket across retries of the same request, and joins a run in flight', async () => {
    const intent = new MoneyIntent<{ amount: number }>('wd');
    const keys: string[] = [];
    let verifications = 0;
    let attempt = 0;
    const steps = {
      verify: async () => ticket(++verifications),
      call: async (_request: { amount: number }, options: { idempotencyKey: string }) => {
        keys.push(options.idempotencyKey);
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (attempt === 1) throw new KitError('timeout', 'timed out');
        return 'done';
      },
    };
    expect((await failure(intent.run({ amount: 100 }, steps))).code).to.equal('timeout');
    const [a, b] = [intent.run({ amount: 100 }, steps), intent.run({ amount: 100 }, steps)];
    expect(await a).to.equal('done');
    expect(await b).to.equal('done');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(verifications).to.equal(1);
  });

  it('makes a new key when the request changes, and asks for a new code when the ticket was refused', async () => {
    const intent = new MoneyIntent<{ amount: number }>('wd');
    const keys: string[] = [];
    let verifications = 0;
    let refuse = true;
    const steps = {
      verify: async () => ticket(++verifications),
      call: async (_request: { amount: number }, options: { idempotencyKey: string }) => {
        keys.push(options.idempotencyKey);
        if (refuse) {
          refuse = false;
          throw new KitError('verification-required', 'spent');
        }
        return 'done';
      },
    };
    await failure(intent.run({ amount: 100 }, steps));
    await intent.run({ amount: 100 }, steps);
    expect(keys[0]).to.equal(keys[1]);
    expect(verifications).to.equal(2);
    await intent.run({ amount: 200 }, steps);
    expect(keys[2]).not.to.equal(keys[1]);
  });
});

describe('MoneyIntent: nothing sent', () => {
  it('does not freeze on a failure that says nothing was sent (the adapter could not load its code): the request may change', async () => {
    const intent = new MoneyIntent<{ amount: number }>('pay');
    let loaded = false;
    const steps = {
      verify: async () => undefined,
      call: async () => {
        if (!loaded) {
          loaded = true;
          throw new KitError('network', 'The partner API adapter could not load its payments module.', { reason: 'module-load', details: { module: 'payments', sent: false } });
        }
        return 'paid';
      },
    };
    await failure(intent.run({ amount: 100 }, steps));
    expect(intent.outcomeUnknown).to.equal(false);
    expect(await intent.run({ amount: 200 }, steps), 'a changed request is not refused as "outcome unknown"').to.equal('paid');
  });
});

describe('MoneyIntent: one idempotency rule', () => {
  const noCode = { verify: async () => undefined };

  it('freezes after an unknown outcome: a changed request is refused without a call until the intent is resolved', async () => {
    const intent = new MoneyIntent<{ amount: number }>('wd');
    const calls: { amount: number; key: string }[] = [];
    const steps = {
      ...noCode,
      call: async (request: { amount: number }, options: { idempotencyKey: string }) => {
        calls.push({ amount: request.amount, key: options.idempotencyKey });
        if (calls.length === 1) throw new KitError('timeout', 'lost');
        return 'ok';
      },
    };
    expect(intent.frozen, 'nothing sent yet').to.equal(undefined);
    const lost = await failure(intent.run({ amount: 7000 }, steps));
    expect(intent.outcomeUnknown).to.equal(true);
    expect(intent.frozen, 'what a retry must send, and why').to.deep.equal({ request: { amount: 7000 }, error: lost });
    const refused = await failure(intent.run({ amount: 7001 }, steps));
    expect([refused.code, refused.reason]).to.deep.equal(['conflict', 'outcome-unknown']);
    expect(intent.frozen?.request, 'a refused change does not replace what was sent').to.deep.equal({ amount: 7000 });
    expect(calls).to.have.length(1);
    expect(await intent.run({ amount: 7000 }, steps)).to.equal('ok');
    expect(calls[1]!.key).to.equal(calls[0]!.key);
    expect(intent.outcomeUnknown).to.equal(false);
    expect(intent.frozen).to.equal(undefined);
  });

  it('spends the key on a definite refusal: the same request keeps its ticket, a fixed request asks for a code again under a new key', async () => {
    const intent = new MoneyIntent<{ branch?: string }>('wd');
    const keys: string[] = [];
    let verifications = 0;
    const steps = {
      verify: async () => ticket(++verifications),
      call: async (request: { branch?: string }, options: { idempotencyKey: string }) => {
        keys.push(options.idempotencyKey);
        if (!request.branch) throw new KitError('validation', 'branch required', { reason: 'branch-required' });
        return 'ok';
      },
    };
    await failure(intent.run({}, steps));
    await failure(intent.run({}, steps));
    expect(keys[1]).not.to.equal(keys[0]);
    expect(verifications).to.equal(1);
    await intent.run({ branch: '001' }, steps);
    expect(new Set(keys).size).to.equal(3);
    expect(verifications).to.equal(2);
  });

  it('is not wedged when the retry of a lost request is refused: the backend answered, so a changed request may run', async () => {
    const intent = new MoneyIntent<{ amount: number }>('wd');
    const answers: (() => Promise<string>)[] = [
      () => Promise.reject(new KitError('timeout', 'lost')),
      () => Promise.reject(new KitError('insufficient-funds', 'too low')),
      () => Promise.resolve('ok'),
    ];
    const steps = { ...noCode, call: () => answers.shift()!() };
    expect((await failure(intent.run({ amount: 100 }, steps))).code).to.equal('timeout');
    expect(intent.outcomeUnknown).to.equal(true);
    expect((await failure(intent.run({ amount: 100 }, steps))).code).to.equal('insufficient-funds');
    expect(intent.outcomeUnknown).to.equal(false);
    expect(await intent.run({ amount: 50 }, steps)).to.equal('ok');
  });

  it('keeps the key after a rate limit: the backend did not act', async () => {
    const intent = new MoneyIntent<{ amount: number }>('wd');
    const keys: string[] = [];
    const steps = {
      ...noCode,
      call: async (_r: { amount: number }, options: { idempotencyKey: string }) => {
        keys.push(options.idempotencyKey);
        if (keys.length === 1) throw new KitError('rate-limited', 'slow down');
        return 'ok';
      },
    };
    await failure(intent.run({ amount: 1 }, steps));
    expect(intent.outcomeUnknown).to.equal(false);
    await intent.run({ amount: 1 }, steps);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('resolves an unknown outcome by lookup: done, refused, not-done settle it; pending and a failed lookup leave it frozen', async () => {
    const lost = async (intent: MoneyIntent<{ amount: number }>) => {
      await failure(intent.run({ amount: 1 }, { ...noCode, call: async () => Promise.reject(new KitError('server', '502')) }));
      return intent;
    };
    const asked: string[] = [];

    const done = await lost(new MoneyIntent('wd'));
    const key = done.key!;
    expect(await done.resolve(async (k) => (asked.push(k), { status: 'done', result: 'wd-1' }))).to.deep.equal({ status: 'done', result: 'wd-1' });
    expect(asked).to.deep.equal([key]);
    expect([done.outcomeUnknown, done.key]).to.deep.equal([false, undefined]);

    const refused = await lost(new MoneyIntent('wd'));
    const settled = await refused.resolve(async () => ({ status: 'refused', error: { code: 'insufficient-funds', message: 'Not enough', backendCode: 'CBC.99005003' } }));
    expect(settled.status).to.equal('not-done');
    expect(settled.status === 'not-done' && settled.error?.code).to.equal('insufficient-funds');
    expect(refused.outcomeUnknown).to.equal(false);

    const never = await lost(new MoneyIntent('wd'));
    expect(await never.resolve(async () => ({ status: 'not-done' }))).to.deep.equal({ status: 'not-done', error: undefined });

    const pending = await lost(new MoneyIntent('wd'));
    expect((await pending.resolve(async () => ({ status: 'pending' }))).status).to.equal('unknown');
    const offline = await pending.resolve(async () => Promise.reject(new KitError('network', 'offline')));
    expect([offline.status, offline.status === 'unknown' && offline.error?.code]).to.deep.equal(['unknown', 'network']);
    expect(pending.outcomeUnknown).to.equal(true);
  });
});
