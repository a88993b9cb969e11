import type { PartnerApi } from '../../api/adapter.js';
import { KitError, toKitError } from '../../model/errors.js';
import { findPayerIssue, findPayerIssues } from '../../model/rules/remittance.js';
import type { RemittanceAccount, RemittanceProof } from '../../model/schemas/remittance.js';
import { MAX_PAYER_NAMES } from '../../model/values/remittance.js';
import type { VerificationTicket } from '../../model/schemas/verification.js';
import { apiGetter, type ApiSource } from '../api-source.js';
import { MoneyIntent } from '../money-intent.js';
import { Store } from '../store.js';
import { lookUpLost } from './top-up-intent.js';
import type { DetailsSms, EnabledRemittanceAccount, PayerDraft, RemittanceAccountState } from './remittance-account-state.js';

/** The payer-name rule the backends apply too, where the flow's callers have always found it. */
export { findPayerIssue };

/** The backend operations the remittance account needs. */
export type RemittanceAccountApi = Pick<
  PartnerApi,
  'getRemittanceAccount' | 'enableRemittanceAccount' | 'sendRemittanceDetails' | 'getRemittanceProof' | 'saveRemittancePayers' | 'lookupIntent'
>;

/** Enabling the account is always guarded by a code of this purpose. */
export const REMITTANCE_PURPOSE = 'remittance-account';

/** How long "send by SMS" rests after a send, so a second press cannot text the partner twice. */
export const DETAILS_SMS_COOLDOWN_MS = 60_000;

export interface RemittanceAccountOptions {
  api: ApiSource<RemittanceAccountApi>;
  /** Asks for the `remittance-account` code; rejects `cancelled` when the user gives up. */
  verify: (request: { purpose: typeof REMITTANCE_PURPOSE }) => Promise<VerificationTicket | undefined>;
  /** Told once when the account was enabled (or a check found it was). */
  onEnabled?: (account: RemittanceAccount) => void;
  now?: () => number;
}

/** A file to save: the bytes and the name the backend gave it. */
export interface ProofFile {
  blob: Blob;
  name: string;
}

/**
 * The dedicated remittance account, without DOM: load → enable behind a code (one intent whatever
 * the clicks; a lost answer frozen until checked) → the account, its details by SMS (a keyed send
 * per press, then a rest), its proof file, and the payer-on-behalf names edited and saved whole.
 */
export class RemittanceAccountFlow extends Store<RemittanceAccountState> {
  readonly #api: () => Promise<RemittanceAccountApi>;
  readonly #options: RemittanceAccountOptions;
  readonly #now: () => number;
  readonly #enableIntent: MoneyIntent<Record<string, never>>;
  readonly #smsIntent: MoneyIntent<Record<string, never>>;
  #enabling: Promise<void> | undefined;
  #enabledTold = false;

  constructor(options: RemittanceAccountOptions) {
    super({ step: 'idle' });
    this.#api = apiGetter(options.api);
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    this.#enableIntent = new MoneyIntent('ren', this.#now);
    this.#smsIntent = new MoneyIntent('rsm', this.#now);
  }

