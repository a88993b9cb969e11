/**
 * Each element's main flow as a host page meets it, in steps a test can stop between (a screenshot
 * of the code step, a geometry check of the summary). Pure DOM: the strict-CSP page runs these too.
 */
import type { MemoryPartnerApi } from '../../../src/api/memory/index.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { inviteMessages } from '../../../src/i18n/messages/invite-table.js';
import { issuedMessages } from '../../../src/i18n/messages/issued-voucher-list.js';
import { withdrawMessages } from '../../../src/i18n/messages/withdraw-dialog.js';
import type { VerificationCodeModal } from '../../../src/verification-code-modal.js';
import type { WithdrawDialog } from '../../../src/withdraw-dialog.js';
import type { VerificationTicket } from '../../../src/model/schemas/verification.js';
import { $, $$, bodyRows, buttonNamed, choose, nextEvent, textOf, typeInto, waitFor } from './drive.js';

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
  (await waitFor(() => buttonNamed(dialog, withdrawMessages(locale).next), 'no Next button')).click();
  await waitFor(() => $(dialog, 'dl.summary') && !$(dialog, '#amount'), `no summary: ${textOf(dialog, '#amount-error')}`);
}

/** Confirms the summary and waits for the submitted withdrawal. */
export async function confirmWithdraw(dialog: WithdrawDialog, locale: Locale): Promise<void> {
  const submitted = nextEvent(dialog, 'withdrawal-submitted');
  (await waitFor(() => buttonNamed(dialog, withdrawMessages(locale).confirm), 'no confirm button')).click();
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
    $<HTMLButtonElement>(form, '#customer-results button:not([disabled])')!.click();
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
