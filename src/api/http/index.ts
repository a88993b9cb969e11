/**
 * The HTTP adapter: `createHttpAdapter({ baseUrl })` speaks the partner center's REST contract
 * over `fetch`, plus the kit's documented `/kit/v1` contract for the console-only flows.
 * @module
 */
import { HttpPartnerApi } from './http-adapter.js';
import type { HttpAdapterOptions } from './options.js';

export { HttpPartnerApi, preloadHttpDomains, type HttpAdapterOptions } from './http-adapter.js';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry-policy.js';

/**
 * Creates an adapter that talks to a partner backend over HTTP. Each domain's schemas load on its
 * first call; `await preloadHttpDomains()` loads them all now.
 */
export function createHttpAdapter(options: HttpAdapterOptions): HttpPartnerApi {
  return new HttpPartnerApi(options);
}
