import { html, render } from 'lit';
import '../src/partner-kit-provider.js';
import '../src/masked-field.js';
import '../src/verification-code-modal.js';
import '../src/withdraw-dialog.js';
import '../src/voucher-issue-form.js';
import '../src/issued-voucher-list.js';
import '../src/voucher-records.js';
import '../src/invite-table.js';
import '../src/customer-report-form.js';
import '../src/invitation-link.js';
import '../src/top-up-form.js';
import type { IssuedVoucherList } from '../src/issued-voucher-list.js';
import type { VoucherRecords } from '../src/voucher-records.js';
import type { WithdrawDialog } from '../src/withdraw-dialog.js';
import type { VerificationCodeModal } from '../src/verification-code-modal.js';
import { formatMoney } from '../src/core/money.js';
import type { PartnerKitProvider } from '../src/partner-kit-provider.js';
import type { ApiOperation } from '../src/api/adapter.js';
import { REFUSALS, createMemoryAdapter } from '../src/api/memory/index.js';
import { DEMO_MOBILES } from '../src/api/memory/reporting.js';
import type { FaultKind, FaultSpec, Refusal } from '../src/api/memory/index.js';
import { mask } from '../src/core/masks.js';
import { themePresets, type ThemePresetName } from '../src/themes/index.js';
import type { Customer } from '../src/model/schemas/customers.js';
import { KitError } from '../src/model/errors.js';

/**
 * The QA page: one in-memory backend shared by every element through the provider, with switches
 * for locale, theme, latency and planned faults, and panels for what the backend "sent" and audited.
 */
// A large invitation list, as a big partner has: the table pages it through the adapter.
const api = createMemoryAdapter({ latencyMs: 400, invitationCount: 20_000, rateLimitPerSecond: 10 });
const kit = document.querySelector('#kit') as PartnerKitProvider;
kit.api = api;

const OPERATIONS: ApiOperation[] = [
  'revealField',
  'sendVerificationCode',
  'checkVerificationCode',
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
];
const FAULTS: FaultKind[] = ['rate-limited', 'server', 'timeout', 'malformed', 'tenant-mismatch', 'offline'];
const scenario = { operation: 'revealField' as ApiOperation, fault: 'none' as FaultKind | Refusal | 'none', times: 1, afterEffect: false };

/** The refusals the chosen operation's rules can give although the client's checks passed. */
const refusalsOf = (operation: ApiOperation): readonly Refusal[] => (REFUSALS as Partial<Record<ApiOperation, readonly Refusal[]>>)[operation] ?? [];

const t = (zh: string, en: string) => (document.documentElement.lang.startsWith('zh') ? zh : en);

function setLocale(locale: 'zh-CN' | 'en-US') {
  document.documentElement.lang = locale;
  kit.locale = locale;
  renderAll();
}

const look = { preset: 'kit' as ThemePresetName, dark: false };

/** The provider takes a preset and a mode in one attribute, e.g. `theme="ant-design dark"`. */
function applyLook() {
  const mode = look.dark ? 'dark' : 'light';
  kit.theme = look.preset === 'kit' ? mode : `${look.preset} ${mode}`;
  document.documentElement.classList.toggle('dark', look.dark);
}

function renderControls() {
  render(
    html`<label>${t('语言', 'Language')}
        <select @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value as 'zh-CN' | 'en-US')}>
          <option value="zh-CN" ?selected=${document.documentElement.lang === 'zh-CN'}>中文</option>
          <option value="en-US" ?selected=${document.documentElement.lang === 'en-US'}>English</option>
        </select></label
      >
      <label>${t('主题', 'Theme')}
        <select @change=${(e: Event) => {
          look.preset = (e.target as HTMLSelectElement).value as ThemePresetName;
          applyLook();
        }}>
          ${themePresets.map(({ name }) => html`<option ?selected=${name === look.preset}>${name}</option>`)}
        </select></label
      >
      <label><input type="checkbox" .checked=${look.dark} @change=${(e: Event) => {
        look.dark = (e.target as HTMLInputElement).checked;
        applyLook();
      }} /> ${t('深色', 'Dark')}</label>
      <label>${t('延迟', 'Latency')} (ms)
        <input type="number" min="0" step="100" .value=${String(api.latencyMs)} class="narrow"
          @change=${(e: Event) => (api.latencyMs = Number((e.target as HTMLInputElement).value) || 0)} /></label>`,
    document.querySelector('#controls') as HTMLElement,
  );
}

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

