import type { Context } from 'hono';
import { badRequest } from './errors.js';

/** A request's JSON body (`{}` when empty), or 400 in the contract's shape. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The body is not JSON.');
  }
}
