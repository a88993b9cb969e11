import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { DETAILS_SMS_COOLDOWN_MS, RemittanceAccountFlow, findPayerIssue, proofFile } from '../../../src/core/payments/remittance-account-flow.js';
import { KitError } from '../../../src/model/errors.js';
import type { RemittanceAccount } from '../../../src/model/schemas/remittance.js';
import type { VerificationTicket } from '../../../src/model/schemas/verification.js';

interface Harness {
  flow: RemittanceAccountFlow;
  backend: MemoryPartnerApi;
  keys: { enable: string[]; sms: string[] };
  purposes: string[];
  enabled: RemittanceAccount[];
  clock: { now: number };
  /** What the code step answers next: a ticket (through the backend), or a cancel. */
  code: { cancel: boolean };
}

function harness(): Harness {
  const clock = { now: Date.parse('2026-06-01T00:00:00Z') };
  const backend = createMemoryAdapter({ latencyMs: 0, now: () => clock.now, verificationRules: { resendAfterSeconds: 0 } });
  const keys = { enable: [] as string[], sms: [] as string[] };
  const purposes: string[] = [];
  const enabled: RemittanceAccount[] = [];
  const code = { cancel: false };
  const verify = async ({ purpose }: { purpose: string }): Promise<VerificationTicket | undefined> => {
    purposes.push(purpose);
    if (code.cancel) throw new KitError('cancelled', 'The user closed the code dialog.');
    await backend.sendVerificationCode({ purpose, channel: 'sms' });
    return backend.checkVerificationCode({ purpose, channel: 'sms', code: backend.outbox.at(-1)!.code });
  };
  const flow = new RemittanceAccountFlow({
    api: {
      getRemittanceAccount: (o) => backend.getRemittanceAccount(o),
      enableRemittanceAccount: (o) => {
        keys.enable.push(o.idempotencyKey);
        return backend.enableRemittanceAccount(o);
      },
      sendRemittanceDetails: (o) => {
        keys.sms.push(o.idempotencyKey);
        return backend.sendRemittanceDetails(o);
      },
      getRemittanceProof: (o) => backend.getRemittanceProof(o),
      saveRemittancePayers: (r, o) => backend.saveRemittancePayers(r, o),
      lookupIntent: (r, o) => backend.lookupIntent(r, o),
    },
    verify,
    onEnabled: (account) => enabled.push(account),
    now: () => clock.now,
  });
  return { flow, backend, keys, purposes, enabled, clock, code };
}

async function enabledHarness(): Promise<Harness> {
  const h = harness();
  await h.flow.start();
  await h.flow.enable();
  expect(h.flow.state.step).to.equal('enabled');
  return h;
}

const account = (flow: RemittanceAccountFlow) => (flow.state.step === 'enabled' ? flow.state : undefined);
const texts = (h: Harness) => h.backend.outbox.filter((m) => m.purpose === 'remittance-details');