/** Every keyed call (money-moving or sending), for the one-click "the backend acted, then the answer was lost" scenario. */
const MONEY_FLOWS: [ApiOperation, string, string][] = [
  ['withdraw', '提现', 'Withdraw'],
  ['issueCoupons', '发券', 'Issue'],
  ['reclaimCoupon', '回收', 'Reclaim'],
  ['resendInvitation', '重发邀请', 'Resend'],
  ['reportCustomer', '报备客户', 'Report'],
  ['regenerateInvitationLink', '重新生成链接', 'Regenerate link'],
  ['revokeInvitationLink', '撤销链接', 'Revoke link'],
];

function timeoutAfterEffect(operation: ApiOperation) {
  Object.assign(scenario, { operation, fault: 'timeout', times: 1, afterEffect: true });
  applyScenario();
}

function chooseOperation(operation: ApiOperation) {
  scenario.operation = operation;
  if (!FAULTS.some((f) => f === scenario.fault) && !refusalsOf(operation).some((r) => r === scenario.fault)) scenario.fault = 'none';
  renderFaults();
}

function renderFaults() {
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
    document.querySelector('#faults') as HTMLElement,
  );
}

const verification = { enabled: true, result: '' };

/** Asks the modal to confirm `purpose`, as a money flow does before its money-moving call. */
async function verify(purpose: string, action: string) {
  const modal = document.querySelector('#verify-modal') as VerificationCodeModal;
  try {
    const ticket = await modal.confirm({ purpose, action });
    verification.result = ticket
      ? t(`已验证：凭证有效至 ${new Date(ticket.expiresAt).toLocaleTimeString()}`, `Verified: ticket valid until ${new Date(ticket.expiresAt).toLocaleTimeString()}`)
      : t('策略未要求验证，直接继续。', 'The policy asks for no code: carried on without one.');
  } catch (error) {
    verification.result = error instanceof KitError ? `${error.code}${error.reason ? ` (${error.reason})` : ''}` : String(error);
  }
  renderVerify();
}

function renderVerify() {
  const amount = formatMoney(120_000, document.documentElement.lang, 'CNY');
  render(
    html`<p class="hint">${t(
        '提现始终需要验证码；发券、回收是否需要由伙伴的验证策略决定。验证码会出现在右侧发件箱中。',
        'Withdrawal always needs a code; issuing and reclaiming need one when the partner’s policy says so. Codes appear in the outbox.',
      )}</p>
      <div class="row">
        <button @click=${() => verify('withdraw', t(`确认提现 ${amount}`, `Confirm withdrawal of ${amount}`))}>${t('确认提现', 'Confirm a withdrawal')}</button>
        <button @click=${() => verify('issue-coupon', t('确认向 3 位客户发放代金券', 'Confirm issuing vouchers to 3 customers'))}>${t('确认发券', 'Confirm issuing vouchers')}</button>
        <label><input type="checkbox" .checked=${verification.enabled} @change=${(e: Event) => {
          verification.enabled = (e.target as HTMLInputElement).checked;
          api.setVerification({ enabled: verification.enabled });
        }} /> ${t('启用验证码策略', 'Verification policy on')}</label>
      </div>
      <p role="status">${verification.result}</p>`,
    document.querySelector('#verify') as HTMLElement,
  );
}

