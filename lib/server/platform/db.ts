// The one Prisma client. The provider follows DATABASE_URL; the app is typed with the SQLite client,
// whose API is identical for this portable schema.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/sqlite/client';
import { PrismaClient as PgPrismaClient } from '@/lib/generated/postgres/client';
import { dbProvider, env, sqlitePath } from './env';

export type Db = PrismaClient;

/**
 * better-sqlite3 is synchronous: while it waits for a lock the whole event loop waits. The web process
 * therefore gives up after a short wait (and answers 503 database_busy); the worker may wait longer.
 */
export const WEB_SQLITE_BUSY_TIMEOUT_MS = 200;
export const WORKER_SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** Sets WAL (readers never wait for the writer) and NORMAL sync (safe in WAL) on every new connection. */
class TunedSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    return adapter;
  }
}

export interface DbOptions { sqliteBusyTimeoutMs?: number }

const globalForDb = globalThis as unknown as { vigilDb?: Db; vigilDbOptions?: DbOptions };

export function createDb(url = env().DATABASE_URL, opts: DbOptions = globalForDb.vigilDbOptions ?? {}): Db {
  if (dbProvider(url) === 'postgres') {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PgPrismaClient({ adapter }) as unknown as Db;
  }
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const timeout = opts.sqliteBusyTimeoutMs ?? WEB_SQLITE_BUSY_TIMEOUT_MS;
  return new PrismaClient({ adapter: new TunedSqlite({ url: `file:${file}`, timeout }) });
}

/** Processes that may wait longer for a lock (worker, start-up) call this before their first db(). */
export function configureDb(opts: DbOptions) {
  if (globalForDb.vigilDb) throw new Error('configureDb must run before the first database call');
  globalForDb.vigilDbOptions = opts;
}

/** Process-wide client, created on first use (survives Next's module reloading in dev). */
export function db(): Db {
  globalForDb.vigilDb ??= createDb();
  return globalForDb.vigilDb;
}
