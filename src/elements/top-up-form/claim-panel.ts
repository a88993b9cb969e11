import { html, nothing } from 'lit';
import type { ServerListController } from '../../controllers/server-list-controller.js';
import { formatMoney } from '../../core/money.js';
import { MAX_REMITTER_NAME, type RemittanceClaimFlow } from '../../core/payments/remittance-claim-flow.js';
import type { ClaimSearch, ClaimSearchIssue, RemittanceClaimState, VoucherIssue } from '../../core/payments/remittance-claim-state.js';
import type { RemittanceClaim, UnclaimedRemittance } from '../../model/schemas/remittance.js';
import { withSupportCode } from '../../i18n/error-messages.js';
import { formatDateTime } from '../../i18n/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';

/** What the claim panel draws from and acts on. */
export interface ClaimPanel {
  flow: RemittanceClaimFlow;
  results: ServerListController<keyof ClaimSearch, UnclaimedRemittance>;
  records: ServerListController<never, RemittanceClaim>;
  locale: Locale;
}

/** The file types the picker offers; the flow checks the type again, since a picker's filter is only a hint. */
const VOUCHER_ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

/** Claiming an offline remittance (线下汇款认领): search, claim one, then the claim records. */
export function renderClaim(panel: ClaimPanel, state: RemittanceClaimState) {
  const m = topUpMessages(panel.locale);
  const body = state.step === 'search' ? renderSearch(panel, state) : renderClaimTask(panel, state);
  return html`<p class="hint">${m.claimIntro}</p>${body}${renderRecords(panel)}`;
}

function searchIssueText(issue: ClaimSearchIssue, locale: Locale): string {
  const m = topUpMessages(locale);
  switch (issue.field) {
    case 'criteria':
      return m.searchNone;
    case 'remitterName':
      return m.remitterTooLong;
    case 'remitterAccount':
      return m.accountFormat;
    case 'amount':
      return m.amountIssue(issue.reason);
  }
}

function renderSearch(panel: ClaimPanel, state: Extract<RemittanceClaimState, { step: 'search' }>) {
  const { flow, results, locale } = panel;
  const m = topUpMessages(locale);
  const { search, issue } = state;
  const submit = (event: Event) => {
    event.preventDefault();
    void flow.search();
  };
  // Twice the longest name: a longer paste is refused at the field, not cut to a name nobody typed.
  const field = (key: keyof ClaimSearch, label: string, inputmode: string) => {
    const wrong = issue?.field === key;
    return html`<div class="field">
      <label for=${`search-${key}`}>${label}</label>
      <input id=${`search-${key}`} inputmode=${inputmode} autocomplete="off" maxlength=${MAX_REMITTER_NAME * 2} .value=${search[key]}
        aria-invalid=${String(wrong)} aria-describedby="search-hint search-error"
        @input=${(e: Event) => flow.setSearch({ [key]: (e.target as HTMLInputElement).value })} />
    </div>`;
  };
  const money = (r: UnclaimedRemittance) => formatMoney(r.amount, locale, r.currency);
  const asked = results.list.state.load.status !== 'idle';
  return html`<section class="block" aria-labelledby="search-title">
    <h3 id="search-title" data-focus tabindex="-1">${m.searchTitle}</h3>
    <form part="search" class="search" novalidate @submit=${submit}>
      <div class="filters">
        ${field('remitterName', m.remitter, 'text')} ${field('remitterAccount', m.remitterAccount, 'numeric')} ${field('amount', m.money, 'decimal')}
      </div>
      <p id="search-hint" class="hint">${m.searchHint}</p>
      <p id="search-error" class="error" part="error" role="alert">${issue ? searchIssueText(issue, locale) : ''}</p>
      <button type="submit" class="primary">${m.search}</button>
    </form>
    ${asked
      ? results.table(
          'results',
          m.resultsTitle,
          [
            { label: m.remitter, cell: (r) => r.remitterName },
            { label: m.remitterAccount, cell: (r) => r.maskedRemitterAccount },
            { label: m.money, cell: money, num: true },
            { label: m.receivedAt, cell: (r) => formatDateTime(r.receivedAt, locale) },
            {
              label: m.claim,
              actions: true,
              cell: (r) => html`<button type="button" data-claim=${r.id} aria-label=${m.claimRow(r.remitterName, money(r))} @click=${() => flow.choose(r)}>${m.claim}</button>`,
            },
          ],
          locale,
          m.resultsFailed,
          (r) => r.id,
        )
      : nothing}
  </section>`;
}

function voucherIssueText(issue: VoucherIssue, locale: Locale): string {
  const m = topUpMessages(locale);
  return { missing: m.voucherMissing, type: m.voucherType, empty: m.voucherEmpty, 'too-large': m.voucherTooLarge }[issue];
}

