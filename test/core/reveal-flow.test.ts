import { expect } from '@open-wc/testing';
import { KitError } from '../../src/model/errors.js';
import { RevealFlow } from '../../src/core/reveal-flow.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RevealFlow', () => {
  it('loads once even when asked twice while loading', async () => {
    let loads = 0;
    const flow = new RevealFlow({ load: async () => ((loads += 1), 'secret') });
    const first = flow.reveal();
    const second = flow.reveal();
    await Promise.all([first, second]);
    expect(loads).to.equal(1);
    expect(flow.state).to.include({ status: 'revealed', value: 'secret' });
  });

  it('forgets the value on hide and loads it again on the next reveal', async () => {
    let loads = 0;
    const flow = new RevealFlow({ load: async () => ((loads += 1), 'secret') });
    await flow.reveal();
    flow.hide();
    expect(flow.state).to.deep.equal({ status: 'hidden', value: undefined, error: undefined });
    await flow.reveal();
    expect(loads).to.equal(2);
  });

  it('drops a late answer when hidden while loading', async () => {
    let release!: (value: string) => void;
    const flow = new RevealFlow({ load: () => new Promise((resolve) => (release = resolve)) });
    const pending = flow.reveal();
    flow.hide();
    release('late');
    await pending;
    expect(flow.state.status).to.equal('hidden');
  });

  it('reports a typed error and recovers on retry', async () => {
    let fail = true;
    const flow = new RevealFlow({
      load: async () => {
        if (fail) throw new KitError('server', 'boom');
        return 'ok';
      },
    });
    await flow.reveal();
    expect(flow.state.status).to.equal('error');
    expect(flow.state.error?.code).to.equal('server');
    fail = false;
    await flow.reveal();
    expect(flow.state).to.include({ status: 'revealed', value: 'ok' });
  });

  it('hides by itself after the auto-hide delay, but not while paused', async () => {
    const flow = new RevealFlow({ load: async () => 'v' });
    flow.autoHideMs = 20;
    await flow.reveal();
    flow.pauseAutoHide();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(flow.state.status).to.equal('revealed');
    flow.resumeAutoHide();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(flow.state.status).to.equal('hidden');
  });

  it('notifies subscribers until they unsubscribe', async () => {
    const seen: string[] = [];
    const flow = new RevealFlow({ load: async () => 'v' });
    const stop = flow.subscribe((state) => seen.push(state.status));
    await flow.reveal();
    stop();
    flow.hide();
    await tick();
    expect(seen).to.deep.equal(['loading', 'revealed']);
  });
});
