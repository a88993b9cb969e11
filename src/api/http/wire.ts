/**
 * The wire format of every operation, in one import: snake_case fields and amounts in yuan as the
 * partner API sends them. The adapter itself loads each domain's schemas (`wire/<domain>.ts`) only
 * when that domain is first called; this module gathers them for the reference server and tests.
 */
export * from './wire/common.js';
export * from './wire/coupons.js';
export * from './wire/withdrawal.js';
export * from './wire/verification.js';
export * from './wire/invitations.js';
export * from './wire/intents.js';
export * from './wire/payments.js';
export * from './wire/customers.js';
export { jsonBody } from './json-body.js';
