import type { PartnerApi } from '../../api/adapter.js';
import { minorToDecimal } from '../../model/decimal.js';
import { outcomeUnknown, toKitError } from '../../model/errors.js';
import type { RemittanceClaim, UnclaimedRemittance } from '../../model/schemas/remittance.js';
import { VOUCHER_FILE_MAX_BYTES, VOUCHER_FILE_TYPES } from '../../model/values/remittance.js';
import { apiGetter, type ApiSource } from '../api-source.js';
import { MoneyIntent } from '../money-intent.js';
import { checkAmountBounds, currencyDigits, parseAmount } from '../money.js';
import { Store } from '../store.js';
import { lookUpLost } from './top-up-intent.js';
import type { ChosenVoucher, ClaimSearch, ClaimSearchIssue, RemittanceClaimState, VoucherIssue } from './remittance-claim-state.js';
import { claimRecordList, unclaimedList } from './remittance-lists.js';

/** The backend operations claiming an offline remittance needs. */
export type RemittanceClaimApi = Pick<PartnerApi, 'searchUnclaimedRemittances' | 'claimRemittance' | 'listRemittanceClaims' | 'lookupIntent'>;

export interface RemittanceClaimOptions {
  api: ApiSource<RemittanceClaimApi>;
  /** The currency a searched amount is typed in. Default CNY. */
  currency?: () => string;
  /** Told once per claim that was made (or that a check found was). */
  onClaimed?: (claim: RemittanceClaim) => void;
  now?: () => number;
}

/** What the intent's key is bound to: the claim as typed and the voucher by its name, type and size. */
interface ClaimFingerprint {
  remittanceId: string;
  amount: number;
  voucher: { name: string; type: string; size: number };
}

/** The longest remitter name a search takes. */
export const MAX_REMITTER_NAME = 200;
const EMPTY_SEARCH: ClaimSearch = { remitterName: '', remitterAccount: '', amount: '' };

/**
 * Claiming an offline remittance, without DOM: search unclaimed remittances by remitter, remitting
 * account or amount (at least one) → choose one → the amount (at most the remittance's) and a
 * transfer voucher checked before upload → one claim under an idempotency key, whatever the clicks
 * and retries → the claim records with their review status.
 */
export class RemittanceClaimFlow extends Store<RemittanceClaimState> {
  /** The remittances the last search found. */
  readonly results;
  /** The partner's claims (认领记录). */
  readonly records;
  readonly #api: () => Promise<RemittanceClaimApi>;
  readonly #options: RemittanceClaimOptions;
  readonly #intent: MoneyIntent<ClaimFingerprint>;
  readonly #told = new Set<string>();
  #submission: Promise<void> | undefined;

