import type { PartnerApi } from '../../api/adapter.js';
import { outcomeUnknown, toKitError, type KitError } from '../../model/errors.js';
import { delay } from '../../model/delay.js';
import {
  checkAccountName,
  checkDisplayName,
  checkEmail,
  checkMobile,
  checkPassword,
  checkRegistrationCode,
  MOBILE_MAX,
  type AccountFieldIssue,
} from '../../model/rules/customer-accounts.js';
import type { CreateCustomerRequest, CreateCustomerResult, IdentityKind } from '../../model/schemas/customer-accounts.js';
import { MoneyIntent } from '../money-intent.js';
import { Store } from '../store.js';
import { apiGetter } from '../api-source.js';

/** The backend operations creating a customer needs. */
export type CreateCustomerApi = Pick<PartnerApi, 'checkCustomerIdentity' | 'sendRegistrationCode' | 'createCustomer' | 'listSubCustomers' | 'lookupIntent'>;

/** What the user typed, as typed. */
export interface CustomerFields {
  accountName: string;
  displayName: string;
  mobile: string;
  code: string;
  email: string;
  password: string;
  agreed: boolean;
}

export type CustomerField = Exclude<keyof CustomerFields, 'agreed'> | 'agreement';

/**
 * Why a field is refused: a rule of the form, an availability answer, or a refusal the backend
 * gave for it (`taken`, `registration-cap`, `reported`, `code-expired`, `code-incorrect`,
 * `attempts-exceeded`, `code-not-sent`, `not-accepted`).
 */
export type CustomerFieldIssue = AccountFieldIssue | 'taken' | 'registration-cap' | 'reported' | 'code-expired' | 'code-incorrect' | 'attempts-exceeded' | 'code-not-sent' | 'not-accepted';

/** Where an availability check of one field stands. */
export type Availability = { status: 'unchecked' } | { status: 'checking' } | { status: 'available' } | { status: 'unavailable'; issue: CustomerFieldIssue } | { status: 'failed'; error: KitError };

/**
 * The registration code sent to the mobile: not yet, in flight, sent (resendable at `resendAt`,
 * `waitSeconds` after it was sent, as the backend said), or failed.
 */
export type CodeSend = { status: 'idle' } | { status: 'sending' } | { status: 'sent'; resendAt: number; waitSeconds: number } | { status: 'failed'; error: KitError };

/**
 * Where the creation stands: the form (with each field's issue, shown once touched or submitted,
 * the availability checks, the refusals the backend placed at fields — kept until their field is
 * edited, so a late availability answer or an edit elsewhere does not erase them — the code, a
 * form-level error, and whether a check found the last creation not done), the call in flight, a creation of unknown outcome (the fields frozen until a
 * check or a retry settles it), the account made and its association with the partner still
 * pending (polled), or done.
 */
export type CreateCustomerState =
  | {
      step: 'editing';
      fields: CustomerFields;
      issues: Partial<Record<CustomerField, CustomerFieldIssue>>;
      refusals: Partial<Record<CustomerField, CustomerFieldIssue>>;
      touched: ReadonlySet<CustomerField>;
      availability: Readonly<Record<IdentityKind, Availability>>;
      code: CodeSend;
      error: KitError | undefined;
      notDone: boolean;
    }
  | { step: 'submitting'; fields: CustomerFields }
  | { step: 'outcome-unknown'; fields: CustomerFields; error: KitError | undefined; checking: boolean; checked: boolean }
  | { step: 'associating'; result: CreateCustomerResult }
  | { step: 'done'; result: CreateCustomerResult };

type Editing = Extract<CreateCustomerState, { step: 'editing' }>;

/** Which field each identity check looks at. */
const IDENTITY_FIELD: Readonly<Record<IdentityKind, 'accountName' | 'mobile' | 'email'>> = { name: 'accountName', mobile: 'mobile', email: 'email' };

