/**
 * Every zh-CN message of the kit, up front. Without this import an element whose locale is zh-CN
 * (or falls back to it) fetches its catalogues' zh-CN halves before its first paint, which costs a
 * page in Chinese a round trip before the kit shows anything; a page that is in Chinese from the
 * start imports this once, before or with the elements (`import 'partner-kit/locales/zh-CN.js';`),
 * and the elements paint at once. A page mostly in English, or switching to Chinese now and then,
 * leaves it out: the halves come when first needed.
 * @module
 */
import { provideMessages, type Message } from '../i18n/catalogue.js';
import type { CatalogueName } from '../i18n/catalogues.js';
import customerCreateForm from '../i18n/zh-CN/customer-create-form.js';
import customerList from '../i18n/zh-CN/customer-list.js';
import customerReportForm from '../i18n/zh-CN/customer-report-form.js';
import errorMessages from '../i18n/zh-CN/error-messages.js';
import invitationLink from '../i18n/zh-CN/invitation-link.js';
import inviteTable from '../i18n/zh-CN/invite-table.js';
import issuedVoucherList from '../i18n/zh-CN/issued-voucher-list.js';
import kit from '../i18n/zh-CN/kit.js';
import maskedField from '../i18n/zh-CN/masked-field.js';
import orderPayment from '../i18n/zh-CN/order-payment.js';
import pager from '../i18n/zh-CN/pager.js';
import restrictions from '../i18n/zh-CN/restrictions.js';
import topUpForm from '../i18n/zh-CN/top-up-form.js';
import unbindRequests from '../i18n/zh-CN/unbind-requests.js';
import verificationCodeModal from '../i18n/zh-CN/verification-code-modal.js';
import verificationCodeModalDesk from '../i18n/zh-CN/verification-code-modal-desk.js';
import voucherIssueForm from '../i18n/zh-CN/voucher-issue-form.js';
import voucherIssueFormOutcome from '../i18n/zh-CN/voucher-issue-form-outcome.js';
import voucherRecords from '../i18n/zh-CN/voucher-records.js';
import vouchers from '../i18n/zh-CN/vouchers.js';
import withdrawDialog from '../i18n/zh-CN/withdraw-dialog.js';
import withdrawDialogContents from '../i18n/zh-CN/withdraw-dialog-contents.js';

/**
 * Naming every catalogue: one added to the kit and left out here is a type error. Each half's keys
 * are checked where its catalogue is defined.
 */
const catalogues: Readonly<Record<CatalogueName, Readonly<Record<string, Message>>>> = {
  'customer-create-form': customerCreateForm,
  'customer-list': customerList,
  'customer-report-form': customerReportForm,
  errors: errorMessages,
  'invitation-link': invitationLink,
  'invite-table': inviteTable,
  'issued-voucher-list': issuedVoucherList,
  kit,
  'masked-field': maskedField,
  'order-payment': orderPayment,
  pager,
  restrictions,
  'top-up-form': topUpForm,
  'unbind-requests': unbindRequests,
  'verification-code-modal': verificationCodeModal,
  'voucher-issue-form': voucherIssueForm,
  'voucher-records': voucherRecords,
  vouchers,
  'withdraw-dialog': withdrawDialog,
};

/** The words of parts elements fetch later, in catalogues of their own (hosts override them under the element's name). */
const parts = {
  'verification-code-modal-desk': verificationCodeModalDesk,
  'voucher-issue-form-outcome': voucherIssueFormOutcome,
  'withdraw-dialog-contents': withdrawDialogContents,
};

provideMessages('zh-CN', { ...catalogues, ...parts });
