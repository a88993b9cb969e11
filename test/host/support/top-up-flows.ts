/**
 * `<top-up-form>`'s bank-transfer and claim ways as a host page meets them, in steps a test can
 * stop between. Pure DOM: the strict-CSP page runs these too.
 */
import type { MemoryPartnerApi } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { topUpMessages } from '../../../src/i18n/messages/top-up-form.js';
import type { VerificationTicket } from '../../../src/model/schemas/verification.js';
import { $, buttonNamed, nextEvent, typeInto, waitFor } from './drive.js';

/** Passes the remittance-account code straight through the backend, as a user reading the SMS would. */
export function remittanceVerifier(api: MemoryPartnerApi) {
  return async ({ purpose }: { purpose: string }): Promise<VerificationTicket> => {
    await api.sendVerificationCode({ purpose, channel: 'sms' });
    return api.checkVerificationCode({ purpose, channel: 'sms', code: api.outbox.at(-1)!.code });
  };
}

/** Opens a way by its tab, as a user clicking it. */
export async function openTopUpView(form: HTMLElement, view: 'online' | 'transfer' | 'claim'): Promise<void> {
  (await waitFor(() => $<HTMLElement>(form, `#tab-${view}`), `no ${view} tab`)).click();
  await waitFor(() => $(form, `[role=tabpanel][aria-labelledby=tab-${view}]`), `the ${view} panel did not open`);
}

/** Bank transfer → "Verify and enable" → the account with its transfers. */
export async function enableRemittance(form: HTMLElement, locale: Locale): Promise<void> {
  await openTopUpView(form, 'transfer');
  const enable = await waitFor(() => buttonNamed(form, topUpMessages(locale).verifyEnable), 'no "Verify and enable"');
  enable.click();
  await waitFor(() => $(form, '[part=account] masked-field'), 'the remittance account did not appear');
  await waitFor(() => $(form, '[part=transfers] [role=row][data-key]'), 'no transfers listed');
}

/** Claim → search by `remitter` → the claim form of the first match. */
export async function toClaimForm(form: HTMLElement, remitter = '张伟'): Promise<void> {
  await openTopUpView(form, 'claim');
  typeInto(await waitFor(() => $<HTMLInputElement>(form, '#search-remitterName'), 'no search form'), remitter);
  await (form as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  $<HTMLFormElement>(form, 'form[part=search]')!.requestSubmit();
  (await waitFor(() => $<HTMLElement>(form, '[part=results] [data-claim]'), 'no remittance found')).click();
  await waitFor(() => $(form, '#voucher'), 'the claim form did not open');
}

/** Chooses `file` as the transfer voucher, as the file picker would. */
export function chooseVoucher(form: HTMLElement, file: File = new File([new Uint8Array(2048)], 'voucher.png', { type: 'image/png' })): void {
  const input = $<HTMLInputElement>(form, '#voucher')!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

/** "Confirm claim" and waits for `remittance-claimed` and the claim record. */
export async function confirmClaim(form: HTMLElement, locale: Locale): Promise<void> {
  const claimed = nextEvent(form, 'remittance-claimed');
  buttonNamed(form, topUpMessages(locale).confirmClaim)!.click();
  await claimed;
  await waitFor(() => $(form, '[part=records] [role=row][data-key]'), 'no claim record');
}
