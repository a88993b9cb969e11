import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, css, html } from 'lit';
import '../src/masked-field.js';
import { badges, dialogBase, fields, pager, states, table } from '../src/styles/index.js';
import { base } from '../src/styles/tokens.js';
import { themePresets } from '../src/themes/index.js';

const copy = {
  'en-US': {
    buttons: 'Buttons', fields: 'Fields', table: 'Table', states: 'Empty, loading, error',
    primary: 'Confirm', secondary: 'Cancel', danger: 'Reclaim', link: 'Details', small: 'Small', large: 'Large',
    amount: 'Amount', amountHint: 'Up to ¥50,000.00', amountError: 'Enter at most two decimals', channel: 'Channel',
    remark: 'Remark', agree: 'Notify the customer', name: 'Name', mobile: 'Mobile', faceValue: 'Face value', status: 'Status',
    actions: 'Actions', resend: 'Resend', usable: 'Usable', expired: 'Expired', failed: 'Failed', pending: 'Pending',
    previous: 'Previous page', next: 'Next page', range: '1–20 of 64', empty: 'No vouchers issued yet',
    loading: 'Loading', error: 'The list could not be loaded. Check the connection and try again.', retry: 'Retry',
    dialog: 'Open dialog', dialogTitle: 'Confirm withdrawal',
  },
  'zh-CN': {
    buttons: '按钮', fields: '表单', table: '表格', states: '空、加载、出错',
    primary: '确定', secondary: '取消', danger: '回收', link: '详情', small: '小号', large: '大号',
    amount: '金额', amountHint: '最多 ¥50,000.00', amountError: '最多两位小数', channel: '渠道',
    remark: '备注', agree: '通知客户', name: '姓名', mobile: '手机号', faceValue: '面额', status: '状态',
    actions: '操作', resend: '重新发送', usable: '可使用', expired: '已过期', failed: '失败', pending: '待处理',
    previous: '上一页', next: '下一页', range: '第 1–20 条，共 64 条', empty: '还没有发放代金券',
    loading: '加载中', error: '列表加载失败，请检查网络后重试。', retry: '重试',
    dialog: '打开对话框', dialogTitle: '确认提现',
  },
};

