import type * as z from 'zod/mini';
import { KitError } from '../../../model/errors.js';
import type { IntentOperation } from '../../../model/schemas/intents.js';
import { parseResponse } from '../../parse.js';
import type { Send, WireCall } from '../transport.js';

/** Sends `call` and validates its answer with the operation's wire schema. */
export async function read<S extends z.ZodMiniType>(send: Send, wire: S, call: WireCall): Promise<z.output<S>> {
  return parseResponse(wire, await send(call), call.operation);
}

/** How a domain's recorded results read back: each operation's own wire schema, then its model schema. */
export type RecordedShapes = Partial<Record<IntentOperation, readonly [z.ZodMiniType, z.ZodMiniType]>>;

/** A recorded result, read into the model shape the call itself resolves with. */
export function readRecorded(shapes: RecordedShapes, operation: IntentOperation, raw: unknown): unknown {
  const schemas = shapes[operation];
  if (!schemas) throw new KitError('configuration', `No recorded result shape for ${operation}.`);
  const [wire, model] = schemas;
  return parseResponse(model, parseResponse(wire, raw, 'lookupIntent'), 'lookupIntent');
}
