import { css, html, nothing, type ReactiveElement } from 'lit';
import type { KitError } from '../../model/errors.js';
import type { Locale } from '../../i18n/locale.js';
import type { mask } from '../../core/masks.js';
import type { formatMoney } from '../../core/money.js';
import type { CustomerOutcome, IssueFlow, IssueState } from '../../core/vouchers/issue-flow.js';
import type { issueMessages } from '../../i18n/messages/voucher-issue-form.js';
import { issueOutcomeMessages } from '../../i18n/messages/voucher-issue-form-outcome.js';
import { lostCause } from '../../i18n/lost-answer.js';
import type { voucherMessages } from '../../i18n/messages/vouchers.js';
import { table } from '../../styles/table.js';
import * as token from '../../styles/tokens.js';
import { adoptLateStyles } from '../late-styles.js';

// The code sending needs comes with the views of what sending led to, and so do the editors of the
// closed validity section: one fetch for all that the first screen does not draw.
export * from '../../core/vouchers/issue-submission.js';
export * from './validity-view.js';

/**
 * What the outcome views take from `<voucher-issue-form>`, the words of its catalogues they share
 * among them: a part fetched later that imported the catalogues the form already holds would split
 * them into chunks of their own, and so would the form's formatters (`mask`, `formatMoney`). Their
 * own words come with them (`issueOutcomeMessages`).
 */
export interface OutcomeContext {
  locale: Locale;
  messages: ReturnType<typeof issueMessages>;
  vouchers: ReturnType<typeof voucherMessages>;
  flow: IssueFlow;
  errorText: (error: KitError) => string;
  mask: typeof mask;
  formatMoney: typeof formatMoney;
  /** Asks the backend what became of the order whose outcome is unknown. */
  check: () => void;
  /** Sends the failed customers again. */
  send: () => void;
}

/** The result's grid and the headings of the result and of the frozen form's notice: only these views draw them. */
const outcomeStyles = [
  table,
  css`
    h2 {
      margin: ${token.space3} 0 ${token.space2};
      font-size: ${token.fontSizeLarge};
    }
    .unknown h2 {
      margin-top: 0;
    }
    .table {
      --pk-table-columns: minmax(10rem, 1fr) minmax(12rem, 2fr);
    }
  `,
];

/** Adopts the views' sheets into the form's shadow root; called as they arrive, before they are drawn. */
export function adoptOutcomeStyles(host: ReactiveElement): void {
  adoptLateStyles(host, outcomeStyles);
}

/** Above the frozen form while an issue's outcome is unknown: what is known, a check, and the same order again. */
export function renderUnknown(state: Extract<IssueState, { step: 'outcome-unknown' }>, context: OutcomeContext) {
  const m = issueOutcomeMessages(context.locale);
  return html`<section class="unknown" part="outcome-unknown" aria-labelledby="unknown-title">
    <h2 id="unknown-title" tabindex="-1">${m.unknownTitle}</h2>
    <p role="alert">${state.stillUnknown ? m.stillUnknown : m.unknownText}</p>
    <p class="hint">${lostCause(state.error, context.locale)}</p>
    <p class="hint" aria-live="polite">${state.checking ? m.checkingOutcome : ''}</p>
    <div class="actions">
      <button type="button" aria-busy=${String(state.checking)} @click=${context.check}>${state.stillUnknown ? m.checkAgain : m.checkOutcome}</button>
      <button type="submit" class="primary" aria-disabled=${String(state.checking)}>${m.sendAgain}</button>
    </div>
  </section>`;
}

/** The result per customer, with a retry of the failed ones alone. */
export function renderResult(state: Extract<IssueState, { step: 'result' }>, context: OutcomeContext) {
  const { locale, flow, messages: f, vouchers: v, mask, formatMoney } = context;
  const m = issueOutcomeMessages(locale);
  const failed = flow.failedCustomers();
  const ok = state.outcomes.filter((o) => o.status === 'issued').length;
  const { quota } = state.order;
  const { errors } = state;
  const min = formatMoney(quota.minFaceValue ?? 1, locale, quota.currency);
  const max = formatMoney(quota.maxFaceValue ?? quota.balance, locale, quota.currency);
  const retryError = errors.quota && errors.quota !== 'required' ? f.quotaError(v.quotaUnusable(errors.quota)) : errors.faceValue ? f.faceIssue(errors.faceValue, min, max) : '';
  return html`<section part="outcome" aria-labelledby="result-title">
    <h2 id="result-title" tabindex="-1">${m.resultTitle}</h2>
    ${state.settled ? html`<p class="notice" role="status">${state.settled === 'done' ? m.recovered : f.notDone}</p>` : nothing}
    <p role="status">${m.resultSummary(ok, state.outcomes.length - ok)}</p>
    <div class="table-wrap">
      <div class="table" role="table" aria-labelledby="result-title" tabindex="0">
        <div class="tbody" role="rowgroup">
          ${state.outcomes.map(
            (o) => html`<div class="tr" role="row">
              <span class="td" role="rowheader"><bdi>${mask(o.customer.name, 'name')}</bdi> <bdi class="hint">${o.customer.accountName}</bdi></span>
              <span class="td" role="cell"><span class=${o.status === 'issued' ? 'badge success' : 'badge danger'}>${outcomeText(o, context)}</span></span>
            </div>`,
          )}
        </div>
      </div>
    </div>
    <p part="error" role="alert">${state.failure ? context.errorText(state.failure) : ''}</p>
    <p id="retry-error" part="error">${retryError}</p>
    <div class="actions">
      <button type="button" @click=${() => flow.reset()}>${m.newIssue}</button>
      ${failed.length > 0 ? html`<button type="button" class="primary" aria-describedby="retry-error" @click=${context.send}>${m.retryFailed(failed.length)}</button>` : nothing}
    </div>
  </section>`;
}

function outcomeText(outcome: CustomerOutcome, { locale, vouchers }: OutcomeContext): string {
  const m = issueOutcomeMessages(locale);
  if (outcome.status === 'issued') return m.issuedAs(outcome.couponId);
  if (outcome.status === 'unreported') return m.unreported;
  const { reason, code, backendCode } = outcome.error;
  return `${vouchers.itemFailure(reason ?? code)}${backendCode ? ` (${backendCode})` : ''}`;
}