describe('RemittanceAccountFlow', () => {
  describe('enabling', () => {
    it('starts not enabled and enables behind a remittance-account code, once', async () => {
      const h = harness();
      await h.flow.start();
      expect(h.flow.state).to.deep.equal({ step: 'not-enabled', phase: 'ready', refusal: undefined });
      await h.flow.enable();
      expect(h.purposes).to.deep.equal(['remittance-account']);
      expect(account(h.flow)?.account.maskedAccountNumber).to.equal('1109 **** **** 8461');
      expect(h.enabled).to.have.length(1);
    });

    it('asks for one code and enables once however often "Verify and enable" is pressed', async () => {
      const h = harness();
      await h.flow.start();
      await Promise.all([h.flow.enable(), h.flow.enable(), h.flow.enable()]);
      expect(h.purposes).to.have.length(1);
      expect(h.keys.enable).to.have.length(1);
      expect(h.enabled).to.have.length(1);
    });

    it('goes back to the button without a message when the code dialog is closed', async () => {
      const h = harness();
      await h.flow.start();
      h.code.cancel = true;
      await h.flow.enable();
      expect(h.flow.state).to.deep.equal({ step: 'not-enabled', phase: 'ready', refusal: undefined });
      expect(h.keys.enable).to.have.length(0);
    });

    it('shows a refusal and enables on the next press', async () => {
      const h = harness();
      await h.flow.start();
      h.backend.setFaults({ enableRemittanceAccount: { kind: 'rate-limited', retryAfterSeconds: 5, times: 1 } });
      await h.flow.enable();
      expect(h.flow.state.step === 'not-enabled' && h.flow.state.refusal?.code).to.equal('rate-limited');
      await h.flow.enable();
      expect(h.flow.state.step).to.equal('enabled');
      expect(new Set(h.keys.enable).size).to.equal(1);
    });

    it('freezes a lost answer until a check finds the account enabled', async () => {
      const h = harness();
      await h.flow.start();
      h.backend.setFaults({ enableRemittanceAccount: { kind: 'timeout', afterEffect: true, times: 1 } });
      await h.flow.enable();
      expect(h.flow.state).to.include({ step: 'enable-unknown', checked: false });
      await h.flow.start();
      expect(h.flow.state.step, 'reopening keeps it frozen').to.equal('enable-unknown');
      await h.flow.checkEnable();
      expect(h.flow.state.step).to.equal('enabled');
      expect(h.keys.enable).to.have.length(1);
      expect(h.enabled).to.have.length(1);
    });

    it('sends the same enable again after a lost answer, under the same key', async () => {
      const h = harness();
      await h.flow.start();
      h.backend.setFaults({ enableRemittanceAccount: { kind: 'timeout', afterEffect: false, times: 1 } });
      await h.flow.enable();
      expect(h.flow.state.step).to.equal('enable-unknown');
      await h.flow.enable();
      expect(h.flow.state.step).to.equal('enabled');
      expect(h.keys.enable).to.have.length(2);
      expect(h.keys.enable[0]).to.equal(h.keys.enable[1]);
    });

    it('stays frozen when a check cannot tell', async () => {
      const h = harness();
      await h.flow.start();
      h.backend.setFaults({ enableRemittanceAccount: { kind: 'server', times: 1 }, lookupIntent: { kind: 'offline', times: 1 } });
      await h.flow.enable();
      await h.flow.checkEnable();
      expect(h.flow.state).to.include({ step: 'enable-unknown', checked: true, checking: false });
    });

    it('shows the account at once when it was enabled before, and a failed load with a retry', async () => {
      const h = await enabledHarness();
      const again = harness();
      again.backend.setFaults({ getRemittanceAccount: { kind: 'offline', times: 1 } });
      await again.flow.start();
      expect(again.flow.state.step).to.equal('load-failed');
      await again.flow.start();
      expect(again.flow.state.step).to.equal('not-enabled');
      expect(h.flow.state.step).to.equal('enabled');
    });
  });

  describe('details by SMS', () => {
    it('sends once per press, says where, then rests before the next', async () => {
      const h = await enabledHarness();
      await Promise.all([h.flow.sendDetails(), h.flow.sendDetails()]);
      expect(texts(h)).to.have.length(1);
      const sms = account(h.flow)?.sms;
      expect(sms?.status === 'sent' && sms.destination).to.be.a('string').and.not.equal('');
      expect(h.flow.smsCooldownLeft()).to.equal(DETAILS_SMS_COOLDOWN_MS / 1000);
      await h.flow.sendDetails();
      expect(texts(h), 'resting').to.have.length(1);
      h.clock.now += DETAILS_SMS_COOLDOWN_MS;
      expect(h.flow.smsCooldownLeft()).to.equal(0);
      await h.flow.sendDetails();
      expect(texts(h)).to.have.length(2);
      expect(new Set(h.keys.sms).size, 'a key per press').to.equal(2);
    });

    it('repeats a send whose answer was lost under the same key: texted once', async () => {
      const h = await enabledHarness();
      h.backend.setFaults({ sendRemittanceDetails: { kind: 'timeout', afterEffect: true, times: 1 } });
      await h.flow.sendDetails();
      const sms = account(h.flow)?.sms;
      expect(sms?.status === 'ready' && sms.error?.code).to.equal('timeout');
      await h.flow.sendDetails();
      expect(account(h.flow)?.sms.status).to.equal('sent');
      expect(h.keys.sms[0]).to.equal(h.keys.sms[1]);
      expect(texts(h)).to.have.length(1);
    });
  });

  describe('proof', () => {
    it('hands back the proof as a file of its type and name', async () => {
      const h = await enabledHarness();
      const file = await h.flow.downloadProof();
      expect(file?.name).to.match(/\.pdf$/);
      expect(file?.blob.type).to.equal('application/pdf');
      expect(new TextDecoder().decode(await file!.blob.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
    });

    it('keeps a failed download as an error in state, and a body that is not base64 as malformed', async () => {
      const h = await enabledHarness();
      h.backend.setFaults({ getRemittanceProof: { kind: 'server', times: 1 } });
      expect(await h.flow.downloadProof()).to.equal(undefined);
      const proof = account(h.flow)?.proof;
      expect(proof?.status === 'ready' && proof.error?.code).to.equal('server');
      expect(() => proofFile({ fileName: 'a.pdf', contentType: 'application/pdf', base64: '%%%' })).to.throw(KitError).with.property('code', 'malformed-response');
    });
  });

  describe('payer-on-behalf names', () => {
    it('adds up to five, removes, and saves them trimmed', async () => {
      const h = await enabledHarness();
      for (let i = 0; i < 7; i += 1) h.flow.addPayer();
      expect(account(h.flow)?.payers.names).to.have.length(5);
      ['  张伟 ', '李娜', 'Acme Ltd', '王芳', 'x'].forEach((name, i) => h.flow.setPayer(i, name));
      h.flow.removePayer(4);
      await h.flow.savePayers();
      expect(account(h.flow)?.payers).to.include({ status: 'saved' });
      expect(account(h.flow)?.account.payerNames).to.deep.equal(['张伟', '李娜', 'Acme Ltd', '王芳']);
    });

    it('names every field that cannot be saved at one save, and sends nothing', async () => {
      const h = await enabledHarness();
      for (let i = 0; i < 5; i += 1) h.flow.addPayer();
      ['Acme', '  ', 'x'.repeat(101), ' acme ', 'Beta'].forEach((name, i) => h.flow.setPayer(i, name));
      await h.flow.savePayers();
      expect(account(h.flow)?.payers.issues).to.deep.equal([
        { index: 1, reason: 'empty' },
        { index: 2, reason: 'too-long' },
        { index: 3, reason: 'duplicate' },
      ]);
      expect(h.backend.calls.get('saveRemittancePayers')).to.equal(undefined);
      h.flow.setPayer(1, 'Gamma');
      expect(account(h.flow)?.payers.issues).to.deep.equal([]);
      expect(findPayerIssue(['a', ''])).to.deep.equal({ index: 1, reason: 'empty' });
      expect(findPayerIssue(['a'.repeat(101)])).to.deep.equal({ index: 0, reason: 'too-long' });
      expect(findPayerIssue(['Ａcme', 'acme'])).to.deep.equal({ index: 1, reason: 'duplicate' });
    });

    it('keeps every typed name when the save fails', async () => {
      const h = await enabledHarness();
      h.flow.addPayer();
      h.flow.setPayer(0, '杭州云帆科技有限公司');
      h.backend.setFaults({ saveRemittancePayers: { kind: 'timeout', times: 1 } });
      await h.flow.savePayers();
      const payers = account(h.flow)?.payers;
      expect(payers).to.include({ status: 'editing' });
      expect(payers?.names).to.deep.equal(['杭州云帆科技有限公司']);
      expect(payers?.error?.code).to.equal('timeout');
      await h.flow.savePayers();
      expect(account(h.flow)?.account.payerNames).to.deep.equal(['杭州云帆科技有限公司']);
    });
  });

  describe('reload (the adapter was replaced)', () => {
    it('loads the account again at rest, but keeps a payer name typed and not saved', async () => {
      const h = await enabledHarness();
      const calls = () => h.backend.calls.get('getRemittanceAccount') ?? 0;
      const before = calls();
      h.flow.addPayer();
      h.flow.setPayer(0, 'Acme Trading');
      await h.flow.reload();
      expect(calls(), 'nothing reloaded over a typed name').to.equal(before);
      const state = h.flow.state;
      expect(state.step === 'enabled' && state.payers.names).to.deep.equal(['Acme Trading']);
      h.flow.removePayer(0);
      await h.flow.reload();
      expect(calls(), 'reloaded once at rest').to.equal(before + 1);
      expect(h.flow.state.step).to.equal('enabled');
    });
  });
});

