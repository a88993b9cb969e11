import { expect } from '@open-wc/testing';
import { failure } from '../support/failure.js';
import { createHttpAdapter, preloadHttpDomains } from '../../src/api/http/index.js';
import { lazyDomain } from '../../src/api/http/lazy-domain.js';
import { outcomeUnknown } from '../../src/model/errors.js';

// Module fetches are read from resource timing; the default buffer of 250 entries could drop them.
performance.setResourceTimingBufferSize(10_000);

/** The adapter's domain modules and zod's files this page has fetched so far. */
function fetched(): { domains: string[]; zod: boolean } {
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  const domains = urls.map((url) => /\/api\/http\/domains\/([a-z-]+)\./.exec(url)?.[1]).filter((name) => name !== undefined);
  return { domains: [...new Set(domains)].sort(), zod: urls.some((url) => url.includes('/node_modules/zod/')) };
}

const banks = () => new Response(JSON.stringify({ banks: [{ bank_code: 'ICBC', bank_name: '中国工商银行' }] }), { headers: { 'Content-Type': 'application/json' } });

describe('HTTP adapter: schemas load with the first call of their domain', () => {
  it('costs a page no domain module and no zod until it is called, then loads only the domain called', async () => {
    expect(performance.getEntriesByType('resource').length, 'the timing buffer kept every fetch').to.be.below(250);
    const api = createHttpAdapter({ baseUrl: '/partner-api', fetch: async () => banks() });
    expect(fetched()).to.deep.equal({ domains: [], zod: false });

    expect(await api.listBanks()).to.deep.equal([{ code: 'ICBC', name: '中国工商银行' }]);
    expect(fetched()).to.deep.equal({ domains: ['read', 'withdrawal'], zod: true });
  });

  it('loads every domain up front on preloadHttpDomains()', async () => {
    await preloadHttpDomains();
    expect(fetched().domains).to.deep.equal(['coupons', 'customers', 'intents', 'invitations', 'payments', 'read', 'remittance', 'verification', 'withdrawal']);
  });

  it('shares one load among concurrent first calls', async () => {
    let loads = 0;
    const domain = lazyDomain('coupons', async () => {
      loads += 1;
      return { ok: true };
    });
    const [first, second] = await Promise.all([domain(), domain()]);
    expect(first).to.equal(second);
    expect(loads).to.equal(1);
  });

  it('turns a failed load into a network KitError and loads again on the next call', async () => {
    let loads = 0;
    const domain = lazyDomain('payments', async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    const error = await failure(domain());
    expect(error).to.include({ code: 'network', reason: 'module-load' });
    expect(error.details).to.deep.equal({ module: 'payments', sent: false });
    expect(outcomeUnknown(error), 'nothing was sent: not "may have gone through"').to.equal(false);
    expect(await domain()).to.deep.equal({ ok: true });
    expect(loads).to.equal(2);
  });
});
