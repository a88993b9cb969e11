import { css, html, nothing } from 'lit';
import { KitElement } from '../kit-element.js';
import { live } from 'lit/directives/live.js';
import type { PartnerApi } from '../../api/adapter.js';
import { CreateCustomerFlow, type Availability, type CodeSend, type CustomerField, type CustomerFieldIssue, type CustomerFields } from '../../core/customers/create-customer-flow.js';
import type { CreateCustomerResult, IdentityKind } from '../../model/schemas/customer-accounts.js';
import { ACCOUNT_NAME_MAX, DISPLAY_NAME_MAX, EMAIL_MAX, MOBILE_MAX, PASSWORD_MAX } from '../../model/rules/customer-accounts.js';
import { ConnectedEmitter } from '../../controllers/connected-emitter.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { KitController } from '../../controllers/kit-controller.js';
import { TickerController } from '../../controllers/ticker-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import { createCustomerMessages } from '../../i18n/messages/customer-create-form.js';
import { buttons, fields, states } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';

/** Detail of `customer-created` and `customer-associated`. No personal values. */
export interface CustomerCreatedDetail {
  customerId: string;
  accountName: string;
  /** `pending` at creation; `customer-associated` follows once the partner center confirms it. */
  association: CreateCustomerResult['association'];
}

type TextField = Exclude<keyof CustomerFields, 'agreed'>;
type Input = (typeof INPUTS)[number];

/** `max`: the rule's limit; the field takes twice as much, so a longer paste is refused at the field ("At most N characters") instead of cut silently. */
const INPUTS: readonly { field: TextField; type: string; autocomplete: string; max: number; checks?: IdentityKind }[] = [
  { field: 'accountName', type: 'text', autocomplete: 'off', max: ACCOUNT_NAME_MAX, checks: 'name' },
  { field: 'displayName', type: 'text', autocomplete: 'off', max: DISPLAY_NAME_MAX },
  { field: 'mobile', type: 'tel', autocomplete: 'off', max: MOBILE_MAX, checks: 'mobile' },
  { field: 'code', type: 'text', autocomplete: 'one-time-code', max: 6 },
  { field: 'email', type: 'email', autocomplete: 'off', max: EMAIL_MAX, checks: 'email' },
  { field: 'password', type: 'password', autocomplete: 'new-password', max: PASSWORD_MAX },
];

/** What is wrong with a field, in words that say what it takes where the rule is not obvious. */
function issueText(m: ReturnType<typeof createCustomerMessages>, issue: CustomerFieldIssue, input: Input): string {
  if (issue === 'too-long') return m.tooLong(input.max);
  return issue === 'format' && input.field === 'displayName' ? m.displayNameFormat : m.issue(issue);
}

/**
 * Creates a Huawei Cloud customer account on the customer's behalf: account name, optional display
 * name, mobile (then a code texted to it must be entered; the send button counts the backend's
 * resend wait down), e-mail and password, each checked by its
 * rule as the user types (a hostile value is refused at once, with a message at the field). The
 * account name, mobile and e-mail are checked for availability once typing pauses, within the
 * backend's 5 checks a second. The platform's user agreement and privacy statement must be
 * accepted. Creating is one intent: double clicks and retries create one account. The association
 * with the partner finishes asynchronously: "pending" is shown until the customer list confirms it.
 *
 * @summary A form that creates a customer account.
 *
 * @event {CustomEvent<CustomerCreatedDetail>} customer-created - The account was created (association possibly pending); once per account.
 * @event {CustomEvent<CustomerCreatedDetail>} customer-associated - The partner center confirmed the association; once per account.
 *
 * @csspart form - The form.
 * @csspart submit - The create button.
 * @csspart status - What became of the creation.
 * @csspart error - A refusal that belongs to no single field.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 */
