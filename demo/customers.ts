import { html, render } from 'lit';
import '../src/customer-create-form.js';
import '../src/customer-list.js';
import '../src/unbind-requests.js';
import type { CustomerList } from '../src/customer-list.js';
import type { UnbindRequests } from '../src/unbind-requests.js';
import { CAPPED_MOBILE, REPORTED_MOBILE } from '../src/api/memory/customer-accounts.js';
import { $, api, t } from './context.js';

const last = { created: '', unbind: '' };

/** Above the create form: the demo backend's rules for names, mobiles and the restricted partner. */
export function renderCreateCustomerHint(): void {
  render(
    html`<p class="hint">${t(
        `演示后端：已有客户的账号名与邮箱视为已占用；手机号 ${CAPPED_MOBILE} 已达注册上限，${REPORTED_MOBILE} 已被华为报备。填写手机号时，注册验证码出现在发件箱“发给客户”中。`,
        `Demo backend: existing customers’ account names and e-mails are taken; mobile ${CAPPED_MOBILE} is over its registration cap and ${REPORTED_MOBILE} was reported by Huawei. With a mobile, the registration code appears in the outbox under "To customers".`,
      )}</p>
      <label><input type="checkbox" @change=${(e: Event) => api.setPartnerRestricted((e.target as HTMLInputElement).checked)} />
        ${t('伙伴受限（CBC.50010085）', 'Partner restricted (CBC.50010085)')}</label>
      <p role="status">${last.created}</p>`,
    $('#create-customer-hint'),
  );
}

/** Above the unbind requests: what the customer can do from its side. */
export function renderUnbindRequestsHint(): void {
  const withdrawOldest = async () => {
    const pending = await api.listUnbindRequests({ offset: 0, limit: 1, status: 'pending' });
    const request = pending.items[0];
    if (!request) return;
    api.withdrawUnbindRequest(request.id);
    last.unbind = t(`客户已撤回 ${request.id}`, `The customer withdrew ${request.id}`);
    renderUnbindRequestsHint();
    await $<UnbindRequests>('#unbind-requests').refresh();
  };
  render(
    html`<p class="hint">${t('客户用短信验证码提交解绑申请，伙伴稍后处理；处理结果会通知客户（见发件箱）。', 'Customers apply with an SMS code; the partner decides later, and the customer is told (see the outbox).')}</p>
      <div class="row"><button @click=${() => void withdrawOldest()}>${t('客户撤回最早的待处理申请', 'The customer withdraws the oldest pending request')}</button></div>
      <p role="status">${last.unbind}</p>`,
    $('#unbind-requests-hint'),
  );
}

const refreshCustomers = () => void $<CustomerList>('#customer-list').refresh();

document.addEventListener('customer-created', (event) => {
  last.created = t(`已创建 ${event.detail.accountName}，关联处理中`, `Created ${event.detail.accountName}, association pending`);
  renderCreateCustomerHint();
});
document.addEventListener('customer-associated', (event) => {
  last.created = t(`${event.detail.accountName} 已关联`, `${event.detail.accountName} is associated`);
  renderCreateCustomerHint();
  refreshCustomers();
});
// An unbinding from either side takes the customer off the list.
document.addEventListener('unbind-request-approved', refreshCustomers);
document.addEventListener('customer-unbind-requested', () => void $<UnbindRequests>('#unbind-requests').refresh());
