/**
 * The host page served under the strict policy (see csp-header.mjs). It registers every element from
 * the package entries and offers `window.cspHost` to the test in the parent frame: each main flow
 * runs here, in this document, while every violation and uncaught error is collected.
 */
import '../../../src/index.js';
import type { CustomerCreateForm } from '../../../src/customer-create-form.js';
import type { CustomerList } from '../../../src/customer-list.js';
import type { CustomerReportForm } from '../../../src/customer-report-form.js';
import type { IssuedVoucherList } from '../../../src/issued-voucher-list.js';
import type { OrderPayment } from '../../../src/order-payment.js';
import type { TopUpForm } from '../../../src/top-up-form.js';
import type { UnbindRequests } from '../../../src/unbind-requests.js';
import type { VerificationCodeModal } from '../../../src/verification-code-modal.js';
import type { VoucherIssueForm } from '../../../src/voucher-issue-form.js';
import type { WithdrawDialog } from '../../../src/withdraw-dialog.js';
import { $, waitFor } from '../support/drive.js';
import {
  askForCode,
  askRegenerate,
  backend,
  confirmPayment,
  confirmReclaim,
  confirmRegenerate,
  confirmUnbind,
  confirmWithdraw,
  createCustomer,
  customersReady,
  enterCode,
  filterRecords,
  fillCustomer,
  fillIssue,
  fillReportRow,
  inviteRowsDrawn,
  issueFormReady,
  listReady,
  mount,
  linkReady,
  openPayment,
  openReclaim,
  openReportPreview,
  openUnbind,
  openWithdraw,
  ordersReady,
  outboxVerifier,
  payTopUp,
  resendRow,
  reveal,
  sendCode,
  submitIssue,
  submitReport,
  toTopUpQr,
  toWithdrawSummary,
  withdrawBackend,
} from '../support/flows.js';
import { confirmDecision, openDecision, requestsReady, writeReason } from '../support/customer-flows.js';
import { chooseVoucher, confirmClaim, enableRemittance, remittanceVerifier, toClaimForm } from '../support/top-up-flows.js';

