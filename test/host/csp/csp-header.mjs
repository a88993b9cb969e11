// Serves the strict-CSP host page with the policy as an HTTP header, as a payment portal does. The
// test runner's own pages carry inline scripts, so only this route gets the policy.

/** The policy the README tells hosts they can ship: no 'unsafe-inline', no 'unsafe-eval', Trusted Types on. */
export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export async function strictCspPage(ctx, next) {
  await next();
  if (ctx.path.startsWith('/test/host/csp/') && ctx.path.endsWith('.html')) ctx.set('Content-Security-Policy', STRICT_POLICY);
}
