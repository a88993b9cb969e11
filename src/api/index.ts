/**
 * The adapter contract: the `PartnerApi` interface, the zod schemas its types come from, and the
 * helpers a host needs to write its own adapter.
 * @module
 */
export type { ApiOperation, CallOptions, IntentCallOptions, PartnerApi } from './adapter.js';
export * from '../model/schemas/index.js';
export { backendError } from './backend-errors.js';
export { parseRequest, parseResponse } from './parse.js';
export { apiAmountToMinor, decimalToMinor, minorToDecimal, MAX_MINOR } from '../model/decimal.js';
