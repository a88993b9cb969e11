import { BACKEND_CODES } from './backend-codes.js';
import { mapBackendError } from './error-mapping.js';

export { errorDetails } from './error-mapping.js';

/** Builds the KitError for a backend error body (and the HTTP status it came with, where known). */
export function backendError(backendCode: string, message: string, init: Parameters<typeof mapBackendError>[3] = {}) {
  return mapBackendError(BACKEND_CODES, backendCode, message, init);
}