  constructor(options: RemittanceClaimOptions) {
    super({ step: 'search', search: EMPTY_SEARCH, issue: undefined });
    this.#api = apiGetter(options.api);
    this.#options = options;
    this.#intent = new MoneyIntent('rcl', options.now);
    this.results = unclaimedList(this.#api);
    this.records = claimRecordList(this.#api);
  }

  setSearch(patch: Partial<ClaimSearch>): void {
    const state = this.state;
    if (state.step === 'search') this.replaceState({ step: 'search', search: { ...state.search, ...patch }, issue: undefined });
  }

  /** Checks the search and asks for the first page of what answers it; nothing is asked when a field is wrong. */
  search(): Promise<void> {
    const state = this.state;
    if (state.step !== 'search') return Promise.resolve();
    const checked = checkSearch(state.search, this.#options.currency?.() ?? 'CNY');
    if ('issue' in checked) {
      this.replaceState({ ...state, issue: checked.issue });
      return Promise.resolve();
    }
    this.replaceState({ ...state, issue: undefined });
    return this.results.setFilters(checked.filters);
  }

  /** "Claim" on a found remittance: its amount is the default claim amount. */
  choose(remittance: UnclaimedRemittance): void {
    const state = this.state;
    if (state.step !== 'search') return;
    const amount = minorToDecimal(remittance.amount, currencyDigits(remittance.currency));
    this.replaceState({ step: 'editing', search: state.search, remittance, amount, voucher: undefined, amountIssue: undefined, voucherIssue: undefined, refusal: undefined });
  }

  /** Back to the search and its results: from a claim not sent, or after one was made. */
  back(): void {
    const state = this.state;
    if (state.step === 'editing' || state.step === 'claimed') this.replaceState({ step: 'search', search: state.search, issue: undefined });
  }

  setAmount(amount: string): void {
    const state = this.state;
    if (state.step === 'editing') this.replaceState({ ...state, amount, amountIssue: undefined, refusal: undefined });
  }

  /** Takes the chosen file if it is a JPG, PNG or PDF of at most {@link VOUCHER_FILE_MAX_BYTES}; else says why at the field. */
  chooseVoucher(file: (Blob & { name: string }) | undefined): void {
    const state = this.state;
    if (state.step !== 'editing') return;
    const voucherIssue = file ? checkVoucher(file) : 'missing';
    const voucher = file && !voucherIssue ? { file, name: file.name, type: file.type, size: file.size } : undefined;
    this.replaceState({ ...state, voucher, voucherIssue, refusal: undefined });
  }

  /** "Confirm claim": checks the amount and the voucher, then claims once. Presses while one runs join it. */
  confirm(): Promise<void> {
    const state = this.state;
    if (state.step === 'submitting') return this.#submission ?? Promise.resolve();
    if (state.step !== 'editing') return Promise.resolve();
    const { remittance } = state;
    const parsed = parseAmount(state.amount, remittance.currency);
    const amountIssue = parsed.ok ? checkAmountBounds(parsed.minor, { max: remittance.amount }) : parsed.reason;
    const voucherIssue = state.voucher ? undefined : 'missing';
    if (!parsed.ok || amountIssue || !state.voucher) {
      this.replaceState({ ...state, amountIssue, voucherIssue, refusal: undefined });
      return Promise.resolve();
    }
    return this.#claim(state.search, remittance, state.amount, parsed.minor, state.voucher);
  }

  /** Sends the same claim again after a lost answer: same key, so it is made once. */
  retry(): Promise<void> {
    const state = this.state;
    if (state.step === 'submitting') return this.#submission ?? Promise.resolve();
    if (state.step !== 'outcome-unknown' || state.checking) return Promise.resolve();
    return this.#claim(state.search, state.remittance, state.amount, state.minor, state.voucher);
  }

  /** Asks the backend what became of the claim whose answer was lost. */
  async check(): Promise<void> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return;
    this.replaceState({ ...state, checking: true });
    const settled = await lookUpLost(this.#intent, this.#api, 'claimRemittance');
    if (settled.status === 'done') this.#claimed(state.search, settled.result);
    else if (settled.status === 'unknown') this.replaceState({ ...state, checking: false, checked: true, error: settled.error });
    else this.replaceState({ ...editingAgain(state), refusal: settled.error });
  }

  #claim(search: ClaimSearch, remittance: UnclaimedRemittance, amount: string, minor: number, voucher: ChosenVoucher): Promise<void> {
    const fingerprint: ClaimFingerprint = { remittanceId: remittance.id, amount: minor, voucher: { name: voucher.name, type: voucher.type, size: voucher.size } };
    const fields = { search, remittance, amount, minor, voucher };
    this.replaceState({ step: 'submitting', ...fields });
    this.#submission = (async () => {
      try {
        const api = await this.#api();
        const claim = await this.#intent.run(fingerprint, {
          verify: noCode,
          call: (request, options) => api.claimRemittance({ remittanceId: request.remittanceId, amount: request.amount, voucher: voucher.file }, options),
        });
        this.#claimed(search, claim);
      } catch (caught) {
        const error = toKitError(caught);
        if (outcomeUnknown(error) || this.#intent.outcomeUnknown) this.replaceState({ step: 'outcome-unknown', ...fields, error, checking: false, checked: false });
        else this.replaceState({ ...editingAgain({ search, remittance, amount, voucher }), refusal: error });
      } finally {
        this.#submission = undefined;
      }
    })();
    return this.#submission;
  }

  #claimed(search: ClaimSearch, claim: RemittanceClaim): void {
    this.replaceState({ step: 'claimed', search, claim });
    void this.records.reload();
    if (this.results.state.page) void this.results.reload();
    if (this.#told.has(claim.id)) return;
    this.#told.add(claim.id);
    this.#options.onClaimed?.(claim);
  }
}

/** The claim form again, with everything that was typed and chosen. */
function editingAgain(from: { search: ClaimSearch; remittance: UnclaimedRemittance; amount: string; voucher: ChosenVoucher }): Extract<RemittanceClaimState, { step: 'editing' }> {
  return { step: 'editing', search: from.search, remittance: from.remittance, amount: from.amount, voucher: from.voucher, amountIssue: undefined, voucherIssue: undefined, refusal: undefined };
}

/** Why `file` cannot be a transfer voucher, checked before any upload. */
export function checkVoucher(file: Blob): VoucherIssue | undefined {
  if (!(VOUCHER_FILE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > VOUCHER_FILE_MAX_BYTES) return 'too-large';
  return undefined;
}

/** The search as the backend takes it, or the first field that stops it. */
export function checkSearch(search: ClaimSearch, currency: string): { filters: Record<keyof ClaimSearch, string> } | { issue: ClaimSearchIssue } {
  const remitterName = search.remitterName.trim();
  // People copy account numbers with the bank's spacing and full-width digits.
  const remitterAccount = search.remitterAccount.normalize('NFKC').replace(/[\s-]/g, '');
  const amountText = search.amount.trim();
  if (!remitterName && !remitterAccount && !amountText) return { issue: { field: 'criteria', reason: 'none' } };
  if (remitterName.length > MAX_REMITTER_NAME) return { issue: { field: 'remitterName', reason: 'too-long' } };
  if (remitterAccount && !/^[0-9]{6,34}$/.test(remitterAccount)) return { issue: { field: 'remitterAccount', reason: 'format' } };
  let amount = '';
  if (amountText) {
    const parsed = parseAmount(amountText, currency);
    if (!parsed.ok) return { issue: { field: 'amount', reason: parsed.reason } };
    const bound = checkAmountBounds(parsed.minor);
    if (bound) return { issue: { field: 'amount', reason: bound } };
    amount = String(parsed.minor);
  }
  return { filters: { remitterName, remitterAccount, amount } };
}

const noCode = () => Promise.resolve(undefined);
