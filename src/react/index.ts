/**
 * `partner-kit/react`: React components for React 18 and earlier, which set every prop on a custom
 * element as an attribute and cannot listen to its events. Each wrapper (from `@lit/react`) sets
 * properties (`api`, `verifier`, `rows`) as properties and maps `on…` props to the element's
 * events. React 19 needs none of this: use the tags directly with `partner-kit/jsx`.
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { CustomerCreateForm } from '../customer-create-form.js';
import { CustomerList } from '../customer-list.js';
import { UnbindRequests } from '../unbind-requests.js';
import { CustomerReportForm } from '../customer-report-form.js';
import { InvitationLink } from '../invitation-link.js';
import { InviteTable } from '../invite-table.js';
import { IssuedVoucherList } from '../issued-voucher-list.js';
import { MaskedField } from '../masked-field.js';
import { OrderPayment } from '../order-payment.js';
import { PartnerKitProvider } from '../partner-kit-provider.js';
import { TopUpForm } from '../top-up-form.js';
import { VerificationCodeModal } from '../verification-code-modal.js';
import { VoucherIssueForm } from '../voucher-issue-form.js';
import { VoucherRecords } from '../voucher-records.js';
import { WithdrawDialog } from '../withdraw-dialog.js';

/** The element event `type`, typed by the kit's `GlobalEventHandlersEventMap` entry. */
const on = <K extends keyof GlobalEventHandlersEventMap>(type: K) => type as EventName<GlobalEventHandlersEventMap[K]>;

export const PartnerKitProviderElement = createComponent({ react: React, tagName: 'partner-kit-provider', elementClass: PartnerKitProvider });

export const MaskedFieldElement = createComponent({
  react: React,
  tagName: 'masked-field',
  elementClass: MaskedField,
  events: {
    onRevealed: on('masked-field-revealed'),
    onHidden: on('masked-field-hidden'),
    onLoadFailed: on('masked-field-load-failed'),
  },
});

export const VerificationCodeModalElement = createComponent({
  react: React,
  tagName: 'verification-code-modal',
  elementClass: VerificationCodeModal,
  events: {
    onVerified: on('verification-verified'),
    onCancelled: on('verification-cancelled'),
    onCodeSent: on('verification-code-sent'),
    onRequestClose: on('verification-code-modal-request-close'),
    onLoadFailed: on('verification-code-modal-load-failed'),
  },
});

export const WithdrawDialogElement = createComponent({
  react: React,
  tagName: 'withdraw-dialog',
  elementClass: WithdrawDialog,
  events: {
    onSubmitted: on('withdrawal-submitted'),
    onCancelled: on('withdrawal-cancelled'),
    onRequestClose: on('withdraw-dialog-request-close'),
    onLoadFailed: on('withdraw-dialog-load-failed'),
  },
});

export const VoucherIssueFormElement = createComponent({
  react: React,
  tagName: 'voucher-issue-form',
  elementClass: VoucherIssueForm,
  events: {
    onIssued: on('voucher-issued'),
    onLoadFailed: on('voucher-issue-form-load-failed'),
  },
});

export const IssuedVoucherListElement = createComponent({
  react: React,
  tagName: 'issued-voucher-list',
  elementClass: IssuedVoucherList,
  events: {
    onReclaimed: on('voucher-reclaimed'),
    onRequestClose: on('issued-voucher-list-request-close'),
    onLoadFailed: on('issued-voucher-list-load-failed'),
  },
});

export const VoucherRecordsElement = createComponent({
  react: React,
  tagName: 'voucher-records',
  elementClass: VoucherRecords,
  events: { onLoadFailed: on('voucher-records-load-failed') },
});

export const InviteTableElement = createComponent({
  react: React,
  tagName: 'invite-table',
  elementClass: InviteTable,
  events: {
    onResent: on('invitations-resent'),
    onRequestClose: on('invite-table-request-close'),
    onLoadFailed: on('invite-table-load-failed'),
  },
});

export const InvitationLinkElement = createComponent({
  react: React,
  tagName: 'invitation-link',
  elementClass: InvitationLink,
  events: {
    onRegenerated: on('invitation-link-regenerated'),
    onRevoked: on('invitation-link-revoked'),
    onRequestClose: on('invitation-link-request-close'),
    onLoadFailed: on('invitation-link-load-failed'),
  },
});

export const CustomerReportFormElement = createComponent({
  react: React,
  tagName: 'customer-report-form',
  elementClass: CustomerReportForm,
  events: {
    onReported: on('customers-reported'),
    onRequestClose: on('customer-report-form-request-close'),
  },
});

export const CustomerCreateFormElement = createComponent({
  react: React,
  tagName: 'customer-create-form',
  elementClass: CustomerCreateForm,
  events: {
    onCreated: on('customer-created'),
    onAssociated: on('customer-associated'),
  },
});

export const CustomerListElement = createComponent({
  react: React,
  tagName: 'customer-list',
  elementClass: CustomerList,
  events: {
    onUnbindRequested: on('customer-unbind-requested'),
    onRequestClose: on('customer-list-request-close'),
    onLoadFailed: on('customer-list-load-failed'),
  },
});

export const UnbindRequestsElement = createComponent({
  react: React,
  tagName: 'unbind-requests',
  elementClass: UnbindRequests,
  events: {
    onApproved: on('unbind-request-approved'),
    onRejected: on('unbind-request-rejected'),
    onRequestClose: on('unbind-requests-request-close'),
    onLoadFailed: on('unbind-requests-load-failed'),
  },
});

export const OrderPaymentElement = createComponent({
  react: React,
  tagName: 'order-payment',
  elementClass: OrderPayment,
  events: {
    onPaid: on('order-paid'),
    onRedirect: on('order-payment-redirect'),
    onTopUpRequested: on('top-up-requested'),
    onLoadFailed: on('order-payment-load-failed'),
  },
});

export const TopUpFormElement = createComponent({
  react: React,
  tagName: 'top-up-form',
  elementClass: TopUpForm,
  events: {
    onCompleted: on('top-up-completed'),
    onRedirect: on('top-up-redirect'),
    onRemittanceAccountEnabled: on('remittance-account-enabled'),
    onRemittanceClaimed: on('remittance-claimed'),
    onLoadFailed: on('top-up-form-load-failed'),
  },
});
