import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import { WithdrawFlow, type WithdrawApi } from '../../src/core/withdraw/withdraw-flow.js';
import type { WithdrawState } from '../../src/core/withdraw/withdraw-state.js';
import { KitError } from '../../src/model/errors.js';

/** A withdrawal on the in-memory backend, with what reached it recorded. */
interface Harness {
  flow: WithdrawFlow;
  backend: MemoryPartnerApi;
  /** The idempotency key of every withdraw call, in order. */
  keys: string[];
  /** Every step the flow passed through, in order. */
  steps: WithdrawState['step'][];
  verifications: number;
  /** The next withdraw call answers this without reaching the backend. */
  refuseNext: KitError | undefined;
  /** The next verification is given up by the user. */
  cancelNextVerification: boolean;
  /** The flow's clock, in ms. */
  clock: number;
}

async function harness(options: { branchSaved?: boolean; api?: Partial<WithdrawApi> } = {}): Promise<Harness> {
  const backend = createMemoryAdapter({ verificationRules: { resendAfterSeconds: 0 } });
  if (options.branchSaved !== false) await backend.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
  const h: Omit<Harness, 'flow'> = { backend, keys: [], steps: [], verifications: 0, refuseNext: undefined, cancelNextVerification: false, clock: Date.now() };
  const api: WithdrawApi = {
    getWithdrawalOverview: (o) => backend.getWithdrawalOverview(o),
    searchBranches: (r, o) => backend.searchBranches(r, o),
    saveAccountBranch: (r, o) => backend.saveAccountBranch(r, o),
    withdraw: (request, o) => {
      h.keys.push(o.idempotencyKey);
      const refusal = h.refuseNext;
      h.refuseNext = undefined;
      return refusal ? Promise.reject(refusal) : backend.withdraw(request, o);
    },
    lookupIntent: (r, o) => backend.lookupIntent(r, o),
    ...options.api,
  };
  const flow = new WithdrawFlow({
    api,
    now: () => h.clock,
    verify: async () => {
      h.verifications += 1;
      if (h.cancelNextVerification) {
        h.cancelNextVerification = false;
        throw new KitError('cancelled', 'The user closed the code dialog.');
      }
      await backend.sendVerificationCode({ purpose: 'withdraw', channel: 'sms' });
      return backend.checkVerificationCode({ purpose: 'withdraw', channel: 'sms', code: backend.outbox.at(-1)?.code ?? '' });
    },
  });
  flow.subscribe((state) => {
    if (h.steps.at(-1) !== state.step) h.steps.push(state.step);
  });
  return Object.assign(h, { flow });
}

/** The state, asserted to be at `step`. */
function at<S extends WithdrawState['step']>(flow: WithdrawFlow, step: S): Extract<WithdrawState, { step: S }> {
  expect(flow.state.step).to.equal(step);
  return flow.state as Extract<WithdrawState, { step: S }>;
}

/** Resolves once the flow's state satisfies `done`. */
function until(flow: WithdrawFlow, done: (state: WithdrawState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(flow.state)) return resolve();
    const stop = flow.subscribe((state) => {
      if (!done(state)) return;
      stop();
      resolve();
    });
  });
}

const withdrawableLeft = (backend: MemoryPartnerApi) => backend.data.flows.reduce((total, f) => total + f.withdrawableAmount, 0);
const START = 3_850_000;

/** Opens the flow and takes it to the summary of `amount`. */
async function toSummary(h: Harness, amount = '100'): Promise<void> {
  await h.flow.start();
  h.flow.setAmount(amount);
  expect(h.flow.next()).to.equal(true);
}

