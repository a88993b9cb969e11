import { PassThrough } from 'node:stream';
// A scriptable partner backend served by the test runner's own HTTP server, so the HTTP adapter
// is tested over real HTTP (headers, status codes, bodies, timing), not a stubbed fetch.
//
//   POST /mock-api/__script/<scenario>  body: [{ method?, path, status?, headers?, body?, delayMs? }, …]
//   GET  /mock-api/__log/<scenario>     → the requests received so far
//   ANY  /mock-api/<scenario>/<path>    → the next scripted answer for that method and path
//   (a step's delayMs holds the whole answer back; bodyDelayMs sends the headers and stalls the body)
//
// Each test uses its own scenario name, so parallel test files never share a queue.

const scripts = new Map();
const logs = new Map();

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(ctx, status, body, headers = {}) {
  ctx.status = status;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, String(value));
  if (status === 204) {
    ctx.body = null;
    return;
  }
  if (body === undefined) {
    // An empty string, not null: Koa turns a null body into 204 and would hide the scripted status.
    ctx.body = '';
    return;
  }
  ctx.type = 'application/json';
  ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
}

/** Sends the status and headers at once and the body `bodyDelayMs` later: a stream that stalls mid-answer. */
function stall(ctx, step) {
  const body = new PassThrough();
  ctx.status = step.status ?? 200;
  ctx.type = 'application/json';
  ctx.body = body;
  ctx.flushHeaders();
  const timer = setTimeout(() => body.end(JSON.stringify(step.body ?? {})), step.bodyDelayMs);
  body.on('close', () => clearTimeout(timer));
}

export async function mockBackend(ctx, next) {
  if (!ctx.path.startsWith('/mock-api/')) return next();
  const [, , first, ...rest] = ctx.path.split('/');
  if (first === '__script' && ctx.method === 'POST') {
    const scenario = rest.join('/');
    scripts.set(scenario, JSON.parse(await readBody(ctx.req)));
    logs.set(scenario, []);
    return send(ctx, 204);
  }
  if (first === '__log') return send(ctx, 200, logs.get(rest.join('/')) ?? []);
  const scenario = first;
  const path = `/${rest.join('/')}`;
  const body = await readBody(ctx.req);
  const log = logs.get(scenario) ?? [];
  logs.set(scenario, log);
  log.push({
    method: ctx.method,
    path,
    query: ctx.querystring,
    body,
    idempotencyKey: ctx.get('idempotency-key') || undefined,
    verificationTicket: ctx.get('x-verification-ticket') || undefined,
    authToken: ctx.get('x-auth-token') || undefined,
    contentType: ctx.get('content-type') || undefined,
  });
  const queue = scripts.get(scenario) ?? [];
  const index = queue.findIndex((step) => step.path === path && (!step.method || step.method === ctx.method));
  if (index < 0) return send(ctx, 404, { error_code: 'KIT.NOT_FOUND', error_msg: `No scripted answer for ${ctx.method} ${path}` });
  const [step] = queue.splice(index, 1);
  if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
  if (step.bodyDelayMs) return stall(ctx, step);
  return send(ctx, step.status ?? 200, step.body, step.headers);
}
