import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { RemittanceClaimFlow, checkSearch, checkVoucher } from '../../../src/core/payments/remittance-claim-flow.js';
import { VOUCHER_FILE_MAX_BYTES, type RemittanceClaim, type UnclaimedRemittance } from '../../../src/model/schemas/remittance.js';

interface Harness {
  flow: RemittanceClaimFlow;
  backend: MemoryPartnerApi;
  keys: string[];
  claimed: RemittanceClaim[];
}

function harness(): Harness {
  const backend = createMemoryAdapter({ latencyMs: 0 });
  const keys: string[] = [];
  const claimed: RemittanceClaim[] = [];
  const flow = new RemittanceClaimFlow({
    api: {
      searchUnclaimedRemittances: (r, o) => backend.searchUnclaimedRemittances(r, o),
      claimRemittance: (r, o) => {
        keys.push(o.idempotencyKey);
        return backend.claimRemittance(r, o);
      },
      listRemittanceClaims: (r, o) => backend.listRemittanceClaims(r, o),
      lookupIntent: (r, o) => backend.lookupIntent(r, o),
    },
    onClaimed: (claim) => claimed.push(claim),
  });
  return { flow, backend, keys, claimed };
}

const voucher = (type = 'image/png', size = 2048, name = 'voucher.png') => new File([new Uint8Array(size)], name, { type });

/** Searches by remitter and opens the claim of the first match. */
async function chooseFirst(h: Harness, remitterName = '张伟'): Promise<UnclaimedRemittance> {
  h.flow.setSearch({ remitterName });
  await h.flow.search();
  const found = h.flow.results.items[0]!;
  h.flow.choose(found);
  return found;
}

const editing = (flow: RemittanceClaimFlow) => (flow.state.step === 'editing' ? flow.state : undefined);

