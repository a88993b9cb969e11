/* eslint-disable no-console -- the kit's dev-mode warnings go to the console, where these tests read them */

/**
 * The console warnings of each test in the calling `describe`, fresh for every test; after each,
 * the console is restored and the kit's dev mode (`__PK_DEV__`, which a test may switch on) is off.
 */
export function watchWarnings(): string[] {
  const warnings: string[] = [];
  const realWarn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = realWarn;
    delete (globalThis as { __PK_DEV__?: unknown }).__PK_DEV__;
  });
  return warnings;
}
