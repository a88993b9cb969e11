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