function renderOutbox() {
  render(
    api.outbox.length === 0
      ? html`<p class="hint">${t('暂无。验证码会出现在这里。', 'Nothing yet. Codes appear here.')}</p>`
      : html`<ul class="log">
          ${[...api.outbox].reverse().map((m) => html`<li><code class="code">${m.code}</code> · ${m.channel} → ${m.destination} · ${m.purpose} · ${m.sentAt}</li>`)}
        </ul>`,
    document.querySelector('#outbox') as HTMLElement,
  );
}

function renderAudit() {
  render(
    api.auditLog.length === 0
      ? html`<p class="hint">${t('每次查看完整信息都会记录在此。', 'Every reveal is recorded here.')}</p>`
      : html`<ul class="log">${[...api.auditLog].reverse().map((a) => html`<li>${a.at} · ${a.resource} ${a.id} · ${a.field}</li>`)}</ul>`,
    document.querySelector('#audit') as HTMLElement,
  );
}

const withdrawal = { last: '' };

function renderWithdraw() {
  const dialog = document.querySelector('#withdraw-dialog') as WithdrawDialog;
  render(
    html`<p class="hint">${t(
        '首次提现到工商银行账户会先要求补充开户支行；交易模式转换的流水只能退回到户名与公司实名一致的账户。',
        'The first withdrawal to the ICBC account asks for its opening branch; transaction-mode conversion money may only go to an account in the company’s verified name.',
      )}</p>
      <div class="row"><button @click=${() => dialog.show()}>${t('提现', 'Withdraw')}</button></div>
      <p role="status">${withdrawal.last}</p>`,
    document.querySelector('#withdraw') as HTMLElement,
  );
}

document.addEventListener('withdrawal-submitted', (event) => {
  const { referenceId, amount, currency } = event.detail;
  withdrawal.last = t(`已提交 ${referenceId}：${formatMoney(amount, 'zh-CN', currency)}`, `Submitted ${referenceId}: ${formatMoney(amount, 'en-US', currency)}`);
  renderWithdraw();
});

// Issuing and reclaiming change the list and the records: show them fresh.
for (const type of ['voucher-issued', 'voucher-reclaimed'] as const) {
  document.addEventListener(type, () => {
    void (document.querySelector('#issued-list') as IssuedVoucherList).refresh();
    void (document.querySelector('#records') as VoucherRecords).refresh();
  });
}

const topUp = { last: '' };

/** Plays the payer on the payment provider's side: the form polls and sees it. */
function renderTopUpPayer() {
  const settle = (outcome: 'paid' | 'failed') => {
    const paymentId = api.payments.lastPaymentId();
    if (paymentId) api.settlePayment(paymentId, outcome);
  };
  render(
    html`<p class="hint">${t('模拟付款人：扫码后在支付应用中完成或放弃支付。', 'Play the payer: after scanning, finish or abandon the payment in the payment app.')}</p>
      <div class="row">
        <button @click=${() => settle('paid')}>${t('付款人已支付', 'Payer pays')}</button>
        <button @click=${() => settle('failed')}>${t('付款人放弃', 'Payer gives up')}</button>
      </div>
      <p role="status">${topUp.last}</p>`,
    document.querySelector('#top-up-payer') as HTMLElement,
  );
}

document.addEventListener('top-up-completed', (event) => {
  const { amount, balance, currency } = event.detail;
  topUp.last = t(`已充值 ${formatMoney(amount, 'zh-CN', currency)}，余额 ${formatMoney(balance, 'zh-CN', currency)}`, `Topped up ${formatMoney(amount, 'en-US', currency)}, balance ${formatMoney(balance, 'en-US', currency)}`);
  renderTopUpPayer();
});

let customers: Customer[] = [];

