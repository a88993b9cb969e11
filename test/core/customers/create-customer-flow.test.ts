import { expect } from '@open-wc/testing';
import { MemoryPartnerApi } from '../../../src/api/memory/memory-adapter.js';
import { CAPPED_MOBILE, REPORTED_MOBILE } from '../../../src/api/memory/customer-accounts.js';
import { CreateCustomerFlow, type CreateCustomerState } from '../../../src/core/customers/create-customer-flow.js';

const FAST = { checkDelayMs: 5, checkSpacingMs: 1, pollMs: 20 };
const GOOD = { accountName: 'new_customer01', displayName: 'New Customer', agreed: true };

function until(flow: CreateCustomerFlow, ok: (state: CreateCustomerState) => boolean, ms = 3000): Promise<CreateCustomerState> {
  return new Promise((resolve, reject) => {
    if (ok(flow.state)) return resolve(flow.state);
    const timer = setTimeout(() => reject(new Error(`state stayed ${JSON.stringify(flow.state.step)}`)), ms);
    const stop = flow.subscribe((state) => {
      if (!ok(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    });
  });
}

const editing = (state: CreateCustomerState) => {
  if (state.step !== 'editing') throw new Error(`not editing: ${state.step}`);
  return state;
};

describe('CreateCustomerFlow', () => {
  let flows: CreateCustomerFlow[] = [];
  const make = (api: MemoryPartnerApi, extra = {}) => {
    const flow = new CreateCustomerFlow({ api, ...FAST, ...extra });
    flows.push(flow);
    return flow;
  };
  afterEach(() => {
    for (const flow of flows) flow.pause();
    flows = [];
  });

  it('creates the account once, shows association pending, then confirms it by polling the list', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api);
    flow.edit(GOOD);
    const [first, second] = await Promise.all([flow.submit(), flow.submit()]);
    expect(first?.association).to.equal('pending');
    expect(second).to.equal(undefined);
    expect(api.calls.get('createCustomer')).to.equal(1);
    expect(flow.state.step).to.equal('associating');
    const done = await until(flow, (s) => s.step === 'done');
    expect(done.step === 'done' && done.result.association).to.equal('done');
    const listed = await api.listSubCustomers({ customerId: first?.customerId ?? '', offset: 0, limit: 1 });
    expect(listed.items[0]?.accountName).to.equal('new_customer01');
  });

  it('checks availability once typing pauses, and says "taken" at the field', async () => {
    const api = new MemoryPartnerApi();
    const taken = api.data.customers[0]?.accountName ?? '';
    const flow = make(api);
    flow.edit({ accountName: 'zh' });
    flow.edit({ accountName: taken.slice(0, 6) });
    flow.edit({ accountName: taken });
    const state = editing(await until(flow, (s) => s.step === 'editing' && s.availability.name.status === 'unavailable'));
    expect(state.issues.accountName).to.equal('taken');
    expect(api.calls.get('checkCustomerIdentity')).to.equal(1);
  });

  it('stays within 5 checks a second when every field changes at once, and still answers each', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api, { checkSpacingMs: 200 });
    flow.edit({ accountName: 'free_name01', mobile: '0086-13700000001', email: 'free@example.com' });
    const state = editing(await until(flow, (s) => s.step === 'editing' && Object.values(s.availability).every((a) => a.status === 'available')));
    expect(state.issues).to.not.have.property('accountName');
  });

  it('takes a mobile typed in full-width digits as the same number: not refused, checked in ASCII digits', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api);
    flow.edit({ mobile: '００８６－１３７０００００００１' });
    expect(editing(flow.state).fields.mobile).to.equal('0086-13700000001');
    expect(editing(flow.state).issues.mobile).to.equal(undefined);
    await until(flow, (s) => s.step === 'editing' && s.availability.mobile.status === 'available');
  });

  it('says why a mobile cannot be used: registrations at the cap, or reported by the platform', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api);
    flow.edit({ mobile: CAPPED_MOBILE });
    expect(editing(await until(flow, (s) => s.step === 'editing' && s.availability.mobile.status === 'unavailable')).issues.mobile).to.equal('registration-cap');
    flow.edit({ mobile: REPORTED_MOBILE });
    expect(editing(await until(flow, (s) => s.step === 'editing' && s.availability.mobile.status === 'unavailable')).issues.mobile).to.equal('reported');
  });

  it('refuses without a call until every rule passes and the agreement is accepted', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api);
    flow.edit({ accountName: 'op_admin', password: 'short' });
    expect(await flow.submit()).to.equal(undefined);
    const state = editing(flow.state);
    expect(state.issues).to.deep.include({ accountName: 'reserved-prefix', password: 'too-short', agreement: 'not-accepted' });
    expect(state.touched.has('agreement')).to.equal(true);
    expect(api.calls.get('createCustomer')).to.equal(undefined);
  });

  it('needs the code texted to the mobile, and puts a wrong code at the code field', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api);
    flow.edit({ ...GOOD, mobile: '0086-13700000002' });
    expect(await flow.submit()).to.equal(undefined);
    expect(editing(flow.state).issues.code).to.equal('required');
    await flow.sendCode();
    expect(editing(flow.state).code.status).to.equal('sent');
    const sent = api.registrationCodes.at(-1)?.code ?? '';
    flow.edit({ code: sent === '000000' ? '111111' : '000000' });
    expect(await flow.submit()).to.equal(undefined);
    expect(editing(flow.state).issues.code).to.equal('code-incorrect');
    flow.edit({ code: sent });
    expect((await flow.submit())?.accountName).to.equal('new_customer01');
  });

  it('keeps a refusal at its field through a late availability answer and edits elsewhere, until that field or a new code changes it', async () => {
    const api = new MemoryPartnerApi();
    let now = Date.now();
    const flow = make(api, { checkDelayMs: 60, now: () => now });
    flow.edit({ ...GOOD, mobile: '0086-13700000002' });
    await flow.sendCode();
    const sent = api.registrationCodes.at(-1)?.code ?? '';
    flow.edit({ code: sent === '000000' ? '111111' : '000000' });
    expect(await flow.submit()).to.equal(undefined);
    expect(editing(flow.state).issues.code).to.equal('code-incorrect');
    expect(editing(flow.state).availability.mobile.status).not.to.equal('available');
    await until(flow, (state) => state.step === 'editing' && state.availability.mobile.status === 'available');
    expect(editing(flow.state).issues.code).to.equal('code-incorrect');
    flow.edit({ email: 'someone@example.com' });
    expect(editing(flow.state).issues.code).to.equal('code-incorrect');
    expect(await flow.submit()).to.equal(undefined);
    expect(api.calls.get('createCustomer')).to.equal(1);
    flow.edit({ code: sent });
    expect(editing(flow.state).issues.code).to.equal(undefined);
    flow.edit({ code: '000000' === sent ? '111111' : '000000' });
    await flow.submit();
    expect(editing(flow.state).issues.code).to.equal('code-incorrect');
    now += 60_000;
    await flow.sendCode();
    expect(api.registrationCodes).to.have.length(2);
    expect(editing(flow.state).issues.code).to.equal(undefined);
  });

  it('holds a second code back for the wait the backend gave, counted on its clock, then sends again', async () => {
    const api = new MemoryPartnerApi();
    let now = 1_000_000;
    const flow = make(api, { now: () => now });
    flow.edit({ ...GOOD, mobile: '0086-13700000002' });
    expect(flow.resendIn()).to.equal(0);
    await flow.sendCode();
    const code = editing(flow.state).code;
    expect(code.status === 'sent' && code.waitSeconds).to.equal(60);
    expect(flow.resendIn()).to.equal(60);
    now += 1_500;
    expect(flow.resendIn()).to.equal(59);
    await flow.sendCode();
    expect(api.registrationCodes).to.have.length(1);
    now += 58_500;
    expect(flow.resendIn()).to.equal(0);
    await flow.sendCode();
    expect(api.registrationCodes).to.have.length(2);
    flow.edit({ mobile: '0086-13700000003' });
    expect(editing(flow.state).code.status).to.equal('idle');
    expect(flow.resendIn()).to.equal(0);
  });

  it('maps backend refusals to their fields: name taken between check and submit, partner restricted at the form', async () => {
    const api = new MemoryPartnerApi();
    const first = make(api);
    first.edit(GOOD);
    await first.submit();
    const flow = make(api);
    flow.edit(GOOD);
    expect(await flow.submit()).to.equal(undefined);
    expect(editing(flow.state).issues.accountName).to.equal('taken');
    api.setPartnerRestricted(true);
    flow.edit({ accountName: 'other_name01' });
    await flow.submit();
    expect(editing(flow.state).error).to.include({ code: 'permission', reason: 'partner-restricted' });
  });

  it('keeps the form and says so when creating meets rate-limited; a retry creates once', async () => {
    const api = new MemoryPartnerApi({ faults: { createCustomer: { kind: 'rate-limited', times: 1 } } });
    const flow = make(api);
    flow.edit(GOOD);
    expect(await flow.submit()).to.equal(undefined);
    expect(editing(flow.state).error).to.not.equal(undefined);
    expect(editing(flow.state).fields.accountName).to.equal('new_customer01');
    expect((await flow.submit())?.accountName).to.equal('new_customer01');
    expect((await api.checkCustomerIdentity({ kind: 'name', value: 'new_customer01' })).availability).to.equal('taken');
  });

  for (const kind of ['timeout', 'server', 'offline'] as const) {
    it(`freezes the fields when creating meets ${kind}; "Try again" sends the same request and creates once`, async () => {
      const api = new MemoryPartnerApi({ faults: { createCustomer: { kind, times: 1, ...(kind === 'timeout' ? { afterEffect: true } : {}) } } });
      const flow = make(api);
      flow.edit(GOOD);
      expect(await flow.submit()).to.equal(undefined);
      expect(flow.state).to.include({ step: 'outcome-unknown', checked: false });
      flow.edit({ accountName: 'changed_name01' });
      expect(flow.state.step === 'outcome-unknown' && flow.state.fields.accountName).to.equal('new_customer01');
      expect((await flow.submit())?.accountName).to.equal('new_customer01');
      expect((await api.checkCustomerIdentity({ kind: 'name', value: 'new_customer01' })).availability).to.equal('taken');
    });
  }

  it('"Check what happened" after a timeout: done shows the account, once', async () => {
    const api = new MemoryPartnerApi({ faults: { createCustomer: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const flow = make(api);
    flow.edit(GOOD);
    await flow.submit();
    expect((await flow.check())?.accountName).to.equal('new_customer01');
    expect(['associating', 'done']).to.include(flow.state.step);
    expect(api.calls.get('createCustomer')).to.equal(1);
  });

  it('"Check what happened": not done returns to the form, editable, saying so; still unknown stays frozen', async () => {
    const api = new MemoryPartnerApi({ faults: { createCustomer: { kind: 'timeout', times: 1 }, lookupIntent: { kind: 'server', times: 1 } } });
    const flow = make(api);
    flow.edit(GOOD);
    await flow.submit();
    expect(await flow.check()).to.equal(undefined);
    expect(flow.state).to.include({ step: 'outcome-unknown', checked: true });
    await flow.check();
    expect(editing(flow.state)).to.include({ notDone: true });
    expect(editing(flow.state).fields.accountName).to.equal('new_customer01');
    flow.edit({ accountName: 'changed_name01' });
    expect((await flow.submit())?.accountName).to.equal('changed_name01');
  });

  it('polls for the association only while attached, with one loop however often resumed: associated once', async () => {
    const api = new MemoryPartnerApi();
    const flow = make(api);
    let done = 0;
    flow.subscribe((state) => {
      if (state.step === 'done') done += 1;
    });
    flow.edit(GOOD);
    const submitted = flow.submit();
    flow.pause();
    await submitted;
    expect(flow.state.step).to.equal('associating');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.calls.get('listSubCustomers')).to.equal(undefined);
    flow.resume();
    flow.pause();
    flow.resume();
    flow.resume();
    await until(flow, (s) => s.step === 'done');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(done).to.equal(1);
  });

  it('the backend refuses more than 5 availability checks a second', async () => {
    const api = new MemoryPartnerApi();
    const answers = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => api.checkCustomerIdentity({ kind: 'name', value: `someone_${i}0` })));
    expect(answers.filter((a) => a.status === 'rejected')).to.have.length(1);
  });
});
