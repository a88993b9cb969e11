import { html, nothing } from 'lit';
import type { PartnerApi } from '../../api/adapter.js';
import type { ServerListController } from '../../controllers/server-list-controller.js';
import { formatMoney } from '../../core/money.js';
import type { RemittanceAccountFlow } from '../../core/payments/remittance-account-flow.js';
import type { EnabledRemittanceAccount, PayerIssue, RemittanceAccountState } from '../../core/payments/remittance-account-state.js';
import { outcomeUnknown } from '../../model/errors.js';
import type { Remittance } from '../../model/schemas/remittance.js';
import { MAX_PAYER_NAMES } from '../../model/values/remittance.js';
import { MAX_PAYER_NAME_LENGTH } from '../../model/rules/remittance.js';
import { rateLimitWait, withSupportCode } from '../../i18n/error-messages.js';
import { formatDateTime } from '../../i18n/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';

/** What the bank-transfer panel draws from and acts on. */
export interface TransferPanel {
  flow: RemittanceAccountFlow;
  transfers: ServerListController<'status', Remittance>;
  locale: Locale;
  /** The element's own adapter, handed to the account number's `<masked-field>`. */
  api: PartnerApi | undefined;
  /** Fetches the proof and saves it as a file. */
  download: () => void;
  /** Moves focus to `selector` once the change is drawn (the pressed control may be gone). */
  focus: (selector: string) => void;
}

/** The dedicated remittance account (转账汇款): enable it behind a code, then its details, payers and transfers. */
export function renderTransfer(panel: TransferPanel, state: RemittanceAccountState) {
  const { flow, locale } = panel;
  const m = topUpMessages(locale);
  switch (state.step) {
    case 'idle':
    case 'loading':
      return html`<p role="status">${m.accountLoading}</p>`;
    case 'load-failed':
      return html`<div class="error-state" role="alert">
        <p>${m.accountLoadFailed} ${withSupportCode(state.error, locale)}</p>
        <button type="button" data-focus aria-disabled=${String(rateLimitWait(state.error) > 0)} @click=${() => rateLimitWait(state.error) === 0 && void flow.start()}>${m.retry}</button>
      </div>`;
    case 'not-enabled': {
      const busy = state.phase !== 'ready';
      return html`<div class="result" part="enable">
        <p>${m.transferIntro}</p>
        <p class="error" role="alert">${state.refusal ? withSupportCode(state.refusal, locale) : ''}</p>
        <p class="hint" aria-live="polite">${state.phase === 'verifying' ? m.verifying : state.phase === 'submitting' ? m.enabling : ''}</p>
        <button type="button" class="primary" data-focus aria-busy=${String(busy)} @click=${() => void flow.enable()}>${m.verifyEnable}</button>
      </div>`;
    }
    case 'enable-unknown':
      return html`<div part="result" class="result">
        <h3 data-focus tabindex="-1">${m.enableUnknownTitle}</h3>
        <p role="alert">${state.checked ? m.stillUnknown : m.enableUnknownText}</p>
        <div class="actions">
          <button type="button" class="primary" aria-busy=${String(state.checking)} ?disabled=${state.retrying} @click=${() => void flow.checkEnable()}>${m.check}</button>
          <button type="button" aria-busy=${String(state.retrying)} ?disabled=${state.checking} @click=${() => void flow.enable()}>${m.enableAgain}</button>
        </div>
      </div>`;
    case 'enabled':
      return html`${renderAccount(panel, state)}${renderPayers(panel, state)}${renderTransfers(panel)}`;
  }
}

function renderAccount(panel: TransferPanel, state: EnabledRemittanceAccount) {
  const { flow, locale } = panel;
  const m = topUpMessages(locale);
  const { account, sms, proof } = state;
  const wait = flow.smsCooldownLeft();
  const smsText =
    sms.status === 'sending' ? m.sendingSms
    : sms.status === 'sent' ? m.smsSent(sms.destination)
    : sms.error ? (outcomeUnknown(sms.error) ? m.smsUnknown : `${m.smsFailed} ${withSupportCode(sms.error, locale)}`)
    : '';
  const proofText =
    proof.status === 'loading' ? m.proofLoading
    : proof.error ? `${m.proofFailed} ${withSupportCode(proof.error, locale)}`
    : proof.fetched ? m.proofDownloaded
    : '';
  return html`<section class="block" aria-labelledby="account-title">
    <h3 id="account-title" data-focus tabindex="-1">${m.accountTitle}</h3>
    <dl part="account" class="account">
      <div><dt>${m.beneficiary}</dt><dd>${account.beneficiary}</dd></div>
      <div><dt>${m.bank}</dt><dd>${account.bank}</dd></div>
      <div>
        <dt>${m.accountNumber}</dt>
        <dd><masked-field kind="text" label=${m.accountNumberNoun} .masked=${account.maskedAccountNumber} reveal-resource="remittance-account"
          reveal-id=${account.id} reveal-field="accountNumber" copyable .api=${panel.api} locale=${locale}></masked-field></dd>
      </div>
      <div><dt>${m.reference}</dt><dd class="reference">${account.reference}</dd></div>
    </dl>
    <p class="hint">${m.referenceHint}</p>
    <div class="actions">
      <button type="button" aria-busy=${String(sms.status === 'sending')} ?disabled=${wait > 0} @click=${() => void flow.sendDetails()}>${wait > 0 ? m.sendSmsIn(wait) : m.sendSms}</button>
      <button type="button" aria-busy=${String(proof.status === 'loading')} @click=${panel.download}>${m.downloadProof}</button>
    </div>
    <p class=${sms.status === 'ready' && sms.error ? 'error' : 'hint'} role="status">${smsText}</p>
    <p class=${proof.status === 'ready' && proof.error ? 'error' : 'hint'} role="status">${proofText}</p>
  </section>`;
}

