/**
 * The HTTP adapter: `createHttpAdapter({ baseUrl })` speaks the partner center's REST contract
 * over `fetch`, plus the kit's documented `/kit/v1` contract for the console-only flows.
 * @module
 */
import { HttpPartnerApi, type HttpAdapterOptions } from './http-adapter.js';

export { HttpPartnerApi, type HttpAdapterOptions } from './http-adapter.js';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry-policy.js';

/** Creates an adapter that talks to a partner backend over HTTP. */
export function createHttpAdapter(options: HttpAdapterOptions): HttpPartnerApi {
  return new HttpPartnerApi(options);
}