/** A stand-in drawing every shared sheet, so a preset can be judged before each element adopts them. */
class ThemeSample extends LitElement {
  static override styles = [
    base,
    dialogBase,
    fields,
    table,
    badges,
    pager,
    states,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: var(--pk-space-4, 16px) 0 var(--pk-space-2, 8px);
        font-size: var(--pk-font-size-large, 1.15em);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--pk-space-2, 8px);
      }
      .table {
        --pk-table-columns: minmax(6rem, 1.2fr) minmax(8rem, 1fr) minmax(7rem, 1fr) minmax(6rem, max-content) max-content;
      }
    `,
  ];

  static override properties = { locale: {} };

  /** `zh-CN` or `en-US`. */
  declare locale: keyof typeof copy;

  constructor() {
    super();
    this.locale = 'zh-CN';
  }

  override render() {
    const m = copy[this.locale];
    const row = (name: string, value: string, tone: string, status: string) => html`<div class="tr" role="row">
      <span class="td" role="cell" data-label=${m.name}>${name}</span>
      <span class="td" role="cell" data-label=${m.mobile}>0086-139****1234</span>
      <span class="td num" role="cell" data-label=${m.faceValue}>${value}</span>
      <span class="td" role="cell" data-label=${m.status}><span class="badge ${tone}">${status}</span></span>
      <span class="td sticky-end" role="cell"><button class="link small">${m.resend}</button></span>
    </div>`;
    return html`
      <h3>${m.buttons}</h3>
      <div class="row">
        <button class="primary">${m.primary}</button><button>${m.secondary}</button><button class="danger">${m.danger}</button>
        <button class="link">${m.link}</button><button class="small">${m.small}</button><button class="large primary">${m.large}</button>
        <button class="primary" aria-disabled="true">${m.primary}</button>
        <button @click=${(e: Event) => (e.currentTarget as HTMLElement).parentElement?.querySelector('dialog')?.showModal()}>${m.dialog}</button>
        <dialog aria-labelledby="dlg-title">
          <header class="dialog-header"><h2 id="dlg-title">${m.dialogTitle}</h2></header>
          <div class="dialog-body"><p>${m.amountHint}</p><p>${'¥1,200.00 · '.repeat(40)}</p></div>
          <footer class="dialog-actions">
            <button @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')?.close()}>${m.secondary}</button>
            <button class="primary">${m.primary}</button>
          </footer>
        </dialog>
      </div>
      <h3>${m.fields}</h3>
      <div class="field-row">
        <div class="field"><label for="amount">${m.amount}</label><input id="amount" inputmode="decimal" value="1,200.555" aria-invalid="true" aria-describedby="amount-error" />
          <p class="error" id="amount-error">${m.amountError}</p></div>
        <div class="field"><label for="channel">${m.channel}</label><select id="channel"><option>交易模式转换</option><option>Alipay</option></select>
          <p class="hint">${m.amountHint}</p></div>
      </div>
      <div class="field"><label for="remark">${m.remark}</label><textarea id="remark" rows="2"></textarea></div>
      <label class="choice"><input type="checkbox" checked />${m.agree}</label>
      <h3>${m.table}</h3>
      <div class="table-wrap">
        <div class="table" role="table" aria-label=${m.table}>
          <div class="thead" role="rowgroup"><div class="tr" role="row">
            <span class="th" role="columnheader">${m.name}</span><span class="th" role="columnheader">${m.mobile}</span>
            <span class="th num" role="columnheader">${m.faceValue}</span><span class="th" role="columnheader">${m.status}</span>
            <span class="th sticky-end" role="columnheader">${m.actions}</span>
          </div></div>
          <div class="tbody" role="rowgroup">
            ${row('张三丰', '¥1,200.00', 'success', m.usable)}${row('Alexandra Konstantinopoulou', '¥98,765,432.10', '', m.expired)}
            ${row('李四', '¥50.00', 'danger', m.failed)}${row('王五', '¥0.01', 'warning', m.pending)}
          </div>
        </div>
      </div>
      <nav class="pager" aria-label=${m.range}><button disabled>${m.previous}</button><span>${m.range}</span><button>${m.next}</button></nav>
      <h3>${m.states}</h3>
      <div class="empty">${m.empty}</div>
      <div class="skeleton" aria-busy="true" aria-label=${m.loading}><div class="skeleton-row"></div><div class="skeleton-row"></div><div class="skeleton-row"></div></div>
      <div class="error-state" role="alert"><p>${m.error}</p><button>${m.retry}</button></div>
    `;
  }
}
customElements.define('pk-theme-sample', ThemeSample);

const meta: Meta = {
  title: 'Theming',
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

/** The shared sheets in the toolbar's preset, mode and language. */
export const SharedSheets: Story = {
  render: (_args, { globals }) => html`<pk-theme-sample locale=${String(globals['locale'] ?? 'zh-CN')}></pk-theme-sample>`,
};

/** The plain kit beside every preset, in the toolbar's mode and language (the preset menu is ignored). */
export const Presets: Story = {
  parameters: { kitPreset: false },
  render: (_args, { globals }) => {
    const mode = String(globals['theme'] ?? 'light');
    const locale = String(globals['locale'] ?? 'zh-CN');
    return html`<div class="pk-presets">
        ${themePresets.map(
          ({ name }) => html`<section data-pk-theme=${name === 'kit' ? mode : `${name} ${mode}`} class=${mode === 'dark' && name === 'kit' ? 'pk-dark' : ''}>
            <h2>${name === 'kit' ? 'Plain kit' : name}</h2>
            <pk-theme-sample locale=${locale}></pk-theme-sample>
            <p><masked-field kind="mobile" .value=${'0086-13912341234'} locale=${locale}></masked-field></p>
          </section>`,
        )}
      </div>`;
  },
};
