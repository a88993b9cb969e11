/**
 * `<order-payment>`: importing this entry registers it, the `<masked-field>` its customer column is
 * drawn with and, when a code is asked for, the `<verification-code-modal>` (once each, even if
 * loaded twice).
 * @module
 */
import { OrderPayment } from './elements/order-payment/order-payment.js';
import { defineElement } from './elements/define.js';

export { OrderPayment, type OrderPaidDetail, type OrderPaymentRedirectDetail } from './elements/order-payment/order-payment.js';

defineElement('order-payment', OrderPayment);