/** The field each backend refusal of a creation belongs to. */
const REFUSAL_FIELD: Readonly<Record<string, [CustomerField, CustomerFieldIssue]>> = {
  'account-name-taken': ['accountName', 'taken'],
  'account-name-format': ['accountName', 'format'],
  'mobile-taken': ['mobile', 'taken'],
  'mobile-format': ['mobile', 'format'],
  'mobile-registration-cap': ['mobile', 'registration-cap'],
  'reported-by-huawei': ['mobile', 'reported'],
  'email-taken': ['email', 'taken'],
  'password-format': ['password', 'format'],
  'code-expired': ['code', 'code-expired'],
  'code-incorrect': ['code', 'code-incorrect'],
  'attempts-exceeded': ['code', 'attempts-exceeded'],
  'code-not-sent': ['code', 'code-not-sent'],
};

const EMPTY: CustomerFields = { accountName: '', displayName: '', mobile: '', code: '', email: '', password: '', agreed: false };
const UNCHECKED: Availability = { status: 'unchecked' };

export interface CreateCustomerOptions {
  api: CreateCustomerApi | (() => Promise<CreateCustomerApi>);
  /** The SMS language of the registration code. */
  lang?: () => 'zh-cn' | 'en-us';
  /** Quiet time after typing before availability is checked. Default 400 ms. */
  checkDelayMs?: number;
  /** Between two availability checks: the API allows 5 a second. Default 200 ms. */
  checkSpacingMs?: number;
  /** Between two polls of the list while the association is pending. Default 2 s. */
  pollMs?: number;
  now?: () => number;
}

/**
 * Creating a customer account without any DOM: field rules as the user types (a hostile value is
 * refused by its length before any pattern runs), debounced availability checks paced within the
 * API's 5 a second, the registration code for a mobile, the agreement, creation as one intent
 * (idempotency key kept while the request stays the same) and the association, confirmed by
 * polling the customer list.
 */
export class CreateCustomerFlow extends Store<CreateCustomerState> {
  readonly #api: () => Promise<CreateCustomerApi>;
  readonly #options: Required<Omit<CreateCustomerOptions, 'api'>>;
  readonly #intent: MoneyIntent<CreateCustomerRequest>;
  readonly #timers = new Map<IdentityKind, ReturnType<typeof setTimeout>>();
  #stop = new AbortController();
  #paused = false;
  #polling: Promise<void> | undefined;
  #nextCheckAt = 0;