  /** Loads the account the first time (and after a failed load); a frozen enable is left as it is. */
  async start(): Promise<void> {
    const step = this.state.step;
    if (step !== 'idle' && step !== 'load-failed') return;
    this.replaceState({ step: 'loading' });
    try {
      const answer = await (await this.#api()).getRemittanceAccount();
      if (answer.status === 'enabled') this.#show(answer.account);
      else this.replaceState({ step: 'not-enabled', phase: 'ready', refusal: undefined });
    } catch (caught) {
      this.replaceState({ step: 'load-failed', error: toKitError(caught) });
    }
  }

  /**
   * Loads the account again, from an adapter that replaced the one it came from: only from a state
   * at rest (a failed load, the account not enabled and nothing being sent, or enabled with nothing
   * sending and no payer name typed but unsaved), so nothing in flight or typed is lost.
   */
  reload(): Promise<void> {
    const state = this.state;
    const resting =
      state.step === 'load-failed' ||
      (state.step === 'not-enabled' && state.phase === 'ready') ||
      (state.step === 'enabled' && state.sms.status !== 'sending' && state.proof.status !== 'loading' && state.payers.status !== 'saving' && sameNames(state.payers.names, state.payers.saved));
    if (!resting) return Promise.resolve();
    this.replaceState({ step: 'idle' });
    return this.start();
  }

  /** "Verify and enable": asks for the code, then enables once. Presses while one runs join it. */
  enable(): Promise<void> {
    const state = this.state;
    if (this.#enabling) return this.#enabling;
    if (!(state.step === 'not-enabled' || (state.step === 'enable-unknown' && !state.checking))) return Promise.resolve();
    this.#enabling = this.#enable().finally(() => {
      this.#enabling = undefined;
    });
    return this.#enabling;
  }

