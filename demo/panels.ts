import { html, render } from 'lit';
import { $, api, t } from './context.js';
import type { CustomerMessage } from '../src/api/memory/index.js';

api.onCustomerOutbox(renderOutbox);

const PURPOSES: Record<CustomerMessage['purpose'], readonly [string, string]> = {
  registration: ['注册验证码', 'registration code'],
  'order-paid': ['伙伴已代为支付', 'the partner paid the order'],
  'order-again': ['请重新下单', 'order again'],
  'unbind-approved': ['解绑申请已同意', 'unbind request approved'],
  'unbind-rejected': ['解绑申请被拒绝', 'unbind request rejected'],
};

/** A customer's message as the backend recorded it: the code, or the notice's words. */
function describe(message: CustomerMessage) {
  const [zh, en] = PURPOSES[message.purpose];
  return html`${message.code ? html`<code class="code">${message.code}</code> ` : ''}${message.channel} → ${message.destination} · ${t(zh, en)}${message.text ? html` · “${message.text}”` : ''}`;
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
      ${api.customerOutbox.length === 0
        ? html`<p class="hint">${t('暂无。注册验证码、代支付与解绑结果通知会出现在这里。', 'Nothing yet. Registration codes and notices of payments and unbind decisions appear here.')}</p>`
        : html`<ul class="log">
            ${[...api.customerOutbox].reverse().map((m) => html`<li>${describe(m)} · ${m.sentAt}</li>`)}
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
