import { expect } from '@open-wc/testing';
import { reverseRuns, Slicer } from '../../../src/core/invites/invite-view.js';

/** A slicer whose every slice is used up: counts the yields a pass makes, without waiting for the clock. */
class Spent extends Slicer {
  pauses = 0;

  constructor() {
    super(new AbortController().signal);
  }

  override due(): boolean {
    return true;
  }

  override pause(): Promise<void> {
    this.pauses += 1;
    return Promise.resolve();
  }
}

describe('reverseRuns', () => {
  it('reads an order backwards a run of ties at a time, each run in its incoming order', async () => {
    const keys = [1, 1, 2, 3, 3, 3];
    const order = Uint32Array.from([0, 1, 2, 3, 4, 5]);
    const same = (a: number, b: number) => keys[a] === keys[b];
    expect([...(await reverseRuns(order, same, new Spent()))]).to.deep.equal([3, 4, 5, 2, 0, 1]);
    expect([...(await reverseRuns(order, same, new Spent(), 4))]).to.deep.equal([3, 4, 5, 2]);
  });

  it('gives the main thread back within the pass, also inside one long run of ties', async () => {
    const order = Uint32Array.from({ length: 10_000 }, (_, i) => i);
    const distinct = new Spent();
    await reverseRuns(order, (a, b) => a === b, distinct);
    expect(distinct.pauses, 'a yield per row read when every slice is used up').to.be.at.least(10_000);
    const tied = new Spent();
    const reversed = await reverseRuns(order, () => true, tied);
    expect(reversed[0]).to.equal(0);
    expect(tied.pauses).to.be.at.least(10_000);
  });
});
