import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/customer-report-form.js';
import '../../src/invite-table.js';
import '../../src/partner-kit-provider.js';
import type { CustomerReportForm } from '../../src/customer-report-form.js';
import type { InviteTable } from '../../src/invite-table.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/api/memory/index.js';
import { DEMO_MOBILES } from '../../src/api/memory/reporting.js';
import { longestPatternInput } from '../support/patterns-read.js';

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) as T;
const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const button = (el: HTMLElement, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim().startsWith(text));

async function form(options: MemoryAdapterOptions = {}, locale = 'en-US') {
  const api = createMemoryAdapter({ invitationCount: 20, ...options });
  const el = await fixture<CustomerReportForm>(html`<customer-report-form .api=${api} locale=${locale}></customer-report-form>`);
  return { el, api };
}

/** Types into a row's field as the browser does, then leaves it. */
async function fill(el: CustomerReportForm, row: number, field: 'name' | 'mobile' | 'email', value: string) {
  const input = $$<HTMLInputElement>(el, `input[name=${field}]`)[row]!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
  return input;
}

const errorOf = (el: CustomerReportForm, input: HTMLInputElement) => el.shadowRoot!.getElementById(`${input.id}-error`)!.textContent!.trim();

describe('<customer-report-form>', () => {
  it('reports with the keyboard alone and fires customers-reported once, with no personal value in it', async () => {
    const { el } = await form();
    $<HTMLInputElement>(el, 'input[name=name]').focus();
    await sendKeys({ type: '王小明' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13900000001' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'wang.xm@example.com' });
    await waitUntil(() => $(el, '.row .hint[aria-live]')?.textContent?.includes('hw_0001'), 'account not looked up');
    let events = 0;
    el.addEventListener('customers-reported', () => (events += 1));
    const reported = oneEvent(el, 'customers-reported');
    await sendKeys({ press: 'Enter' });
    const { detail } = await reported;
    expect(detail.invitations).to.have.length(1);
    expect(detail.invitations[0]).to.include({ status: 'invited' });
    expect(JSON.stringify(detail)).to.not.match(/王|13900000001|wang\.xm/);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'summary', 'focus not on the summary');
    expect(events).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('refuses hostile input at the field, by its length before any pattern reads it, with a localized message', async () => {
    const { el } = await form({}, 'zh-CN');
    let name!: HTMLInputElement;
    const read = await longestPatternInput(async () => {
      name = await fill(el, 0, 'name', 'x'.repeat(10_000));
    });
    expect(read, 'the longest text a pattern read').to.be.below(1000);
    const mobile = await fill(el, 0, 'mobile', `139\u202E0000001`);
    const email = await fill(el, 0, 'email', 'wang+1@example.com');
    expect(errorOf(el, name)).to.equal('最多 64 个字符。');
    expect(errorOf(el, mobile)).to.equal('请删除不可见字符或控制字符。');
    expect(errorOf(el, email)).to.contain('仅可包含字母、数字、下划线、连字符和点号');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows no error before a field is left or the form submitted, then every one, and focuses the first', async () => {
    const { el, api } = await form();
    expect($$(el, '[part=error]').every((p) => p.textContent?.trim() === '')).to.equal(true);
    await fill(el, 0, 'name', 'Li Lei');
    button(el, 'Report and invite')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('name') === 'mobile', 'focus not on the first field in error');
    expect(api.calls.get('reportCustomer') ?? 0).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('asks which account when the mobile has several', async () => {
    const { el } = await form();
    await fill(el, 0, 'mobile', DEMO_MOBILES.twoAccounts);
    const select = await waitUntil(() => $<HTMLSelectElement>(el, 'select'), 'no account choice').then(() => $<HTMLSelectElement>(el, 'select'));
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal(['Choose the account', 'hw_0009', 'hw_0009_shop']);
    await expect(el).to.be.accessible();
  });

  it('keeps partial failures per row and retries only the failed ones', async () => {
    const { el, api } = await form();
    $<HTMLDetailsElement>(el, 'details').open = true;
    $<HTMLTextAreaElement>(el, '#paste').value = `A One, 0086-13900000011, a@example.com\nB Two, ${DEMO_MOBILES.reportedByHuawei}, b@example.com`;
    button(el, 'Add these customers')!.click();
    await el.updateComplete;
    expect($$(el, '.row')).to.have.length(2);
    button(el, 'Report and invite')!.click();
    await waitUntil(() => button(el, 'Retry the failed ones (1)'), 'no retry of the failed row');
    expect($$(el, '.row')[1]!.textContent).to.contain('already reported by Huawei').and.to.contain('CBC.99000051');
    await expect(el).to.be.accessible();
    await fill(el, 1, 'mobile', '0086-13900000021');
    const reported = oneEvent(el, 'customers-reported');
    button(el, 'Report and invite')!.click();
    expect((await reported).detail.invitations).to.have.length(1);
    expect(api.data.invitations.filter((i) => i.id.startsWith('inv-r'))).to.have.length(2);
  });

  it('removes selected rows in a batch and keeps focus in the form', async () => {
    const { el } = await form();
    button(el, 'Add a customer')!.click();
    button(el, 'Add a customer')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('name');
    const boxes = $$<HTMLInputElement>(el, '.row-head input');
    boxes[0]!.click();
    boxes[2]!.click();
    await el.updateComplete;
    button(el, 'Remove selected (2)')!.click();
    await el.updateComplete;
    expect($$(el, '.row')).to.have.length(1);
    expect(el.shadowRoot!.activeElement?.id).to.equal('add-row');
    const announced = () => $(el, 'form > [role=status]').textContent!.trim();
    expect(announced()).to.equal('2 customers removed.');
    // Once the report runs, the removal is old news: a screen reader reading the region finds nothing stale.
    await fill(el, 0, 'name', '王小明');
    await fill(el, 0, 'mobile', '13900000001');
    await fill(el, 0, 'email', 'wang.xm@example.com');
    const reported = oneEvent(el, 'customers-reported');
    button(el, 'Report')!.click();
    await reported;
    await el.updateComplete;
    expect(announced()).to.equal('');
  });

  it('adds the pasted lines it can read, leaves the one it cannot in the box as typed and says so, and refuses a mobile twice in one report', async () => {
    const { el } = await form();
    const extra = 'Foo\tBar\t0086-13900000003\tc@example.com\textra';
    const box = $<HTMLTextAreaElement>(el, '#paste');
    box.value = ['王小明\t13900000001\twang@example.com', extra, 'Li Lei, 13900000001, li@example.com'].join('\n');
    button(el, 'Add these customers')!.click();
    await el.updateComplete;
    expect($$(el, '.row')).to.have.length(2);
    expect(box.value).to.equal(extra);
    expect($(el, 'form > [role=status]').textContent!.trim()).to.equal('2 customers added. 1 line was not added and stays in the box: mend it, or add rows for it.');
    button(el, 'Report')!.click();
    await waitUntil(() => $$<HTMLInputElement>(el, 'input[name=mobile]')[1]!.getAttribute('aria-invalid') === 'true', 'the second mobile is not refused');
    const second = $$<HTMLInputElement>(el, 'input[name=mobile]')[1]!;
    expect(errorOf(el, second)).to.equal('This mobile is already in an earlier row of this report.');
    expect($$<HTMLInputElement>(el, 'input[name=mobile]')[0]!.getAttribute('aria-invalid')).to.not.equal('true');
    await expect(el).to.be.accessible();
  });

  it('previews the e-mail as text in a dialog that closes with Esc', async () => {
    const { el } = await form({}, 'zh-CN');
    await fill(el, 0, 'name', '<img src=x onerror=alert(1)>王');
    button(el, '预览邮件内容')!.click();
    await waitUntil(() => $(el, '.preview-body'), 'no preview');
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
    expect($(el, '.preview-body').textContent).to.contain('7 天');
    expect($(el, 'dialog img')).to.equal(null);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'dialog still open');
  });

  it('passes axe while a run is under way', async () => {
    const { el } = await form({ latencyMs: 200 });
    await fill(el, 0, 'name', 'Han Meimei');
    await fill(el, 0, 'mobile', '0086-13900000031');
    await fill(el, 0, 'email', 'han@example.com');
    button(el, 'Report and invite')!.click();
    await waitUntil(() => $(el, 'progress'), 'no progress');
    await expect(el).to.be.accessible();
  });

  it('lets a host show the new invitations in <invite-table> by refreshing it on customers-reported', async () => {
    const api = createMemoryAdapter({ invitationCount: 30, latencyMs: 2 });
    const page = await fixture<HTMLElement>(html`<partner-kit-provider locale="en-US" .api=${api}>
      <customer-report-form></customer-report-form>
      <invite-table></invite-table>
    </partner-kit-provider>`);
    const table = page.querySelector('invite-table') as InviteTable;
    const el = page.querySelector('customer-report-form') as CustomerReportForm;
    page.addEventListener('customers-reported', () => void table.refresh());
    await waitUntil(() => table.shadowRoot!.querySelectorAll('.tbody .tr').length > 0, 'no table rows');
    await fill(el, 0, 'name', 'Qian Duoduo');
    await fill(el, 0, 'mobile', '0086-13900000041');
    await fill(el, 0, 'email', 'qian@example.com');
    button(el, 'Report and invite')!.click();
    await waitUntil(() => table.shadowRoot!.querySelector('.tbody .tr masked-field')?.getAttribute('reveal-id')?.startsWith('inv-r'), 'the new invitation is not in the table');
  });

  it('shows the new invitations in an <invite-table> under the same provider by itself, even inside another shadow root', async () => {
    const api = createMemoryAdapter({ invitationCount: 30, latencyMs: 2 });
    const page = await fixture<HTMLElement>(html`<partner-kit-provider locale="en-US" .api=${api}>
      <customer-report-form></customer-report-form>
      <div id="panel"></div>
    </partner-kit-provider>`);
    const table = document.createElement('invite-table');
    page.querySelector('#panel')!.attachShadow({ mode: 'open' }).append(table);
    const el = page.querySelector('customer-report-form') as CustomerReportForm;
    await waitUntil(() => table.shadowRoot!.querySelectorAll('.tbody .tr').length > 0, 'no table rows');
    await fill(el, 0, 'name', 'Sun Li');
    await fill(el, 0, 'mobile', '0086-13900000042');
    await fill(el, 0, 'email', 'sun.li@example.com');
    button(el, 'Report and invite')!.click();
    await waitUntil(() => table.shadowRoot!.querySelector('.tbody .tr masked-field')?.getAttribute('reveal-id')?.startsWith('inv-r'), 'the new invitation is not in the table');
  });
});