function renderClaimTask(panel: ClaimPanel, state: Exclude<RemittanceClaimState, { step: 'search' }>) {
  const { flow, locale } = panel;
  const m = topUpMessages(locale);
  if (state.step === 'claimed') {
    return html`<div part="result" class="result">
      <p role="status" data-focus tabindex="-1">${m.claimed(formatMoney(state.claim.amount, locale, state.claim.currency))}</p>
      <button type="button" @click=${() => flow.back()}>${m.backToResults}</button>
    </div>`;
  }
  const { remittance } = state;
  const max = formatMoney(remittance.amount, locale, remittance.currency);
  const summary = html`<dl class="account">
    <div><dt>${m.remitter}</dt><dd>${remittance.remitterName}</dd></div>
    <div><dt>${m.remitterAccount}</dt><dd>${remittance.maskedRemitterAccount}</dd></div>
    <div><dt>${m.money}</dt><dd>${max}</dd></div>
    <div><dt>${m.receivedAt}</dt><dd>${formatDateTime(remittance.receivedAt, locale)}</dd></div>
  </dl>`;
  if (state.step === 'outcome-unknown') {
    return html`<div part="result" class="result">
      <h3 data-focus tabindex="-1">${m.claimUnknownTitle}</h3>
      ${summary}
      <p>${m.claimAmount}: ${state.amount}</p>
      <p role="alert">${state.checked ? m.stillUnknown : m.claimUnknownText}</p>
      <div class="actions">
        <button type="button" class="primary" aria-busy=${String(state.checking)} @click=${() => void flow.check()}>${m.check}</button>
        <button type="button" ?disabled=${state.checking} @click=${() => void flow.retry()}>${m.claimAgain}</button>
      </div>
    </div>`;
  }
  const submitting = state.step === 'submitting';
  const amountIssue = state.step === 'editing' ? state.amountIssue : undefined;
  const voucherIssue = state.step === 'editing' ? state.voucherIssue : undefined;
  const refusal = state.step === 'editing' ? state.refusal : undefined;
  const submit = (event: Event) => {
    event.preventDefault();
    void flow.confirm();
  };
  const chosen = (event: Event) => {
    const input = event.target as HTMLInputElement;
    flow.chooseVoucher(input.files?.[0]);
    // A refused file is not kept: the picker must not look as if it holds a voucher the claim will not send.
    if (flow.state.step === 'editing' && !flow.state.voucher) input.value = '';
  };
  return html`<section class="block" aria-labelledby="claim-title">
    <h3 id="claim-title" data-focus tabindex="-1">${m.claimTitle}</h3>
    ${summary}
    <form part="claim" class="claim" novalidate @submit=${submit}>
      <div class="field">
        <label for="claim-amount">${m.claimAmount}</label>
        <input id="claim-amount" inputmode="decimal" autocomplete="off" maxlength="40" .value=${state.amount} ?readonly=${submitting}
          aria-invalid=${String(amountIssue !== undefined)} aria-describedby="claim-amount-hint claim-amount-error"
          @input=${(e: Event) => flow.setAmount((e.target as HTMLInputElement).value)} />
        <p id="claim-amount-hint" class="hint">${m.claimAmountHint(max)}</p>
        <p id="claim-amount-error" class="error" role="alert">${amountIssue ? (amountIssue === 'above-max' ? m.claimAbove(max) : m.amountIssue(amountIssue)) : ''}</p>
      </div>
      <div class="field">
        <label for="voucher">${m.voucher}</label>
        <div class="file">
          <input id="voucher" class="visually-hidden" type="file" accept=${VOUCHER_ACCEPT} ?disabled=${submitting}
            aria-invalid=${String(voucherIssue !== undefined)} aria-describedby="voucher-hint voucher-error" @change=${chosen} />
          <label for="voucher" class="button" aria-hidden="true">${m.chooseFile}</label>
          <span class="truncate">${state.voucher ? state.voucher.name : m.noFileChosen}</span>
        </div>
        <p id="voucher-hint" class="hint">${state.voucher ? m.voucherChosen(state.voucher.name) : m.voucherHint}</p>
        <p id="voucher-error" class="error" role="alert">${voucherIssue ? voucherIssueText(voucherIssue, locale) : ''}</p>
      </div>
      <p class="error" part="error" role="alert">${refusal ? withSupportCode(refusal, locale) : ''}</p>
      <p class="hint" aria-live="polite">${submitting ? m.claiming : ''}</p>
      <div class="actions">
        <button type="submit" class="primary" aria-busy=${String(submitting)}>${m.confirmClaim}</button>
        <button type="button" ?disabled=${submitting} @click=${() => flow.back()}>${m.backToResults}</button>
      </div>
    </form>
  </section>`;
}

function renderRecords(panel: ClaimPanel) {
  const { records, locale } = panel;
  const m = topUpMessages(locale);
  const review = (c: RemittanceClaim) => {
    const tone = c.status === 'approved' ? 'badge success' : c.status === 'rejected' ? 'badge danger' : 'badge info';
    return html`<span class=${tone}>${m[c.status]}</span>${c.status === 'rejected' && c.rejectReason ? html`<span class="reason">${c.rejectReason}</span>` : nothing}`;
  };
  return html`<section class="block" aria-labelledby="records-title">
    <h3 id="records-title">${m.recordsTitle}</h3>
    ${records.table(
      'records',
      m.recordsTitle,
      [
        { label: m.claimedAt, cell: (c) => formatDateTime(c.claimedAt, locale) },
        { label: m.remitter, cell: (c) => c.remitterName },
        { label: m.money, cell: (c) => formatMoney(c.amount, locale, c.currency), num: true },
        { label: m.voucher, cell: (c) => html`<span class="truncate" title=${c.voucher.fileName}>${c.voucher.fileName}</span>` },
        { label: m.review, cell: review },
      ],
      locale,
      m.recordsFailed,
      (c) => c.id,
    )}
  </section>`;
}
