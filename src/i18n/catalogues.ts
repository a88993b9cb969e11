import type { errorMessages } from './error-messages.js';
import type { createCustomerMessages } from './messages/customer-create-form.js';
import type { customerListMessages } from './messages/customer-list.js';
import type { unbindRequestMessages } from './messages/unbind-requests.js';
import type { reportMessages } from './messages/customer-report-form.js';
import type { linkMessages } from './messages/invitation-link.js';
import type { inviteMessages } from './messages/invite-table.js';
import type { issuedMessages } from './messages/issued-voucher-list.js';
import type { kitMessages } from './messages/kit.js';
import type { maskedFieldMessages } from './messages/masked-field.js';
import type { orderPaymentMessages } from './messages/order-payment.js';
import type { pagerMessages } from './messages/pager.js';
import type { restrictionMessages } from './messages/restrictions.js';
import type { topUpMessages } from './messages/top-up-form.js';
import type { verificationMessages } from './messages/verification-code-modal.js';
import type { verificationDeskMessages } from './messages/verification-code-modal-desk.js';
import type { issueMessages } from './messages/voucher-issue-form.js';
import type { issueOutcomeMessages } from './messages/voucher-issue-form-outcome.js';
import type { recordsMessages } from './messages/voucher-records.js';
import type { voucherMessages } from './messages/vouchers.js';
import type { withdrawMessages } from './messages/withdraw-dialog.js';
import type { withdrawContentsMessages } from './messages/withdraw-dialog-contents.js';

type MessagesOf<C> = C extends (locale: never) => infer M ? M : never;

/**
 * Every catalogue of the kit by the name a host overrides it under, with its messages' keys and
 * parameters. Types only: naming a catalogue here costs a host's bundle nothing. The words of a part
 * an element fetches later are in a catalogue of their own (`defineMessages`' `overriddenUnder`) but overridden
 * under the element's name, so they are part of its entry here.
 */
export interface KitCatalogues {
  'customer-create-form': MessagesOf<typeof createCustomerMessages>;
  'customer-list': MessagesOf<typeof customerListMessages>;
  errors: MessagesOf<typeof errorMessages>;
  'customer-report-form': MessagesOf<typeof reportMessages>;
  'invitation-link': MessagesOf<typeof linkMessages>;
  'invite-table': MessagesOf<typeof inviteMessages>;
  'issued-voucher-list': MessagesOf<typeof issuedMessages>;
  kit: MessagesOf<typeof kitMessages>;
  'masked-field': MessagesOf<typeof maskedFieldMessages>;
  'order-payment': MessagesOf<typeof orderPaymentMessages>;
  pager: MessagesOf<typeof pagerMessages>;
  restrictions: MessagesOf<typeof restrictionMessages>;
  'top-up-form': MessagesOf<typeof topUpMessages>;
  'unbind-requests': MessagesOf<typeof unbindRequestMessages>;
  'verification-code-modal': MessagesOf<typeof verificationMessages> & MessagesOf<typeof verificationDeskMessages>;
  'voucher-issue-form': MessagesOf<typeof issueMessages> & MessagesOf<typeof issueOutcomeMessages>;
  'voucher-records': MessagesOf<typeof recordsMessages>;
  vouchers: MessagesOf<typeof voucherMessages>;
  'withdraw-dialog': MessagesOf<typeof withdrawMessages> & MessagesOf<typeof withdrawContentsMessages>;
}

export type CatalogueName = keyof KitCatalogues;

/** Messages for some catalogues in one locale: any subset of each catalogue's keys. */
export type CatalogueMessages = { readonly [N in CatalogueName]?: Readonly<Partial<KitCatalogues[N]>> };

/**
 * Messages per locale, per catalogue: a provider's `messages` property, e.g.
 * `{ 'en-US': { 'withdraw-dialog': { title: 'Cash out' } }, 'ja-JP': { … } }`.
 */
export type LocaleMessages = { readonly [locale: string]: CatalogueMessages | undefined };
