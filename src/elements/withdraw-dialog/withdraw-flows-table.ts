import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PlannedTake } from '../../core/withdraw/withdraw-plan.js';
import type { WithdrawForm } from '../../core/withdraw/withdraw-state.js';
import type { PayoutAccount } from '../../model/schemas/withdrawal.js';
import { formatMoney } from '../../core/money.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { withdrawMessages } from '../../i18n/messages/withdraw-dialog.js';

/** "中国工商银行 **** 6789", or the wallet's name for Alipay and WeChat Pay. */
export function accountLabel(account: PayoutAccount | undefined, locale: Locale): string {
  if (!account) return '—';
  const bank = account.type === 'bank' ? (account.bankName ?? '') : withdrawMessages(locale).channel(account.type === 'alipay' ? 'alipay' : 'wechat');
  return `${bank} ${account.maskedNumber}`.trim();
}

/**
 * The recharge flows of the original route: what each still holds, what the amount takes of it,
 * its account, and under a flow the name-match rule blocks, why. While picking, a checkbox a row.
 */
export function flowsTable({ overview, entries }: WithdrawForm, plan: readonly PlannedTake[], locale: Locale, togglePick: (flowId: string) => void): TemplateResult {
  const m = withdrawMessages(locale);
  const money = (minor: number) => formatMoney(minor, locale, overview.currency);
  const takes = new Map(plan.map((take) => [take.flow.id, take]));
  const picking = entries.mode === 'pick';
  return html`<div class="table-wrap">
    <table part="flows">
      <caption class="visually-hidden">${m.flows}</caption>
      <thead>
        <tr>
          ${picking ? html`<th scope="col"><span class="visually-hidden">${m.pick}</span></th>` : nothing}
          <th scope="col">${m.flowDate}</th>
          <th scope="col">${m.flowChannel}</th>
          <th scope="col" class="num">${m.flowOriginal}</th>
          <th scope="col" class="num">${m.flowLeft}</th>
          <th scope="col">${m.flowAccount}</th>
        </tr>
      </thead>
      <tbody>
        ${overview.flows.map((flow) => {
          const take = takes.get(flow.id);
          const account = overview.accounts.find((a) => a.id === flow.accountId);
          const date = formatDate(flow.receivedAt, locale);
          const blocked = take?.blocked === true;
          const noteId = `note-${flow.id}`;
          return html`<tr class=${blocked ? 'blocked' : ''}>
              ${picking
                ? html`<td><input type="checkbox" .checked=${live(entries.picked.includes(flow.id))} aria-label=${m.pickFlow(date, money(flow.withdrawableAmount))}
                    aria-describedby=${blocked ? noteId : nothing} @change=${() => togglePick(flow.id)} /></td>`
                : nothing}
              <td>${date}</td>
              <td>${m.channel(flow.channel)}</td>
              <td class="num">${money(flow.originalAmount)}</td>
              <td class="num">${money(flow.withdrawableAmount)}${take ? html`<div class="takes">${m.takes(money(take.amount))}</div>` : nothing}</td>
              <td>${accountLabel(account, locale)}</td>
            </tr>
            ${blocked && account
              ? html`<tr class="note">
                  <td colspan=${picking ? 6 : 5} id=${noteId} part="error">${m.nameMismatch(overview.companyRealName, account.holderName)}</td>
                </tr>`
              : nothing}`;
        })}
      </tbody>
    </table>
  </div>`;
}