  /** Asks the backend what became of the enable whose answer was lost. */
  async checkEnable(): Promise<void> {
    const state = this.state;
    if (state.step !== 'enable-unknown' || state.checking || state.retrying) return;
    this.replaceState({ ...state, checking: true });
    const settled = await lookUpLost(this.#enableIntent, this.#api, 'enableRemittanceAccount');
    if (settled.status === 'done') this.#show(settled.result);
    else if (settled.status === 'unknown') this.replaceState({ step: 'enable-unknown', error: settled.error, checking: false, retrying: false, checked: true });
    else this.replaceState({ step: 'not-enabled', phase: 'ready', refusal: settled.error });
  }

  /** Texts the account details to the partner's mobile: once per press, then a rest of {@link DETAILS_SMS_COOLDOWN_MS}. */
  async sendDetails(): Promise<void> {
    const state = this.state;
    if (state.step !== 'enabled' || state.sms.status === 'sending' || this.smsCooldownLeft() > 0) return;
    this.#setEnabled({ sms: { status: 'sending' } });
    let sms: DetailsSms;
    try {
      const api = await this.#api();
      const sent = await this.#smsIntent.run({}, { verify: noCode, call: (_request, options) => api.sendRemittanceDetails(options) });
      sms = { status: 'sent', destination: sent.destination, cooldownUntil: this.#now() + DETAILS_SMS_COOLDOWN_MS };
    } catch (caught) {
      sms = { status: 'ready', error: toKitError(caught) };
    }
    this.#setEnabled({ sms });
  }

  /** Whole seconds before "send by SMS" may be pressed again; 0 when it may. */
  smsCooldownLeft(): number {
    const state = this.state;
    if (state.step !== 'enabled' || state.sms.status !== 'sent') return 0;
    return Math.max(0, Math.ceil((state.sms.cooldownUntil - this.#now()) / 1000));
  }

  /** Fetches the account proof and hands back its file; `undefined` (with the error in state) when it cannot. */
  async downloadProof(): Promise<ProofFile | undefined> {
    const state = this.state;
    if (state.step !== 'enabled' || state.proof.status === 'loading') return undefined;
    this.#setEnabled({ proof: { status: 'loading' } });
    try {
      const file = proofFile(await (await this.#api()).getRemittanceProof());
      this.#setEnabled({ proof: { status: 'ready', error: undefined, fetched: true } });
      return file;
    } catch (caught) {
      this.#setEnabled({ proof: { status: 'ready', error: toKitError(caught), fetched: false } });
      return undefined;
    }
  }

  /** Adds an empty payer name to fill in, up to {@link MAX_PAYER_NAMES}. */
  addPayer(): void {
    const payers = this.#payers();
    if (payers && payers.names.length < MAX_PAYER_NAMES) this.#editPayers([...payers.names, '']);
  }

  removePayer(index: number): void {
    const payers = this.#payers();
    if (payers) this.#editPayers(payers.names.filter((_, i) => i !== index));
  }

  setPayer(index: number, name: string): void {
    const payers = this.#payers();
    if (payers) this.#editPayers(payers.names.map((current, i) => (i === index ? name : current)));
  }

  /** Saves the names as typed (trimmed); every name that cannot be saved is named at its field, and nothing is sent. */
  async savePayers(): Promise<void> {
    const payers = this.#payers();
    if (!payers) return;
    const issues = findPayerIssues(payers.names);
    if (issues.length > 0) {
      this.#setEnabled({ payers: { ...payers, issues, error: undefined } });
      return;
    }
    const payerNames = payers.names.map((name) => name.trim());
    this.#setEnabled({ payers: { ...payers, issues: [], status: 'saving', error: undefined } });
    try {
      const account = await (await this.#api()).saveRemittancePayers({ payerNames });
      this.#setEnabled({ account, payers: { names: account.payerNames, saved: account.payerNames, issues: [], status: 'saved', error: undefined } });
    } catch (caught) {
      const state = this.state;
      if (state.step === 'enabled') this.#setEnabled({ payers: { ...state.payers, status: 'editing', error: toKitError(caught) } });
    }
  }

  async #enable(): Promise<void> {
    const state = this.state;
    if (state.step === 'not-enabled') this.replaceState({ ...state, phase: 'verifying', refusal: undefined });
    else if (state.step === 'enable-unknown') this.replaceState({ ...state, retrying: true });
    try {
      const api = await this.#api();
      const account = await this.#enableIntent.run(
        {},
        {
          verify: () => this.#options.verify({ purpose: REMITTANCE_PURPOSE }),
          call: (_request, options) => api.enableRemittanceAccount(options),
          onPhase: (phase) => {
            if (this.state.step === 'not-enabled') this.replaceState({ step: 'not-enabled', phase, refusal: undefined });
          },
        },
      );
      this.#show(account);
    } catch (caught) {
      const error = toKitError(caught);
      // Frozen until settled: a cancelled code or a rate limit on the retry leaves the first answer still lost.
      if (this.#enableIntent.outcomeUnknown) this.replaceState({ step: 'enable-unknown', error, checking: false, retrying: false, checked: false });
      else this.replaceState({ step: 'not-enabled', phase: 'ready', refusal: error.code === 'cancelled' ? undefined : error });
    }
  }

  #show(account: RemittanceAccount): void {
    const state = this.state;
    const kept = state.step === 'enabled' ? state : undefined;
    this.replaceState({
      step: 'enabled',
      account,
      sms: kept?.sms ?? { status: 'ready', error: undefined },
      proof: kept?.proof ?? { status: 'ready', error: undefined, fetched: false },
      payers: kept?.payers ?? { names: account.payerNames, saved: account.payerNames, issues: [], status: 'editing', error: undefined },
    });
    if (this.#enabledTold) return;
    this.#enabledTold = true;
    this.#options.onEnabled?.(account);
  }

  #payers(): PayerDraft | undefined {
    const state = this.state;
    return state.step === 'enabled' && state.payers.status !== 'saving' ? state.payers : undefined;
  }

  #editPayers(names: readonly string[]): void {
    const payers = this.#payers();
    if (payers) this.#setEnabled({ payers: { ...payers, names, issues: [], status: 'editing', error: undefined } });
  }

  #setEnabled(patch: Partial<Omit<EnabledRemittanceAccount, 'step'>>): void {
    const state = this.state;
    if (state.step === 'enabled') this.replaceState({ ...state, ...patch });
  }
}

/** The proof's bytes as a file; a body that is not base64 is a malformed answer, not a broken download. */
export function proofFile(proof: RemittanceProof): ProofFile {
  let binary: string;
  try {
    binary = atob(proof.base64);
  } catch (caught) {
    throw new KitError('malformed-response', 'The account proof is not base64.', { cause: caught });
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return { blob: new Blob([bytes], { type: proof.contentType }), name: proof.fileName };
}

const noCode = () => Promise.resolve(undefined);

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name, at) => name === b[at]);
