import { TRANSPORT_CODES, mapBackendError, type BackendCodeTable } from '../error-mapping.js';

let table: BackendCodeTable = TRANSPORT_CODES;

/**
 * Hands the transport the whole code table. Fetched with the first domain module (every call goes
 * through one), so no page pays for the table of codes up front.
 */
export function installBackendCodes(full: BackendCodeTable): void {
  table = full;
}

/** The KitError for an error answer, read with the table installed so far. */
export function transportError(backendCode: string, message: string, init: Parameters<typeof mapBackendError>[3] = {}) {
  return mapBackendError(table, backendCode, message, init);
}