function payerIssue(reason: PayerIssue, locale: Locale): string {
  const m = topUpMessages(locale);
  return { empty: m.payerEmpty, 'too-long': m.payerTooLong, duplicate: m.payerDuplicate }[reason];
}

function renderPayers(panel: TransferPanel, state: EnabledRemittanceAccount) {
  const { flow, locale } = panel;
  const m = topUpMessages(locale);
  const add = () => {
    flow.addPayer();
    panel.focus(`#payer-${payers.names.length}`);
  };
  const remove = (index: number) => {
    flow.removePayer(index);
    panel.focus(index > 0 ? `#payer-${index - 1}` : '#add-payer');
  };
  const { payers } = state;
  const saving = payers.status === 'saving';
  const submit = (event: Event) => {
    event.preventDefault();
    void flow.savePayers();
  };
  return html`<section class="block" aria-labelledby="payers-title">
    <h3 id="payers-title">${m.payersTitle}</h3>
    <p class="hint" id="payers-hint">${m.payersHint}</p>
    <form part="payers" class="payers" novalidate @submit=${submit}>
      ${payers.names.length === 0 ? html`<p class="hint">${m.noPayers}</p>` : nothing}
      ${payers.names.map((name, index) => {
        const issue = payers.issues.find((found) => found.index === index)?.reason;
        return html`<div class="field payer">
          <label for=${`payer-${index}`}>${m.payer(index + 1)}</label>
          <div class="payer-row">
            <input id=${`payer-${index}`} autocomplete="organization" maxlength=${MAX_PAYER_NAME_LENGTH * 2} .value=${name} ?readonly=${saving}
              aria-invalid=${String(issue !== undefined)} aria-describedby=${`payer-${index}-error`}
              @input=${(e: Event) => flow.setPayer(index, (e.target as HTMLInputElement).value)} />
            <button type="button" ?disabled=${saving} @click=${() => remove(index)}>${m.removePayer(index + 1)}</button>
          </div>
          <p id=${`payer-${index}-error`} class="error" role="alert">${issue ? payerIssue(issue, locale) : ''}</p>
        </div>`;
      })}
      <div class="actions">
        <button type="button" id="add-payer" ?disabled=${saving || payers.names.length >= MAX_PAYER_NAMES} @click=${add}>${m.addPayer}</button>
        <button type="submit" class="primary" aria-busy=${String(saving)}>${m.savePayers}</button>
      </div>
      <p class=${payers.error ? 'error' : 'hint'} role="status">
        ${saving ? m.savingPayers : payers.error ? `${m.payersFailed} ${withSupportCode(payers.error, locale)}` : payers.status === 'saved' ? m.payersSaved : ''}
      </p>
    </form>
  </section>`;
}

function renderTransfers(panel: TransferPanel) {
  const { transfers, locale } = panel;
  const m = topUpMessages(locale);
  const money = (r: Remittance) => formatMoney(r.amount, locale, r.currency);
  return html`<section class="block" aria-labelledby="transfers-title">
    <h3 id="transfers-title">${m.transfersTitle}</h3>
    <div class="filters">${transfers.select('status', m.status, [['pending', m.pending], ['matched', m.matched]], locale)}</div>
    ${transfers.table(
      'transfers',
      m.transfersTitle,
      [
        { label: m.remitter, cell: (r) => r.remitterName },
        { label: m.remitterAccount, cell: (r) => r.maskedRemitterAccount },
        { label: m.money, cell: money, num: true },
        { label: m.receivedAt, cell: (r) => formatDateTime(r.receivedAt, locale) },
        { label: m.status, cell: (r) => html`<span class=${r.status === 'matched' ? 'badge success' : 'badge info'}>${r.status === 'matched' ? m.matched : m.pending}</span>` },
      ],
      locale,
      m.transfersFailed,
      (r) => r.id,
    )}
  </section>`;
}
