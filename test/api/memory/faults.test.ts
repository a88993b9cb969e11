import { expect } from '@open-wc/testing';
import { KitError } from '../../../src/model/errors.js';
import { FaultSchedule, faultError, REFUSALS, type FaultPlan } from '../../../src/api/memory/faults.js';

describe('memory fault plan', () => {
  it('plays a list in order, each entry for its number of calls, then nothing', () => {
    const schedule = new FaultSchedule({ withdraw: [{ kind: 'server', times: 2 }, { kind: 'offline', times: 1 }] });
    const kinds = Array.from({ length: 4 }, () => schedule.take('withdraw')?.kind);
    expect(kinds).to.deep.equal(['server', 'server', 'offline', undefined]);
  });

  it('repeats an entry without a count until the plan changes', () => {
    const schedule = new FaultSchedule({ getBalances: { kind: 'rate-limited' } });
    expect([schedule.take('getBalances'), schedule.take('getBalances'), schedule.take('getBalances')].map((f) => f?.kind)).to.deep.equal([
      'rate-limited',
      'rate-limited',
      'rate-limited',
    ]);
    schedule.replace({});
    expect(schedule.take('getBalances')).to.equal(undefined);
  });

  it('leaves operations the plan does not name alone', () => {
    const schedule = new FaultSchedule({ withdraw: { kind: 'server' } });
    expect(schedule.take('getBalances')).to.equal(undefined);
  });

  it('accepts every refusal on the operation that can give it', () => {
    for (const [operation, refusals] of Object.entries(REFUSALS)) {
      for (const refusal of refusals) {
        const schedule = new FaultSchedule({ [operation]: { kind: 'refused', refusal, times: 1 } } as FaultPlan);
        expect(schedule.take(operation as keyof typeof REFUSALS)).to.deep.equal({ kind: 'refused', refusal, times: 1 });
      }
    }
  });

  it('refuses to plan a refusal the operation cannot give, and keeps the plan it had', () => {
    const schedule = new FaultSchedule({ withdraw: { kind: 'server' } });
    const plans: FaultPlan[] = [
      { issueCoupons: { kind: 'refused', refusal: 'name-mismatch' } },
      { getBalances: [{ kind: 'refused', refusal: 'quota-insufficient' }] },
    ];
    for (const plan of plans) {
      let error: unknown;
      try {
        schedule.replace(plan);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(KitError);
      expect(error).to.include({ code: 'configuration', reason: 'fault-plan' });
    }
    expect(schedule.take('withdraw')?.kind).to.equal('server');
  });

  it('turns each transport fault into the error a real backend or network gives', () => {
    expect(faultError({ kind: 'rate-limited', retryAfterSeconds: 4 }, 'withdraw')).to.include({ code: 'rate-limited', backendCode: 'CBC.0250', retryAfterMs: 4000 });
    expect(faultError({ kind: 'rate-limited' }, 'withdraw')).to.include({ retryAfterMs: 1000 });
    expect(faultError({ kind: 'server' }, 'withdraw')).to.include({ code: 'server', backendCode: 'CBC.0999' });
    expect(faultError({ kind: 'timeout' }, 'withdraw')).to.include({ code: 'timeout' });
    expect(faultError({ kind: 'tenant-mismatch' }, 'withdraw')).to.include({ code: 'configuration', reason: 'tenant-mismatch' });
    expect(faultError({ kind: 'offline' }, 'withdraw')).to.include({ code: 'network', reason: 'offline' });
    expect(faultError({ kind: 'malformed' }, 'withdraw')).to.include({ code: 'malformed-response' });
  });
});
