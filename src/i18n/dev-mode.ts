/**
 * The kit's dev mode: on when the host page sets `globalThis.__PK_DEV__ = true` (before or after
 * loading the kit). A global flag rather than `import.meta.env.DEV`: the kit is prebuilt, so a
 * bundler flag would be frozen at the kit's own build, not the host's.
 */
export function isDevMode(): boolean {
  return (globalThis as { __PK_DEV__?: unknown }).__PK_DEV__ === true;
}

const warned = new Set<string>();

/** A console warning in dev mode, at most once per `message` for the page's lifetime. */
export function warnOnce(message: string): void {
  if (!isDevMode() || warned.has(message)) return;
  warned.add(message);
  // eslint-disable-next-line no-console -- a developer's console is where a missing translation shows
  console.warn(`partner-kit: ${message}`);
}
