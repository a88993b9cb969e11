import * as z from 'zod/mini';
import { IdempotencyKey } from '../../src/model/schemas/intents.js';
import { ErrorBody, ROUTES, type Route } from './routes.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** The wire side of a schema: for request and answer schemas alike, what travels, before any mapping. */
function wireSchema(schema: z.ZodMiniType): JsonSchema {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete generated['$schema'];
  return generated;
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const errorSchema = wireSchema(ErrorBody);
const error = (description: string, retryAfter = false) => ({
  description,
  content: json({ $ref: '#/components/schemas/Error' }),
  ...(retryAfter ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
});
const ERRORS = {
  '400': error('Invalid request or a business refusal (`CBC.*`, `KIT.*` codes)'),
  '401': error('Missing or invalid token (`CBC.0154`), or tenant in token ≠ tenant in URL (`APIGW.0301`)'),
  '403': error('A verification ticket is required (`KIT.VERIFICATION_REQUIRED`)'),
  '404': error('No such record (`KIT.NOT_FOUND`)'),
  '409': error(
    'A conflict with the record’s state (e.g. `CBC.99003106`, `KIT.ALREADY_CLAIMED`, `KIT.REMITTANCE_NOT_ENABLED`), or an idempotency key reused for a different request (`KIT.IDEMPOTENCY_MISMATCH`) or abandoned by a lookup (`KIT.INTENT_ABANDONED`)',
  ),
  '413': error('Request body too large'),
  '429': error('Rate limited (`CBC.0250`, 10 requests/s per tenant) or a code-send / attempt limit', true),
  '500': error('Internal error (`CBC.0999`); never a stack trace'),
};

/** A multipart form: its text fields' schema and the file field, binary. */
function formSchema(upload: NonNullable<Route['upload']>): JsonSchema {
  const fields = wireSchema(upload.fields);
  return {
    ...fields,
    properties: { ...fields.properties, [upload.file]: { type: 'string', contentMediaType: 'application/octet-stream', description: `A file of at most ${upload.maxBytes} bytes` } },
    required: [...(fields.required ?? []), upload.file],
  };
}

/**
 * The OpenAPI 3.1 document of the reference server, generated from the route table: request
 * schemas are the server's wire request schemas, answers are the HTTP adapter's own wire schemas.
 */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (route.query) {
      const query = wireSchema(route.query);
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema, ...(schema['type'] === 'array' ? { style: 'form', explode: true } : {}) });
      }
    }
    if (route.kind === 'intent') {
      parameters.push(
        { name: 'Idempotency-Key', in: 'header', required: true, description: 'One key per user intent, repeated on every retry of it', schema: wireSchema(IdempotencyKey) },
        { name: 'X-Verification-Ticket', in: 'header', required: false, description: 'The single-use ticket of a passed code check, where the policy guards this purpose', schema: { type: 'string' } },
      );
    }
    paths[path] = {
      ...paths[path],
      [route.method.toLowerCase()]: {
        operationId: route.operation,
        summary: route.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(route.body ? { requestBody: { required: true, content: json(wireSchema(route.body)) } } : {}),
        ...(route.upload ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: formSchema(route.upload) } } } } : {}),
        responses: { '200': { description: 'Success', content: json(wireSchema(route.response)) }, ...ERRORS },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'partner-kit backend contract',
      version: '1.0.0',
      description: 'The partner-center subset and the kit’s /kit/v1 contract, as the HTTP adapter calls them. See docs/http-contract.md.',
    },
    servers: [
      { url: '/', description: 'Tenant from the token' },
      { url: '/tenants/{tenant_id}', description: 'Tenant in the URL, checked against the token', variables: { tenant_id: { default: 'demo' } } },
    ],
    security: [{ authToken: [] }],
    components: {
      securitySchemes: { authToken: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