export class CustomerCreateForm extends KitElement {
  static override styles = [
    token.base,
    fields,
    buttons,
    states,
    css`
      :host {
        display: block;
        max-width: 36rem;
      }
      .inline {
        display: flex;
        gap: ${token.space2};
        align-items: center;
      }
      .ok {
        color: ${token.success};
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    locale: {},
    agreementUrl: { attribute: 'agreement-url' },
    privacyUrl: { attribute: 'privacy-url' },
  };

  /** The adapter. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;
  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;
  /** Where the platform's user agreement is. */
  declare agreementUrl: string;
  /** Where the platform's privacy statement is. */
  declare privacyUrl: string;

  readonly #kit = new KitController(this, { settleOnConnect: true });
  readonly #events = new ConnectedEmitter(this);
  readonly #flow = new CreateCustomerFlow({ api: () => this.#kit.api(), lang: () => (this.#kit.locale.startsWith('zh') ? 'zh-cn' : 'en-us') });
  readonly #view = new FlowController(this, this.#flow);
  /** Counts the resend wait down on the send button; the live region speaks only when a code is sent and when the wait is over. */
  readonly #countdown = new TickerController(this, { ms: 1000, onTick: () => this.#flow.resendIn() > 0 });

  constructor() {
    super();
    this.agreementUrl = 'https://www.huaweicloud.com/declaration/sa_cua.html';
    this.privacyUrl = 'https://www.huaweicloud.com/declaration/sa_prp.html';
    this.#flow.subscribe((state) => {
      if (state.step === 'done') this.#events.emit<CustomerCreatedDetail>('customer-associated', { ...state.result });
      if (this.#flow.resendIn() > 0) this.#countdown.start();
      else this.#countdown.stop();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#flow.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow.pause();
  }

  protected override render() {
    const m = createCustomerMessages(this.#kit.locale);
    const state = this.#view.state;
    if (state.step === 'associating' || state.step === 'done') {
      const text = state.step === 'done' ? m.done(state.result.accountName) : m.associating(state.result.accountName);
      return html`<div part="status" role="status" tabindex="-1">
        <p>${text}</p>
        ${state.step === 'done' ? html`<button type="button" @click=${this.#restart}>${m.createAnother}</button>` : nothing}
      </div>`;
    }
    const busy = state.step === 'submitting' || state.step === 'outcome-unknown';
    const editing = state.step === 'editing' ? state : undefined;
    const f = state.fields;
    return html`${this.#kit.renderDemoMarker()}<form part="form" novalidate aria-labelledby="title" @submit=${this.#submit}>
      <h2 id="title">${m.title}</h2>
      ${INPUTS.filter((i) => i.field !== 'code' || f.mobile !== '').map((input) => {
        const id = input.field;
        const issue = editing && editing.touched.has(id) ? editing.issues[id] : undefined;
        const availability = input.checks && editing ? editing.availability[input.checks] : undefined;
        const hint = id === 'accountName' ? m.accountNameHint : id === 'mobile' ? m.mobileHint : id === 'password' ? m.passwordHint : undefined;
        return html`<div class="field">
          <label for=${id}>${m[id]}</label>
          <div class=${id === 'code' ? 'inline' : ''}>
            <input id=${id} name=${id} type=${input.type} autocomplete=${input.autocomplete} spellcheck="false" maxlength=${input.max * 2} .value=${live(f[id])}
              ?readonly=${busy} aria-invalid=${String(issue !== undefined)} aria-describedby=${`${hint ? `${id}-hint ` : ''}${id}-status ${id}-error`}
              inputmode=${id === 'code' ? 'numeric' : nothing}
              @input=${(e: Event) => this.#flow.edit({ [id]: (e.target as HTMLInputElement).value })} />
            ${id === 'code' && editing ? this.#sendButton(editing.code) : nothing}
          </div>
          ${hint ? html`<p id=${`${id}-hint`} class="hint">${hint}</p>` : nothing}
          <p id=${`${id}-status`} class="hint" aria-live="polite">${this.#status(id, availability, issue !== undefined)}</p>
          <p id=${`${id}-error`} class="error" part="error">${issue ? issueText(m, issue, input) : ''}</p>
        </div>`;
      })}
      ${this.#agreement(editing && editing.touched.has('agreement') ? editing.issues.agreement : undefined, f.agreed)}
      <p part="error" role="alert">${editing?.error ? withSupportCode(editing.error, this.#kit.locale, errorMessage(editing.error, this.#kit.locale)) : editing?.notDone ? m.notDone : ''}</p>
      ${state.step === 'outcome-unknown'
        ? html`<div part="status" role="alert" tabindex="-1">
            <p>${state.checked ? m.stillUnknown : m.unknown}</p>
            <div class="actions">
              <button type="button" aria-busy=${String(state.checking)} @click=${() => void this.#settle(this.#flow.check())}>${m.checkOutcome}</button>
              <button type="button" class="primary" ?disabled=${state.checking} @click=${() => void this.#settle(this.#flow.submit())}>${m.tryAgain}</button>
            </div>
          </div>`
        : html`<button part="submit" class="primary" type="submit" aria-busy=${String(busy)}>${busy ? m.submitting : m.submit}</button>`}
    </form>`;
  }

  /** Get code, then the resend countdown: aria-disabled rather than disabled, so the button keeps focus while it counts. */
  #sendButton(code: CodeSend) {
    const m = createCustomerMessages(this.#kit.locale);
    const wait = this.#flow.resendIn();
    const label = code.status === 'sending' ? m.sendingCode : wait > 0 ? m.resendIn(wait) : code.status === 'sent' ? m.resendCode : m.sendCode;
    return html`<button type="button" aria-busy=${String(code.status === 'sending')} aria-disabled=${String(code.status === 'sending' || wait > 0)}
      @click=${() => void this.#flow.sendCode()}>${label}</button>`;
  }

  #status(field: CustomerField, availability: Availability | undefined, invalid: boolean) {
    const m = createCustomerMessages(this.#kit.locale);
    const state = this.#view.state;
    if (field === 'code' && state.step === 'editing' && state.code.status === 'sent') return this.#flow.resendIn() > 0 ? m.codeSent(state.code.waitSeconds) : m.resendReady;
    if (field === 'code' && state.step === 'editing' && state.code.status === 'failed') return errorMessage(state.code.error, this.#kit.locale);
    if (!availability || invalid) return '';
    if (availability.status === 'checking') return m.checking;
    if (availability.status === 'available') return html`<span class="ok">${m.available}</span>`;
    if (availability.status === 'failed') return m.checkFailed;
    return '';
  }

  #agreement(issue: string | undefined, agreed: boolean) {
    const m = createCustomerMessages(this.#kit.locale);
    return html`<div class="field">
      <label class="choice"
        ><input id="agreement" type="checkbox" .checked=${live(agreed)} aria-invalid=${String(issue !== undefined)} aria-describedby="agreement-error"
          @change=${(e: Event) => this.#flow.edit({ agreed: (e.target as HTMLInputElement).checked })} />${m.agreement}</label
      >
      <p class="hint">
        <a href=${this.agreementUrl} target="_blank" rel="noopener noreferrer">${m.agreementLink}</a>
        · <a href=${this.privacyUrl} target="_blank" rel="noopener noreferrer">${m.privacyLink}</a>
      </p>
      <p id="agreement-error" class="error" part="error">${issue ? m.issue('not-accepted') : ''}</p>
    </div>`;
  }

  #submit = (event: Event): Promise<void> => {
    event.preventDefault();
    return this.#settle(this.#flow.submit());
  };

  /** After a creation, a retry or a check: the account announced once it exists, focus where the user must look next. */
  async #settle(creation: Promise<CreateCustomerResult | undefined>): Promise<void> {
    const result = await creation;
    await this.updateComplete;
    if (result) this.#events.emit<CustomerCreatedDetail>('customer-created', { ...result });
    const root = this.renderRoot;
    if (result || this.#view.state.step === 'outcome-unknown') root.querySelector<HTMLElement>('[part=status]')?.focus();
    // A check that found nothing done took its button away: back to the first field.
    else (root.querySelector<HTMLElement>('[aria-invalid=true]') ?? (this.shadowRoot?.activeElement ? null : root.querySelector<HTMLElement>('#accountName')))?.focus();
  }

  #restart = (): void => {
    this.#flow.restart();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#accountName')?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-create-form': CustomerCreateForm;
  }
  interface GlobalEventHandlersEventMap {
    'customer-created': CustomEvent<CustomerCreatedDetail>;
    'customer-associated': CustomEvent<CustomerCreatedDetail>;
  }
}