  constructor(options: CreateCustomerOptions) {
    super(editing(EMPTY));
    this.#api = apiGetter(options.api);
    this.#options = {
      lang: options.lang ?? (() => 'zh-cn'),
      checkDelayMs: options.checkDelayMs ?? 400,
      checkSpacingMs: options.checkSpacingMs ?? 200,
      pollMs: options.pollMs ?? 2000,
      now: options.now ?? (() => Date.now()),
    };
    this.#intent = new MoneyIntent('cc', this.#options.now);
  }

  /** A field changed: its rule runs at once, its availability check once typing pauses. */
  edit(patch: Partial<CustomerFields>): void {
    const state = this.state;
    if (state.step !== 'editing') return;
    // A mobile typed in full width (０-９, －, ＋) is the same number: folded, not refused. Only those
    // characters: NFKC would also read ① as 1, a number nobody typed.
    const fields = { ...state.fields, ...patch, ...(patch.mobile === undefined ? {} : { mobile: foldMobile(patch.mobile) }) };
    const touched = new Set(state.touched);
    const availability = { ...state.availability };
    const refusals = { ...state.refusals };
    for (const key of Object.keys(patch) as (keyof CustomerFields)[]) {
      const field = key === 'agreed' ? 'agreement' : key;
      touched.add(field);
      delete refusals[field];
    }
    // A code refused for the old mobile says nothing about the new one.
    if ('mobile' in patch) delete refusals.code;
    for (const kind of Object.keys(IDENTITY_FIELD) as IdentityKind[]) {
      const field = IDENTITY_FIELD[kind];
      if (!(field in patch)) continue;
      availability[kind] = UNCHECKED;
      clearTimeout(this.#timers.get(kind));
      if (fieldIssue(field, fields) === undefined && fields[field] !== '') {
        this.#timers.set(kind, setTimeout(() => void this.#check(kind, fields[field]), this.#options.checkDelayMs));
      }
    }
    this.replaceState({ ...state, fields, touched, availability, refusals, issues: issuesOf(fields, availability, refusals), ...('mobile' in patch ? { code: { status: 'idle' } } : {}) });
  }

  /** Texts the registration code to the mobile typed; refused locally until the resend wait is over. */
  async sendCode(): Promise<void> {
    const state = this.state;
    if (state.step !== 'editing' || state.code.status === 'sending') return;
    if (this.resendIn() > 0) return;
    const mobile = checkMobile(state.fields.mobile);
    if (!mobile.ok) {
      this.replaceState({ ...state, touched: new Set([...state.touched, 'mobile']) });
      return;
    }
    this.#setCode({ status: 'sending' });
    try {
      const sent = await (await this.#api()).sendRegistrationCode({ mobile: mobile.value, lang: this.#options.lang() });
      this.#setCode({ status: 'sent', resendAt: this.#options.now() + sent.resendAfterSeconds * 1000, waitSeconds: sent.resendAfterSeconds });
    } catch (caught) {
      this.#setCode({ status: 'failed', error: toKitError(caught) });
    }
  }

  /** Whole seconds until another code may be texted to the mobile; 0 when it may now (or none was sent). */
  resendIn(): number {
    const state = this.state;
    if (state.step !== 'editing' || state.code.status !== 'sent') return 0;
    return Math.max(0, Math.ceil((state.code.resendAt - this.#options.now()) / 1000));
  }

  /**
   * Creates the account. Every field issue shows at its field first; while one is in flight a
   * second call does nothing. Resolves with the result once the account exists (association may
   * still be pending), `undefined` when refused (the state says where). After an unknown outcome it
   * is "Try again": the same request under the same key, so at most one account is made.
   */
  async submit(): Promise<CreateCustomerResult | undefined> {
    const state = this.state;
    if (state.step === 'outcome-unknown' && !state.checking) return this.#create(state.fields, undefined);
    if (state.step !== 'editing') return undefined;
    const touched = new Set<CustomerField>(ALL_FIELDS);
    const issues = issuesOf(state.fields, state.availability, state.refusals);
    if (Object.keys(issues).length > 0) {
      this.replaceState({ ...state, touched, issues, error: undefined });
      return undefined;
    }
    return this.#create(state.fields, { ...state, touched, issues });
  }

  /**
   * Check what happened: asks the backend about the creation whose outcome is unknown, by its key.
   * Done shows the account; not done returns to the form, editable, saying so; still unknown stays frozen.
   */
  async check(): Promise<CreateCustomerResult | undefined> {
    const state = this.state;
    if (state.step !== 'outcome-unknown' || state.checking) return undefined;
    this.replaceState({ ...state, checking: true });
    let settled;
    try {
      const api = await this.#api();
      settled = await this.#intent.resolve((idempotencyKey) => api.lookupIntent({ operation: 'createCustomer', idempotencyKey }));
    } catch (caught) {
      settled = { status: 'unknown' as const, error: toKitError(caught) };
    }
    if (settled.status === 'done') return this.#created(settled.result);
    if (settled.status === 'unknown') this.replaceState({ ...state, checking: false, checked: true, error: settled.error });
    else this.#refused(settled.error, { ...editing(state.fields), touched: new Set(ALL_FIELDS), notDone: true });
    return undefined;
  }

  /** Stops checks and polling: the element left the page. */
  pause(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#paused = true;
    this.#stop.abort();
    this.#stop = new AbortController();
  }

  /** Polls again for an association still pending: the element is back on the page. */
  resume(): void {
    this.#paused = false;
    this.#startPolling();
  }

  /** An empty form for the next customer, once this one is done. */
  restart(): void {
    if (this.state.step === 'done') this.replaceState(editing(EMPTY));
  }

  /** One creation under the intent's key; a refusal goes back to `form` (none after an unknown outcome: a fresh form of the same fields). */
  async #create(fields: CustomerFields, form: Editing | undefined): Promise<CreateCustomerResult | undefined> {
    this.replaceState({ step: 'submitting', fields });
    try {
      const api = await this.#api();
      const result = await this.#intent.run(requestOf(fields), { verify: () => Promise.resolve(undefined), call: (request, options) => api.createCustomer(request, options) });
      return this.#created(result);
    } catch (caught) {
      const error = toKitError(caught);
      if (outcomeUnknown(error)) this.replaceState({ step: 'outcome-unknown', fields, error, checking: false, checked: false });
      else this.#refused(error, form ?? { ...editing(fields), touched: new Set(ALL_FIELDS) });
      return undefined;
    }
  }

  #created(result: CreateCustomerResult): CreateCustomerResult {
    this.replaceState({ step: result.association === 'done' ? 'done' : 'associating', result });
    this.#startPolling();
    return result;
  }

  /** A refusal shows at the field it belongs to, else at the form. */
  #refused(error: KitError | undefined, form: Editing): void {
    const placed = error?.reason ? REFUSAL_FIELD[error.reason] : undefined;
    const back = { ...form, error: placed ? undefined : error };
    if (!placed) return this.replaceState(back);
    const refusals = { ...form.refusals, [placed[0]]: placed[1] };
    this.replaceState({ ...back, refusals, issues: issuesOf(form.fields, form.availability, refusals) });
  }

  /** One poll loop at a time, and none while paused: `customer-associated` must come once. */
  #startPolling(): void {
    const state = this.state;
    if (this.#paused || this.#polling || state.step !== 'associating') return;
    this.#polling = this.#poll(state.result).finally(() => {
      this.#polling = undefined;
    });
  }

  async #check(kind: IdentityKind, value: string): Promise<void> {
    const wait = Math.max(0, this.#nextCheckAt - this.#options.now());
    this.#nextCheckAt = this.#options.now() + wait + this.#options.checkSpacingMs;
    this.#setAvailability(kind, value, { status: 'checking' });
    try {
      if (wait > 0) await delay(wait, this.#stop.signal);
      const answer = await (await this.#api()).checkCustomerIdentity({ kind, value }, { signal: this.#stop.signal });
      this.#setAvailability(kind, value, answer.availability === 'available' ? { status: 'available' } : { status: 'unavailable', issue: answer.availability });
    } catch (caught) {
      const error = toKitError(caught);
      if (error.code === 'cancelled') return;
      // Over the quota: wait as told and ask again, rather than show a failure the user cannot act on.
      if (error.code === 'rate-limited' && error.reason === undefined) {
        this.#nextCheckAt = this.#options.now() + (error.retryAfterMs ?? 1000);
        this.#timers.set(kind, setTimeout(() => void this.#check(kind, value), 0));
      } else this.#setAvailability(kind, value, { status: 'failed', error });
    }
  }

  async #poll(result: CreateCustomerResult): Promise<void> {
    // A pause and a resume in the same turn keep this loop going under the new signal.
    while (!this.#paused && this.state.step === 'associating' && this.state.result === result) {
      const signal = this.#stop.signal;
      try {
        await delay(this.#options.pollMs, signal);
        const page = await (await this.#api()).listSubCustomers({ customerId: result.customerId, offset: 0, limit: 1 }, { signal });
        if (page.total > 0) this.replaceState({ step: 'done', result: { ...result, association: 'done' } });
      } catch {
        // A cancelled wait ends the loop when paused; a failed poll is tried again next round.
      }
    }
  }

  /** An answer about a value no longer in the field is dropped: the user typed on. */
  #setAvailability(kind: IdentityKind, value: string, availability: Availability): void {
    const state = this.state;
    if (state.step !== 'editing' || state.fields[IDENTITY_FIELD[kind]] !== value) return;
    const next = { ...state.availability, [kind]: availability };
    this.replaceState({ ...state, availability: next, issues: issuesOf(state.fields, next, state.refusals) });
  }

  #setCode(code: CodeSend): void {
    const state = this.state;
    if (state.step !== 'editing') return;
    if (code.status !== 'sent') return this.replaceState({ ...state, code });
    // A new code answers a refusal of the old one (expired, too many wrong tries, none sent).
    const refusals = { ...state.refusals };
    delete refusals.code;
    this.replaceState({ ...state, code, refusals, issues: issuesOf(state.fields, state.availability, refusals) });
  }
}

