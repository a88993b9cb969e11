import { expect } from '@open-wc/testing';
import { PagedList } from '../../src/core/paged-list.js';
import { KitError } from '../../src/model/errors.js';

const NUMBERS = Array.from({ length: 45 }, (_, i) => i + 1);

/** A source of the numbers 1–45, filtered by parity; each request can be held, failed or answered. */
function source() {
  const asked: { odd: boolean; offset: number; limit: number; signal: AbortSignal }[] = [];
  let failures = 0;
  const fetch = async (filters: { odd: boolean }, page: { offset: number; limit: number }, signal: AbortSignal) => {
    asked.push({ ...filters, ...page, signal });
    await new Promise((resolve) => setTimeout(resolve, asked.length === 1 ? 20 : 1));
    if (failures > 0) {
      failures -= 1;
      throw new KitError('server', 'busy');
    }
    const matches = NUMBERS.filter((n) => !filters.odd || n % 2 === 1);
    return { items: matches.slice(page.offset, page.offset + page.limit), total: matches.length };
  };
  return { fetch, asked, fail: (times: number) => (failures = times) };
}

describe('PagedList (headless)', () => {
  it('tells "not loaded yet" from "no matches", and pages within the total', async () => {
    const src = source();
    const list = new PagedList({ fetch: src.fetch, filters: { odd: false }, limit: 20 });
    expect(list.state.load.status).to.equal('idle');
    expect(list.state.page).to.equal(undefined);
    const loading = list.reload();
    expect(list.state.load.status).to.equal('loading');
    await loading;
    expect(list.state.load.status).to.equal('ready');
    expect(list.state.page?.total).to.equal(45);
    expect(list.items).to.have.length(20);
    await list.goTo(999);
    expect(list.state.offset).to.equal(40);
    expect(list.items).to.deep.equal([41, 42, 43, 44, 45]);
    await list.goTo(-5);
    expect(list.state.offset).to.equal(0);
  });

  it('goes back to the first page when the filters change', async () => {
    const src = source();
    const list = new PagedList({ fetch: src.fetch, filters: { odd: false }, limit: 10 });
    await list.reload();
    await list.goTo(20);
    await list.setFilters({ odd: true });
    expect(list.state.offset).to.equal(0);
    expect(list.items[0]).to.equal(1);
    expect(list.state.page?.total).to.equal(23);
  });

  it('keeps the last page shown when the next fails, and a retry loads it', async () => {
    const src = source();
    const list = new PagedList({ fetch: src.fetch, filters: { odd: false }, limit: 10 });
    await list.reload();
    src.fail(1);
    await list.goTo(10);
    const { load } = list.state;
    expect(load.status === 'failed' && load.error.code).to.equal('server');
    expect(list.items[0]).to.equal(1);
    expect([list.state.offset, list.state.page?.offset], 'asked for page 2, still showing page 1').to.deep.equal([10, 0]);
    await list.reload();
    expect(list.state.load).to.deep.equal({ status: 'ready' });
    expect(list.items[0]).to.equal(11);
    expect(list.state.page?.offset).to.equal(10);
  });

  it('tells a page that still answers the filters (only the page moved) from one a filter change left behind', async () => {
    const src = source();
    const list = new PagedList({ fetch: src.fetch, filters: { odd: false }, limit: 10 });
    expect(list.pageAnswersFilters, 'nothing shown yet').to.equal(false);
    await list.reload();
    src.fail(1);
    await list.goTo(10);
    expect(list.pageAnswersFilters, 'a failed page move').to.equal(true);
    src.fail(1);
    await list.setFilters({ odd: true });
    expect(list.state.load.status).to.equal('failed');
    expect(list.pageAnswersFilters, 'a failed filter change').to.equal(false);
    await list.reload();
    expect(list.pageAnswersFilters).to.equal(true);
  });

  it('lets a newer request win: the older one is aborted and its page never lands', async () => {
    const src = source();
    const list = new PagedList({ fetch: src.fetch, filters: { odd: false }, limit: 10 });
    const older = list.reload();
    const newer = list.setFilters({ odd: true });
    await Promise.all([older, newer]);
    expect(src.asked[0]!.signal.aborted).to.equal(true);
    expect(list.items[1]).to.equal(3);
  });

  it('updates one item in place without reloading', async () => {
    const src = source();
    const list = new PagedList({ fetch: src.fetch, filters: { odd: false }, limit: 5 });
    list.update(() => true, (n) => n);
    expect(list.state.page).to.equal(undefined);
    await list.reload();
    list.update((n) => n === 2, (n) => n * 100);
    expect(list.items).to.deep.equal([1, 200, 3, 4, 5]);
    expect(src.asked).to.have.length(1);
  });
});
