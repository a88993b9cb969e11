import { expect, waitUntil } from '@open-wc/testing';
import { VerificationFlow, type VerificationApi } from '../../src/core/verification/verification-flow.js';
import { isShown, type VerificationState } from '../../src/core/verification/verification-state.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/api/memory/index.js';
import { KitError } from '../../src/model/errors.js';
import type { SendCodeResult, VerificationPolicy } from '../../src/model/schemas/verification.js';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const failed = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as KitError);

/** A flow on the in-memory backend, opened for `purpose` and ready for the user. */
async function ready(options: MemoryAdapterOptions = {}, purpose = 'withdraw') {
  const api = createMemoryAdapter(options);
  const flow = new VerificationFlow({ api, ...(options.now ? { now: options.now } : {}) });
  const result = flow.confirm({ purpose });
  result.catch(() => undefined);
  await waitUntil(() => flow.state.step === 'ready' || flow.state.step === 'locked', 'the flow did not get ready');
  return { api, flow, result };
}

/** Sends a code and returns what the in-memory backend "sent". */
async function sendCode(flow: VerificationFlow, api: ReturnType<typeof createMemoryAdapter>): Promise<string> {
  expect(await flow.send()).to.equal(true);
  return api.outbox.at(-1)!.code;
}

/** Waits until the running check is answered. */
async function checked(flow: VerificationFlow): Promise<void> {
  await waitUntil(() => flow.state.step !== 'checking', 'the check was not answered');
}

/** Types three different wrong codes, waiting for each answer. */
async function threeWrongCodes(flow: VerificationFlow, code: string): Promise<void> {
  for (const attempt of [1, 2, 3]) {
    flow.input(wrong(code).slice(0, 5) + String(attempt));
    await checked(flow);
  }
}

const POLICY: VerificationPolicy = { enabled: true, guardedPurposes: ['issue-coupon'], channels: [{ channel: 'sms', destination: '0086-139****1234' }] };

/** A backend whose sends answer when the test says so, keeping the signal each send was given. */
function heldApi() {
  const signals: AbortSignal[] = [];
  const sends: Array<(result: SendCodeResult) => void> = [];
  const api: VerificationApi = {
    getVerificationPolicy: () => Promise.resolve(POLICY),
    sendVerificationCode: (_request, options) => {
      if (options?.signal) signals.push(options.signal);
      return new Promise((resolve) => sends.push(resolve));
    },
    checkVerificationCode: ({ purpose }) => Promise.resolve({ ticket: 'vt_0000000000000000', purpose: `${purpose}-other`, expiresAt: '2030-01-01T00:00:00Z' }),
  };
  return { api, signals, sends };
}

const SENT: SendCodeResult = { channel: 'sms', destination: '0086-139****1234', resendAfterSeconds: 60, expiresInSeconds: 300 };

/** A flow on {@link heldApi}, ready, with a send under way. */
async function sendingFlow() {
  const held = heldApi();
  const flow = new VerificationFlow({ api: held.api });
  const result = flow.confirm({ purpose: 'issue-coupon' });
  result.catch(() => undefined);
  await waitUntil(() => flow.state.step === 'ready');
  const sending = flow.send();
  await waitUntil(() => held.sends.length === 1);
  return { ...held, flow, result, sending, answer: (answer: Partial<SendCodeResult> = {}) => held.sends[0]!({ ...SENT, ...answer }) };
}

/** The state, which the test expects to be `ready`. */
function readyState(flow: VerificationFlow): Extract<VerificationState, { step: 'ready' }> {
  const state = flow.state;
  if (state.step !== 'ready') throw new Error(`expected the ready step, not ${state.step}`);
  return state;
}