describe('RemittanceClaimFlow', () => {
  describe('search', () => {
    it('needs at least one criterion and asks nothing without one', async () => {
      const h = harness();
      await h.flow.search();
      expect(h.flow.state).to.deep.include({ issue: { field: 'criteria', reason: 'none' } });
      expect(h.backend.calls.get('searchUnclaimedRemittances')).to.equal(undefined);
    });

    it('reads the amount as every amount and the account as the bank prints it', () => {
      expect(checkSearch({ remitterName: '', remitterAccount: '', amount: '１,２００.５' }, 'CNY')).to.deep.equal({ filters: { remitterName: '', remitterAccount: '', amount: '120050' } });
      expect(checkSearch({ remitterName: ' 张伟 ', remitterAccount: '6212 0000 1234 5678', amount: '' }, 'CNY')).to.deep.equal({
        filters: { remitterName: '张伟', remitterAccount: '6212000012345678', amount: '' },
      });
      expect(checkSearch({ remitterName: '', remitterAccount: '', amount: '1.234' }, 'CNY')).to.deep.equal({ issue: { field: 'amount', reason: 'too-many-decimals' } });
      expect(checkSearch({ remitterName: '', remitterAccount: '', amount: '0' }, 'CNY')).to.deep.equal({ issue: { field: 'amount', reason: 'not-positive' } });
      expect(checkSearch({ remitterName: '', remitterAccount: '62-12', amount: '' }, 'CNY')).to.deep.equal({ issue: { field: 'remitterAccount', reason: 'format' } });
      expect(checkSearch({ remitterName: 'x'.repeat(201), remitterAccount: '', amount: '' }, 'CNY')).to.deep.equal({ issue: { field: 'remitterName', reason: 'too-long' } });
    });

    it('finds unclaimed remittances by remitter, paged on the server', async () => {
      const h = harness();
      h.flow.setSearch({ remitterName: '张伟' });
      await h.flow.search();
      expect(h.flow.results.items.length).to.be.greaterThan(0);
      expect(h.flow.results.items.every((r) => r.remitterName === '张伟')).to.equal(true);
    });
  });

  describe('claim', () => {
    it('defaults to the remittance amount and refuses more than it, or no voucher, before sending', async () => {
      const h = harness();
      const found = await chooseFirst(h);
      expect(editing(h.flow)?.amount).to.equal((found.amount / 100).toFixed(2));
      h.flow.setAmount(((found.amount + 1) / 100).toFixed(2));
      await h.flow.confirm();
      expect(editing(h.flow)).to.include({ amountIssue: 'above-max', voucherIssue: 'missing' });
      expect(h.keys).to.have.length(0);
    });

    it('checks the voucher type and size when it is chosen', async () => {
      const h = harness();
      await chooseFirst(h);
      h.flow.chooseVoucher(voucher('image/gif', 10, 'v.gif'));
      expect(editing(h.flow)).to.include({ voucherIssue: 'type', voucher: undefined });
      h.flow.chooseVoucher(voucher('application/pdf', VOUCHER_FILE_MAX_BYTES + 1, 'v.pdf'));
      expect(editing(h.flow)).to.include({ voucherIssue: 'too-large', voucher: undefined });
      h.flow.chooseVoucher(voucher('image/jpeg', 0, 'v.jpg'));
      expect(editing(h.flow)?.voucherIssue).to.equal('empty');
      h.flow.chooseVoucher(voucher('application/pdf', VOUCHER_FILE_MAX_BYTES, 'v.pdf'));
      expect(editing(h.flow)?.voucherIssue).to.equal(undefined);
      expect(editing(h.flow)?.voucher?.name).to.equal('v.pdf');
      expect(checkVoucher(voucher('text/plain'))).to.equal('type');
    });

    it('claims once however often Confirm is pressed, then lists it under review', async () => {
      const h = harness();
      const found = await chooseFirst(h);
      h.flow.chooseVoucher(voucher());
      await Promise.all([h.flow.confirm(), h.flow.confirm(), h.flow.confirm()]);
      expect(h.keys).to.have.length(1);
      expect(h.flow.state.step).to.equal('claimed');
      expect(h.claimed.map((c) => [c.remittanceId, c.amount, c.status])).to.deep.equal([[found.id, found.amount, 'reviewing']]);
      await h.flow.records.reload();
      expect(h.flow.records.items.map((c) => c.id)).to.deep.equal([h.claimed[0]!.id]);
      h.flow.back();
      expect(h.flow.results.items.some((r) => r.id === found.id), 'no longer unclaimed').to.equal(false);
    });

    it('claims a part of the remittance', async () => {
      const h = harness();
      await chooseFirst(h);
      h.flow.setAmount('1.50');
      h.flow.chooseVoucher(voucher());
      await h.flow.confirm();
      expect(h.claimed[0]?.amount).to.equal(150);
    });

    it('keeps everything typed after a refusal, and the key is spent', async () => {
      const h = harness();
      await chooseFirst(h);
      h.flow.setAmount('2.00');
      h.flow.chooseVoucher(voucher());
      h.backend.setFaults({ claimRemittance: { kind: 'refused', refusal: 'already-claimed', times: 1 } });
      await h.flow.confirm();
      const state = editing(h.flow);
      expect(state?.refusal?.code).to.equal('conflict');
      expect(state?.amount).to.equal('2.00');
      expect(state?.voucher?.name).to.equal('voucher.png');
      expect(h.flow.state.search.remitterName).to.equal('张伟');
    });

    for (const kind of ['timeout', 'server'] as const) {
      it(`freezes a lost answer (${kind}) until a check finds the claim, and tells it once`, async () => {
        const h = harness();
        await chooseFirst(h);
        h.flow.chooseVoucher(voucher());
        h.backend.setFaults({ claimRemittance: { kind, afterEffect: true, times: 1 } });
        await h.flow.confirm();
        expect(h.flow.state).to.include({ step: 'outcome-unknown', checked: false });
        h.flow.back();
        h.flow.setAmount('1');
        expect(h.flow.state.step, 'no way out of a frozen claim but settling it').to.equal('outcome-unknown');
        await h.flow.check();
        expect(h.flow.state.step).to.equal('claimed');
        expect(h.claimed).to.have.length(1);
        expect(h.keys).to.have.length(1);
      });
    }

    it('sends the same claim again after a lost answer, under the same key: claimed once', async () => {
      const h = harness();
      await chooseFirst(h);
      h.flow.chooseVoucher(voucher());
      h.backend.setFaults({ claimRemittance: { kind: 'timeout', afterEffect: true, times: 1 } });
      await h.flow.confirm();
      await Promise.all([h.flow.retry(), h.flow.retry()]);
      expect(h.flow.state.step).to.equal('claimed');
      expect(h.keys).to.have.length(2);
      expect(h.keys[0]).to.equal(h.keys[1]);
      const records = await h.backend.listRemittanceClaims({ offset: 0, limit: 10 });
      expect(records.total).to.equal(1);
      expect(h.claimed).to.have.length(1);
    });

    it('shows the review outcome in the records: approved, or rejected with why', async () => {
      const h = harness();
      await chooseFirst(h);
      h.flow.chooseVoucher(voucher());
      await h.flow.confirm();
      h.backend.reviewClaim(h.claimed[0]!.id, 'rejected', 'The voucher is unreadable.');
      await h.flow.records.reload();
      expect(h.flow.records.items[0]).to.include({ status: 'rejected', rejectReason: 'The voucher is unreadable.' });
    });
  });
});
