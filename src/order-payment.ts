/**
 * `<order-payment>`: importing this entry registers it, the `<masked-field>` its customer column is
 * drawn with and, when a code is asked for, the `<verification-code-modal>` (once each, even if
 * loaded twice).
 * @module
 */
import { OrderPayment } from './elements/order-payment/order-payment.js';
import { defineElement } from './elements/define.js';

export { OrderPayment, type OrderPaidDetail, type OrderPaymentRedirectDetail, type OrderPaymentTopUpRequestedDetail } from './elements/order-payment/order-payment.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { OrderPaymentVerifier } from './core/payments/order-payment-flow.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('order-payment', OrderPayment);
