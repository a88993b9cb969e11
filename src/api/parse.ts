import type * as z from 'zod/mini';
import { KitError } from '../model/errors.js';

/**
 * Validates what a backend answered. A response that does not match its schema becomes a
 * `malformed-response` error instead of a half-rendered widget; only the path of the first problem
 * is kept, never the payload (it may hold personal data).
 */
export function parseResponse<T extends z.ZodMiniType>(schema: T, value: unknown, operation: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const path = result.error.issues[0]?.path.join('.') ?? '';
  throw new KitError(
    'malformed-response',
    `The backend answered ${operation} with an unexpected shape${path ? ` at ${path}` : ''}.`,
    { reason: 'schema', details: { operation, path } },
  );
}

/**
 * Validates a request before it leaves, so a caller's mistake is a `validation` error with the
 * field's path rather than a round trip.
 */
export function parseRequest<T extends z.ZodMiniType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new KitError('validation', `Invalid request${path ? ` at ${path}` : ''}.`, {
    reason: 'request',
    details: { path },
  });
}
