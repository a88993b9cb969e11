/**
 * Every type the elements' public API names (classes, event details, property types), in one
 * module: the generated JSX and Vue types import from here, and a host may too.
 * @module
 */
export type { PartnerApi } from './api/adapter.js';
export type { RequestCloseDetail } from './controllers/modal-controller.js';
export type { Verifier } from './controllers/verifier-controller.js';
export type { UnbindRequestVerifier } from './core/customers/unbind-request-flow.js';
export type { OrderPaymentVerifier } from './core/payments/order-payment-flow.js';
export type { CompletedTopUp } from './core/payments/top-up-state.js';
export type { LocaleMessages } from './i18n/catalogues.js';
export type { RemittanceClaim } from './model/schemas/remittance.js';
export type { VerificationTicket } from './model/schemas/verification.js';
export type { ConfirmRequest } from './core/verification/verification-state.js';
export type { IssueVerifier } from './core/vouchers/issue-flow.js';
export type { ReclaimVerifier } from './core/vouchers/reclaim-flow.js';
export type { UnbindVerifier } from './core/customers/unbind-flow.js';
export type { WithdrawVerifier } from './core/withdraw/withdraw-flow.js';
export type { MaskKind } from './core/masks.js';
export type { LoadFailedDetail } from './elements/events.js';
export type { CouponKind } from './model/schemas/coupons.js';
export type { Invitation } from './model/schemas/invitations.js';
export type { RevealRequest } from './model/schemas/reveal.js';
export type { CustomerCreateForm, CustomerCreatedDetail } from './customer-create-form.js';
export type { CustomerList, CustomerUnbindRequestedDetail } from './customer-list.js';
export type { UnbindRequestApprovedDetail, UnbindRequestRejectedDetail, UnbindRequests } from './unbind-requests.js';
export type { CustomerReportForm, CustomersReportedDetail } from './customer-report-form.js';
export type { InvitationLink, InvitationLinkKind, InvitationLinkRegeneratedDetail, InvitationLinkRevokedDetail } from './invitation-link.js';
export type { InviteColumn, InviteTable, InvitationsResentDetail } from './invite-table.js';
export type { IssuedVoucherList, VoucherReclaimedDetail } from './issued-voucher-list.js';
export type { MaskedField, MaskedFieldHiddenDetail, MaskedFieldRevealedDetail } from './masked-field.js';
export type { OrderPaidDetail, OrderPayment, OrderPaymentRedirectDetail, OrderPaymentTopUpRequestedDetail } from './order-payment.js';
export type { PartnerKitProvider } from './partner-kit-provider.js';
export type {
  RemittanceAccountEnabledDetail,
  RemittanceClaimedDetail,
  TOP_UP_VIEWS,
  TopUpCompletedDetail,
  TopUpForm,
  TopUpRedirectDetail,
  TopUpVerifier,
  TopUpView,
} from './top-up-form.js';
export type { VerificationCancelledDetail, VerificationCodeModal, VerificationCodeSentDetail, VerificationVerifiedDetail } from './verification-code-modal.js';
export type { VoucherIssueForm, VoucherIssuedDetail } from './voucher-issue-form.js';
export type { VoucherRecords } from './voucher-records.js';
export type { WithdrawalCancelledDetail, WithdrawalSubmittedDetail, WithdrawDialog } from './withdraw-dialog.js';
