import { createHash } from 'node:crypto';
import { backendError } from '../../src/api/backend-errors.js';
import { definiteRefusal } from '../../src/model/errors.js';
import type { Db, Query } from './db.js';
import { ApiError, type ErrorFields } from './errors.js';

/** What an intent answered: the first answer, replayed for every repeat of its key. */
export interface IntentAnswer {
  body: unknown;
  /** This answer was recorded by an earlier request with the same key. */
  replayed: boolean;
  /** The refusal, when the intent was refused (its body is `body`). */
  refusal?: ApiError;
}

/**
 * Registers a write that stands whatever the effect's outcome: it runs once the effect has ended,
 * after a refusal's rollback, so an attempt the rules count (a wrong code, a pay call) is counted
 * even when the answer is a refusal.
 */
export type Keep = (sql: string, params: readonly unknown[]) => void;

/** The intent a request carries: tenant, operation and key name it; the fingerprint is its identity. */
export interface Intent {
  tenantId: string;
  operation: string;
  key: string;
  fingerprint: string;
  now: number;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The request's identity: operation, target and body, canonically serialised and hashed. */
export function fingerprint(operation: string, path: string, request: unknown): string {
  return sha256(`${operation}\n${path}\n${canonical(request)}`);
}

function canonical(value: unknown): string {
  // An uploaded file counts by its digest: the same bytes are the same request.
  if (value instanceof Uint8Array) return JSON.stringify(`sha256:${sha256(value)}`);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether a refusal is the key's answer for good, by the kit's own rule (`definiteRefusal`). */
const recorded = (error: ApiError) => definiteRefusal(backendError(error.errorCode, error.message, { status: error.status }));

/** Takes the key's transaction-scoped lock: waiting for it, or (`wait` false) only if it is free. */
async function lockIntent(query: Query, intent: Pick<Intent, 'tenantId' | 'operation' | 'key'>, wait: boolean): Promise<boolean> {
  const name = `${intent.tenantId}\n${intent.operation}\n${intent.key}`;
  if (wait) {
    await query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
    return true;
  }
  const [row] = await query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [name]);
  return row?.locked === true;
}

interface KeyRow {
  fingerprint: string;
  outcome: 'done' | 'refused' | 'abandoned';
  http_status: number;
  response: unknown;
}

const readKey = async (query: Query, intent: Pick<Intent, 'tenantId' | 'operation' | 'key'>) =>
  (
    await query<KeyRow>('SELECT fingerprint, outcome, http_status, response FROM idempotency_keys WHERE tenant_id = $1 AND operation = $2 AND idempotency_key = $3', [
      intent.tenantId, intent.operation, intent.key,
    ])
  )[0];

const writeKey = (query: Query, intent: Intent, outcome: KeyRow['outcome'], status: number, response: unknown) =>
  query(
    `INSERT INTO idempotency_keys (tenant_id, operation, idempotency_key, fingerprint, outcome, http_status, response, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8)`,
    [intent.tenantId, intent.operation, intent.key, intent.fingerprint, outcome, status, JSON.stringify(response), intent.now],
  );

/**
 * Runs one money-moving intent at most once per tenant, operation and key.
 *
 * In one transaction: a transaction-scoped advisory lock on the key makes concurrent repeats wait
 * for the first; the recorded outcome is read; a different fingerprint is a mismatch; a done or
 * definitely refused intent is answered from its record; otherwise the effect runs and its answer
 * is recorded in the same transaction, so a crash leaves either both or neither. A refusal undoes
 * what the effect wrote except the writes it kept ({@link Keep}); one the rule does not record (a
 * missing ticket, a rate limit) leaves the key unused. The primary key is the last guard should
 * two writers ever get past the lock.
 */
export async function runIntent(db: Db, intent: Intent, effect: (query: Query, keep: Keep) => Promise<unknown>): Promise<IntentAnswer> {
  return db.transaction(async (query) => {
    await lockIntent(query, intent, true);
    const row = await readKey(query, intent);
    if (row?.outcome === 'abandoned') {
      throw new ApiError('KIT.INTENT_ABANDONED', 'This idempotency key was looked up and reported as not done; use a new one.', 409);
    }
    if (row && row.fingerprint !== intent.fingerprint) throw new ApiError('KIT.IDEMPOTENCY_MISMATCH', 'This idempotency key was used for a different request.', 409);
    if (row?.outcome === 'done') return { body: row.response, replayed: true };
    if (row?.outcome === 'refused') {
      const { error_code, error_msg, ...fields } = row.response as { error_code: string; error_msg: string } & ErrorFields;
      return { body: row.response, replayed: true, refusal: new ApiError(error_code, error_msg, row.http_status, undefined, fields) };
    }
    const kept: (readonly [string, readonly unknown[]])[] = [];
    const writeKept = async () => {
      for (const [sql, params] of kept) await query(sql, params);
    };
    await query('SAVEPOINT intent_effect');
    try {
      const body = await effect(query, (sql, params) => kept.push([sql, params]));
      await writeKept();
      await writeKey(query, intent, 'done', 200, body);
      return { body, replayed: false };
    } catch (error) {
      if (!(error instanceof ApiError) || (!recorded(error) && kept.length === 0)) throw error;
      await query('ROLLBACK TO SAVEPOINT intent_effect');
      await writeKept();
      // A recorded refusal is the key's answer for good; an unrecorded one commits only what was kept.
      if (recorded(error)) await writeKey(query, intent, 'refused', error.status, error.body);
      return { body: error.body, replayed: false, refusal: error };
    }
  });
}

/**
 * The intent lookup. `pending` while a request holds the key; `not-done` for a key never acted on,
 * which from then on is refused for good (`KIT.INTENT_ABANDONED`), so a request still on its way
 * cannot take effect after the caller was told it did not.
 */
export async function lookupIntent(query: Query, intent: Pick<Intent, 'tenantId' | 'operation' | 'key' | 'now'>) {
  if (!(await lockIntent(query, intent, false))) return { status: 'pending' as const };
  const row = await readKey(query, intent);
  if (!row) {
    await writeKey(query, { ...intent, fingerprint: '' }, 'abandoned', 409, {});
    return { status: 'not-done' as const };
  }
  if (row.outcome === 'abandoned') return { status: 'not-done' as const };
  return row.outcome === 'done' ? { status: 'done' as const, result: row.response } : { status: 'refused' as const, error: row.response };
}
