import { html, render } from 'lit';
import type { ApiOperation } from '../src/api/adapter.js';
import { REFUSALS, type FaultKind, type FaultSpec, type Refusal } from '../src/api/memory/index.js';
import { $, api, t } from './context.js';

/** Every operation the page's elements call, in the order of the page's sections. */
const OPERATIONS: ApiOperation[] = [
  'revealField',
  'getVerificationPolicy',
  'sendVerificationCode',
  'checkVerificationCode',
  'lookupIntent',
  'listQuotas',
  'searchCustomers',
  'issueCoupons',
  'listIssuedCoupons',
  'listCouponRecords',
  'reclaimCoupon',
  'withdraw',
  'getWithdrawalOverview',
  'listInvitations',
  'resendInvitation',
  'lookupCustomerAccounts',
  'reportCustomer',
  'previewInvitationEmail',
  'openInvitationLink',
  'regenerateInvitationLink',
  'revokeInvitationLink',
  'createTopUp',
  'getPaymentStatus',
  'getOrderPaymentOverview',
  'payOrder',
  'rejectOrder',
  'notifyOrderCustomer',
  'checkCustomerIdentity',
  'sendRegistrationCode',
  'createCustomer',
  'listSubCustomers',
  'previewUnbind',
  'unbindCustomer',
  'listUnbindRequests',
  'approveUnbindRequest',
  'rejectUnbindRequest',
  'getRemittanceAccount',
  'enableRemittanceAccount',
  'sendRemittanceDetails',
  'getRemittanceProof',
  'saveRemittancePayers',
  'listRemittances',
  'searchUnclaimedRemittances',
  'claimRemittance',
  'listRemittanceClaims',
];
const FAULTS: FaultKind[] = ['rate-limited', 'server', 'timeout', 'malformed', 'tenant-mismatch', 'offline'];
const scenario = { operation: 'revealField' as ApiOperation, fault: 'none' as FaultKind | Refusal | 'none', times: 1, afterEffect: false };

/** The refusals the chosen operation's rules can give although the client's checks passed. */
const refusalsOf = (operation: ApiOperation): readonly Refusal[] => (REFUSALS as Partial<Record<ApiOperation, readonly Refusal[]>>)[operation] ?? [];

/** Every keyed call (money-moving or sending), for the one-click "the backend acted, then the answer was lost" scenario. */
const MONEY_FLOWS: [ApiOperation, string, string][] = [
  ['withdraw', '提现', 'Withdraw'],
  ['issueCoupons', '发券', 'Issue'],
  ['reclaimCoupon', '回收', 'Reclaim'],
  ['resendInvitation', '重发邀请', 'Resend'],
  ['reportCustomer', '报备客户', 'Report'],
  ['regenerateInvitationLink', '重新生成链接', 'Regenerate link'],
  ['revokeInvitationLink', '撤销链接', 'Revoke link'],
  ['payOrder', '代支付', 'Pay an order'],
  ['rejectOrder', '拒绝代支付', 'Reject an order'],
  ['notifyOrderCustomer', '通知客户', 'Notify a customer'],
  ['createCustomer', '创建客户', 'Create a customer'],
  ['unbindCustomer', '解除关联', 'Unbind'],
  ['approveUnbindRequest', '同意解绑', 'Approve unbinding'],
  ['rejectUnbindRequest', '拒绝解绑', 'Reject unbinding'],
  ['enableRemittanceAccount', '开通汇款账户', 'Enable the remittance account'],
  ['sendRemittanceDetails', '短信发送账户信息', 'Text the account details'],
  ['claimRemittance', '认领汇款', 'Claim a remittance'],
];

function plannedFault(fault: FaultKind | Refusal): FaultSpec {
  const times = scenario.times ? { times: scenario.times } : {};
  const refusal = refusalsOf(scenario.operation).find((r) => r === fault);
  return refusal
    ? { kind: 'refused', refusal, ...times }
    : { kind: fault as FaultKind, ...times, retryAfterSeconds: 3, afterEffect: scenario.afterEffect };
}

function applyScenario() {
  api.setFaults(scenario.fault === 'none' ? {} : { [scenario.operation]: plannedFault(scenario.fault) });
  renderFaults();
}

function timeoutAfterEffect(operation: ApiOperation) {
  Object.assign(scenario, { operation, fault: 'timeout', times: 1, afterEffect: true });
  applyScenario();
}

function chooseOperation(operation: ApiOperation) {
  scenario.operation = operation;
  if (!FAULTS.some((f) => f === scenario.fault) && !refusalsOf(operation).some((r) => r === scenario.fault)) scenario.fault = 'none';
  renderFaults();
}

/** The fault switch: one planned fault (or refusal) on one operation, for the next calls. */
export function renderFaults(): void {
  render(
    html`<div class="row">
        <label>${t('接口', 'Operation')}
          <select @change=${(e: Event) => chooseOperation((e.target as HTMLSelectElement).value as ApiOperation)}>
            ${OPERATIONS.map((op) => html`<option ?selected=${op === scenario.operation}>${op}</option>`)}
          </select></label
        >
        <label>${t('故障', 'Fault')}
          <select @change=${(e: Event) => (scenario.fault = (e.target as HTMLSelectElement).value as FaultKind | Refusal | 'none')}>
            <option value="none" ?selected=${scenario.fault === 'none'}>${t('无', 'none')}</option>
            <optgroup label=${t('传输', 'transport')}>
              ${FAULTS.map((f) => html`<option ?selected=${f === scenario.fault}>${f}</option>`)}
            </optgroup>
            ${refusalsOf(scenario.operation).length === 0
              ? ''
              : html`<optgroup label=${t('后端拒绝（客户端已放行）', 'refused by the backend (the client allowed it)')}>
                  ${refusalsOf(scenario.operation).map((r) => html`<option ?selected=${r === scenario.fault}>${r}</option>`)}
                </optgroup>`}
          </select></label
        >
        <label>${t('次数', 'Times')} (0 = ${t('一直', 'always')})
          <input type="number" min="0" .value=${String(scenario.times)} class="tiny"
            @change=${(e: Event) => (scenario.times = Number((e.target as HTMLInputElement).value))} /></label>
        <label><input type="checkbox" .checked=${scenario.afterEffect}
          @change=${(e: Event) => (scenario.afterEffect = (e.target as HTMLInputElement).checked)} /> ${t('超时前已生效', 'timeout after effect')}</label>
        <button @click=${applyScenario}>${t('应用', 'Apply')}</button>
      </div>
      <p class="hint">${t('一键：后端已执行、但响应超时（下一次调用）', 'One click: the backend acted, then the answer timed out (next call)')}</p>
      <div class="presets">
        ${MONEY_FLOWS.map(([operation, zh, en]) => html`<button @click=${() => timeoutAfterEffect(operation)}>${t(zh, en)}</button>`)}
      </div>
      <p class="hint">${t('当前', 'Active')}: ${scenario.fault === 'none' ? t('无故障', 'no faults') : `${scenario.operation} → ${scenario.fault}`}</p>`,
    $('#faults'),
  );
}
