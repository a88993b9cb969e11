/**
 * A fresh idempotency key for one user intent (one issue, one reclaim, one withdrawal). Built on
 * `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also exists on plain-http intranet
 * portals.
 */
export function createIntentKey(prefix = 'pk'): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${prefix}-${hex}`;
}
