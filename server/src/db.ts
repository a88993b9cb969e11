import { mkdir, readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** One SQL statement's rows. Parameters are positional (`$1`), as PostgreSQL writes them. */
export type Query = <Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<Row[]>;

/** The storage every route uses: PGlite or a PostgreSQL server behind one small interface. */
export interface Db {
  query: Query;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the data lives: `memory` (tests), a folder (PGlite on disk) or a `postgres://` URL. */
export type DbLocation = { kind: 'memory' } | { kind: 'folder'; path: string } | { kind: 'url'; url: string };

const INT8 = 20;

/** Opens the database and brings its schema up to date. */
export async function openDatabase(location: DbLocation): Promise<Db> {
  const db = location.kind === 'url' ? openPostgres(location.url) : await openPglite(location.kind === 'folder' ? location.path : undefined);
  await migrate(db);
  return db;
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Amounts are bigint minor units below 2^53 (MAX_MINOR), so a JS number holds them exactly.
  const lite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { [INT8]: Number } });
  const run =
    (target: Pick<PGlite, 'query'>): Query =>
    async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query<Row>(sql, [...params])).rows;
  return {
    query: run(lite),
    // PGlite is one connection: its transaction() queues every other statement until this one ends.
    transaction: (work) => lite.transaction((tx) => work(run(tx))),
    close: () => lite.close(),
  };
}

function openPostgres(url: string): Db {
  pg.types.setTypeParser(INT8, Number);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const run =
    (target: pg.Pool | pg.PoolClient): Query =>
    async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query(sql, [...params])).rows as Row[];
  return {
    query: run(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(run(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const MIGRATIONS = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Applies the numbered `.sql` files not applied yet, each in its own transaction. */
async function migrate(db: Db): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY)');
  // Two processes starting on one server must not both migrate.
  await db.transaction(async (query) => {
    await query('SELECT pg_advisory_xact_lock(7301)');
    const done = new Set((await query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const name of (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(name)) continue;
      const sql = await readFile(`${MIGRATIONS}${name}`, 'utf8');
      for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim() !== '')) {
        await query(statement);
      }
      await query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }
  });
}
