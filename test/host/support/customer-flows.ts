/**
 * `<unbind-requests>` as a host page meets it, in steps a test can stop between (a screenshot of the
 * question, a geometry check of the dialog). Pure DOM: the strict-CSP page runs these too.
 */
import type { Locale } from '../../../src/i18n/locale.js';
import { unbindRequestMessages } from '../../../src/i18n/messages/unbind-requests.js';
import { $, $$, buttonNamed, nextEvent, typeInto, waitFor } from './drive.js';

export type Decision = 'approve' | 'reject';

const confirmLabel = (kind: Decision, locale: Locale) => (kind === 'approve' ? unbindRequestMessages(locale).confirmApprove : unbindRequestMessages(locale).confirmReject);

/** Waits until requests (not the loading skeleton) are listed. */
export async function requestsReady(list: HTMLElement): Promise<void> {
  await waitFor(() => $$(list, '.tbody .tr[data-key]').length > 0, 'no unbind requests listed');
}

/** Opens the decision `kind` on the first pending request and waits for its question. */
export async function openDecision(list: HTMLElement, kind: Decision, locale: Locale): Promise<void> {
  (await waitFor(() => $<HTMLButtonElement>(list, `[part=${kind}]`), `no ${kind} button`)).click();
  await waitFor(() => $<HTMLDialogElement>(list, 'dialog[part=dialog]')?.open && buttonNamed(list, confirmLabel(kind, locale), 'dialog'), `the ${kind} question did not open`);
}

/** Types the rejection's reason, as a user would. */
export function writeReason(list: HTMLElement, reason: string): void {
  typeInto($<HTMLTextAreaElement>(list, '#reason')!, reason);
}

/** Sends the decision shown and waits until it is settled. */
export async function confirmDecision(list: HTMLElement, kind: Decision, locale: Locale): Promise<void> {
  const decided = nextEvent(list, kind === 'approve' ? 'unbind-request-approved' : 'unbind-request-rejected');
  buttonNamed(list, confirmLabel(kind, locale), 'dialog')!.click();
  await decided;
  await waitFor(() => buttonNamed(list, unbindRequestMessages(locale).close, 'dialog'), `no Close after the ${kind} decision`);
}
