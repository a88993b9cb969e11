import { html, render } from 'lit';
import { $, api, t } from './context.js';
import { recordCustomerMessages, type CustomerMessage } from './customer-messages.js';

const customerMessages = recordCustomerMessages(api, renderOutbox);

function describe(message: CustomerMessage) {
  switch (message.kind) {
    case 'registration-code':
      return html`<code class="code">${message.code}</code> · sms → ${message.to} · ${t('注册验证码', 'registration code')}`;
    case 'order-paid':
      return html`${t('邮件+短信', 'e-mail + SMS')} → ${t('订单', 'order')} ${message.to} · ${t('伙伴已代为支付', 'the partner paid it for you')}`;
    case 'order-again':
      return html`${t('通知', 'notice')} → ${t('订单', 'order')} ${message.to} · ${t('服务开始时间已过，请重新下单', 'the service start passed: please order again')}`;
    case 'unbind-approved':
      return html`${t('通知', 'notice')} → ${message.to} · ${t('解绑申请已同意', 'your unbind request was approved')}`;
    case 'unbind-rejected':
      return html`${t('通知', 'notice')} → ${message.to} · ${t('解绑申请被拒绝', 'your unbind request was rejected')}: ${message.reason}`;
  }
}

/** The outbox: codes "sent" to the partner, then what customers were told, newest first. */
export function renderOutbox(): void {
  const codes = api.outbox;
  render(
    html`<h3 class="sub">${t('发给伙伴', 'To the partner')}</h3>
      ${codes.length === 0
        ? html`<p class="hint">${t('暂无。验证码会出现在这里。', 'Nothing yet. Codes appear here.')}</p>`
        : html`<ul class="log">
            ${[...codes].reverse().map((m) => html`<li><code class="code">${m.code}</code>${m.text ? ` ${m.text}` : ''} · ${m.channel} → ${m.destination} · ${m.purpose} · ${m.sentAt}</li>`)}
          </ul>`}
      <h3 class="sub">${t('发给客户', 'To customers')}</h3>
      ${customerMessages.length === 0
        ? html`<p class="hint">${t('暂无。注册验证码、代支付与解绑结果通知会出现在这里。', 'Nothing yet. Registration codes and notices of payments and unbind decisions appear here.')}</p>`
        : html`<ul class="log">
            ${[...customerMessages].reverse().map((m) => html`<li>${describe(m)} · ${m.at}</li>`)}
          </ul>`}`,
    $('#outbox'),
  );
}

/** Every reveal of a masked value, as the backend audited it. */
export function renderAudit(): void {
  render(
    api.auditLog.length === 0
      ? html`<p class="hint">${t('每次查看完整信息都会记录在此。', 'Every reveal is recorded here.')}</p>`
      : html`<ul class="log">${[...api.auditLog].reverse().map((a) => html`<li>${a.at} · ${a.resource} ${a.id} · ${a.field}</li>`)}</ul>`,
    $('#audit'),
  );
}
