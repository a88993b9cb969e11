/**
 * Each element's main flow as a host page meets it, in steps a test can stop between (a screenshot
 * of the code step, a geometry check of the summary). Pure DOM: the strict-CSP page runs these too.
 */
import type { MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { customerListMessages } from '../../../src/i18n/messages/customer-list.js';
import { inviteMessages } from '../../../src/i18n/messages/invite-table.js';
import { linkMessages } from '../../../src/i18n/messages/invitation-link.js';
import { orderPaymentMessages } from '../../../src/i18n/messages/order-payment.js';
import { topUpMessages } from '../../../src/i18n/messages/top-up-form.js';
import { issuedMessages } from '../../../src/i18n/messages/issued-voucher-list.js';
import { withdrawContentsMessages } from '../../../src/i18n/messages/withdraw-dialog-contents.js';
import type { VerificationCodeModal } from '../../../src/verification-code-modal.js';
import type { WithdrawDialog } from '../../../src/withdraw-dialog.js';
import type { VerificationTicket } from '../../../src/model/schemas/verification.js';
import { $, $$, bodyRows, buttonNamed, choose, frames, nextEvent, textOf, typeInto, waitFor } from './drive.js';

/** A fresh in-memory backend: seeded, answering at once, resend wait off. */
export function backend(options: MemoryAdapterOptions = {}): MemoryPartnerApi {
  return createMemoryAdapter({ seed: 1, latencyMs: 0, verificationRules: { resendAfterSeconds: 0 }, ...options });
}

/** Creates `<tag>` on `api` in `locale`, applies `setup`, and appends it to `stage`. */
export function mount<E extends HTMLElement>(stage: HTMLElement, tag: string, api: MemoryPartnerApi, locale: Locale, setup: (el: E) => void = () => undefined): E {
  const el = document.createElement(tag) as E & { api: MemoryPartnerApi };
  el.api = api;
  el.setAttribute('locale', locale);
  setup(el);
  stage.append(el);
  return el;
}

/** Verifies straight through the backend, as a user reading the outbox would. */
export function outboxVerifier(api: MemoryPartnerApi) {
  return async ({ purpose }: { purpose: string }): Promise<VerificationTicket | undefined> => {
    const policy = await api.getVerificationPolicy();
    if (purpose !== 'withdraw' && (!policy.enabled || !policy.guardedPurposes.includes(purpose))) return undefined;
    await api.sendVerificationCode({ purpose, channel: 'sms' }).catch(() => undefined);
    return api.checkVerificationCode({ purpose, channel: 'sms', code: api.outbox.at(-1)!.code });
  };
}

const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog[part=dialog]');

// ── <masked-field> ───────────────────────────────────────────────────────────────────────────

/** Presses the eye and waits for the full value. */
export async function reveal(field: HTMLElement): Promise<void> {
  (await waitFor(() => $<HTMLButtonElement>(field, '[part=toggle]'), 'no eye button')).click();
  await waitFor(() => !textOf(field, '[part=value]').includes('*') && textOf(field, '[part=value]') !== '', 'the value was not revealed');
}

// ── <verification-code-modal> ────────────────────────────────────────────────────────────────

/**
 * Asks for a withdrawal code and waits until the dialog offers to send one. The ticket comes back
 * wrapped: an async function returning the pending promise itself would wait for it.
 */
export async function askForCode(modal: VerificationCodeModal): Promise<{ ticket: Promise<VerificationTicket | undefined> }> {
  const ticket = modal.confirm({ purpose: 'withdraw', action: 'Confirm withdrawal of ¥1,200.00' });
  ticket.catch(() => undefined);
  await waitFor(() => dialogOf(modal)?.open && $(modal, '[part=send]'), 'the code dialog did not open');
  return { ticket };
}

/** Sends a code and returns what the outbox received. */
export async function sendCode(modal: VerificationCodeModal, api: MemoryPartnerApi): Promise<string> {
  const before = api.outbox.length;
  $<HTMLButtonElement>(modal, '[part=send]')!.click();
  // Focus moves to the input once the element knows the code went out; typing before that is not a submission.
  await waitFor(() => api.outbox.length > before && modal.shadowRoot!.activeElement === $(modal, '[part=input]'), 'no code was sent');
  return api.outbox.at(-1)!.code;
}

/** Enters `code` as pasting does. */
export function enterCode(modal: VerificationCodeModal, code: string): void {
  typeInto($<HTMLInputElement>(modal, '[part=input]')!, code);
}

/** A code dialog on `stage` whose code was sent and `digits` typed (fewer than six: six would submit), drawn. */
export async function codeTyped(stage: HTMLElement, locale: Locale, digits: string): Promise<VerificationCodeModal> {
  const api = backend();
  const modal = mount<VerificationCodeModal>(stage, 'verification-code-modal', api, locale);
  await askForCode(modal);
  await sendCode(modal, api);
  enterCode(modal, digits);
  await frames();
  return modal;
}

// ── <withdraw-dialog> ────────────────────────────────────────────────────────────────────────

/** A backend whose bank account already has its branch, so the dialog opens on the form. */
export async function withdrawBackend(options: MemoryAdapterOptions = {}): Promise<MemoryPartnerApi> {
  const api = backend(options);
  await api.saveAccountBranch({ accountId: 'acct-icbc', branchCode: 'ICBC-5' });
  return api;
}

/** Opens the dialog and waits for its form. */
export async function openWithdraw(dialog: WithdrawDialog): Promise<void> {
  dialog.show();
  await waitFor(() => $(dialog, '#amount'), 'the withdrawal form did not appear');
}

/** Types `amount` and goes on to the summary. */
export async function toWithdrawSummary(dialog: WithdrawDialog, locale: Locale, amount = '100'): Promise<void> {
  typeInto($<HTMLInputElement>(dialog, '#amount')!, amount);
  await dialog.updateComplete;
  (await waitFor(() => buttonNamed(dialog, withdrawContentsMessages(locale).next), 'no Next button')).click();
  await waitFor(() => $(dialog, 'dl.summary') && !$(dialog, '#amount'), `no summary: ${textOf(dialog, '#amount-error')}`);
}

/** Confirms the summary and waits for the submitted withdrawal. */
export async function confirmWithdraw(dialog: WithdrawDialog, locale: Locale): Promise<void> {
  const submitted = nextEvent(dialog, 'withdrawal-submitted');
  (await waitFor(() => buttonNamed(dialog, withdrawContentsMessages(locale).confirm), 'no confirm button')).click();
  await submitted;
  await dialog.updateComplete;
}

// ── <voucher-issue-form> ─────────────────────────────────────────────────────────────────────

/** Waits until quotas and customers are listed. */
export async function issueFormReady(form: HTMLElement): Promise<void> {
  await waitFor(() => $$(form, 'input[name=quota]').length > 0 && $$(form, '#customer-results li').length > 0, 'the issue form did not load');
}

/** Picks `count` customers and a face value. */
export async function fillIssue(form: HTMLElement & { updateComplete: Promise<boolean> }, count = 1, faceValue = '100'): Promise<void> {
  for (let i = 0; i < count; i++) {
    $<HTMLButtonElement>(form, '#customer-results button:not([disabled], [aria-disabled=true])')!.click();
    await form.updateComplete;
  }
  typeInto($<HTMLInputElement>(form, '#face-value')!, faceValue);
  await form.updateComplete;
}

/** Submits and waits for the outcome. */
export async function submitIssue(form: HTMLElement): Promise<void> {
  const issued = nextEvent(form, 'voucher-issued');
  $<HTMLButtonElement>(form, '[part=submit]')!.click();
  await issued;
  await waitFor(() => textOf(form, '[part=outcome]'), 'no outcome shown');
}

// ── <issued-voucher-list> and <voucher-records> ──────────────────────────────────────────────

/** Waits until a server list shows rows. */
export async function listReady(list: HTMLElement): Promise<void> {
  await waitFor(() => bodyRows(list).length > 0, `no rows in <${list.localName}>`);
}

/** Opens the reclaim dialog of the first reclaimable coupon. */
export async function openReclaim(list: HTMLElement): Promise<void> {
  (await waitFor(() => $<HTMLButtonElement>(list, '[part=reclaim]'), 'no reclaimable coupon')).click();
  await waitFor(() => dialogOf(list)?.open, 'the reclaim dialog did not open');
}

/** Confirms the reclaim and waits for it. */
export async function confirmReclaim(list: HTMLElement, locale: Locale): Promise<void> {
  const reclaimed = nextEvent(list, 'voucher-reclaimed');
  (await waitFor(() => buttonNamed(list, issuedMessages(locale).confirm, 'dialog'), 'no Reclaim button in the dialog')).click();
  await reclaimed;
}

/** Filters records by operation and waits for the server's answer. */
export async function filterRecords(records: HTMLElement, operation: 'issue' | 'reclaim'): Promise<void> {
  const before = bodyRows(records).map((r) => r.textContent).join();
  choose($<HTMLSelectElement>(records, 'select')!, operation);
  await waitFor(() => bodyRows(records).length > 0 && bodyRows(records).map((r) => r.textContent).join() !== before, 'the records did not change');
}

// ── <invite-table> ───────────────────────────────────────────────────────────────────────────

/** Waits for rows and checks that each is drawn on a line of its own. */
export async function inviteRowsDrawn(table: HTMLElement): Promise<void> {
  await waitFor(() => bodyRows(table).length > 2, 'no invitation rows');
  const tops = bodyRows(table).map((row) => Math.round(row.getBoundingClientRect().top));
  if (new Set(tops).size !== tops.length) throw new Error(`invitation rows overlap: rows at y ${tops.join(', ')}`);
}

/** Resends the first row that offers it and waits for the result. */
export async function resendRow(table: HTMLElement, locale: Locale): Promise<void> {
  const label = inviteMessages(locale).resend;
  const button = await waitFor(() => bodyRows(table).flatMap((row) => [...row.querySelectorAll('button')]).find((b) => b.textContent?.trim() === label && !b.disabled), 'no row offers a resend');
  const resent = nextEvent(table, 'invitations-resent');
  button.click();
  await resent;
}

// ── <customer-report-form> ───────────────────────────────────────────────────────────────────

/** Fills row `row` (0-based) as a user does, field by field, leaving each; waits for the mobile's account. */
export async function fillReportRow(form: HTMLElement & { updateComplete: Promise<boolean> }, row = 0, name = '王小明', mobile = '13900000001', email = 'wang.xm@example.com'): Promise<void> {
  for (const [field, value] of [['name', name], ['mobile', mobile], ['email', email]] as const) {
    const input = await waitFor(() => $$<HTMLInputElement>(form, `input[name=${field}]`)[row], `no ${field} field in row ${row}`);
    typeInto(input, value);
    input.dispatchEvent(new Event('blur'));
    await form.updateComplete;
  }
  await waitFor(() => $$(form, '.row')[row]?.querySelector('.hint[aria-live]')?.textContent?.trim(), 'the mobile\'s account was not looked up');
}

/** Submits the report and waits for its summary. */
export async function submitReport(form: HTMLElement): Promise<void> {
  const reported = nextEvent(form, 'customers-reported');
  $<HTMLButtonElement>(form, '[part=submit]')!.click();
  await reported;
  await waitFor(() => textOf(form, '[part=summary]'), 'no summary shown');
}

/** Opens the e-mail preview and waits for its text. */
export async function openReportPreview(form: HTMLElement): Promise<void> {
  (await waitFor(() => $<HTMLButtonElement>(form, 'fieldset > button.link'), 'no preview button')).click();
  await waitFor(() => dialogOf(form)?.open && $(form, '.preview-body'), 'the e-mail preview did not open');
}

// ── <invitation-link> ────────────────────────────────────────────────────────────────────────

/** Waits until the link and its QR code are drawn. */
export async function linkReady(link: HTMLElement): Promise<void> {
  await waitFor(() => $(link, '[part=qr] svg') && ($<HTMLInputElement>(link, '[part=link]')?.value ?? ''), 'the link and its QR code did not appear');
}

/** Asks to regenerate the link and waits for the confirm step. */
export async function askRegenerate(link: HTMLElement, locale: Locale): Promise<void> {
  (await waitFor(() => buttonNamed(link, linkMessages(locale).regenerate, '[part=actions]'), 'no Regenerate button')).click();
  await waitFor(() => dialogOf(link)?.open, 'the confirm step did not open');
}

/** Confirms the regeneration and waits for the new link. */
export async function confirmRegenerate(link: HTMLElement, locale: Locale): Promise<void> {
  const regenerated = nextEvent(link, 'invitation-link-regenerated');
  (await waitFor(() => buttonNamed(link, linkMessages(locale).regenerate, 'dialog'), 'no Regenerate button in the dialog')).click();
  await regenerated;
  await waitFor(() => !dialogOf(link)?.open, 'the confirm step stayed open');
}

// ── <customer-create-form> ───────────────────────────────────────────────────────────────────

/** Fills what creating needs: an account name, a display name, the agreement. */
export async function fillCustomer(form: HTMLElement & { updateComplete: Promise<boolean> }, accountName = 'new_customer01', displayName = 'New Customer'): Promise<void> {
  typeInto(await waitFor(() => $<HTMLInputElement>(form, '#accountName'), 'no account name field'), accountName);
  typeInto($<HTMLInputElement>(form, '#displayName')!, displayName);
  const agreement = $<HTMLInputElement>(form, '#agreement')!;
  agreement.checked = true;
  agreement.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await form.updateComplete;
}

/** Creates the account and waits until the partner center confirms the association. */
export async function createCustomer(form: HTMLElement): Promise<void> {
  const associated = nextEvent(form, 'customer-associated');
  $<HTMLButtonElement>(form, '[part=submit]')!.click();
  await associated;
  await waitFor(() => $(form, '[part=status] button'), 'no "create another" offered');
}

// ── <customer-list> ──────────────────────────────────────────────────────────────────────────

/** Waits until customers (not the loading skeleton) are listed. */
export async function customersReady(list: HTMLElement): Promise<void> {
  await waitFor(() => $$(list, '.tbody .tr[data-key]').length > 0, 'no customers listed');
}

/** Opens the unbind dialog of the first customer and waits for its question. */
export async function openUnbind(list: HTMLElement, locale: Locale): Promise<void> {
  (await waitFor(() => $<HTMLButtonElement>(list, '[part=unbind]'), 'no unbind button')).click();
  await waitFor(() => dialogOf(list)?.open && buttonNamed(list, customerListMessages(locale).confirm, 'dialog'), 'the unbind question did not open');
}

/** Confirms the unbinding and waits for it. */
export async function confirmUnbind(list: HTMLElement, locale: Locale): Promise<void> {
  const unbound = nextEvent(list, 'customer-unbind-requested');
  buttonNamed(list, customerListMessages(locale).confirm, 'dialog')!.click();
  await unbound;
  await waitFor(() => buttonNamed(list, customerListMessages(locale).close, 'dialog'), 'no Close after the unbinding');
}

// ── <order-payment> ──────────────────────────────────────────────────────────────────────────

/** The first pending order, whose service has not started. */
export const FIRST_ORDER = 'CS26051001';

/** Waits until the orders are listed. */
export async function ordersReady(el: HTMLElement): Promise<void> {
  await waitFor(() => $$(el, '[role=table] [role=row]').length > 1, 'no orders listed');
}

/** Opens the payment of `orderId` and waits for its panel. */
export async function openPayment(el: HTMLElement, locale: Locale, orderId = FIRST_ORDER): Promise<void> {
  const label = `${orderPaymentMessages(locale).pay} ${orderId}`;
  (await waitFor(() => $$<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-label') === label), `no pay button for ${orderId}`)).click();
  await waitFor(() => $(el, '[part=task] fieldset'), 'the payment panel did not open');
}

/** Confirms the open payment and waits until it is paid. */
export async function confirmPayment(el: HTMLElement, locale: Locale): Promise<void> {
  const paid = nextEvent(el, 'order-paid');
  const confirm = orderPaymentMessages(locale).confirm;
  (await waitFor(() => $$<HTMLButtonElement>(el, '[part=task] button').find((b) => b.textContent?.trim().startsWith(confirm)), 'no confirm button')).click();
  await paid;
  await waitFor(() => $(el, '[part=task] [role=status]')?.textContent?.trim(), 'no paid message');
}

// ── <top-up-form> ────────────────────────────────────────────────────────────────────────────

/** Waits for the amount field. */
export async function topUpReady(form: HTMLElement): Promise<HTMLInputElement> {
  return waitFor(() => $<HTMLInputElement>(form, '#amount'), 'the top-up form did not appear');
}

/** Types `amount` and presses Next. */
export async function enterTopUp(form: HTMLElement, amount: string): Promise<void> {
  typeInto(await topUpReady(form), amount);
  await (form as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  $<HTMLFormElement>(form, 'form[part=form]')!.requestSubmit();
}

/** Types `amount`, presses Next and waits for the QR code. */
export async function toTopUpQr(form: HTMLElement, amount = '100'): Promise<void> {
  await enterTopUp(form, amount);
  await waitFor(() => $(form, '[part=payment] [part=qr] svg'), 'no payment QR code');
}

/** The payer pays the open top-up; "I have paid" then finds it paid. */
export async function payTopUp(form: HTMLElement, api: MemoryPartnerApi, locale: Locale): Promise<void> {
  api.settlePayment(api.payments.lastPaymentId()!, 'paid');
  const completed = nextEvent(form, 'top-up-completed');
  buttonNamed(form, topUpMessages(locale).havePaid)!.click();
  await completed;
  await waitFor(() => $(form, '[part=result]'), 'no result shown');
}