describe('WithdrawFlow', () => {
  it('loads the newest recharge first and opens the form with the company’s bank account for the card route', async () => {
    const { flow } = await harness();
    await flow.start();
    const form = at(flow, 'form');
    expect(form.overview.flows.map((f) => f.id)).to.deep.equal(['RF-20261110-01', 'RF-20261028-02', 'RF-20261002-03', 'RF-20260915-04', 'RF-20260801-05']);
    expect(form.entries).to.deep.equal({ route: 'original', mode: 'lifo', picked: [], amountText: '', cardAccountId: 'acct-icbc', rejectedFlowId: undefined });
    expect(form.amountIssue).to.equal(undefined);
    expect(flow.maximum()).to.equal(START);
  });

  it('offers a retry when the balance cannot be loaded, and loads on retry', async () => {
    const { flow, backend } = await harness();
    backend.setFaults({ getWithdrawalOverview: { kind: 'server', times: 1 } });
    await flow.start();
    expect(at(flow, 'load-failed').error.code).to.equal('server');
    await flow.reload();
    at(flow, 'form');
  });

  it('says there is nothing to withdraw when no flow holds money', async () => {
    const { flow, backend } = await harness();
    for (const f of backend.data.flows) f.withdrawableAmount = 0;
    await flow.start();
    at(flow, 'empty');
    expect(flow.maximum()).to.equal(0);
    expect(flow.plan()).to.deep.equal([]);
  });

  it('asks for the opening branch of a bank account before the form, and refuses to save none', async () => {
    const { flow, backend } = await harness({ branchSaved: false });
    await flow.start();
    await until(flow, (s) => s.step === 'branch' && s.branch.results.length > 0);
    expect(at(flow, 'branch').branch.account.id).to.equal('acct-icbc');
    await flow.saveBranch();
    expect(at(flow, 'branch').branch.error?.reason).to.equal('branch-missing');
    await flow.searchBranches('杭州滨江');
    const { results } = at(flow, 'branch').branch;
    expect(results).to.have.length(1);
    flow.chooseBranch(results[0]!.code);
    await flow.saveBranch();
    expect(at(flow, 'form').overview.accounts.find((a) => a.id === 'acct-icbc')?.branch?.name).to.equal('中国工商银行杭州滨江支行');
    expect(backend.data.accounts.find((a) => a.id === 'acct-icbc')?.branch?.code).to.equal(results[0]!.code);
  });

  it('turns an account saved without its branch into a malformed-response error at the branch step', async () => {
    const { flow } = await harness({
      branchSaved: false,
      api: { saveAccountBranch: async ({ accountId }) => ({ id: accountId, type: 'bank', holderName: 'x', maskedNumber: '6789', branch: null }) },
    });
    await flow.start();
    await until(flow, (s) => s.step === 'branch' && s.branch.results.length > 0);
    flow.chooseBranch(at(flow, 'branch').branch.results[0]!.code);
    await flow.saveBranch();
    const { branch } = at(flow, 'branch');
    expect(branch.error?.code).to.equal('malformed-response');
    expect(branch.saving).to.equal(false);
  });

  it('refuses what cannot be withdrawn at the form, with the reason, and keeps what was typed', async () => {
    const { flow, backend } = await harness();
    await flow.start();
    const refusals: [string, string][] = [
      ['', 'empty'],
      ['1e3', 'format'],
      ['38500.01', 'above-max'],
      ['15,000', 'name-mismatch'],
    ];
    for (const [text, issue] of refusals) {
      flow.setAmount(text);
      expect(flow.next(), text).to.equal(false);
      const form = at(flow, 'form');
      expect(form.amountIssue, text).to.equal(issue);
      expect(form.entries.amountText).to.equal(text);
    }
    flow.setMode('pick');
    flow.setAmount('1');
    expect(flow.next()).to.equal(false);
    expect(at(flow, 'form').amountIssue).to.equal('no-flows');
    expect(backend.calls.get('withdraw') ?? 0).to.equal(0);
  });

  it('sends the flows the partner picked, and the bank account on the card route', async () => {
    const { flow } = await harness();
    await flow.start();
    flow.togglePick('RF-20260915-04');
    flow.togglePick('RF-20261002-03');
    flow.togglePick('RF-20261002-03');
    flow.setAmount('15000');
    flow.next();
    expect(at(flow, 'summary').request).to.deep.equal({ route: 'original', amount: 1_500_000, flowIds: ['RF-20260915-04'] });
    flow.back();
    flow.setRoute('bank-card');
    flow.setAmount('8000');
    flow.next();
    expect(at(flow, 'summary').request).to.deep.equal({ route: 'bank-card', amount: 800_000, accountId: 'acct-icbc' });
  });

  it('verifies, then submits once, and shows what the backend answered', async () => {
    const h = await harness();
    await toSummary(h, '12,000');
    await h.flow.confirm();
    expect(h.steps.slice(-4)).to.deep.equal(['summary', 'verifying', 'submitting', 'done']);
    const { result } = at(h.flow, 'done');
    expect(result).to.deep.include({ amount: 1_200_000, currency: 'CNY', flowIds: ['RF-20261110-01'] });
    expect(h.keys).to.have.length(1);
    expect(withdrawableLeft(h.backend)).to.equal(START - 1_200_000);
  });

  it('joins a confirmation in flight: confirming twice makes one call', async () => {
    const h = await harness();
    await toSummary(h);
    const first = h.flow.confirm();
    const second = h.flow.confirm();
    expect(second).to.equal(first);
    expect(at(h.flow, 'verifying').submission).to.equal(first);
    await Promise.all([first, second]);
    at(h.flow, 'done');
    expect(h.verifications).to.equal(1);
    expect(h.keys).to.have.length(1);
    expect(withdrawableLeft(h.backend)).to.equal(START - 10_000);
  });

  it('goes back to the summary when the code is not given, and asks again on the next confirm', async () => {
    const h = await harness();
    await toSummary(h);
    h.cancelNextVerification = true;
    await h.flow.confirm();
    expect(at(h.flow, 'summary').refusal).to.equal(undefined);
    expect(h.keys).to.have.length(0);
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.verifications).to.equal(2);
  });

  it('freezes a timed-out submission as an unknown outcome and retries it with the same key, withdrawing once', async () => {
    const h = await harness();
    await toSummary(h);
    h.backend.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true } });
    await h.flow.confirm();
    expect(at(h.flow, 'outcome-unknown').error?.code).to.equal('timeout');
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.keys).to.have.length(2);
    expect(h.keys[1]).to.equal(h.keys[0]);
    expect(h.verifications).to.equal(1);
    expect(withdrawableLeft(h.backend)).to.equal(START - 10_000);
  });

  it('keeps an unknown outcome through a close and looks it up on start, without reloading: done', async () => {
    const h = await harness();
    await toSummary(h);
    h.backend.setFaults({ withdraw: { kind: 'malformed', times: 1, afterEffect: true } });
    await h.flow.confirm();
    at(h.flow, 'outcome-unknown');
    expect(h.flow.requestClose()).to.equal(true);
    h.flow.dismiss();
    const lookup = h.flow.start();
    expect(at(h.flow, 'checking').request.amount).to.equal(10_000);
    expect(h.flow.start()).to.equal(lookup);
    await lookup;
    const done = at(h.flow, 'done');
    expect(done.recovered).to.equal(true);
    expect(done.result).to.deep.include({ amount: 10_000, currency: 'CNY', flowIds: ['RF-20261110-01'] });
    expect(h.backend.calls.get('getWithdrawalOverview')).to.equal(1);
    expect(h.keys).to.have.length(1);
    expect(withdrawableLeft(h.backend)).to.equal(START - 10_000);
  });

  it('retries an unknown outcome with the same key when the lookup cannot tell, withdrawing once', async () => {
    const h = await harness();
    await toSummary(h);
    h.backend.setFaults({ withdraw: { kind: 'malformed', times: 1, afterEffect: true }, lookupIntent: { kind: 'offline', times: 1 } });
    await h.flow.confirm();
    h.flow.dismiss();
    await h.flow.start();
    const still = at(h.flow, 'outcome-unknown');
    expect(still.checked).to.equal(true);
    expect(still.error?.code).to.equal('network');
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.keys[1]).to.equal(h.keys[0]);
    expect(withdrawableLeft(h.backend)).to.equal(START - 10_000);
  });

  it('freezes an unknown outcome: no Back, no edit, no new key', async () => {
    const h = await harness();
    await toSummary(h, '70');
    h.backend.setFaults({ withdraw: { kind: 'timeout', times: 1, afterEffect: true } });
    await h.flow.confirm();
    const unknown = at(h.flow, 'outcome-unknown');
    h.flow.back();
    h.flow.setAmount('70.01');
    h.flow.fillMaximum();
    expect(h.flow.next()).to.equal(false);
    expect(h.flow.state).to.equal(unknown);
    await h.flow.confirm();
    expect(h.keys).to.have.length(2);
    expect(h.keys[1]).to.equal(h.keys[0]);
    expect(withdrawableLeft(h.backend)).to.equal(START - 7_000);
  });

  it('settles a lookup that finds nothing done: back to the summary, editable, and a changed request goes under a new key', async () => {
    const h = await harness();
    await toSummary(h, '70');
    h.backend.setFaults({ withdraw: { kind: 'timeout', times: 1 } });
    await h.flow.confirm();
    at(h.flow, 'outcome-unknown');
    await h.flow.check();
    const summary = at(h.flow, 'summary');
    expect(summary.notDone).to.equal(true);
    expect(summary.refusal).to.equal(undefined);
    h.flow.back();
    h.flow.setAmount('70.01');
    expect(h.flow.next()).to.equal(true);
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.keys).to.have.length(2);
    expect(h.keys[1]).not.to.equal(h.keys[0]);
    expect(withdrawableLeft(h.backend)).to.equal(START - 7_001);
  });

  it('confirms the same request again with the unspent ticket after a lookup finds nothing done: one code, one withdrawal', async () => {
    const h = await harness();
    await toSummary(h, '70');
    h.backend.setFaults({ withdraw: { kind: 'server', times: 1 } });
    await h.flow.confirm();
    at(h.flow, 'outcome-unknown');
    expect(h.flow.requestClose()).to.equal(true);
    await h.flow.start();
    expect(at(h.flow, 'summary').notDone).to.equal(true);
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.verifications).to.equal(1);
    expect(h.backend.outbox.filter((m) => m.purpose === 'withdraw')).to.have.length(1);
    expect(h.keys).to.have.length(2);
    expect(h.keys[1]).not.to.equal(h.keys[0]);
    expect(withdrawableLeft(h.backend)).to.equal(START - 7_000);
  });

  it('asks for a new code when the kept ticket has expired or the backend no longer takes it', async () => {
    const h = await harness();
    await toSummary(h, '70');
    h.backend.setFaults({ withdraw: [{ kind: 'server', times: 1 }, { kind: 'server', times: 1 }] });
    await h.flow.confirm();
    await h.flow.check();
    h.refuseNext = new KitError('verification-required', 'This action needs a verification code.');
    await h.flow.confirm();
    expect(at(h.flow, 'summary').refusal?.code).to.equal('verification-required');
    expect(h.verifications).to.equal(1);
    await h.flow.confirm();
    await h.flow.check();
    expect(h.verifications).to.equal(2);
    h.clock += 301_000;
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.verifications).to.equal(3);
    expect(withdrawableLeft(h.backend)).to.equal(START - 7_000);
  });

  it('stays frozen when the backend still cannot say, and checks again on request', async () => {
    const h = await harness();
    await toSummary(h);
    h.backend.setFaults({ withdraw: { kind: 'server', times: 1, afterEffect: true }, lookupIntent: { kind: 'server', times: 1 } });
    await h.flow.confirm();
    expect(at(h.flow, 'outcome-unknown').checked).to.equal(false);
    const first = h.flow.check();
    expect(h.flow.check()).to.equal(first);
    await first;
    expect(at(h.flow, 'outcome-unknown').checked).to.equal(true);
    await h.flow.check();
    expect(at(h.flow, 'done').recovered).to.equal(true);
    expect(h.backend.calls.get('lookupIntent')).to.equal(2);
  });

  it('fills "withdraw all" with the most the name-match rule lets through, which the form then accepts', async () => {
    const h = await harness();
    await h.flow.start();
    h.flow.fillMaximum();
    expect(at(h.flow, 'form').entries.amountText).to.equal('12000.00');
    expect(h.flow.next()).to.equal(true);
    h.flow.back();
    h.flow.togglePick('RF-20260915-04');
    h.flow.fillMaximum();
    expect(at(h.flow, 'form').entries.amountText).to.equal('15000.00');
    h.flow.togglePick('RF-20261110-01');
    h.flow.fillMaximum();
    expect(at(h.flow, 'form').entries.amountText).to.equal('27000.00');
    h.flow.setRoute('bank-card');
    h.flow.fillMaximum();
    expect(at(h.flow, 'form').entries.amountText).to.equal('8000.00');
    expect(h.flow.next()).to.equal(true);
  });

  it('plans no take before an amount is typed, so no flow says what it gives', async () => {
    const h = await harness();
    await h.flow.start();
    expect(h.flow.plan()).to.deep.equal([]);
    h.flow.setAmount('15,000');
    expect(h.flow.plan().map((take) => [take.flow.id, take.amount, take.blocked])).to.deep.equal([
      ['RF-20261110-01', 1_200_000, false],
      ['RF-20261028-02', 300_000, true],
    ]);
  });

  it('keeps an unknown outcome when the code asked again on its retry is not given', async () => {
    const h = await harness();
    await toSummary(h);
    h.backend.setFaults({ withdraw: { kind: 'server', times: 1, afterEffect: true } });
    await h.flow.confirm();
    const unknown = at(h.flow, 'outcome-unknown');
    h.clock += 60 * 60_000;
    h.cancelNextVerification = true;
    await h.flow.confirm();
    expect(at(h.flow, 'outcome-unknown').error).to.equal(unknown.error);
    expect(h.verifications).to.equal(2);
    expect(h.keys).to.have.length(1);
  });

  it('shows a definite refusal at the summary, retries it under a new key (the refusal spent the old one), keeps the key after a rate limit, and drops it on discard', async () => {
    const h = await harness();
    await toSummary(h);
    h.refuseNext = new KitError('insufficient-funds', 'The balance is too low.');
    await h.flow.confirm();
    expect(at(h.flow, 'summary').refusal?.code).to.equal('insufficient-funds');
    h.refuseNext = new KitError('rate-limited', 'Too many requests.', { retryAfterMs: 1000 });
    await h.flow.confirm();
    expect(at(h.flow, 'summary').refusal?.code).to.equal('rate-limited');
    expect(h.keys[1]).not.to.equal(h.keys[0]);

    expect(h.flow.requestClose()).to.equal(false);
    expect(at(h.flow, 'summary').confirmingClose).to.equal(true);
    h.flow.keepEditing();
    expect(at(h.flow, 'summary').confirmingClose).to.equal(false);
    h.flow.requestClose();
    h.flow.discard();
    at(h.flow, 'idle');
    await toSummary(h);
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.keys[2]).not.to.equal(h.keys[1]);
  });

  it('keeps the key after a rate limit: the backend did not act', async () => {
    const h = await harness();
    await toSummary(h);
    h.refuseNext = new KitError('rate-limited', 'Too many requests.', { retryAfterMs: 1000 });
    await h.flow.confirm();
    await h.flow.confirm();
    at(h.flow, 'done');
    expect(h.keys[1]).to.equal(h.keys[0]);
  });

  it('takes the backend’s name-match refusal back to the form, at the flow it names', async () => {
    const h = await harness();
    await toSummary(h);
    h.refuseNext = new KitError('validation', 'Holder mismatch.', { reason: 'name-mismatch', details: { flowId: 'RF-20261110-01' } });
    await h.flow.confirm();
    const form = at(h.flow, 'form');
    expect(form.amountIssue).to.equal('name-mismatch');
    expect(form.entries.rejectedFlowId).to.equal('RF-20261110-01');
    expect(form.entries.amountText).to.equal('100');
    expect(h.flow.plan().find((take) => take.flow.id === 'RF-20261110-01')?.blocked).to.equal(true);
    h.flow.setAmount('100');
    expect(at(h.flow, 'form').entries.rejectedFlowId).to.equal(undefined);
  });

  it('asks for the branch the backend says is missing, then returns to the form', async () => {
    const h = await harness();
    await toSummary(h);
    h.refuseNext = new KitError('conflict', 'Branch required.', { reason: 'branch-required', details: { accountId: 'acct-icbc' } });
    await h.flow.confirm();
    expect(at(h.flow, 'branch').branch.account.id).to.equal('acct-icbc');
    expect(at(h.flow, 'branch').entries.amountText).to.equal('100');
  });

  it('cannot be closed, discarded or restarted while a submission is in flight, and settles as usual', async () => {
    const h = await harness();
    await toSummary(h);
    const submission = h.flow.confirm();
    expect(h.flow.requestClose()).to.equal(false);
    h.flow.discard();
    h.flow.dismiss();
    await h.flow.start();
    await h.flow.reload();
    expect(h.flow.state.step).to.equal('verifying');
    await submission;
    at(h.flow, 'done');
    expect(h.backend.calls.get('getWithdrawalOverview')).to.equal(1);
  });

  it('closes without asking when nothing was entered, and asks when something was', async () => {
    const h = await harness();
    await h.flow.start();
    expect(h.flow.requestClose()).to.equal(true);
    at(h.flow, 'idle');
    await h.flow.start();
    h.flow.togglePick('RF-20261110-01');
    expect(h.flow.requestClose()).to.equal(false);
    expect(at(h.flow, 'form').confirmingClose).to.equal(true);
    h.flow.dismiss();
    at(h.flow, 'idle');
  });

  it('ignores a load answered after the flow was closed', async () => {
    const h = await harness();
    const load = h.flow.start();
    at(h.flow, 'loading');
    expect(h.flow.requestClose()).to.equal(true);
    await load;
    at(h.flow, 'idle');
  });

  it('leaves nothing of an earlier step in the state', async () => {
    const h = await harness();
    await toSummary(h);
    await h.flow.confirm();
    expect(Object.entries(h.flow.state).filter(([, value]) => value !== undefined).map(([key]) => key)).to.deep.equal(['step', 'result', 'recovered']);
  });
});