function renderCustomers() {
  (document.querySelector('#customers-hint') as HTMLElement).textContent = t(
    '姓名、手机号与邮箱默认隐藏；点击眼睛按钮经后端获取并审计完整信息。',
    'Name, mobile and e-mail are hidden by default; the eye button fetches the full value through the backend, which audits it.',
  );
  render(
    html`<table>
      <thead>
        <tr>
          <th scope="col">${t('账号', 'Account')}</th>
          <th scope="col">${t('客户名称', 'Customer name')}</th>
          <th scope="col">${t('手机号', 'Mobile')}</th>
          <th scope="col">${t('邮箱', 'E-mail')}</th>
        </tr>
      </thead>
      <tbody>
        ${customers.map(
          (c) => html`<tr>
            <td>${c.accountName}</td>
            <td><masked-field kind="name" masked=${mask(c.name, 'name')} reveal-resource="customer" reveal-id=${c.id} auto-hide="15"></masked-field></td>
            <td>${c.mobile
              ? html`<masked-field kind="mobile" masked=${mask(c.mobile, 'mobile')} reveal-resource="customer" reveal-id=${c.id} copyable></masked-field>`
              : '—'}</td>
            <td>${c.email ? html`<masked-field kind="email" masked=${mask(c.email, 'email')} reveal-resource="customer" reveal-id=${c.id}></masked-field>` : '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>`,
    document.querySelector('#customers') as HTMLElement,
  );
}

function renderHeadings() {
  const headings: [string, string, string][] = [
    ['#verify-title', '验证码确认', 'Verification code'],
    ['#withdraw-title', '提现', 'Withdrawal'],
    ['#issue-title', '发放代金券', 'Issue vouchers'],
    ['#report-title', '报备客户（在线邀请）', 'Report customers (online invitation)'],
    [
      '#report-hint',
      `演示后端的账号规则：手机号尾号 9 有两个账号（如 ${DEMO_MOBILES.twoAccounts}），尾号 0 没有账号，尾号 8888 已被华为报备，其余一个账号。新邀请会自动出现在下方的已邀请客户表中。`,
      `Demo accounts: a mobile ending in 9 has two accounts (e.g. ${DEMO_MOBILES.twoAccounts}), in 0 none, in 8888 already reported by Huawei, any other one. New invitations show in the invited-customers table below by themselves.`,
    ],
    ['#link-title', '线下邀请链接', 'Offline invitation link'],
    ['#link-hint', '用手机扫描二维码打开的正是上方显示的链接；重新生成或撤销后旧链接失效。', 'Scanning the QR code opens exactly the link shown; after a regenerate or revoke the old link stops working.'],
    ['#invites-title', '已邀请的客户', 'Invited customers'],
    ['#invites-hint', '后端限流 10 次/秒：批量重发会因 429 放慢，但不会失败或重复发送。', 'The backend allows 10 requests/s: a batch resend slows down on 429, never fails or sends twice.'],
    ['#issued-title', '已发放的券', 'Issued vouchers'],
    ['#records-title', '发放与回收记录', 'Issue and reclaim records'],
    ['#customers-title', '客户列表', 'Customers'],
    ['#top-up-title', '账户充值', 'Top up'],
    ['#faults-title', '场景（故障注入）', 'Scenario (fault injection)'],
    ['#outbox-title', '发件箱（已"发送"的验证码）', 'Outbox (codes "sent")'],
    ['#audit-title', '查看审计日志', 'Reveal audit log'],
  ];
  for (const [selector, zh, en] of headings) (document.querySelector(selector) as HTMLElement).textContent = t(zh, en);
  render(
    html`${t('伙伴中心', 'Partner Center')} <small>partner-kit demo · ${t('内存后端', 'in-memory backend')}</small>`,
    document.querySelector('#title') as HTMLElement,
  );
}

function renderAll() {
  renderHeadings();
  renderControls();
  renderFaults();
  renderVerify();
  renderWithdraw();
  renderCustomers();
  renderTopUpPayer();
  renderOutbox();
  renderAudit();
}

api.onOutbox(renderOutbox);
document.addEventListener('masked-field-revealed', renderAudit);
api.latencyMs = 0;
customers = (await api.searchCustomers({ offset: 0, limit: 12 })).items;
api.latencyMs = 400;
renderAll();
