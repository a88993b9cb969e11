/**
 * partner-kit: every element (registered on import), the headless core and the adapter contract.
 * Import single entries (`partner-kit/masked-field.js`, `partner-kit/core`, …) to pay only for
 * what a page uses.
 * @module
 */
export * from './core/index.js';
export * from './api/index.js';
export * from './masked-field.js';
export * from './customer-create-form.js';
export * from './customer-list.js';
export * from './unbind-requests.js';
export * from './verification-code-modal.js';
export * from './withdraw-dialog.js';
export * from './voucher-issue-form.js';
export * from './issued-voucher-list.js';
export * from './voucher-records.js';
export * from './invite-table.js';
export * from './customer-report-form.js';
export * from './invitation-link.js';
export * from './order-payment.js';
export * from './top-up-form.js';
export * from './partner-kit-provider.js';
export { kitContext, type KitSettings } from './controllers/kit-context.js';
export { KitController, type KitHost } from './controllers/kit-controller.js';
export { FlowController } from './controllers/flow-controller.js';
export * from './i18n/index.js';