function editing(fields: CustomerFields): Editing {
  const availability = { name: UNCHECKED, mobile: UNCHECKED, email: UNCHECKED };
  return { step: 'editing', fields, issues: issuesOf(fields, availability, {}), refusals: {}, touched: new Set(), availability, code: { status: 'idle' }, error: undefined, notDone: false };
}

const ALL_FIELDS: readonly CustomerField[] = ['accountName', 'displayName', 'mobile', 'code', 'email', 'password', 'agreement'];

/** The issue of one field by its rule alone; optional fields left empty have none. */
function fieldIssue(field: CustomerField, f: CustomerFields): CustomerFieldIssue | undefined {
  const optional = (text: string, check: (t: string) => { ok: boolean; issue?: AccountFieldIssue }) => (text === '' ? undefined : issueOf(check(text)));
  switch (field) {
    case 'accountName':
      return issueOf(checkAccountName(f.accountName));
    case 'displayName':
      return optional(f.displayName, checkDisplayName);
    case 'mobile':
      return optional(f.mobile, checkMobile);
    case 'code':
      return f.mobile === '' ? undefined : issueOf(checkRegistrationCode(f.code));
    case 'email':
      return optional(f.email, checkEmail);
    case 'password':
      return optional(f.password, (t) => checkPassword(t, { accountName: f.accountName, mobile: f.mobile }));
    case 'agreement':
      return f.agreed ? undefined : 'not-accepted';
  }
}

