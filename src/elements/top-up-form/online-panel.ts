import { html, nothing } from 'lit';
import { formatMoney } from '../../core/money.js';
import type { TopUpFlow } from '../../core/payments/top-up-flow.js';
import type { TopUpState } from '../../core/payments/top-up-state.js';
import { rateLimitWait, withSupportCode } from '../../i18n/error-messages.js';
import type { Locale } from '../../i18n/locale.js';
import { topUpMessages } from '../../i18n/messages/top-up-form.js';
import { qrFigure } from '../qr-figure.js';

/** The online top-up (在线充值): amount, then the QR code or payment page until it is paid. */
export function renderOnline(flow: TopUpFlow, state: TopUpState, locale: Locale) {
  const m = topUpMessages(locale);
  switch (state.step) {
    case 'idle':
      return html`<p role="status">${m.loading}</p>`;
    case 'load-failed':
      return html`<div class="error-state" role="alert">
        <p>${m.loadFailed} ${withSupportCode(state.error, locale)}</p>
        <button type="button" data-focus aria-disabled=${String(rateLimitWait(state.error) > 0)} @click=${() => rateLimitWait(state.error) === 0 && void flow.start()}>${m.retry}</button>
      </div>`;
    case 'editing':
    case 'creating':
      return renderForm(flow, state, locale);
    case 'outcome-unknown':
      return html`<div part="result" class="result">
        <h3 data-focus tabindex="-1">${m.unknownTitle}</h3>
        <p>${m.amount}: ${state.amount}</p>
        <p role="alert">${state.checked ? m.stillUnknown : m.unknownText}</p>
        <div class="actions">
          <button type="button" class="primary" aria-busy=${String(state.checking)} @click=${() => void flow.check()}>${m.check}</button>
          <button type="button" ?disabled=${state.checking} @click=${() => void flow.retry()}>${m.sendAgain}</button>
        </div>
      </div>`;
    case 'awaiting-payment':
      return renderPayment(flow, state, locale);
    case 'paid': {
      const { completed } = state;
      return html`<div part="result" class="result">
        <p role="status" data-focus tabindex="-1">${m.paid(formatMoney(completed.amount, locale, completed.currency), formatMoney(completed.balance, locale, completed.currency))}</p>
        <button type="button" @click=${() => flow.startOver()}>${m.again}</button>
      </div>`;
    }
    case 'expired':
    case 'failed':
      return html`<div part="result" class="result">
        <p role="alert" data-focus tabindex="-1">${state.step === 'expired' ? m.expired : m.failed}</p>
        <button type="button" class="primary" @click=${() => flow.startOver()}>${m.again}</button>
      </div>`;
  }
}

function renderForm(flow: TopUpFlow, state: Extract<TopUpState, { step: 'editing' | 'creating' }>, locale: Locale) {
  const m = topUpMessages(locale);
  const creating = state.step === 'creating';
  const issue = state.step === 'editing' ? state.issue : undefined;
  const refusal = state.step === 'editing' ? state.refusal : undefined;
  const notDone = state.step === 'editing' && state.notDone;
  const submit = (event: Event) => {
    event.preventDefault();
    void flow.next();
  };
  return html`<form part="form" novalidate @submit=${submit}>
    <div class="field">
      <label for="amount">${m.amount}</label>
      <input id="amount" data-focus inputmode="decimal" autocomplete="off" maxlength="40" .value=${state.amount} ?readonly=${creating}
        aria-invalid=${String(issue !== undefined)} aria-describedby=${notDone ? 'amount-note amount-hint amount-error' : 'amount-hint amount-error'}
        @input=${(e: Event) => flow.setAmount((e.target as HTMLInputElement).value)} />
      ${notDone ? html`<p id="amount-note" class="hint" role="status">${m.notDone}</p>` : nothing}
      <p id="amount-hint" class="hint">${m.amountHint}</p>
      <p id="amount-error" class="error" part="error" role="alert">${issue ? m.amountIssue(issue) : refusal ? withSupportCode(refusal, locale) : ''}</p>
    </div>
    <p class="hint" aria-live="polite">${creating ? m.creating : ''}</p>
    <button type="submit" class="primary" aria-busy=${String(creating)}>${m.next}</button>
  </form>`;
}

function renderPayment(flow: TopUpFlow, state: Extract<TopUpState, { step: 'awaiting-payment' }>, locale: Locale) {
  const m = topUpMessages(locale);
  const { topUp } = state;
  const amount = formatMoney(topUp.amount, locale, topUp.currency);
  const left = flow.secondsLeft();
  const action =
    topUp.action.kind === 'qr'
      ? html`<p data-focus tabindex="-1">${m.scan(amount)}</p>
          ${qrFigure(topUp.action.payload, m.qr)}
          <p class="countdown">${left ? m.expiresIn(left) : m.expiredNow}</p>`
      : html`<p data-focus tabindex="-1">${m.redirected(amount)}</p>
          <p><a href=${topUp.action.url} target="_blank" rel="noopener noreferrer">${m.openPage}</a></p>`;
  return html`<div part="payment" class="payment">
    ${action}
    <p class="hint" aria-live="polite">${state.checking ? m.checking : state.error ? m.pollFailed : m.waiting}</p>
    <button type="button" class="primary" aria-busy=${String(state.checking)} @click=${() => void flow.checkPayment()}>${m.havePaid}</button>
  </div>`;
}
