import { supportsAdoptingStyleSheets } from 'lit';
import type { PartnerApi } from '../api/adapter.js';
import { loadDemoMarker } from './demo-marker.js';

let shared: Promise<PartnerApi> | undefined;

/**
 * The embedded default backend: one in-memory adapter shared by every element on the page that
 * was given no `api` and has no provider above it. Loaded on first use as a separate chunk, so a
 * host that passes its own adapter never downloads the demo data; the "demo data" marker comes
 * with it, and `host`'s root has the marker's rules before the adapter is handed out, so an element
 * that draws demo data draws the marker, styled, too.
 */
export async function defaultApi(host: HTMLElement & { readonly renderRoot: Node }): Promise<PartnerApi> {
  shared ??= import('../api/memory/index.js').then(({ createMemoryAdapter }) => createMemoryAdapter({ latencyMs: 250 }));
  // As soon as the view comes, not once the larger backend has too: the marker can be drawn from
  // then on, so its rules and the console's warning must already be there.
  const view = await loadDemoMarker();
  view.onDemo(host.renderRoot, host.localName, supportsAdoptingStyleSheets);
  return shared;
}