function issueOf(check: { ok: boolean; issue?: AccountFieldIssue }): AccountFieldIssue | undefined {
  return check.ok ? undefined : check.issue;
}

/** Each field's issue: its rule first, then what availability said, then what the backend refused. */
function issuesOf(fields: CustomerFields, availability: Readonly<Record<IdentityKind, Availability>>, refusals: Editing['refusals']): Editing['issues'] {
  const issues: Editing['issues'] = {};
  for (const field of ['accountName', 'displayName', 'mobile', 'code', 'email', 'password', 'agreement'] as const) {
    const issue = fieldIssue(field, fields);
    if (issue) issues[field] = issue;
  }
  for (const kind of Object.keys(IDENTITY_FIELD) as IdentityKind[]) {
    const a = availability[kind];
    if (a.status === 'unavailable') issues[IDENTITY_FIELD[kind]] ??= a.issue;
  }
  return { ...issues, ...refusals };
}

function requestOf(f: CustomerFields): CreateCustomerRequest {
  return {
    accountName: f.accountName,
    ...(f.displayName === '' ? {} : { displayName: f.displayName }),
    ...(f.mobile === '' ? {} : { mobile: f.mobile, verificationCode: f.code }),
    ...(f.email === '' ? {} : { email: f.email }),
    ...(f.password === '' ? {} : { password: f.password }),
    agreementAccepted: true,
  };
}

/**
 * Full-width digits, hyphen and plus in a mobile as ASCII. A text longer than any mobile is left as
 * typed, for the rule to refuse by its length before any pattern reads it.
 */
function foldMobile(text: string): string {
  return text.length > MOBILE_MAX * 2 ? text : text.replace(/[０-９－＋]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}
