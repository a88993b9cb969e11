import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiOperation } from '../../src/api/adapter.js';
import type { Db } from './db.js';
import { ApiError, badRequest } from './errors.js';
import { IdempotencyKey } from '../../src/model/schemas/intents.js';
import { fingerprint, runIntent, type Keep } from './idempotency.js';
import { readJson } from './json-body.js';
import { devRoutes } from './dev-routes.js';
import { buildOpenApi } from './openapi.js';
import type { OperationContext, Tenant } from './operations/context.js';
import { throttle } from './rate-limit.js';
import { ROUTES, type Route } from './routes.js';
import { tokenHash } from './seed.js';

/** How the reference server behaves. */
export interface AppOptions {
  db: Db;
  /** The business clock (code expiry, validity windows). Default `Date.now`. */
  now?: () => number;
  /** Requests per second per tenant before 429. Default 10, as the partner API. */
  rateLimitPerSecond?: number;
  /** Secret mixed into stored code hashes. */
  codePepper?: string;
  /**
   * Serves the dev routes (`/kit/v1/dev/…`: the outbox, and playing the payer and the claim
   * reviewer), for demos and tests only.
   */
  devOutbox?: boolean;
  /** Largest request body accepted, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called after an intent's transaction committed, before the answer is sent (fault tests). */
  afterCommit?: (operation: ApiOperation) => void;
}

/** Query parameters that may repeat (`?coupon_ids=a&coupon_ids=b`). */
const LIST_PARAMS = new Set(['operation_types', 'coupon_ids']);

/** What the auth middleware leaves for every handler. */
export type Env = { Variables: { tenant: Tenant } };

/** Reads and code checks commit or roll back whole; only an intent's refusal undoes part of what it wrote. */
const keepOnlyInIntents: Keep = () => {
  throw new Error('Only an intent keeps writes past a refusal.');
};

function fail(c: Context, error: ApiError) {
  if (error.retryAfterMs !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  return c.json(error.body, error.status as ContentfulStatusCode);
}

function firstIssue(result: { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string {
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return `Invalid request${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}.`;
}

function readQuery(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) out[key] = LIST_PARAMS.has(key) ? values : (values[0] ?? '');
  return out;
}

/** A file of a multipart form, read whole: what the operation judges and keeps. */
async function readFile(value: unknown): Promise<{ fileName: string; contentType: string; bytes: Uint8Array } | undefined> {
  if (!(value instanceof Blob)) return undefined;
  const name = value instanceof File ? value.name : '';
  return { fileName: name === '' ? 'upload' : name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
}

/** A multipart form: its text fields through the route's wire schema, its file beside them. */
async function readUpload(c: Context, upload: NonNullable<Route['upload']>, wire: (schema: Route['body'], raw: unknown) => Record<string, unknown>) {
  let form: Record<string, string | File>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw badRequest('The body is not a multipart form.');
  }
  const { [upload.file]: value, ...fields } = form;
  const file = await readFile(value);
  if (!file) throw badRequest(`Invalid request at ${upload.file}: a file is required.`);
  return { ...wire(upload.fields, fields), [upload.file]: file };
}

/** The wire request → the domain request, validated by the same schemas the adapters use. */
async function domainRequest(c: Context, route: Route): Promise<unknown> {
  const wire = (schema: Route['body'], raw: unknown): Record<string, unknown> => {
    if (!schema) return {};
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw badRequest(firstIssue(parsed));
    return parsed.data as Record<string, unknown>;
  };
  const body = route.upload ? await readUpload(c, route.upload, wire) : wire(route.body, route.body ? await readJson(c) : undefined);
  const input = { ...body, ...wire(route.query, route.query ? readQuery(c) : undefined) };
  if (!route.request || !route.domain) return undefined;
  const parsed = route.domain.safeParse(route.request(input, c.req.param() as Record<string, string>));
  if (!parsed.success) throw badRequest(firstIssue(parsed));
  return parsed.data;
}

/** The partner-center subset and the `/kit/v1` contract, on Hono. */
export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const now = options.now ?? (() => Date.now());
  const perSecond = options.rateLimitPerSecond ?? 10;
  const codePepper = options.codePepper ?? 'partner-kit-dev-pepper';

  const api = new Hono<Env>();
  api.use(async (c, next) => {
    const token = c.req.header('X-Auth-Token');
    const [tenant] = token
      ? await db.query<Tenant>(
          `SELECT t.tenant_id AS "tenantId", t.company_real_name AS "companyRealName", t.verification_enabled AS "verificationEnabled", t.guarded_purposes AS "guardedPurposes"
           FROM api_tokens k JOIN tenants t USING (tenant_id) WHERE k.token_hash = $1`,
          [tokenHash(token)],
        )
      : [];
    if (!tenant) return fail(c, new ApiError('CBC.0154', 'The token is missing, illegal or expired.', 401));
    const urlTenant = c.req.param('tenant_id');
    if (urlTenant !== undefined && urlTenant !== tenant.tenantId) {
      return fail(c, new ApiError('APIGW.0301', 'tenant_id in token mismatches with tenant_id in url.', 401));
    }
    await throttle(db, tenant.tenantId, perSecond);
    c.set('tenant', tenant);
    return next();
  });

  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const limit = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => c.json({ error_code: 'CBC.0100', error_msg: 'The request body is too large.' }, 413) });

  for (const route of ROUTES) {
    // An upload may be as large as its file allows, with room for the form around it.
    api.on(route.method, route.path, limit(maxBody + (route.upload?.maxBytes ?? 0)), async (c) => {
      const request = await domainRequest(c, route);
      const base = { tenant: c.get('tenant'), now: now(), ticket: c.req.header('X-Verification-Ticket'), codePepper };
      const run = (query: OperationContext['query'], keep: Keep = keepOnlyInIntents) => route.run({ ...base, query, keep }, request as never);
      if (route.kind === 'intent') {
        const key = IdempotencyKey.safeParse(c.req.header('Idempotency-Key'));
        if (!key.success) throw badRequest(`${route.operation} needs an Idempotency-Key of 8 to 128 characters of A-Z a-z 0-9 . _ : -.`);
        const answer = await runIntent(
          db,
          { tenantId: base.tenant.tenantId, key: key.data, operation: route.operation, fingerprint: fingerprint(route.operation, c.req.path, request), now: base.now },
          run,
        );
        options.afterCommit?.(route.operation);
        if (answer.replayed) c.header('Idempotent-Replayed', 'true');
        if (answer.refusal) return fail(c, answer.refusal);
        return c.json(answer.body as object);
      }
      if (route.kind === 'verify') {
        // A wrong code must count even though the answer is a refusal: commit, then refuse.
        const outcome = await db.transaction(async (query) => {
          try {
            return { body: await run(query) };
          } catch (error) {
            if (error instanceof ApiError) return { error };
            throw error;
          }
        });
        if ('error' in outcome) throw outcome.error;
        return c.json(outcome.body as object);
      }
      return c.json((await db.transaction((query) => run(query))) as object);
    });
  }

  if (options.devOutbox) api.route('/kit/v1/dev', devRoutes(db, now, limit(maxBody)));

  const app = new Hono();
  const openapi = buildOpenApi();
  app.get('/openapi.json', (c) => c.json(openapi));
  app.route('/', api);
  app.route('/tenants/:tenant_id', api);
  app.notFound((c) => c.json({ error_code: 'KIT.NOT_FOUND', error_msg: `No route for ${c.req.method} ${c.req.path}.` }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return fail(c, error);
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    return c.json({ error_code: 'CBC.0999', error_msg: 'Internal error.' }, 500);
  });
  return app;
}
