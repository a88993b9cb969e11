import { html, render } from 'lit';
// First: the provider holds the backend before any element asks it for one.
import { $, api, kit, t } from './context.js';
import '../src/masked-field.js';
import '../src/verification-code-modal.js';
import '../src/withdraw-dialog.js';
import '../src/voucher-issue-form.js';
import '../src/issued-voucher-list.js';
import '../src/voucher-records.js';
import '../src/invite-table.js';
import '../src/customer-report-form.js';
import '../src/invitation-link.js';
import type { IssuedVoucherList } from '../src/issued-voucher-list.js';
import type { VoucherRecords } from '../src/voucher-records.js';
import type { WithdrawDialog } from '../src/withdraw-dialog.js';
import type { VerificationCodeModal } from '../src/verification-code-modal.js';
import { formatMoney } from '../src/core/money.js';
import { DEMO_MOBILES } from '../src/api/memory/reporting.js';
import { mask } from '../src/core/masks.js';
import { themePresets, type ThemePresetName } from '../src/themes/index.js';
import type { Customer } from '../src/model/schemas/customers.js';
import { KitError } from '../src/model/errors.js';
import { renderFaults } from './faults.js';
import { renderAudit, renderOutbox } from './panels.js';
import { renderOrderPayer, renderTopUpPayer } from './payments.js';
import { renderCreateCustomerHint, renderUnbindRequestsHint } from './customers.js';

/**
 * The QA page: one in-memory backend shared by every element through the provider, with switches
 * for locale, theme, latency and planned faults, and panels for what the backend "sent" and audited.
 */

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
    $('#controls'),
  );
}

const verification = { enabled: true, result: '' };

/** Asks the modal to confirm `purpose`, as a money flow does before its money-moving call. */
async function verify(purpose: string, action: string) {
  const modal = $<VerificationCodeModal>('#verify-modal');
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
        '提现始终需要验证码；发券、回收、代支付与解绑是否需要由伙伴的验证策略决定。验证码会出现在右侧发件箱中。',
        'Withdrawal always needs a code; issuing, reclaiming, paying orders and unbinding need one when the partner’s policy says so. Codes appear in the outbox.',
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
    $('#verify'),
  );
}

const withdrawal = { last: '' };

function renderWithdraw() {
  const dialog = $<WithdrawDialog>('#withdraw-dialog');
  render(
    html`<p class="hint">${t(
        '首次提现到工商银行账户会先要求补充开户支行；交易模式转换的流水只能退回到户名与公司实名一致的账户。',
        'The first withdrawal to the ICBC account asks for its opening branch; transaction-mode conversion money may only go to an account in the company’s verified name.',
      )}</p>
      <div class="row"><button @click=${() => dialog.show()}>${t('提现', 'Withdraw')}</button></div>
      <p role="status">${withdrawal.last}</p>`,
    $('#withdraw'),
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
    void $<IssuedVoucherList>('#issued-list').refresh();
    void $<VoucherRecords>('#records').refresh();
  });
}

let customers: Customer[] = [];

function renderCustomers() {
  $('#customers-hint').textContent = t(
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
    $('#customers'),
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
    ['#customers-title', '客户信息（脱敏字段）', 'Customer details (masked fields)'],
    ['#create-customer-title', '代客户创建账号', 'Create a customer account'],
    ['#customer-list-title', '我的客户', 'My customers'],
    ['#unbind-requests-title', '客户解绑申请', 'Unbind requests from customers'],
    ['#order-payment-title', '代客户支付订单', 'Pay customers’ orders'],
    ['#top-up-title', '账户充值', 'Top up'],
    ['#faults-title', '场景（故障注入）', 'Scenario (fault injection)'],
    ['#outbox-title', '发件箱（已“发送”的验证码与通知）', 'Outbox (codes and notices "sent")'],
    ['#audit-title', '查看审计日志', 'Reveal audit log'],
  ];
  for (const [selector, zh, en] of headings) $(selector).textContent = t(zh, en);
  render(html`${t('伙伴中心', 'Partner Center')} <small>partner-kit demo · ${t('内存后端', 'in-memory backend')}</small>`, $('#title'));
}

function renderAll() {
  renderHeadings();
  renderControls();
  renderFaults();
  renderVerify();
  renderWithdraw();
  renderCustomers();
  renderCreateCustomerHint();
  renderUnbindRequestsHint();
  renderOrderPayer();
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