/** Drives the flow the way a host's own UI would: no element, no DOM. */
describe('VerificationFlow (headless)', () => {
  it('runs a whole confirmation from state alone', async () => {
    const api = createMemoryAdapter();
    const flow = new VerificationFlow({ api });
    const steps: string[] = [];
    flow.subscribe((state) => steps.push(state.step));
    const result = flow.confirm({ purpose: 'reclaim-coupon' });
    await tick();
    expect(isShown(flow.state)).to.equal(true);
    expect(flow.state).to.include({ step: 'ready', channel: 'sms' });
    expect(await flow.send()).to.equal(true);
    expect(flow.resendIn()).to.be.within(59, 60);
    const code = `${api.outbox[0]!.code}`;
    flow.input(code);
    const ticket = await result;
    expect(ticket?.purpose).to.equal('reclaim-coupon');
    expect(isShown(flow.state)).to.equal(false);
    expect(flow.state.step).to.equal('closed');
    expect(Object.values(flow.state)).not.to.include(code);
    expect(steps).to.include.members(['loading', 'ready', 'sending', 'checking', 'closed']);
  });

  it('returns the same promise to a second confirm for the same purpose', async () => {
    const flow = new VerificationFlow({ api: createMemoryAdapter() });
    const first = flow.confirm({ purpose: 'withdraw' });
    expect(flow.confirm({ purpose: 'withdraw' })).to.equal(first);
    flow.cancel();
    expect((await failed(first))?.code).to.equal('cancelled');
  });

  it('lets a newer confirm for another purpose replace the waiting one, keeping the dialog up', async () => {
    const { flow, result: first } = await ready();
    const other = flow.confirm({ purpose: 'issue-coupon' });
    const error = await failed(first);
    expect(error?.code).to.equal('cancelled');
    expect(error?.reason).to.equal('replaced');
    expect(flow.state).to.include({ purpose: 'issue-coupon', step: 'loading', shown: true });
    await waitUntil(() => flow.state.step === 'ready');
    flow.cancel();
    const cancelled = await failed(other);
    expect(cancelled?.code).to.equal('cancelled');
    expect(cancelled?.reason).to.equal(undefined);
  });

  it('resolves undefined without ever showing a dialog when the policy does not guard the purpose', async () => {
    const api = createMemoryAdapter({ verification: { enabled: false } });
    const flow = new VerificationFlow({ api });
    const shown: boolean[] = [];
    flow.subscribe((state: VerificationState) => shown.push(isShown(state)));
    expect(await flow.confirm({ purpose: 'issue-coupon' })).to.equal(undefined);
    expect(shown).not.to.include(true);
    expect(flow.state.step).to.equal('closed');
    expect(api.calls.get('sendVerificationCode') ?? 0).to.equal(0);
  });

  it('shows a withdrawal at once, even while the policy loads', () => {
    const flow = new VerificationFlow({ api: createMemoryAdapter() });
    flow.confirm({ purpose: 'withdraw' }).catch(() => undefined);
    expect(flow.state).to.include({ step: 'loading', shown: true });
    flow.cancel();
  });

  it('ignores sends while the countdown runs', async () => {
    const { api, flow } = await ready();
    await flow.send();
    expect(await flow.send()).to.equal(false);
    expect(api.outbox).to.have.length(1);
    flow.cancel();
  });

  it('keeps the step ready with the failure when a send fails for a moment, and sends on retry', async () => {
    const { api, flow } = await ready({ faults: { sendVerificationCode: { kind: 'server', times: 1 } } });
    expect(await flow.send()).to.equal(false);
    const state = readyState(flow);
    expect(state.failure?.during).to.equal('send');
    expect(state.failure?.error.code).to.equal('server');
    expect(state.sent).to.equal(undefined);
    await flow.retry();
    expect(flow.state).to.include({ step: 'ready', failure: undefined });
    expect(api.outbox).to.have.length(1);
    flow.cancel();
  });

  it('counts down to the wait a rate-limited send names, and sends nothing before it', async () => {
    const { api, flow } = await ready({ faults: { sendVerificationCode: { kind: 'rate-limited', retryAfterSeconds: 5, times: 1 } } });
    expect(await flow.send()).to.equal(false);
    const state = readyState(flow);
    expect(state.failure?.error.code).to.equal('rate-limited');
    expect(flow.resendIn()).to.be.within(4, 5);
    expect(flow.codeAlive()).to.equal(false);
    expect(await flow.send()).to.equal(false);
    expect(api.outbox).to.have.length(0);
    flow.cancel();
  });

  it('keeps a wrong code, says how many attempts are left, and does not check the same digits twice', async () => {
    const { api, flow, result } = await ready();
    const code = await sendCode(flow, api);
    flow.input(wrong(code));
    await checked(flow);
    const state = readyState(flow);
    expect(state.code).to.equal(wrong(code));
    expect(state.failure?.error.reason).to.equal('code-incorrect');
    expect(state.failure?.error.details['attemptsLeft']).to.equal(2);
    await flow.submit();
    expect(api.calls.get('checkVerificationCode')).to.equal(1);
    flow.input(code);
    expect((await result)?.purpose).to.equal('withdraw');
  });

  it('asks for all six digits before checking', async () => {
    const { api, flow } = await ready();
    await sendCode(flow, api);
    flow.input('123');
    await flow.submit();
    expect(flow.state).to.include({ step: 'ready', code: '123' });
    expect(flow.state.step === 'ready' && flow.state.failure?.error.reason).to.equal('code-incomplete');
    expect(api.calls.get('checkVerificationCode') ?? 0).to.equal(0);
    flow.cancel();
  });

  it('checks once however often submit is called', async () => {
    const { api, flow, result } = await ready({ latencyMs: 50 });
    const code = await sendCode(flow, api);
    flow.input(code);
    const again = flow.submit();
    flow.input(wrong(code));
    await Promise.all([again, flow.submit(), result]);
    expect(api.calls.get('checkVerificationCode')).to.equal(1);
  });

  it('locks after three wrong codes, takes no code while locked, and is locked again when reopened', async () => {
    const { api, flow } = await ready();
    const code = await sendCode(flow, api);
    await threeWrongCodes(flow, code);
    expect(flow.state.step).to.equal('locked');
    expect(flow.lockedFor()).to.be.within(899, 900);
    expect(flow.codeAlive()).to.equal(false);
    flow.input(code);
    expect(await flow.send()).to.equal(false);
    expect(api.calls.get('checkVerificationCode')).to.equal(3);
    flow.cancel();

    const reopened = new VerificationFlow({ api });
    reopened.confirm({ purpose: 'withdraw' }).catch(() => undefined);
    await waitUntil(() => reopened.state.step === 'locked', 'the reopened flow is not locked');
    reopened.cancel();
  });

  it('does not check digits pasted before any code was sent, until Verify is pressed', async () => {
    const { api, flow } = await ready();
    flow.input('123456');
    await tick();
    expect(flow.state).to.include({ step: 'ready', code: '123456', failure: undefined });
    expect(api.calls.get('checkVerificationCode') ?? 0).to.equal(0);
    const code = await sendCode(flow, api);
    flow.input(code);
    await checked(flow);
    expect(flow.state.step).to.equal('closed');
  });

  it('cannot send while locked, even once the resend countdown is over, and can when the lock ends', async () => {
    let now = Date.now();
    const { api, flow } = await ready({ now: () => now, verificationRules: { lockSeconds: 0.3, resendAfterSeconds: 0 } });
    const code = await sendCode(flow, api);
    await threeWrongCodes(flow, code);
    expect(flow.resendIn()).to.equal(0);
    expect(flow.canSend()).to.equal(false);
    now += 400;
    await waitUntil(() => flow.state.step === 'ready', 'the lock did not end');
    expect(flow.canSend()).to.equal(true);
    expect(await flow.send()).to.equal(true);
    flow.cancel();
  });

  it('lifts the lock when it ends', async () => {
    const { api, flow } = await ready({ verificationRules: { lockSeconds: 0.05 } });
    const code = await sendCode(flow, api);
    // The steps as they come, so the lock is seen however fast it ends on this machine.
    const steps: string[] = [];
    const stop = flow.subscribe((state) => steps.push(state.step));
    await threeWrongCodes(flow, code);
    await waitUntil(() => flow.state.step === 'ready', 'the lock did not end');
    stop();
    expect(steps.slice(steps.lastIndexOf('locked'))).to.deep.equal(['locked', 'ready']);
    expect(flow.state).to.include({ failure: undefined });
    flow.cancel();
  });

  it('locks when the backend refuses a send because of the lock', async () => {
    const { api, flow } = await ready();
    const code = await sendCode(flow, api);
    await threeWrongCodes(flow, code);
    flow.cancel();
    // Another page of the same backend never saw the lock happen: it learns it from the send.
    const elsewhere = new VerificationFlow({
      api: {
        getVerificationPolicy: (options) => api.getVerificationPolicy(options),
        sendVerificationCode: (request, options) => api.sendVerificationCode(request, options),
        checkVerificationCode: (request, options) => api.checkVerificationCode(request, options),
      },
    });
    elsewhere.confirm({ purpose: 'withdraw' }).catch(() => undefined);
    await waitUntil(() => elsewhere.state.step === 'ready');
    await elsewhere.send();
    expect(elsewhere.state.step).to.equal('locked');
    expect(elsewhere.lockedFor()).to.be.within(899, 900);
    elsewhere.cancel();
  });

  it('marks an expired code dead and keeps the digits', async () => {
    let now = Date.now();
    const { api, flow } = await ready({ now: () => now });
    const code = await sendCode(flow, api);
    expect(flow.codeAlive()).to.equal(true);
    now += 301_000;
    flow.input(code);
    await checked(flow);
    const state = readyState(flow);
    expect(state.failure?.error.reason).to.equal('code-expired');
    expect(state.code).to.equal(code);
    expect(flow.codeAlive()).to.equal(false);
    flow.cancel();
  });

  it('says a code whose passing answer was lost can no longer be used, and lets a new one be asked for at once', async () => {
    const { api, flow, result } = await ready();
    const code = await sendCode(flow, api);
    api.setFaults({ checkVerificationCode: { kind: 'timeout', afterEffect: true, times: 1 } });
    flow.input(code);
    await checked(flow);
    expect(readyState(flow).failure?.error.code).to.equal('timeout');
    expect(flow.resendIn()).to.be.within(59, 60);
    await flow.retry();
    const state = readyState(flow);
    expect(state.failure?.error).to.include({ code: 'validation', reason: 'code-gone', backendCode: 'KIT.CODE_NOT_SENT' });
    expect(flow.codeAlive()).to.equal(false);
    expect(flow.resendIn()).to.equal(0);
    expect(flow.canSend()).to.equal(true);
    const fresh = await sendCode(flow, api);
    expect(api.calls.get('sendVerificationCode')).to.equal(2);
    flow.input(fresh);
    expect((await result)?.purpose).to.equal('withdraw');
  });

  it('still says no code was sent when none was', async () => {
    const { api, flow } = await ready();
    flow.input('123456');
    await flow.submit();
    expect(readyState(flow).failure?.error.reason).to.equal('code-not-sent');
    expect(api.calls.get('checkVerificationCode')).to.equal(1);
    flow.cancel();
  });

  it('refuses any code the backend refused before, typed again or submitted again, without spending an attempt', async () => {
    const { api, flow, result } = await ready();
    const code = await sendCode(flow, api);
    const first = wrong(code);
    const second = wrong(first);
    flow.input(first);
    await checked(flow);
    flow.input(second);
    await checked(flow);
    expect(api.calls.get('checkVerificationCode')).to.equal(2);
    flow.input(first);
    expect(readyState(flow).failure?.error.reason).to.equal('code-repeated');
    await flow.submit();
    flow.input(second.slice(0, 5));
    expect(readyState(flow).failure).to.equal(undefined);
    flow.input(second);
    expect(readyState(flow).failure?.error.reason).to.equal('code-repeated');
    await flow.submit();
    await flow.retry();
    expect(api.calls.get('checkVerificationCode')).to.equal(2);
    expect(flow.state.step).to.equal('ready');
    flow.input(code);
    expect((await result)?.purpose).to.equal('withdraw');
  });

  it('checks digits refused for an earlier code again once a new code was sent', async () => {
    const { api, flow } = await ready({ verificationRules: { resendAfterSeconds: 0 } });
    const code = await sendCode(flow, api);
    flow.input(wrong(code));
    await checked(flow);
    await sendCode(flow, api);
    flow.input(wrong(code));
    await checked(flow);
    expect(api.calls.get('checkVerificationCode')).to.equal(2);
    flow.cancel();
  });

  it('aborts a send when cancelled, and the late answer changes nothing', async () => {
    const { flow, signals, result, sending, answer } = await sendingFlow();
    expect(flow.state.step).to.equal('sending');
    flow.cancel();
    expect(signals[0]!.aborted).to.equal(true);
    expect((await failed(result))?.code).to.equal('cancelled');
    answer();
    expect(await sending).to.equal(false);
    expect(flow.state.step).to.equal('closed');
  });

  it('turns a send answered for another channel into a malformed-response failure', async () => {
    const { flow, sending, answer } = await sendingFlow();
    answer({ channel: 'email', destination: 'f***@yunfan.example.com' });
    expect(await sending).to.equal(false);
    const state = readyState(flow);
    expect(state.failure?.error).to.include({ code: 'malformed-response', reason: 'channel-mismatch' });
    expect(state.sent).to.equal(undefined);
    flow.cancel();
  });

  it('refuses a ticket made out for another purpose', async () => {
    const { flow, sending, answer } = await sendingFlow();
    answer();
    await sending;
    flow.input('123456');
    await checked(flow);
    const state = readyState(flow);
    expect(state.failure?.error).to.include({ code: 'malformed-response', reason: 'ticket-purpose' });
    flow.cancel();
  });

  it('masks a destination the backend sent in full before anything shows it', async () => {
    const { flow, sending, answer } = await sendingFlow();
    answer({ destination: '0086-13912341234' });
    expect(await sending).to.equal(true);
    expect(readyState(flow).sent?.destination).to.equal('0086-139****1234');
    flow.cancel();
  });

  it('says so when the policy offers no channel, instead of loading forever', async () => {
    const flow = new VerificationFlow({ api: createMemoryAdapter({ verification: { channels: [] } }) });
    flow.confirm({ purpose: 'issue-coupon' }).catch(() => undefined);
    await waitUntil(() => flow.state.step !== 'loading', 'still loading');
    const state = flow.state;
    if (state.step !== 'policy-failed') throw new Error(`unexpected step ${state.step}`);
    expect(state.error).to.be.instanceOf(KitError);
    expect(state.error).to.include({ code: 'configuration', reason: 'no-channel' });
    expect(isShown(state)).to.equal(true);
    flow.cancel();
  });

  it('shows a failed policy load and loads it again on retry', async () => {
    const api = createMemoryAdapter({ faults: { getVerificationPolicy: { kind: 'server', times: 1 } } });
    const flow = new VerificationFlow({ api });
    flow.confirm({ purpose: 'issue-coupon' }).catch(() => undefined);
    await waitUntil(() => flow.state.step === 'policy-failed');
    expect(isShown(flow.state)).to.equal(true);
    await flow.retry();
    expect(flow.state).to.include({ step: 'ready', channel: 'sms' });
    flow.cancel();
  });
});
