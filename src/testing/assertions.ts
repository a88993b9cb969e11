import type * as z from 'zod/mini';
import { KitError, type KitErrorCode } from '../model/errors.js';

/**
 * Tiny assertions with no test-framework or Node dependency, so the suite runs under mocha in a
 * browser as well as under `node:test`.
 */

export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** The value matches the domain schema the kit's flows rely on. */
export function shaped<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${what} does not match its schema at ${result.error.issues[0]?.path.join('.') ?? ''}`);
  return result.data;
}

/** Awaits a call that must reject with a KitError of `code` (and `reason`, when given). */
export async function rejects(call: Promise<unknown>, code: KitErrorCode, reason?: string): Promise<KitError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  ensure(caught !== undefined, `expected a rejection with ${code}${reason ? `/${reason}` : ''}, but the call succeeded`);
  ensure(caught instanceof KitError, `expected a KitError, got ${String(caught)}`);
  ensure(caught.code === code, `expected code ${code}, got ${caught.code}/${caught.reason ?? ''} (${caught.backendCode ?? ''}: ${caught.message})`);
  if (reason !== undefined) ensure(caught.reason === reason, `expected reason ${reason}, got ${caught.reason ?? 'none'} (${caught.message})`);
  return caught;
}
