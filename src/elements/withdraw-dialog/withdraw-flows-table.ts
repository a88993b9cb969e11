import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PlannedTake } from '../../core/withdraw/withdraw-plan.js';
import type { WithdrawForm } from '../../core/withdraw/withdraw-state.js';
import type { PayoutAccount } from '../../model/schemas/withdrawal.js';
import { formatMoney } from '../../core/money.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { withdrawContentsMessages } from '../../i18n/messages/withdraw-dialog-contents.js';

/** "中国工商银行 **** 6789", or the wallet's name for Alipay and WeChat Pay. */
export function accountLabel(account: PayoutAccount | undefined, locale: Locale): string {
  if (!account) return '—';
  const bank = account.type === 'bank' ? (account.bankName ?? '') : withdrawContentsMessages(locale).channel(account.type === 'alipay' ? 'alipay' : 'wechat');
  return `${bank} ${account.maskedNumber}`.trim();
}

/**
 * `message(...values)` with each value in its own `<bdi>`: a name written right to left, or one
 * carrying a direction override, cannot reorder the sentence or the account number around it.
 */
export function isolated(message: (...values: string[]) => string, ...values: string[]): TemplateResult {
  // Private-use marks stand in for the values: no message text contains them.
  const parts = message(...values.map((_, i) => `\uE000${i}\uE001`)).split(/\uE000(\d+)\uE001/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<bdi>${values[Number(part)]}</bdi>` : part))}`;
}

/**
 * The recharge flows of the original route, one grid for header and rows: what each still holds,
 * what the typed amount takes of it, its account, and under a flow the name-match rule blocks,
 * why. While picking, a checkbox a row.
 */
export function flowsTable({ overview, entries }: WithdrawForm, plan: readonly PlannedTake[], locale: Locale, togglePick: (flowId: string) => void): TemplateResult {
  const m = withdrawContentsMessages(locale);
  const money = (minor: number) => formatMoney(minor, locale, overview.currency);
  const takes = new Map(plan.map((take) => [take.flow.id, take]));
  const picking = entries.mode === 'pick';
  // Without a checkbox in it nothing inside takes focus, so the grid itself must, or a keyboard cannot scroll it.
  return html`<div class="table-wrap">
    <div part="flows" class=${picking ? 'table picking' : 'table'} role="table" aria-label=${m.flows} tabindex=${picking ? nothing : '0'}>
      <div class="thead" role="rowgroup">
        <div class="tr" role="row">
          ${picking ? html`<span class="th" role="columnheader"><span class="visually-hidden">${m.pick}</span></span>` : nothing}
          <span class="th" role="columnheader">${m.flowDate}</span>
          <span class="th" role="columnheader">${m.flowChannel}</span>
          <span class="th num" role="columnheader">${m.flowOriginal}</span>
          <span class="th num" role="columnheader">${m.flowLeft}</span>
          <span class="th" role="columnheader">${m.flowAccount}</span>
        </div>
      </div>
      <div class="tbody" role="rowgroup">
        ${overview.flows.map((flow) => {
          const take = takes.get(flow.id);
          const account = overview.accounts.find((a) => a.id === flow.accountId);
          const date = formatDate(flow.receivedAt, locale);
          const blocked = take?.blocked === true;
          const noteId = `note-${flow.id}`;
          return html`<div class=${blocked ? 'tr blocked' : 'tr'} role="row">
              ${picking
                ? html`<span class="td" role="cell"
                    ><label class="choice"
                      ><input type="checkbox" .checked=${live(entries.picked.includes(flow.id))} aria-label=${m.pickFlow(date, money(flow.withdrawableAmount))}
                        aria-describedby=${blocked ? noteId : nothing} @change=${() => togglePick(flow.id)} /></label
                  ></span>`
                : nothing}
              <span class="td" role="cell" data-label=${m.flowDate}>${date}</span>
              <span class="td" role="cell" data-label=${m.flowChannel}>${m.channel(flow.channel)}</span>
              <span class="td num" role="cell" data-label=${m.flowOriginal}>${money(flow.originalAmount)}</span>
              <span class="td num" role="cell" data-label=${m.flowLeft}
                >${money(flow.withdrawableAmount)}${take ? html`<span class="takes">${m.takes(money(take.amount))}</span>` : nothing}</span
              >
              <span class="td" role="cell" data-label=${m.flowAccount}><bdi>${accountLabel(account, locale)}</bdi></span>
            </div>
            ${blocked && account
              ? html`<div class="tr note" role="row">
                  <span class="td" role="cell" id=${noteId} part="error">${isolated(m.nameMismatch, overview.companyRealName, account.holderName)}</span>
                </div>`
              : nothing}`;
        })}
      </div>
    </div>
  </div>`;
}
