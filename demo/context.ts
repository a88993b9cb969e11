import '../src/partner-kit-provider.js';
import type { PartnerKitProvider } from '../src/partner-kit-provider.js';
import { createMemoryAdapter } from '../src/api/memory/index.js';

/** The one in-memory backend every element of the page shares through the provider. */
// A large invitation list, as a big partner has: the table pages it through the adapter.
export const api = createMemoryAdapter({ latencyMs: 400, invitationCount: 20_000, rateLimitPerSecond: 10 });

export const kit = document.querySelector('#kit') as PartnerKitProvider;
kit.api = api;

/** The page's own words in the page's language. */
export const t = (zh: string, en: string): string => (document.documentElement.lang.startsWith('zh') ? zh : en);

/** The element the page's markup holds under `selector`. */
export const $ = <T extends Element = HTMLElement>(selector: string): T => document.querySelector(selector) as T;
