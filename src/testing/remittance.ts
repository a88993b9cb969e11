import type { PartnerApi } from '../api/adapter.js';
import * as s from '../model/schemas/index.js';
import { ensure, equal, rejects, shaped } from './assertions.js';
import { newKey, ticketFor } from './fixtures.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';

const PAGE = { offset: 0, limit: 100 };

/** A voucher file of `size` bytes. */
const voucher = (type = 'image/png', size = 2048, name = 'voucher.png') => new File([new Uint8Array(size).fill(7)], name, { type });

const lastDigits = (masked: string) => masked.replace(/\D/g, '').slice(-4);

/**
 * The dedicated remittance account (转账汇款) and offline remittance claims (线下汇款认领): enabling
 * always needs a code and happens once, the extras need it enabled, payer names within the rules,
 * transfers by status, a search needs a criterion, a remittance is claimed once whatever the keys,
 * a wrong voucher is refused before anything is kept, a review shows in the records.
 */
export function remittanceCases(t: TestFunctions, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions): void {
  const { it } = t;
  const withCodes = options.readCode ? it : undefined;
  const withAccount = options.remitterAccount ? it : undefined;
  const withReview = options.remitterAccount && options.reviewClaim ? it : undefined;
  const withMatch = options.readCode && options.matchRemittance ? it : undefined;

  const enable = async (api: PartnerApi, idempotencyKey = newKey('enable')) =>
    api.enableRemittanceAccount({ idempotencyKey, verificationTicket: await ticketFor(api, 'remittance-account', options) });

  /** The unclaimed remittance the backend named through `remitterAccount`. */
  const unclaimed = async (api: PartnerApi): Promise<s.UnclaimedRemittance> => {
    ensure(options.remitterAccount, 'remitterAccount');
    const found = await api.searchUnclaimedRemittances({ ...PAGE, remitterAccount: options.remitterAccount });
    const first = found.items[0];
    ensure(first, `the backend needs an unclaimed remittance from account ${options.remitterAccount}`);
    return first;
  };
  const stillUnclaimed = async (api: PartnerApi, remittance: s.UnclaimedRemittance) =>
    (await api.searchUnclaimedRemittances({ ...PAGE, amount: remittance.amount })).items.some((r) => r.id === remittance.id);
  const claim = (api: PartnerApi, remittance: s.UnclaimedRemittance, idempotencyKey = newKey('claim'), file = voucher()) =>
    api.claimRemittance({ remittanceId: remittance.id, amount: remittance.amount, voucher: file }, { idempotencyKey });
  const review = async (api: PartnerApi, claimId: string, outcome: 'approved' | 'rejected', reason?: string) => {
    ensure(options.reviewClaim, 'reviewClaim');
    await options.reviewClaim(api, claimId, outcome, reason);
  };

  it('refuses the account’s extras until it is enabled, and lists no transfers', async () => {
    const api = await makeApi();
    equal(await api.getRemittanceAccount(), { status: 'not-enabled' }, 'the account before enabling');
    await rejects(api.sendRemittanceDetails({ idempotencyKey: newKey('details') }), 'conflict', 'remittance-not-enabled');
    await rejects(api.getRemittanceProof(), 'conflict', 'remittance-not-enabled');
    await rejects(api.saveRemittancePayers({ payerNames: ['Acme'] }), 'conflict', 'remittance-not-enabled');
    equal((await api.listRemittances(PAGE)).total, 0, 'transfers before enabling');
  });

  withCodes?.('enables the account only with a remittance-account code, once: every later enabling answers the same account', async () => {
    const api = await makeApi();
    const key = newKey('enable');
    await rejects(api.enableRemittanceAccount({ idempotencyKey: key }), 'verification-required');
    const account = shaped(s.RemittanceAccount, await enable(api, key), 'enableRemittanceAccount');
    equal(await api.enableRemittanceAccount({ idempotencyKey: key }), account, 'a repeat of the key answers the first result without a code');
    await rejects(api.enableRemittanceAccount({ idempotencyKey: newKey('enable') }), 'verification-required');
    equal(await enable(api), account, 'enabling again answers the same account');
    equal(await api.getRemittanceAccount(), { status: 'enabled', account }, 'the enabled account');
    const { value } = await api.revealField({ resource: 'remittance-account', id: account.id, field: 'accountNumber' });
    ensure(/^\d{8,34}$/.test(value) && value !== account.maskedAccountNumber, 'the reveal gives the full number, the account only a masked one');
    equal(value.slice(-4), lastDigits(account.maskedAccountNumber), 'the masked number ends as the full one');
  });

  withCodes?.('texts the account details once per key', async () => {
    const api = await makeApi();
    await enable(api);
    const key = newKey('details');
    const sent = shaped(s.SendRemittanceDetailsResult, await api.sendRemittanceDetails({ idempotencyKey: key }), 'sendRemittanceDetails');
    await options.advanceClock?.(5_000);
    equal(await api.sendRemittanceDetails({ idempotencyKey: key }), sent, 'a repeat of the key answers the first send');
    const again = await api.sendRemittanceDetails({ idempotencyKey: newKey('details') });
    if (options.advanceClock) ensure(again.sentAt !== sent.sentAt, 'a new key sends the details again');
  });

  withCodes?.('hands out the account proof as a PDF', async () => {
    const api = await makeApi();
    await enable(api);
    const proof = shaped(s.RemittanceProof, await api.getRemittanceProof(), 'getRemittanceProof');
    equal(proof.contentType, 'application/pdf', 'the proof’s type');
    ensure(proof.fileName.endsWith('.pdf'), `a PDF's file name, got ${proof.fileName}`);
    ensure(atob(proof.base64).startsWith('%PDF-'), 'the proof is a PDF file');
  });

  withCodes?.('keeps at most five distinct payer names, trimmed, and refuses a list that breaks a rule without changing the saved one', async () => {
    const api = await makeApi();
    await enable(api);
    const saved = await api.saveRemittancePayers({ payerNames: ['  Acme Cloud Ltd ', '张伟'] });
    equal(saved.payerNames, ['Acme Cloud Ltd', '张伟'], 'the saved list');
    const state = await api.getRemittanceAccount();
    equal(state.status === 'enabled' ? state.account.payerNames : [], saved.payerNames, 'the account reads the saved list');
    await rejects(api.saveRemittancePayers({ payerNames: ['A', 'B', 'C', 'D', 'E', 'F'] }), 'validation');
    const duplicate = await rejects(api.saveRemittancePayers({ payerNames: ['Acme', ' acme '] }), 'validation', 'payer-duplicate');
    equal(duplicate.details['field'], 'payerNames.1', 'the refusal names the second name');
    const after = await api.getRemittanceAccount();
    equal(after.status === 'enabled' ? after.account.payerNames : [], saved.payerNames, 'the refused lists changed nothing');
    equal((await api.saveRemittancePayers({ payerNames: [] })).payerNames, [], 'every name removed');
  });

  withCodes?.('lists the transfers to the enabled account by status, newest first', async () => {
    const api = await makeApi();
    await enable(api);
    const all = shaped(s.RemittancePage, await api.listRemittances(PAGE), 'listRemittances');
    ensure(all.items.length > 0, 'the backend needs transfers to the dedicated account');
    const received = all.items.map((r) => Date.parse(r.receivedAt));
    equal(received, [...received].sort((a, b) => b - a), 'newest first');
    const pending = await api.listRemittances({ ...PAGE, status: 'pending' });
    const matched = await api.listRemittances({ ...PAGE, status: 'matched' });
    ensure(pending.items.every((r) => r.status === 'pending' && r.matchedAt === undefined), 'only pending transfers, none matched yet');
    ensure(matched.items.every((r) => r.status === 'matched' && r.matchedAt !== undefined), 'only matched transfers, each with its time');
    equal(pending.total + matched.total, all.total, 'pending and matched make up the list');
  });

  withMatch?.('shows a pending transfer as matched once the bank matched it', async () => {
    const api = await makeApi();
    await enable(api);
    const pending = (await api.listRemittances({ ...PAGE, status: 'pending' })).items[0];
    ensure(pending && options.matchRemittance, 'the backend needs a pending transfer');
    await options.matchRemittance(api, pending.id);
    const matched = await api.listRemittances({ ...PAGE, status: 'matched' });
    ensure(matched.items.some((r) => r.id === pending.id && r.matchedAt !== undefined), 'the matched transfer, with its time');
    ensure(!(await api.listRemittances({ ...PAGE, status: 'pending' })).items.some((r) => r.id === pending.id), 'no longer pending');
  });

  withAccount?.('searches unclaimed remittances by a criterion: remitter, the exact account, the amount', async () => {
    const api = await makeApi();
    await rejects(api.searchUnclaimedRemittances({ ...PAGE }), 'validation', 'search-criterion');
    const remittance = shaped(s.UnclaimedRemittance, await unclaimed(api), 'searchUnclaimedRemittances');
    const account = options.remitterAccount ?? '';
    equal(lastDigits(remittance.maskedRemitterAccount), account.slice(-4), 'the found remittance’s masked account');
    equal((await api.searchUnclaimedRemittances({ ...PAGE, remitterAccount: account.slice(0, -1) })).total, 0, 'part of an account matches nothing');
    const byAmount = await api.searchUnclaimedRemittances({ ...PAGE, amount: remittance.amount });
    ensure(byAmount.items.every((r) => r.amount === remittance.amount) && byAmount.items.some((r) => r.id === remittance.id), 'found by its amount');
    const part = remittance.remitterName.slice(0, Math.max(1, Math.ceil(remittance.remitterName.length / 2)));
    const byName = await api.searchUnclaimedRemittances({ ...PAGE, remitterName: part });
    ensure(byName.items.some((r) => r.id === remittance.id), `found by part of the remitter's name (${part})`);
  });

  withAccount?.('refuses a claim over the remittance and a voucher of the wrong type or size, keeping nothing', async () => {
    const api = await makeApi();
    const remittance = await unclaimed(api);
    const before = (await api.listRemittanceClaims(PAGE)).total;
    const over = api.claimRemittance({ remittanceId: remittance.id, amount: remittance.amount + 1, voucher: voucher() }, { idempotencyKey: newKey('claim') });
    equal((await rejects(over, 'validation', 'amount-over-remittance')).details['remittanceAmount'], remittance.amount, 'the refusal says the remittance’s amount');
    await rejects(claim(api, remittance, newKey('claim'), voucher('text/plain', 100, 'voucher.txt')), 'validation', 'voucher-type');
    await rejects(claim(api, remittance, newKey('claim'), voucher('application/pdf', s.VOUCHER_FILE_MAX_BYTES + 1, 'voucher.pdf')), 'validation', 'voucher-size');
    await rejects(claim(api, remittance, newKey('claim'), voucher('image/png', 0)), 'validation', 'voucher-size');
    equal((await api.listRemittanceClaims(PAGE)).total, before, 'no claim was kept');
    ensure(await stillUnclaimed(api, remittance), 'the remittance can still be claimed');
  });

  withAccount?.('claims a remittance once across retries of one key; a second key is refused; the claim is under review and leaves the search', async () => {
    const api = await makeApi();
    const remittance = await unclaimed(api);
    const key = newKey('claim');
    const file = voucher('application/pdf', 4096, 'transfer.pdf');
    const [first, ...repeats] = await Promise.all([claim(api, remittance, key, file), claim(api, remittance, key, file), claim(api, remittance, key, file)]);
    const made = shaped(s.RemittanceClaim, first, 'claimRemittance');
    equal(repeats, [made, made], 'every retry of the key answers the one claim');
    equal(
      [made.remittanceId, made.amount, made.status, made.voucher],
      [remittance.id, remittance.amount, 'reviewing', { fileName: 'transfer.pdf', contentType: 'application/pdf', size: 4096 }],
      'the claim',
    );
    await rejects(claim(api, remittance, newKey('claim')), 'conflict', 'already-claimed');
    const records = shaped(s.RemittanceClaimPage, await api.listRemittanceClaims(PAGE), 'listRemittanceClaims');
    equal(records.items.filter((c) => c.remittanceId === remittance.id), [made], 'one claim in the records, under review');
    ensure(!(await stillUnclaimed(api, remittance)), 'a claimed remittance leaves the search');
  });

  withReview?.('shows the review in the records: approved credits the account balance, rejected frees the remittance', async () => {
    const api = await makeApi();
    const remittance = await unclaimed(api);
    const balance = (await api.getOrderPaymentOverview()).accountBalance;
    const rejected = await claim(api, remittance);
    await review(api, rejected.id, 'rejected', 'The voucher is unreadable.');
    const [record] = (await api.listRemittanceClaims(PAGE)).items;
    ensure(record?.status === 'rejected' && record.rejectReason === 'The voucher is unreadable.' && record.reviewedAt !== undefined, 'the rejection in the records');
    ensure(await stillUnclaimed(api, remittance), 'a rejected claim frees the remittance');
    const approved = await claim(api, remittance);
    await review(api, approved.id, 'approved');
    const records = (await api.listRemittanceClaims(PAGE)).items;
    equal(records.map((c) => [c.id, c.status]), [[approved.id, 'approved'], [rejected.id, 'rejected']], 'both claims, newest first');
    equal((await api.getOrderPaymentOverview()).accountBalance, balance + approved.amount, 'the approved amount reached the account balance');
    await rejects(claim(api, remittance), 'conflict', 'already-claimed');
  });

  withAccount?.('looks a claim whose answer was lost up: done with its result; an unused key is not done, then refused for good', async () => {
    const api = await makeApi();
    const remittance = await unclaimed(api);
    const key = newKey('claim');
    const lost = await claim(api, remittance, key);
    equal(await api.lookupIntent({ operation: 'claimRemittance', idempotencyKey: key }), { status: 'done', result: lost }, 'the lookup of the claim');
    const unused = newKey('claim');
    equal(await api.lookupIntent({ operation: 'claimRemittance', idempotencyKey: unused }), { status: 'not-done' }, 'the lookup of an unused key');
    await rejects(claim(api, remittance, unused), 'conflict', 'intent-abandoned');
  });
}
