import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { openDatabase, type Db, type DbLocation } from './db.js';

/** A running reference server. */
export interface RunningServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** Opens the database, builds the app and listens (port 0: any free port). */
export async function startServer(options: Omit<AppOptions, 'db'> & { location: DbLocation; port?: number; hostname?: string; db?: Db }): Promise<RunningServer> {
  const db = options.db ?? (await openDatabase(options.location));
  const app = createApp({ ...options, db });
  const hostname = options.hostname ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    db,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
