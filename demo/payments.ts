import { html, render } from 'lit';
import '../src/top-up-form.js';
import '../src/order-payment.js';
import type { OrderPayment } from '../src/order-payment.js';
import type { TopUpForm } from '../src/top-up-form.js';
import { formatMoney } from '../src/core/money.js';
import { $, api, t } from './context.js';

const last = { topUp: '', order: '' };
const money = (minor: number, currency: string) => formatMoney(minor, document.documentElement.lang, currency);

/** Plays the payer on the payment provider's side of the open online payment: the element polling it sees the outcome. */
function payerButtons() {
  const settle = (outcome: 'paid' | 'failed') => {
    const paymentId = api.payments.lastPaymentId();
    if (paymentId) api.settlePayment(paymentId, outcome);
  };
  return html`<div class="row">
    <button @click=${() => settle('paid')}>${t('付款人已支付', 'Payer pays')}</button>
    <button @click=${() => settle('failed')}>${t('付款人放弃', 'Payer gives up')}</button>
  </div>`;
}

/** Plays the bank and the reviewers: a pending transfer gets matched, the newest claim under review gets decided. */
function backOfficeButtons() {
  const review = async (outcome: 'approved' | 'rejected') => {
    const { items } = await api.listRemittanceClaims({ offset: 0, limit: 100 });
    const claim = items.find((c) => c.status === 'reviewing');
    if (claim) {
      api.reviewClaim(claim.id, outcome, outcome === 'rejected' ? t('转账凭证与汇款不符', 'The voucher does not match the remittance') : undefined);
      last.topUp = t(`认领 ${claim.id} 已${outcome === 'approved' ? '通过' : '驳回'}：切换到“线下汇款认领”查看。`, `Claim ${claim.id} ${outcome}: open "Claim a remittance" to see it.`);
    } else {
      last.topUp = t('没有审核中的认领。', 'No claim is under review.');
    }
    renderTopUpPayer();
  };
  const match = async () => {
    const { items } = await api.listRemittances({ status: 'pending', offset: 0, limit: 1 });
    const transfer = items[0];
    if (transfer) api.matchRemittance(transfer.id);
    last.topUp = transfer ? t(`转账 ${transfer.id} 已匹配。`, `Transfer ${transfer.id} matched.`) : t('没有待匹配的转账（先开通汇款账户）。', 'No pending transfer (enable the remittance account first).');
    renderTopUpPayer();
  };
  return html`<div class="row">
    <button @click=${() => void match()}>${t('银行匹配一笔转账', 'Bank matches a transfer')}</button>
    <button @click=${() => void review('approved')}>${t('审核通过最新认领', 'Approve the newest claim')}</button>
    <button @click=${() => void review('rejected')}>${t('驳回最新认领', 'Reject the newest claim')}</button>
  </div>`;
}

/** Under the top-up form: the payer's switch, the bank and reviewers' switches, and the last outcome. */
export function renderTopUpPayer(): void {
  render(
    html`<p class="hint">${t('模拟付款人：扫码后在支付应用中完成或放弃支付。', 'Play the payer: after scanning, finish or abandon the payment in the payment app.')}</p>
      ${payerButtons()}
      <p class="hint">${t('转账汇款与线下汇款认领：模拟银行与审核人员。', 'Bank transfer and claims: play the bank and the reviewers.')}</p>
      ${backOfficeButtons()}
      <p role="status">${last.topUp}</p>`,
    $('#top-up-payer'),
  );
}

/** Under the orders: the payer's switch for an online payment, the deadline rules and the last outcome. */
export function renderOrderPayer(): void {
  render(
    html`<p class="hint">${t(
        '第 4 笔订单的服务已开始，只能通知客户重新下单；第 5 笔超出可拨款余额，可先在“账户充值”中充值。在线支付时，用下面的按钮扮演付款人。',
        'The fourth order’s service has started: only "notify the customer" is left. The fifth exceeds the allocatable balance: top up in "Top up" first. For an online payment, play the payer below.',
      )}</p>
      ${payerButtons()}
      <label><input type="checkbox" @change=${(e: Event) => (api.payments.rules = { ...api.payments.rules, payBurst: (e.target as HTMLInputElement).checked ? 0 : 3 })} />
        ${t('后端限流每笔订单的支付（CBC.99008040）', 'The backend throttles paying an order (CBC.99008040)')}</label>
      <p role="status">${last.order}</p>`,
    $('#order-payer'),
  );
}

document.addEventListener('top-up-completed', (event) => {
  const { amount, balance, currency } = event.detail;
  last.topUp = t(`已充值 ${money(amount, currency)}，余额 ${money(balance, currency)}`, `Topped up ${money(amount, currency)}, balance ${money(balance, currency)}`);
  renderTopUpPayer();
  // New balances may lift the block of an order the allocatable balance did not cover.
  void $<OrderPayment>('#order-payment').refresh();
});

document.addEventListener('order-paid', (event) => {
  const { orderId, amount, currency } = event.detail;
  last.order = t(`已代支付 ${orderId}：${money(amount, currency)}`, `Paid ${orderId}: ${money(amount, currency)}`);
  renderOrderPayer();
});

// The orders ask for a top-up of what is missing: the page's own top-up form is where it is done.
document.addEventListener('top-up-requested', (event) => {
  const form = $<TopUpForm>('#top-up');
  form.scrollIntoView({ behavior: 'smooth', block: 'center' });
  last.order = t(`还差 ${money(event.detail.shortfall, event.detail.currency)}，请在“账户充值”中充值。`, `${money(event.detail.shortfall, event.detail.currency)} short: top up in "Top up".`);
  renderOrderPayer();
});