const problems: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  problems.push(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
window.addEventListener('error', (event) => problems.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${String(event.reason)}`));

const stage = document.querySelector('#stage') as HTMLElement;
const locale = 'en-US';

const flows: Record<string, () => Promise<void>> = {
  'masked-field reveals a value': async () => {
    const field = mount(stage, 'masked-field', backend(), locale, (el) => {
      el.setAttribute('kind', 'mobile');
      el.setAttribute('masked', '0086-139****1234');
      el.setAttribute('reveal-resource', 'customer');
      el.setAttribute('reveal-id', 'c-0001');
    });
    await reveal(field);
  },
  'verification-code-modal takes the code from the outbox': async () => {
    const api = backend();
    const modal = mount<VerificationCodeModal>(stage, 'verification-code-modal', api, locale);
    const { ticket } = await askForCode(modal);
    enterCode(modal, await sendCode(modal, api));
    if (!(await ticket)) throw new Error('no ticket came back');
  },
  'withdraw-dialog withdraws through its summary': async () => {
    const api = await withdrawBackend();
    const dialog = mount<WithdrawDialog>(stage, 'withdraw-dialog', api, locale, (el) => (el.verifier = outboxVerifier(api)));
    await openWithdraw(dialog);
    await toWithdrawSummary(dialog, locale);
    await confirmWithdraw(dialog, locale);
  },
  'voucher-issue-form issues a voucher': async () => {
    const api = backend();
    const form = mount<VoucherIssueForm>(stage, 'voucher-issue-form', api, locale, (el) => (el.verifier = outboxVerifier(api)));
    await issueFormReady(form);
    await fillIssue(form);
    await submitIssue(form);
  },
  'issued-voucher-list reclaims a coupon': async () => {
    const api = backend();
    const list = mount<IssuedVoucherList>(stage, 'issued-voucher-list', api, locale, (el) => (el.verifier = outboxVerifier(api)));
    await listReady(list);
    await openReclaim(list);
    await confirmReclaim(list, locale);
  },
  'voucher-records filters by operation': async () => {
    const records = mount(stage, 'voucher-records', backend(), locale);
    await listReady(records);
    await filterRecords(records, 'reclaim');
  },
  'invite-table draws rows apart and resends one': async () => {
    const table = mount(stage, 'invite-table', backend({ invitationCount: 60 }), locale, (el) => (el.style.width = '1100px'));
    await inviteRowsDrawn(table);
    await resendRow(table, locale);
  },
  'customer-report-form previews the e-mail and reports a customer': async () => {
    const form = mount<CustomerReportForm>(stage, 'customer-report-form', backend({ invitationCount: 20 }), locale);
    await openReportPreview(form);
    $<HTMLButtonElement>(form, 'dialog .dialog-actions button')!.click();
    await fillReportRow(form);
    await submitReport(form);
  },
  'invitation-link draws its QR code and regenerates': async () => {
    const link = mount(stage, 'invitation-link', backend(), locale);
    await linkReady(link);
    await askRegenerate(link, locale);
    await confirmRegenerate(link, locale);
    await linkReady(link);
  },
  'customer-create-form creates an account': async () => {
    const form = mount<CustomerCreateForm>(stage, 'customer-create-form', backend(), locale);
    await fillCustomer(form);
    await createCustomer(form);
  },
  'customer-list unbinds a customer': async () => {
    const api = backend();
    const list = mount<CustomerList>(stage, 'customer-list', api, locale, (el) => (el.verifier = outboxVerifier(api)));
    await customersReady(list);
    await openUnbind(list, locale);
    await confirmUnbind(list, locale);
  },
  'unbind-requests approves one request and rejects another with a reason': async () => {
    const api = backend();
    const list = mount<UnbindRequests>(stage, 'unbind-requests', api, locale, (el) => (el.verifier = outboxVerifier(api)));
    await requestsReady(list);
    await openDecision(list, 'approve', locale);
    await confirmDecision(list, 'approve', locale);
    $<HTMLButtonElement>(list, 'dialog .primary')!.click();
    await waitFor(() => !$<HTMLDialogElement>(list, 'dialog[part=dialog]')?.open, 'the result stayed open');
    await openDecision(list, 'reject', locale);
    writeReason(list, 'Your contract with us runs until June.');
    await confirmDecision(list, 'reject', locale);
  },
  'order-payment pays an order from the balance': async () => {
    const api = backend();
    const payment = mount<OrderPayment>(stage, 'order-payment', api, locale, (el) => (el.verifier = outboxVerifier(api)));
    await ordersReady(payment);
    await openPayment(payment, locale);
    await confirmPayment(payment, locale);
  },
  'top-up-form tops up by QR code': async () => {
    const api = backend();
    const form = mount(stage, 'top-up-form', api, locale);
    await toTopUpQr(form);
    await payTopUp(form, api, locale);
  },
  'top-up-form enables the remittance account and claims an offline remittance': async () => {
    const api = backend();
    const form = mount<TopUpForm>(stage, 'top-up-form', api, locale, (el) => (el.verifier = remittanceVerifier(api)));
    await enableRemittance(form, locale);
    await toClaimForm(form);
    chooseVoucher(form);
    await confirmClaim(form, locale);
  },
};

/** What the parent frame's test calls. */
export interface CspHost {
  flows: string[];
  /** Runs one flow on a fresh backend, then clears the stage; resolves with every problem seen meanwhile. */
  run(name: string): Promise<string[]>;
  /** Breaks the policy on purpose, proving it is enforced here; resolves with what was reported. */
  probe(): Promise<{ inlineStyleApplied: boolean; stringHtmlAccepted: boolean; reported: string[] }>;
}

async function settleReports(): Promise<string[]> {
  // Violation reports are queued as tasks: let them arrive before reading.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const counts = new Map<string, number>();
  for (const problem of problems.splice(0)) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  return [...counts].map(([problem, count]) => (count > 1 ? `${problem} (×${count})` : problem));
}

const host: CspHost = {
  flows: Object.keys(flows),
  async run(name) {
    problems.length = 0;
    try {
      await flows[name]!();
    } catch (error) {
      problems.push(`flow failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const seen = await settleReports();
    stage.replaceChildren();
    return seen;
  },
  async probe() {
    problems.length = 0;
    const style = document.createElement('style');
    style.textContent = '#stage { width: 77px; }';
    document.head.append(style);
    const inlineStyleApplied = getComputedStyle(stage).width === '77px';
    style.remove();
    let stringHtmlAccepted = true;
    try {
      document.createElement('div').innerHTML = '<b>not trusted</b>';
    } catch {
      stringHtmlAccepted = false;
    }
    await waitFor(() => problems.length >= 2, 'the probes were not reported', 2000).catch(() => undefined);
    return { inlineStyleApplied, stringHtmlAccepted, reported: await settleReports() };
  },
};
(window as unknown as { cspHost: CspHost }).cspHost = host;
