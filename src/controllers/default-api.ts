import type { PartnerApi } from '../api/adapter.js';
import { loadDemoMarker } from './demo-marker.js';

let shared: Promise<PartnerApi> | undefined;

/**
 * The embedded default backend: one in-memory adapter shared by every element on the page that
 * was given no `api` and has no provider above it. Loaded on first use as a separate chunk, so a
 * host that passes its own adapter never downloads the demo data; the "demo data" marker comes
 * with it, so an element that draws demo data draws the marker too.
 */
export function defaultApi(): Promise<PartnerApi> {
  shared ??= Promise.all([import('../api/memory/index.js'), loadDemoMarker()]).then(([{ createMemoryAdapter }]) => createMemoryAdapter({ latencyMs: 250 }));
  return shared;
}
